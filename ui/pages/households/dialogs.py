"""Small forms of the households page: area, person, status change, relief, request, household.

Each dialog collects what a person types into the core's plain dataclasses; the caller saves
it through a service function (inside an undo command). ``saver`` raises
:class:`~fieldapp.errors.UserError` for a mistake: the message shows in the dialog, which
stays open with what was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.households.author import default_author, remember_typed_author
from fieldapp.households.identity import mask_citizen_id
from fieldapp.households.models import REGIMES, REQUEST_KINDS
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInfo,
    MemberInput,
    ReliefItem,
    default_isolation_end,
    parse_items,
)
from fieldapp.text.vietnamese import format_date

RELATIONS = ("Chủ hộ", "Vợ", "Chồng", "Con", "Bố", "Mẹ", "Ông", "Bà", "Cháu", "Anh", "Chị", "Em")


def to_qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    edit.setDate(to_qdate(value or date.today()))
    return edit


class OptionalDate(QWidget):
    """A date that may be left out: a check box turns the date field on."""

    def __init__(self, label: str, value: date | None = None, parent=None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(label)
        self.edit = date_edit(value)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.set_value(value)

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        if value is not None:
            self.edit.setDate(to_qdate(value))

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None


class SavingDialog(QDialog):
    """A dialog whose OK saves through ``saver``; a mistake shows and the dialog stays open."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.saver: Callable[[object], None] | None = None
        self.layout_ = QVBoxLayout(self)
        self.error = QLabel()
        self.error.setObjectName("dialogError")
        self.error.setProperty("error", True)
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)

    def value(self) -> object:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            data = self.value()
            if self.saver is not None:
                self.saver(data)
        except UserError as err:
            self.error.setText(str(err))
            self.error.show()
            return
        super().accept()


class AreaDialog(SavingDialog):
    """A lockdown area: name, what it covers, regime, dates, the decision that imposed it."""

    def __init__(self, area: AreaInput | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lockdown area"))
        form = QFormLayout()
        self.name = QLineEdit()
        self.villages = QLineEdit()
        self.villages.setPlaceholderText(self.tr("e.g. Nà Pài, Khuổi Cuộng"))
        self.regime = QComboBox()
        for code in REGIMES:
            self.regime.addItem(self._regime_text(code), code)
        self.start = date_edit()
        self.planned = OptionalDate(self.tr("planned"))
        self.ended = OptionalDate(self.tr("ended"))
        self.decision = QLineEdit()
        self.decision.setPlaceholderText(self.tr("e.g. Quyết định số 45/QĐ-UBND ngày 11/8/2021"))
        self.notes = QLineEdit()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Villages, streets covered"), self.villages)
        form.addRow(self.tr("Regime"), self.regime)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("Planned end"), self.planned)
        form.addRow(self.tr("Actual end"), self.ended)
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow(self.tr("Notes"), self.notes)
        self.layout_.addLayout(form)
        self.finish_layout()
        self.setMinimumWidth(660)
        if area is not None:
            self.name.setText(area.name)
            self.villages.setText(area.villages)
            self.regime.setCurrentIndex(max(0, self.regime.findData(area.regime)))
            self.start.setDate(to_qdate(area.started_on))
            self.planned.set_value(area.planned_end)
            self.ended.set_value(area.ended_on)
            self.decision.setText(area.decision)
            self.notes.setText(area.notes)

    def _regime_text(self, code: str) -> str:
        return {
            "CT15": self.tr("Directive 15 (Chỉ thị 15)"),
            "CT16": self.tr("Directive 16 (Chỉ thị 16)"),
            "CT19": self.tr("Directive 19 (Chỉ thị 19)"),
            "other": self.tr("Other"),
        }[code]

    def value(self) -> AreaInput:
        return AreaInput(
            name=self.name.text(),
            villages=self.villages.text(),
            regime=self.regime.currentData(),
            started_on=from_qdate(self.start.date()),
            planned_end=self.planned.value(),
            ended_on=self.ended.value(),
            decision=self.decision.text(),
            notes=self.notes.text(),
        )


