"""A household's own test result, and the offer to record F0 after a positive one (issue 19).

:class:`TestEntryDialog` records one person's test (joining the round of that day, or making
it). :func:`offer_f0` asks, after any positive result, whether to record F0 from the test date
at the default place of treatment of Settings; each person can be left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.health.followup import default_place
from fieldapp.health.outcomes import PositiveResult, positives_without_f0, record_f0_from_test
from fieldapp.text.vietnamese import format_date
from ui.operations import CollectionOp, QueryOp
from ui.pages.households.dialogs import date_edit, from_qdate


class TestEntryDialog(QDialog):
    """Person, date, kind and result of one test."""

    __test__ = False

    def __init__(self, people: Sequence[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a test result"))
        form = QFormLayout(self)
        self.person = QComboBox()
        for member_id, name in people:
            self.person.addItem(name, member_id)
        self.day = date_edit(date.today())
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Rapid test"), "rapid")
        self.kind.addItem("RT-PCR", "pcr")
        self.result = QComboBox()
        self.result.addItem(self.tr("Negative"), "negative")
        self.result.addItem(self.tr("Positive"), "positive")
        self.result.addItem(self.tr("Invalid"), "invalid")
        form.addRow(self.tr("Person"), self.person)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Result"), self.result)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> tuple[int, date, str, str]:
        return (
            self.person.currentData(),
            from_qdate(self.day.date()),
            self.kind.currentData(),
            self.result.currentData(),
        )


class OfferF0Dialog(QDialog):
    """People with a positive result who are not F0 yet: record them F0 from the test date?"""

    def __init__(
        self, positives: Sequence[PositiveResult], place: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Positive result: record F0?"))
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "These people tested positive. Record them as F0 from the day of the test, "
                "treated at the place below? Untick anyone to leave them as they are."
            )
        )
        text.setWordWrap(True)
        layout.addWidget(text)
        self.people = QListWidget()
        for p in positives:
            item = QListWidgetItem(
                self.tr("{name} — positive on {date}").format(
                    name=p.full_name, date=format_date(p.test_date)
                )
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(Qt.ItemDataRole.UserRole, (p.member_id, p.test_date))
            self.people.addItem(item)
        layout.addWidget(self.people, 1)
        form = QFormLayout()
        self.place = QLineEdit(place)
        form.addRow(self.tr("Treated at"), self.place)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No
        )
        buttons.button(QDialogButtonBox.StandardButton.Yes).setText(self.tr("Record &F0"))
        buttons.button(QDialogButtonBox.StandardButton.No).setText(self.tr("&Not now"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[tuple[int, date]]:
        out = []
        for row in range(self.people.count()):
            item = self.people.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out


def offer_f0(
    parent: QWidget, db: Database, round_id: int | None, changed: Callable[[], None]
) -> None:
    """After results were saved: ask about every positive not yet F0, then record the chosen."""

    def found(args: tuple[list[PositiveResult], str]) -> None:
        positives, place = args
        if not positives:
            return
        dialog = OfferF0Dialog(positives, place, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        chosen, where = dialog.chosen(), dialog.place.text()
        if not chosen:
            return

        def record(_p) -> list[int]:
            return [record_f0_from_test(db, member, day, place=where) for member, day in chosen]

        CollectionOp(parent, record).success(lambda _ids: changed()).run_in_background()

    QueryOp(parent, lambda _p: (positives_without_f0(db, round_id), default_place(db))).success(
        found
    ).run_in_background()
