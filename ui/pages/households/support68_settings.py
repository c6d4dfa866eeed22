"""The Settings group of Resolution 68 support: rates, caps, and which isolations count.

The figures changed several times in 2021, so the commune sets them; the support list
(:mod:`fieldapp.households.support68`) reads them each time it is made. Shown on the Settings
page; saving checks every value first and stores all or nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households.support68 import SupportRules, rules_from_settings, save_rules

KINDS = ("central", "home", "self")


def _spin(maximum: int, step: int = 1, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSingleStep(step)
    box.setGroupSeparatorShown(True)
    box.setSuffix(suffix)
    return box


class Support68Settings(QGroupBox):
    """Daily rate, caps for F0 and F1, the child amount and age, the isolation kinds of F1."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("support68Settings")
        self.db = db
        self.daily_rate = _spin(10_000_000, 1_000)
        self.f0_max_days = _spin(366)
        self.f1_max_days = _spin(366)
        self.child_amount = _spin(100_000_000, 100_000)
        self.child_age = _spin(120)
        self.f1_kinds = {kind: QCheckBox() for kind in KINDS}
        kinds_row = QHBoxLayout()
        for box in self.f1_kinds.values():
            kinds_row.addWidget(box)
        kinds_row.addStretch(1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveSupport68")
        self.save_button.clicked.connect(self._on_save)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout(self)
        self._labels: list[tuple[QLabel, str]] = []
        for key, widget in (
            ("rate", self.daily_rate),
            ("f0", self.f0_max_days),
            ("f1", self.f1_max_days),
            ("child", self.child_amount),
            ("age", self.child_age),
        ):
            label = QLabel()
            label.setBuddy(widget)
            self._labels.append((label, key))
            form.addRow(label, widget)
            widget.valueChanged.connect(self._on_changed)
        self.kinds_label = QLabel()
        form.addRow(self.kinds_label, kinds_row)
        for box in self.f1_kinds.values():
            box.toggled.connect(self._on_changed)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status, 1)
        form.addRow(row)
        self._rules = SupportRules()
        self.retranslate()
        self.load()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Resolution 68 support"))
        names = {
            "rate": self.tr("Meals per person per day"),
            "f0": self.tr("F0 in treatment: at most (days)"),
            "f1": self.tr("F1 isolated by decision: at most (days)"),
            "child": self.tr("Once per child"),
            "age": self.tr("Children under (years)"),
        }
        for label, key in self._labels:
            label.setText(names[key])
        for box in (self.daily_rate, self.child_amount):
            box.setSuffix(self.tr(" đồng"))
        self.kinds_label.setText(self.tr("F1 counted when isolated"))
        texts = {
            "central": self.tr("at a facility"),
            "home": self.tr("at home"),
            "self": self.tr("self-monitoring"),
        }
        for kind, box in self.f1_kinds.items():
            box.setText(texts[kind])
        self.save_button.setText(self.tr("Save support rates"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        try:
            rules = rules_from_settings(self.db)
        except UserError as err:  # a bad value typed on the command line: show the defaults
            self.status.setText(str(err))
            rules = SupportRules()
        self._rules = rules
        widgets = (self.daily_rate, self.f0_max_days, self.f1_max_days, self.child_amount,
                   self.child_age, *self.f1_kinds.values())  # fmt: skip
        for w in widgets:
            w.blockSignals(True)
        self.daily_rate.setValue(rules.daily_rate)
        self.f0_max_days.setValue(rules.f0_max_days)
        self.f1_max_days.setValue(rules.f1_max_days)
        self.child_amount.setValue(rules.child_amount)
        self.child_age.setValue(rules.child_age)
        for kind, box in self.f1_kinds.items():
            box.setChecked(kind in rules.f1_isolations)
        for w in widgets:
            w.blockSignals(False)
        self.save_button.setEnabled(False)

    def rules(self) -> SupportRules:
        return SupportRules(
            daily_rate=self.daily_rate.value(),
            f0_max_days=self.f0_max_days.value(),
            f1_max_days=self.f1_max_days.value(),
            child_amount=self.child_amount.value(),
            child_age=self.child_age.value(),
            f0_isolations=self._rules.f0_isolations,
            f1_isolations=frozenset(k for k, box in self.f1_kinds.items() if box.isChecked()),
        )

    def _on_changed(self) -> None:
        self.save_button.setEnabled(True)
        self.status.clear()

    def _on_save(self) -> None:
        try:
            save_rules(self.db, self.rules())
        except UserError as err:
            self.status.setText(str(err))
            return
        self.load()
        self.status.setText(self.tr("Saved."))
