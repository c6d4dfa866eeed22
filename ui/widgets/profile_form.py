"""The office profile form, shared by the first-run dialog and the Settings page.

The first row says which office this is (a commune, a district or a province); the rows below
follow it: a district has no commune name, a province only its own name. The daily report
hour is the hour the level above expects the daily quick report.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTime, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QTimeEdit, QWidget

from fieldapp.profile import DISTRICT_KINDS, LEVELS, UNIT_KINDS, Profile

# Which rows each level shows (the rest are hidden and saved empty or unchanged).
HIDDEN_BY_LEVEL = {
    "commune": frozenset(),
    "district": frozenset({"unit_kind", "commune_name"}),
    "province": frozenset({"unit_kind", "commune_name", "district_kind", "district_name"}),
}


class ProfileForm(QWidget):
    """Edits a :class:`Profile`; the caller validates and saves through the core."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.level = QComboBox()
        self.level.setObjectName("profileLevel")
        for key in LEVELS:
            self.level.addItem("", key)
        self.unit_kind = QComboBox()
        self.unit_kind.addItems(UNIT_KINDS)
        self.commune_name = QLineEdit()
        self.district_kind = QComboBox()
        self.district_kind.addItems(DISTRICT_KINDS)
        self.district_name = QLineEdit()
        self.province_name = QLineEdit()
        self.committee_name = QLineEdit()
        self.chairman_name = QLineEdit()
        self.chairman_title = QLineEdit()
        self.signer_authority = QLineEdit()
        self.signer_title = QLineEdit()
        self.signer_name = QLineEdit()
        self.phone = QLineEdit()
        self.place_name = QLineEdit()
        self.report_hour = QTimeEdit(QTime(16, 0))
        self.report_hour.setObjectName("reportHour")
        self.report_hour.setDisplayFormat("HH:mm")
        self._rows = [
            ("level", self.level),
            ("unit_kind", self.unit_kind),
            ("commune_name", self.commune_name),
            ("district_kind", self.district_kind),
            ("district_name", self.district_name),
            ("province_name", self.province_name),
            ("committee_name", self.committee_name),
            ("chairman_name", self.chairman_name),
            ("chairman_title", self.chairman_title),
            ("signer_authority", self.signer_authority),
            ("signer_title", self.signer_title),
            ("signer_name", self.signer_name),
            ("phone", self.phone),
            ("place_name", self.place_name),
            ("report_hour", self.report_hour),
        ]
        self._labels_by_name: dict[str, QLabel] = {}
        for name, widget in self._rows:
            label = QLabel()
            label.setBuddy(widget)
            self._labels_by_name[name] = label
            self.layout_.addRow(label, widget)
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.changed)
            elif isinstance(widget, QTimeEdit):
                widget.timeChanged.connect(self.changed)
            else:
                widget.currentIndexChanged.connect(self.changed)
        self.level.currentIndexChanged.connect(self._on_level)
        self.retranslate()
        self._on_level()

    def current_level(self) -> str:
        return self.level.currentData() or "commune"

    def _labels(self) -> dict[str, str]:
        level = self.current_level()
        return {
            "level": self.tr("This office is"),
            "unit_kind": self.tr("Unit type"),
            "commune_name": self.tr("Commune name *"),
            "district_kind": self.tr("District type"),
            "district_name": self.tr("District name *"),
            "province_name": self.tr("Province name *"),
            "committee_name": self.tr("Steering committee"),
            "chairman_name": self.tr("Chairman"),
            "chairman_title": self.tr("Chairman's title"),
            "signer_authority": self.tr("Signing on behalf of"),
            "signer_title": self.tr("Signer's title"),
            "signer_name": self.tr("Usual signer"),
            "phone": self.tr("Phone"),
            "place_name": self.tr("Place written in documents"),
            "report_hour": self.tr("Daily report due at")
            if level != "province"
            else self.tr("Daily reports of the districts due at"),
        }

    def retranslate(self) -> None:
        names = (
            self.tr("a commune (xã, phường, thị trấn)"),
            self.tr("a district (huyện, quận, thị xã, thành phố)"),
            self.tr("a province"),
        )
        for i, text in enumerate(names):
            self.level.setItemText(i, text)
        labels = self._labels()
        for name, label in self._labels_by_name.items():
            label.setText(labels[name])
        level = self.current_level()
        self.commune_name.setPlaceholderText(self.tr("e.g. Bằng Lãng"))
        self.district_name.setPlaceholderText(
            self.tr("e.g. Tuy Đức") if level == "district" else self.tr("e.g. Chợ Đồn")
        )
        self.province_name.setPlaceholderText(self.tr("e.g. Bắc Kạn"))
        own = {
            "commune": self.tr("xã Bằng Lãng"),
            "district": self.tr("huyện Tuy Đức"),
            "province": self.tr("tỉnh Đắk Nông"),
        }[level]
        self.committee_name.setPlaceholderText(
            self.tr("e.g. Ban Chỉ đạo phòng, chống dịch Covid-19 {unit}").format(unit=own)
        )
        self.signer_authority.setPlaceholderText(self.tr("e.g. TM. ỦY BAN NHÂN DÂN"))
        self.signer_title.setPlaceholderText(self.tr("e.g. CHỦ TỊCH"))
        self.place_name.setPlaceholderText(self.tr("empty: the office's own name"))
        self.report_hour.setToolTip(
            self.tr("The overview reminds you before this hour if today's report is not sent.")
        )

    def _on_level(self, *_args) -> None:
        hidden = HIDDEN_BY_LEVEL[self.current_level()]
        for row, (name, _widget) in enumerate(self._rows):
            self.layout_.setRowVisible(row, name not in hidden)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_profile(self, profile: Profile) -> None:
        for name, widget in self._rows:
            value = getattr(profile, name)
            if name == "level":
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QTimeEdit):
                widget.setTime(QTime.fromString(value or "16:00", "HH:mm"))
            elif isinstance(widget, QComboBox):
                widget.setCurrentText(value)
            else:
                # A deputy's signing block is stored one line per line ("TM. ỦY BAN NHÂN
                # DÂN\nKT. CHỦ TỊCH"); the one-line box shows " / " between the lines, and
                # the core splits them again when the profile is saved.
                widget.setText(value.replace("\n", " / "))
        self._on_level()

    def profile(self) -> Profile:
        values = {}
        for name, widget in self._rows:
            if name == "level":
                values[name] = self.current_level()
            elif isinstance(widget, QTimeEdit):
                values[name] = widget.time().toString("HH:mm")
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentText()
            else:
                values[name] = widget.text()
        return Profile(**values)
