"""The Settings group of the health follow-up: checks a day, danger-sign thresholds, the default
place of treatment of a new F0.

Decision 4038/QĐ-BYT gives the defaults (SpO2 ≤ 95 %, breathing ≥ 20 a minute for adults,
chest pain, confusion…); a province may tighten them, so the commune sets them here. Saving
checks every value first and stores all or nothing (:func:`fieldapp.health.followup.
save_thresholds`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.health.followup import checks_per_day, default_place, save_thresholds, thresholds
from fieldapp.health.signs import SYMPTOMS, Thresholds
from ui.pages.households.followup import symptom_name


def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


class FollowUpSettings(QGroupBox):
    """Checks a day, SpO2, breathing, pulse and fever thresholds, danger symptoms, place."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followupSettings")
        self.db = db
        self.per_day = _spin(1, 6)
        self.spo2 = _spin(80, 99, " %")
        self.breath = _spin(12, 40)
        self.pulse_max = _spin(90, 200)
        self.pulse_min = _spin(30, 70)
        self.temperature = QDoubleSpinBox()
        self.temperature.setRange(37.5, 42.0)
        self.temperature.setDecimals(1)
        self.temperature.setSingleStep(0.1)
        self.temperature.setSuffix(" °C")
        self.place = QLineEdit()
        self.symptoms = {key: QCheckBox() for key in SYMPTOMS}
        self.labels = [QLabel() for _ in range(8)]
        form = QFormLayout(self)
        fields = (
            self.per_day, self.spo2, self.breath, self.pulse_max, self.pulse_min,
            self.temperature, self.place,
        )  # fmt: skip
        for label, field in zip(self.labels, fields, strict=False):
            form.addRow(label, field)
        grid = QGridLayout()
        for i, check in enumerate(self.symptoms.values()):
            grid.addWidget(check, i // 3, i % 3)
        form.addRow(self.labels[7], grid)
        row = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._on_save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        form.addRow(row)
        self.load()
        self.retranslate()

    def load(self) -> None:
        t = thresholds(self.db)
        self.per_day.setValue(checks_per_day(self.db))
        self.spo2.setValue(t.spo2_max)
        self.breath.setValue(t.breath_adult_min)
        self.pulse_max.setValue(t.pulse_max)
        self.pulse_min.setValue(t.pulse_min)
        self.temperature.setValue(t.temperature_min)
        self.place.setText(default_place(self.db))
        for key, check in self.symptoms.items():
            check.setChecked(key in t.symptoms)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Health follow-up (Decision 4038/QĐ-BYT)"))
        for label, text in zip(
            self.labels,
            (
                self.tr("Checks a day"),
                self.tr("Danger: SpO2 at or below"),
                self.tr("Danger: breaths a minute from (adults)"),
                self.tr("Danger: pulse from"),
                self.tr("Danger: pulse at or below"),
                self.tr("Danger: temperature from"),
                self.tr("Default place of treatment of a new F0"),
                self.tr("Symptoms that are danger signs"),
            ),
            strict=True,
        ):
            label.setText(text)
        for key, check in self.symptoms.items():
            check.setText(symptom_name(key))
        self.save_button.setText(self.tr("Save thresholds"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_save(self) -> None:
        t = Thresholds(
            spo2_max=self.spo2.value(),
            breath_adult_min=self.breath.value(),
            pulse_max=self.pulse_max.value(),
            pulse_min=self.pulse_min.value(),
            temperature_min=self.temperature.value(),
            symptoms=frozenset(k for k, c in self.symptoms.items() if c.isChecked()),
        )
        try:
            save_thresholds(
                self.db, t, per_day=self.per_day.value(), default_place=self.place.text()
            )
        except UserError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("Saved."))
