"""The commune profile form, shared by the first-run dialog and the Settings page."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from fieldapp.profile import DISTRICT_KINDS, UNIT_KINDS, Profile


class ProfileForm(QWidget):
    """Edits a :class:`Profile`; the caller validates and saves through the core."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
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
        self._rows = [
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
        ]
        self._labels_by_name: dict[str, QLabel] = {}
        for name, widget in self._rows:
            label = QLabel()
            label.setBuddy(widget)
            self._labels_by_name[name] = label
            self.layout_.addRow(label, widget)
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(self.changed)
            else:
                widget.currentIndexChanged.connect(self.changed)
        self.retranslate()

    def _labels(self) -> dict[str, str]:
        return {
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
        }

    def retranslate(self) -> None:
        labels = self._labels()
        for name, label in self._labels_by_name.items():
            label.setText(labels[name])
        self.commune_name.setPlaceholderText(self.tr("e.g. Bằng Lãng"))
        self.district_name.setPlaceholderText(self.tr("e.g. Chợ Đồn"))
        self.province_name.setPlaceholderText(self.tr("e.g. Bắc Kạn"))
        self.committee_name.setPlaceholderText(
            self.tr("e.g. Ban Chỉ đạo phòng, chống dịch Covid-19 xã Bằng Lãng")
        )
        self.signer_authority.setPlaceholderText(self.tr("e.g. TM. ỦY BAN NHÂN DÂN"))
        self.place_name.setPlaceholderText(self.tr("empty: the commune name"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_profile(self, profile: Profile) -> None:
        for name, widget in self._rows:
            value = getattr(profile, name)
            if isinstance(widget, QComboBox):
                widget.setCurrentText(value)
            else:
                widget.setText(value)

    def profile(self) -> Profile:
        values = {}
        for name, widget in self._rows:
            values[name] = widget.currentText() if isinstance(widget, QComboBox) else widget.text()
        return Profile(**values)