class MemberDialog(SavingDialog):
    """A person of a household. The stored CCCD never shows in full: leave it empty to keep it."""

    def __init__(self, member: MemberInfo | None = None, parent=None) -> None:
        super().__init__(parent)
        self.member = member
        self.setWindowTitle(self.tr("Person"))
        form = QFormLayout()
        self.name = QLineEdit()
        self.year = QSpinBox()
        self.year.setRange(1899, date.today().year)
        self.year.setSpecialValueText("—")
        self.year.setValue(1899)
        self.sex = QComboBox()
        self.sex.addItem("—", "")
        self.sex.addItem(self.tr("Male"), "M")
        self.sex.addItem(self.tr("Female"), "F")
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItems(RELATIONS)
        self.relation.setCurrentText("")
        self.head = QCheckBox(self.tr("Head of household"))
        self.citizen_id = QLineEdit()
        self.citizen_id.setMaxLength(40)
        self.citizen_id.setInputMask("")
        self.phone = QLineEdit()
        flags = QGridLayout()
        self.flags: dict[str, QCheckBox] = {}
        for i, (name, text) in enumerate(
            (
                ("elderly", self.tr("Elderly")),
                ("young_child", self.tr("Young child")),
                ("pregnant", self.tr("Pregnant")),
                ("disabled", self.tr("Disabled")),
                ("chronic", self.tr("Chronic illness")),
            )
        ):
            box = QCheckBox(text)
            self.flags[name] = box
            flags.addWidget(box, i // 3, i % 3)
        self.notes = QLineEdit()
        form.addRow(self.tr("Full name"), self.name)
        form.addRow(self.tr("Year of birth"), self.year)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Relation to the head"), self.relation)
        form.addRow("", self.head)
        form.addRow(self.tr("ID number (CMND/CCCD)"), self.citizen_id)
        self.id_check = QLabel("")
        self.id_check.setWordWrap(True)
        self.id_check.setStyleSheet("color: #a15c00")
        self.id_check.hide()
        form.addRow("", self.id_check)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Vulnerable"), flags)
        form.addRow(self.tr("Notes"), self.notes)
        self.layout_.addLayout(form)
        self.finish_layout()
        self.setMinimumWidth(520)
        if member is not None:
            self.name.setText(member.full_name)
            if member.birth_year:
                self.year.setValue(member.birth_year)
            self.sex.setCurrentIndex(max(0, self.sex.findData(member.sex)))
            self.relation.setCurrentText(member.relation)
            self.head.setChecked(member.is_head)
            if member.identity_number:
                self.citizen_id.setPlaceholderText(
                    self.tr("{masked} (type a new number to change it)").format(
                        masked=mask_citizen_id(member.identity_number)
                    )
                )
            if member.id_check:
                # Why the number needs checking (never the number itself): correct it here.
                self.id_check.setText(
                    self.tr("Needs checking: {why}. Type the correct number.").format(
                        why=member.id_check
                    )
                )
                self.id_check.show()
            self.phone.setText(member.phone)
            for name, box in self.flags.items():
                box.setChecked(getattr(member, name))
            self.notes.setText(member.notes)

    def value(self) -> MemberInput:
        year = self.year.value()
        typed_id = self.citizen_id.text().strip()
        citizen_id = typed_id or (self.member.identity_number if self.member else None)
        return MemberInput(
            full_name=self.name.text(),
            birth_year=None if year < 1900 else year,
            birth_date=self.member.birth_date
            if self.member and self.member.birth_year == year
            else None,
            sex=self.sex.currentData(),
            relation=self.relation.currentText(),
            is_head=self.head.isChecked(),
            citizen_id=citizen_id,
            phone=self.phone.text(),
            notes=self.notes.text(),
            **{name: box.isChecked() for name, box in self.flags.items()},
        )


class StatusDialog(SavingDialog):
    """A change of health status: the end date follows Settings until it is edited by hand."""

    def __init__(self, db: Database, member: MemberInfo, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Change health status"))
        form = QFormLayout()
        self.person = QLabel(member.full_name)
        self.status = QComboBox()
        for code, text in (
            ("F0", self.tr("F0 (positive)")),
            ("F1", self.tr("F1 (close contact)")),
            ("F2", self.tr("F2 (contact of an F1)")),
            ("negative", self.tr("Negative")),
            ("recovered", self.tr("Recovered")),
            ("facility", self.tr("Moved to a treatment facility")),
            ("died", self.tr("Died")),
        ):
            self.status.addItem(text, code)
        self.isolation = QComboBox()
        for code, text in (
            ("central", self.tr("Central facility")),
            ("home", self.tr("At home")),
            ("self", self.tr("Self-monitoring")),
            ("", self.tr("No isolation")),
        ):
            self.isolation.addItem(text, code)
        self.start = date_edit()
        self.end = OptionalDate(self.tr("until"))
        # The signed-in person; without accounts, the name last typed on this database.
        self.author = QLineEdit(default_author(db))
        self.author.setPlaceholderText(self.tr("signed-in user"))
        self.place = QLineEdit()  # where an F0 is treated, or the facility moved to
        self.place_label = QLabel()
        self.note = QLineEdit()
        form.addRow(self.tr("Person"), self.person)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Isolation"), self.isolation)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        form.addRow(self.place_label, self.place)
        form.addRow(self.tr("Recorded by"), self.author)
        form.addRow(self.tr("Note"), self.note)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.hint)
        self.finish_layout()
        self.setMinimumWidth(460)
        self._end_touched = False
        if member.status:
            self.status.setCurrentIndex(max(0, self.status.findData(member.status)))
        if member.isolation:
            self.isolation.setCurrentIndex(max(0, self.isolation.findData(member.isolation)))
        elif not member.status:
            self.isolation.setCurrentIndex(self.isolation.findData("home"))
        self.status.currentIndexChanged.connect(self._on_inputs)
        self.isolation.currentIndexChanged.connect(self._on_inputs)
        self.start.dateChanged.connect(self._on_inputs)
        self.end.edit.dateChanged.connect(self._on_end_edited)
        self.end.check.toggled.connect(self._on_end_edited)
        self._on_inputs()

    def _on_end_edited(self) -> None:
        if not self._setting_end:
            self._end_touched = True

    _setting_end = False

    def _show_place(self) -> None:
        status = self.status.currentData()
        outcome = status in ("recovered", "facility", "died")
        self.isolation.setEnabled(not outcome)
        self.end.setEnabled(not outcome)
        self.place.setEnabled(status in ("F0", "facility"))
        self.place_label.setText(
            self.tr("Facility") if status == "facility" else self.tr("Treated at")
        )
        if status == "F0" and not self.place.text():
            from fieldapp.health.followup import default_place

            self.place.setText(default_place(self.db))

    def _on_inputs(self) -> None:
        self._show_place()
        if self._end_touched:
            return
        status = self.status.currentData()
        isolation = self.isolation.currentData()
        end = None
        if isolation and status not in ("recovered", "facility", "died"):
            end = default_isolation_end(self.db, status, from_qdate(self.start.date()))
        self._setting_end = True
        self.end.set_value(end)
        self._setting_end = False
        if end is not None:
            days = (end - from_qdate(self.start.date())).days
            self.hint.setText(
                self.tr("Isolation ends on {date}: {days} days, as set in Settings.").format(
                    date=format_date(end), days=days
                )
            )
        else:
            self.hint.clear()

    def value(self) -> dict:
        remember_typed_author(self.db, self.author.text())
        return {
            "status": self.status.currentData(),
            "isolation": self.isolation.currentData(),
            "start": from_qdate(self.start.date()),
            "end": None if not self.end.isEnabled() else self.end.value(),
            "use_default_end": False,
            "author": self.author.text(),
            "note": self.note.text(),
            "place": self.place.text() if self.place.isEnabled() else "",
        }


class DeliveryDialog(SavingDialog):
    """Relief delivered door to door: date, items, who delivered, who signed for it."""

    def __init__(self, received_by: str = "", items: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Relief delivered"))
        form = QFormLayout()
        self.day = date_edit()
        self.items = QLineEdit(items or "Gạo 10 kg, Mì tôm 1 thùng")
        self.items.setToolTip(self.tr("Items and quantities, separated by commas"))
        self.delivered_by = QLineEdit()
        self.received_by = QLineEdit(received_by)
        self.notes = QLineEdit()
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Items"), self.items)
        form.addRow(self.tr("Delivered by"), self.delivered_by)
        form.addRow(self.tr("Received by"), self.received_by)
        form.addRow(self.tr("Notes"), self.notes)
        self.layout_.addLayout(form)
        self.finish_layout()
        self.setMinimumWidth(480)

    def value(self) -> dict:
        items: list[ReliefItem] = parse_items(self.items.text())
        if not items:
            raise UserError(self.tr("Type what was delivered, e.g. Gạo 10 kg, Mì tôm 1 thùng."))
        return {
            "delivered_on": from_qdate(self.day.date()),
            "items": items,
            "delivered_by": self.delivered_by.text(),
            "received_by": self.received_by.text(),
            "notes": self.notes.text(),
        }


class RequestDialog(SavingDialog):
    """Something a household asks for."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Request from the household"))
        form = QFormLayout()
        self.kind = QComboBox()
        for code in REQUEST_KINDS:
            self.kind.addItem(self._kind_text(code), code)
        self.detail = QPlainTextEdit()
        self.detail.setTabChangesFocus(True)
        self.detail.setMaximumHeight(80)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Detail"), self.detail)
        self.layout_.addLayout(form)
        self.finish_layout()

    def _kind_text(self, code: str) -> str:
        return {
            "rice": self.tr("Rice"),
            "food": self.tr("Food"),
            "medicine": self.tr("Medicine"),
            "other": self.tr("Other"),
        }[code]

    def value(self) -> dict:
        return {"kind": self.kind.currentData(), "detail": self.detail.toPlainText()}


class HouseholdDialog(SavingDialog):
    """A new household: its address and its head (more people are added in its detail)."""

    def __init__(self, villages: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New household"))
        form = QFormLayout()
        self.village = QComboBox()
        self.village.setEditable(True)
        self.village.addItems(villages)
        self.house_number = QLineEdit()
        self.street = QLineEdit()
        self.phone = QLineEdit()
        self.poor = QCheckBox(self.tr("Poor household"))
        form.addRow(self.tr("Village"), self.village)
        form.addRow(self.tr("House number"), self.house_number)
        form.addRow(self.tr("Street"), self.street)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow("", self.poor)
        self.layout_.addLayout(form)
        self.head_form = MemberDialog(parent=self)
        self.head_form.setWindowFlags(Qt.WindowType.Widget)
        self.head_form.buttons.hide()
        self.head_form.head.setChecked(True)
        self.head_form.head.setEnabled(False)
        self.head_form.relation.setCurrentText("Chủ hộ")
        self.head_label = QLabel(self.tr("Head of household"))
        self.head_label.setObjectName("sectionLabel")
        self.layout_.addWidget(self.head_label)
        self.layout_.addWidget(self.head_form)
        self.finish_layout()
        self.setMinimumWidth(540)

    def value(self) -> tuple[HouseholdInput, MemberInput]:
        head = self.head_form.value()
        head.is_head = True
        return (
            HouseholdInput(
                village=self.village.currentText(),
                house_number=self.house_number.text(),
                street=self.street.text(),
                phone=self.phone.text(),
                poor=self.poor.isChecked(),
            ),
            head,
        )
