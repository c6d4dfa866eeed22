"""Symptoms, danger signs and their thresholds (Decision 4038/QĐ-BYT, adjustable in Settings).

Pure functions: :func:`danger_signs` takes the values of one check, the person's age and the
thresholds, and names every sign crossed. Nothing here reads the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Symptoms on the checklist, with their Vietnamese names (the order of the entry form).
SYMPTOMS: dict[str, str] = {
    "fever": "Sốt",
    "cough": "Ho",
    "breathless": "Khó thở",
    "chest_pain": "Đau tức ngực",
    "taste_smell": "Mất vị giác/khứu giác",
    "sore_throat": "Đau họng",
    "fatigue": "Mệt mỏi",
    "diarrhoea": "Tiêu chảy",
    "confusion": "Lơ mơ/không tỉnh táo",
    "cyanosis": "Tím môi/đầu chi",
    "cannot_drink": "Không ăn uống được",
}

# Danger signs (dấu hiệu cần chuyển viện), with their Vietnamese names.
DANGER_SIGNS: dict[str, str] = {
    "spo2": "SpO2 thấp",
    "breath": "Thở nhanh",
    "pulse_high": "Mạch nhanh",
    "pulse_low": "Mạch chậm",
    "temperature": "Sốt cao",
    **{f"symptom:{key}": name for key, name in SYMPTOMS.items()},
}

# What was done about a danger sign.
ACTIONS: dict[str, str] = {
    "called_station": "Đã báo trạm y tế",
    "moved_facility": "Đã chuyển cơ sở điều trị",
    "doctor_visit": "Nhân viên y tế đến khám",
    "other": "Khác",
}

# Plausible ranges: a value outside is a typing mistake, refused with a message.
RANGES: dict[str, tuple[float, float]] = {
    "temperature": (34.0, 43.0),
    "spo2": (50, 100),
    "pulse": (20, 250),
    "breath_rate": (5, 80),
}


@dataclass(frozen=True)
class Thresholds:
    """When a value is a danger sign; the defaults are Decision 4038's."""

    spo2_max: int = 95
    breath_adult_min: int = 20
    pulse_max: int = 120
    pulse_min: int = 50
    temperature_min: float = 39.0
    symptoms: frozenset[str] = field(
        default_factory=lambda: frozenset(
            {"breathless", "chest_pain", "confusion", "cyanosis", "cannot_drink"}
        )
    )


def breath_limit(age_years: int | None, thresholds: Thresholds) -> int:
    """Breaths a minute from which breathing is too fast, for a person of ``age_years``.

    Children breathe faster: the WHO limits the Ministry uses (under 1: 50, 1–4: 40, 5–11: 30).
    An unknown age counts as an adult.
    """
    if age_years is None or age_years >= 12:
        return thresholds.breath_adult_min
    if age_years < 1:
        return 50
    if age_years < 5:
        return 40
    return 30


def danger_signs(
    *,
    temperature: float | None,
    spo2: int | None,
    pulse: int | None,
    breath_rate: int | None,
    symptoms: list[str] | tuple[str, ...] | frozenset[str],
    age_years: int | None,
    thresholds: Thresholds,
) -> list[str]:
    """Keys of :data:`DANGER_SIGNS` that this check shows, most urgent first."""
    found: list[str] = []
    if spo2 is not None and spo2 <= thresholds.spo2_max:
        found.append("spo2")
    if breath_rate is not None and breath_rate >= breath_limit(age_years, thresholds):
        found.append("breath")
    if pulse is not None and pulse >= thresholds.pulse_max:
        found.append("pulse_high")
    if pulse is not None and pulse <= thresholds.pulse_min:
        found.append("pulse_low")
    if temperature is not None and temperature >= thresholds.temperature_min:
        found.append("temperature")
    found += [f"symptom:{s}" for s in SYMPTOMS if s in symptoms and s in thresholds.symptoms]
    return found


def parse_symptoms(text: str) -> tuple[list[str], list[str]]:
    """Symptom keys from free text ("ho, khó thở", "cough;breathless"), and the words that are
    not on the checklist (kept as typed, for the note: nothing the caller said is dropped)."""
    from fieldapp.text.vietnamese import fold

    by_word = {fold(name): key for key, name in SYMPTOMS.items()}
    by_word.update({key: key for key in SYMPTOMS})
    by_word.update(
        {
            "sot": "fever",
            "mat vi giac": "taste_smell",
            "mat khuu giac": "taste_smell",
            "tim tai": "cyanosis",
            "tim moi": "cyanosis",
            "lo mo": "confusion",
            "tieu chay": "diarrhoea",
            "dau nguc": "chest_pain",
            "tuc nguc": "chest_pain",
            "met": "fatigue",
            "tho nhanh": "breathless",
        }
    )
    found: list[str] = []
    others: list[str] = []
    for part in text.replace(";", ",").split(","):
        word = fold(part).strip()
        if not word:
            continue
        key = by_word.get(word)
        if key is None:
            others.append(" ".join(part.split()))
        elif key not in found:
            found.append(key)
    return found, others
