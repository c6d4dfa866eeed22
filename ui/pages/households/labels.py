"""What the stored codes of the households register are called on screen (translated)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def status_text(code: str) -> str:
    return {
        "F0": "F0",
        "F1": "F1",
        "F2": "F2",
        "negative": QCoreApplication.translate("HouseholdLabels", "Negative"),
        "recovered": QCoreApplication.translate("HouseholdLabels", "Recovered"),
        "facility": QCoreApplication.translate("HouseholdLabels", "Moved to a facility"),
        "died": QCoreApplication.translate("HouseholdLabels", "Died"),
        "": "",
    }.get(code, code)


def isolation_text(code: str) -> str:
    return {
        "central": QCoreApplication.translate("HouseholdLabels", "Central facility"),
        "home": QCoreApplication.translate("HouseholdLabels", "At home"),
        "self": QCoreApplication.translate("HouseholdLabels", "Self-monitoring"),
        "": "",
    }.get(code, code)


def sex_text(code: str) -> str:
    return {
        "M": QCoreApplication.translate("HouseholdLabels", "Male"),
        "F": QCoreApplication.translate("HouseholdLabels", "Female"),
    }.get(code, "")


def test_kind_text(code: str) -> str:
    return {
        "rapid": QCoreApplication.translate("HouseholdLabels", "Rapid test"),
        "pcr": "RT-PCR",
    }.get(code, code)


test_kind_text.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def result_text(code: str) -> str:
    return {
        "negative": QCoreApplication.translate("HouseholdLabels", "Negative"),
        "positive": QCoreApplication.translate("HouseholdLabels", "Positive"),
        "invalid": QCoreApplication.translate("HouseholdLabels", "Invalid"),
    }.get(code, code)


def request_kind_text(code: str) -> str:
    return {
        "rice": QCoreApplication.translate("HouseholdLabels", "Rice"),
        "food": QCoreApplication.translate("HouseholdLabels", "Food"),
        "medicine": QCoreApplication.translate("HouseholdLabels", "Medicine"),
        "other": QCoreApplication.translate("HouseholdLabels", "Other"),
    }.get(code, code)


def request_status_text(code: str) -> str:
    return {
        "open": QCoreApplication.translate("HouseholdLabels", "Open"),
        "in_progress": QCoreApplication.translate("HouseholdLabels", "In progress"),
        "done": QCoreApplication.translate("HouseholdLabels", "Met"),
        "refused": QCoreApplication.translate("HouseholdLabels", "Refused"),
    }.get(code, code)


def flag_names(member) -> list[str]:
    names = {
        "elderly": QCoreApplication.translate("HouseholdLabels", "elderly"),
        "young_child": QCoreApplication.translate("HouseholdLabels", "young child"),
        "pregnant": QCoreApplication.translate("HouseholdLabels", "pregnant"),
        "disabled": QCoreApplication.translate("HouseholdLabels", "disabled"),
        "chronic": QCoreApplication.translate("HouseholdLabels", "chronic illness"),
    }
    return [text for flag, text in names.items() if getattr(member, flag)]
