"""The follow-up tab of the households page: the team's round of checks, by keyboard.

Top: the danger signs of the last 24 hours (red while nobody has acted on them) with "Record
action…". Below: everyone still to check today (or on the chosen day), one row per person;
the form under the table records a check for the selected person. Enter in any field saves
and moves to the next person, so a whole village's round is typed without the mouse:
temperature, Tab, SpO2, Tab, pulse, Tab, breathing, Enter. A check that crosses a danger
threshold is marked red at once and asks what was done about it.

Reads and writes run through :mod:`ui.operations`; the core is :mod:`fieldapp.health`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTime,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.health.followup import (
    CheckInfo,
    CheckInput,
    FollowedPerson,
    FollowUpLists,
    delete_check,
    followup_lists,
    record_action,
    record_check,
)
from fieldapp.health.signs import ACTIONS, SYMPTOMS
from fieldapp.text.vietnamese import format_date
from ui.operations import CollectionOp, QueryOp
from ui.pages.households.dialogs import date_edit, from_qdate
from ui.widgets.commune_filter import CommuneFilter

Index = QModelIndex | QPersistentModelIndex
PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
DANGER = QColor("#b00020")
DANGER_BACK = QColor("#fde7ea")


def symptom_name(key: str) -> str:
    return {
        "fever": QCoreApplication.translate("FollowUp", "Fever"),
        "cough": QCoreApplication.translate("FollowUp", "Cough"),
        "breathless": QCoreApplication.translate("FollowUp", "Shortness of breath"),
        "chest_pain": QCoreApplication.translate("FollowUp", "Chest pain"),
        "taste_smell": QCoreApplication.translate("FollowUp", "Loss of taste or smell"),
        "sore_throat": QCoreApplication.translate("FollowUp", "Sore throat"),
        "fatigue": QCoreApplication.translate("FollowUp", "Tiredness"),
        "diarrhoea": QCoreApplication.translate("FollowUp", "Diarrhoea"),
        "confusion": QCoreApplication.translate("FollowUp", "Confusion"),
        "cyanosis": QCoreApplication.translate("FollowUp", "Blue lips"),
        "cannot_drink": QCoreApplication.translate("FollowUp", "Cannot eat or drink"),
    }.get(key, key)


def sign_name(key: str) -> str:
    if key.startswith("symptom:"):
        return symptom_name(key.split(":", 1)[1])
    return {
        "spo2": QCoreApplication.translate("FollowUp", "Low SpO2"),
        "breath": QCoreApplication.translate("FollowUp", "Fast breathing"),
        "pulse_high": QCoreApplication.translate("FollowUp", "Fast pulse"),
        "pulse_low": QCoreApplication.translate("FollowUp", "Slow pulse"),
        "temperature": QCoreApplication.translate("FollowUp", "High fever"),
    }.get(key, key)


def action_name(key: str) -> str:
    return {
        "called_station": QCoreApplication.translate("FollowUp", "Called the health station"),
        "moved_facility": QCoreApplication.translate("FollowUp", "Moved to a treatment facility"),
        "doctor_visit": QCoreApplication.translate("FollowUp", "Health worker visited"),
        "other": QCoreApplication.translate("FollowUp", "Other"),
        "": QCoreApplication.translate("FollowUp", "NOT ACTED ON"),
    }.get(key, key)


def status_name(person: FollowedPerson) -> str:
    text = {
        "F0": QCoreApplication.translate("FollowUp", "F0 at home"),
        "F1": QCoreApplication.translate("FollowUp", "F1 at home"),
    }.get(person.status, person.status)
    if person.isolation_end:
        text += " " + QCoreApplication.translate("FollowUp", "until {date}").format(
            date=format_date(person.isolation_end)
        )
    return text


def check_text(check: CheckInfo | None) -> str:
    if check is None:
        return QCoreApplication.translate("FollowUp", "none yet")
    parts = [check.checked_at.astimezone().strftime("%H:%M %d/%m")]
    if check.temperature is not None:
        parts.append(f"{check.temperature:.1f} °C".replace(".", ","))
    if check.spo2 is not None:
        parts.append(f"SpO2 {check.spo2} %")
    if check.pulse is not None:
        parts.append(QCoreApplication.translate("FollowUp", "pulse {n}").format(n=check.pulse))
    if check.breath_rate is not None:
        parts.append(
            QCoreApplication.translate("FollowUp", "breathing {n}").format(n=check.breath_rate)
        )
    return ", ".join(parts)


# ------------------------------------------------------------------------------------------
# Table models
# ------------------------------------------------------------------------------------------


def where(person: FollowedPerson, communes: dict[str, str]) -> str:
    """The village, and at a district the commune the person's household came from."""
    commune = communes.get(person.device_id, "")
    return " — ".join(x for x in (person.village, commune) if x)


class RoundModel(QAbstractTableModel):
    """People still to check: name, village, status, checks today, last check."""

    NAME, BORN, VILLAGE, STATUS, DONE, LAST, PHONE = range(7)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.people: list[FollowedPerson] = []
        self.required = 2
        self.communes: dict[str, str] = {}  # at a district: device id → commune

    def set_rows(self, people: list[FollowedPerson], required: int) -> None:
        self.beginResetModel()
        self.people, self.required = list(people), required
        self.endResetModel()

    def checked(self, row: int, info: CheckInfo) -> bool:
        """Person ``row`` was just checked: count it, or take the row away once the day's
        checks are done. Returns whether the row was taken away."""
        import dataclasses

        person = dataclasses.replace(
            self.people[row], checks_today=self.people[row].checks_today + 1, last_check=info
        )
        if person.checks_today >= self.required:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.people[row]
            self.endRemoveRows()
            return True
        self.people[row] = person
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return False

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("FollowUp", "Full name"),
            QCoreApplication.translate("FollowUp", "Born"),
            QCoreApplication.translate("FollowUp", "Village"),
            QCoreApplication.translate("FollowUp", "Status"),
            QCoreApplication.translate("FollowUp", "Checks today"),
            QCoreApplication.translate("FollowUp", "Last check"),
            QCoreApplication.translate("FollowUp", "Phone"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.people[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                p.full_name,
                str(p.birth_year or ""),
                where(p, self.communes),
                status_name(p),
                f"{p.checks_today}/{self.required}",
                check_text(p.last_check),
                p.phone,
            )[column]
        if role == PERSON_ROLE:
            return p.member_id
        danger = p.last_check is not None and p.last_check.danger and not p.last_check.action
        if role == Qt.ItemDataRole.ForegroundRole and danger:
            return QBrush(DANGER)
        if role == Qt.ItemDataRole.BackgroundRole and danger:
            return QBrush(DANGER_BACK)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.LAST and p.last_check:
            return ", ".join(sign_name(s) for s in p.last_check.danger_signs) or None
        return None


class DangerModel(QAbstractTableModel):
    """Checks with a danger sign in the last 24 hours, unanswered first."""

    TIME, NAME, VILLAGE, SIGNS, ACTION = range(5)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[FollowedPerson, CheckInfo]] = []
        self.communes: dict[str, str] = {}  # at a district: device id → commune

    def set_rows(self, rows: list[tuple[FollowedPerson, CheckInfo]]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def add(self, person: FollowedPerson, check: CheckInfo) -> None:
        """A new danger sign goes on top."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.rows.insert(0, (person, check))
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            QCoreApplication.translate("FollowUp", "Time"),
            QCoreApplication.translate("FollowUp", "Full name"),
            QCoreApplication.translate("FollowUp", "Village"),
            QCoreApplication.translate("FollowUp", "Danger signs"),
            QCoreApplication.translate("FollowUp", "Action"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person, check = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            action = action_name(check.action)
            if check.action_at is not None:
                action += f" ({check.action_at.astimezone():%H:%M})"
            return (
                check.checked_at.astimezone().strftime("%H:%M %d/%m"),
                person.full_name,
                where(person, self.communes),
                ", ".join(sign_name(s) for s in check.danger_signs),
                action,
            )[index.column()]
        if role == PERSON_ROLE:
            return check.id
        if role == Qt.ItemDataRole.ForegroundRole and not check.action:
            return QBrush(DANGER)
        return None


# ------------------------------------------------------------------------------------------
# Dialogs
# ------------------------------------------------------------------------------------------


class ActionDialog(QDialog):
    """What was done about a danger sign, and when (asked at once after a red check)."""

    def __init__(self, name: str, signs: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Danger sign: what was done?"))
        form = QFormLayout(self)
        warning = QLabel(self.tr("{name}: {signs}").format(name=name, signs=signs))
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #b00020; font-weight: bold;")
        form.addRow(warning)
        self.action = QComboBox()
        for key in ACTIONS:
            self.action.addItem(action_name(key), key)
        form.addRow(self.tr("Action taken"), self.action)
        self.time = QTimeEdit(QTime.currentTime())
        self.time.setDisplayFormat("HH:mm")
        form.addRow(self.tr("At"), self.time)
        self.note = QLineEdit()
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Later"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self, day: date) -> tuple[str, datetime, str]:
        moment = datetime.combine(day, self.time.time().toPython()).astimezone()
        return self.action.currentData(), moment, self.note.text()


# ------------------------------------------------------------------------------------------
# The panel
# ------------------------------------------------------------------------------------------


class FollowUpPanel(QWidget):
    """The follow-up tab; ``refresh()`` loads the lists in the background."""

    open_household = Signal(int)
    loaded = Signal()
    saved = Signal(object)  # CheckInfo

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.lists: FollowUpLists | None = None
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.day_label = QLabel()
        self.day = date_edit(date.today())
        self.day.dateChanged.connect(self.refresh)
        self.village_label = QLabel()
        self.village = QComboBox()
        self.village.setMinimumContentsLength(14)
        self.village.activated.connect(self.refresh)
        # At a district: one commune's people only (issue 18 part 4); absent in a commune.
        self.commune_label = QLabel()
        self.commune = CommuneFilter()
        self.commune.setObjectName("followupCommune")
        self.commune.currentIndexChanged.connect(self.refresh)
        self.commune_label.setBuddy(self.commune)
        self.commune_label.hide()
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self._on_print)
        self.summary = QLabel()
        self.summary.setMinimumWidth(200)
        for w in (
            self.day_label,
            self.day,
            self.commune_label,
            self.commune,
            self.village_label,
            self.village,
        ):
            top.addWidget(w)
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.print_button)
        layout.addLayout(top)

        self.message = QLabel()  # when the lists may not be shown
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        self.danger_box = QGroupBox()
        danger_layout = QHBoxLayout(self.danger_box)
        self.danger_model = DangerModel(self)
        self.danger_view = self._view(self.danger_model)
        self.danger_view.setMaximumHeight(96)
        danger_layout.addWidget(self.danger_view, 1)
        self.action_button = QPushButton()
        self.action_button.clicked.connect(self._on_action_selected)
        danger_layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.danger_box)

        self.round_box = QGroupBox()
        round_layout = QVBoxLayout(self.round_box)
        self.round_model = RoundModel(self)
        self.round_view = self._view(self.round_model)
        self.round_view.doubleClicked.connect(self._on_open)
        self.round_view.selectionModel().currentRowChanged.connect(self._on_person_changed)
        round_layout.addWidget(self.round_view, 1)
        round_layout.addWidget(self._entry_form())
        layout.addWidget(self.round_box, 1)

        QShortcut(QKeySequence("F5"), self, self.refresh)
        self.retranslate()

    @staticmethod
    def _view(model: QAbstractTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    def _entry_form(self) -> QWidget:
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 4, 0, 0)
        self.person_label = QLabel()
        self.person_label.setStyleSheet("font-weight: bold;")
        column.addWidget(self.person_label)
        vitals = QHBoxLayout()
        self.temperature = QLineEdit()
        self.spo2 = QLineEdit()
        self.pulse = QLineEdit()
        self.breath = QLineEdit()
        self.field_labels = [QLabel() for _ in range(4)]
        for label, field in zip(
            self.field_labels, (self.temperature, self.spo2, self.pulse, self.breath), strict=True
        ):
            field.setFixedWidth(64)
            field.returnPressed.connect(self._on_save)
            label.setBuddy(field)
            vitals.addWidget(label)
            vitals.addWidget(field)
            vitals.addSpacing(12)
        self.by_phone = QCheckBox()
        vitals.addWidget(self.by_phone)
        vitals.addStretch(1)
        column.addLayout(vitals)
        self.symptoms: dict[str, QCheckBox] = {}
        box = QGridLayout()
        for i, key in enumerate(SYMPTOMS):
            check = QCheckBox()
            self.symptoms[key] = check
            box.addWidget(check, i // 6, i % 6)
        column.addLayout(box)
        bottom = QHBoxLayout()
        self.note_label = QLabel()
        self.note = QLineEdit()
        self.note.returnPressed.connect(self._on_save)
        self.note_label.setBuddy(self.note)
        self.by_label = QLabel()
        self.by = QLineEdit()
        self.by.setMaximumWidth(220)
        self.by.returnPressed.connect(self._on_save)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._on_save)
        self.save_button.setDefault(True)
        self.save_button.setEnabled(False)
        bottom.addWidget(self.note_label)
        bottom.addWidget(self.note, 1)
        bottom.addWidget(self.by_label)
        bottom.addWidget(self.by)
        bottom.addWidget(self.save_button)
        column.addLayout(bottom)
        return form

    # -- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.day_label.setText(self.tr("Day"))
        self.village_label.setText(self.tr("Village"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.print_button.setText(self.tr("&Print list…"))
        self.action_button.setText(self.tr("Record &action…"))
        for label, text in zip(
            self.field_labels,
            (self.tr("&Temp. °C"), self.tr("&SpO2 %"), self.tr("P&ulse"), self.tr("&Breaths/min")),
            strict=True,
        ):
            label.setText(text)
        for key, check in self.symptoms.items():
            check.setText(symptom_name(key))
        self.note_label.setText(self.tr("Note"))
        self.by_label.setText(self.tr("Checked by"))
        self.by.setPlaceholderText(self.tr("signed-in user"))
        self.by_phone.setText(self.tr("Reported by phone"))
        self.save_button.setText(self.tr("Save (Enter)"))
        self._commune_texts()
        self._show_texts()
        self.round_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self.danger_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 4)

    def _commune_texts(self) -> None:
        self.commune.set_texts(
            self.tr("All communes"), self.tr("All districts"), self.tr("This office")
        )
        self.commune_label.setText(
            self.tr("&District") if self.commune.province else self.tr("&Commune")
        )
        self.commune_label.setVisible(self.commune.upper)

    def _show_texts(self) -> None:
        lists = self.lists
        danger = len(self.danger_model.rows)
        open_danger = sum(1 for _p, c in self.danger_model.rows if not c.action)
        self.danger_box.setTitle(
            self.tr("Danger signs in the last 24 hours: {n}, not acted on: {m}").format(
                n=danger, m=open_danger
            )
        )
        self.danger_box.setStyleSheet(
            "QGroupBox { color: #b00020; font-weight: bold; }" if open_danger else ""
        )
        if lists is None:
            self.summary.setText("")
            self.round_box.setTitle(self.tr("Still to check"))
            return
        due = self.round_model.people
        missed = sum(1 for p in due if p.checks_today == 0)
        self.summary.setText(
            self.tr("{followed} followed, {due} still to check, {missed} not checked yet").format(
                followed=lists.followed, due=len(due), missed=missed
            )
        )
        self.round_box.setTitle(
            self.tr("Still to check ({n}) — {k} checks a day").format(n=len(due), k=lists.required)
        )
        self._on_person_changed()

    # -- loading -----------------------------------------------------------------------------

    def current_day(self) -> date:
        return from_qdate(self.day.date())

    def current_village(self) -> str | None:
        return self.village.currentData() or None

    def refresh(self) -> None:
        communes = self.commune.fill(self.db)
        self._commune_texts()
        self.round_model.communes = self.danger_model.communes = communes
        day, village = self.current_day(), self.current_village()
        devices = self.commune.devices()
        # Reads may finish out of order (a commune chosen by walking the combo with the arrow
        # keys starts one per step): only the newest one is shown.
        self._generation = getattr(self, "_generation", 0) + 1
        wanted = self._generation

        def loaded(lists: FollowUpLists) -> None:
            if wanted == self._generation:
                self._on_loaded(lists)

        QueryOp(
            self, lambda _p: followup_lists(self.db, day, village=village, devices=devices)
        ).success(loaded).failure(self._on_load_failed).run_in_background()

    def _on_load_failed(self, exc: BaseException) -> None:
        from fieldapp.errors import NotPermitted

        if not isinstance(exc, NotPermitted):
            from ui import errors

            errors.show_error(self, exc)
            return
        self.lists = None
        self.round_model.set_rows([], 2)
        self.danger_model.set_rows([])
        self.message.setText(
            self.tr("Only officers and administrators see the follow-up of F0 and F1.")
        )
        self.message.show()
        self.round_box.setEnabled(False)
        self._show_texts()
        self.loaded.emit()

    def _on_loaded(self, lists: FollowUpLists) -> None:
        self.message.hide()
        self.round_box.setEnabled(True)
        self.lists = lists
        if lists.day == self.current_day() and not self.current_village():
            self._fill_villages(lists)
        selected = self.selected_person()
        self.round_model.set_rows(lists.due, lists.required)
        self.danger_model.set_rows(lists.danger)
        if self.round_model.rowCount():
            ids = [p.member_id for p in lists.due]
            keep = selected is not None and selected.member_id in ids
            self.round_view.selectRow(ids.index(selected.member_id) if keep else 0)
        self._show_texts()
        self.loaded.emit()

    def _fill_villages(self, lists: FollowUpLists) -> None:
        names = sorted({p.village for p in lists.due if p.village})
        current = self.village.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(self.tr("All villages"), "")
        for name in names:
            self.village.addItem(name, name)
        self.village.setCurrentIndex(max(0, self.village.findData(current)))
        self.village.blockSignals(False)

    # -- entering a check --------------------------------------------------------------------

    def selected_person(self) -> FollowedPerson | None:
        index = self.round_view.currentIndex()
        if not index.isValid() or index.row() >= len(self.round_model.people):
            return None
        return self.round_model.people[index.row()]

    def _on_person_changed(self, *_args) -> None:
        person = self.selected_person()
        self.save_button.setEnabled(person is not None)
        if person is None:
            self.person_label.setText(self.tr("Choose a person in the list."))
            return
        self.person_label.setText(
            self.tr("Check of {name} ({village}) — last: {last}").format(
                name=person.full_name,
                village=person.village or "—",
                last=check_text(person.last_check),
            )
        )

    def _clear_form(self) -> None:
        for field in (self.temperature, self.spo2, self.pulse, self.breath, self.note):
            field.clear()
        for check in self.symptoms.values():
            check.setChecked(False)
        self.by_phone.setChecked(False)

    def _on_save(self) -> None:
        person = self.selected_person()
        if person is None:
            return
        data = CheckInput(
            member_id=person.member_id,
            temperature=self.temperature.text().strip() or None,
            spo2=self.spo2.text().strip() or None,
            pulse=self.pulse.text().strip() or None,
            breath_rate=self.breath.text().strip() or None,
            symptoms=[k for k, c in self.symptoms.items() if c.isChecked()],
            note=self.note.text(),
            checked_by=self.by.text(),
            by_phone=self.by_phone.isChecked(),
            checked_at=self._moment(),
        )
        row = self.round_view.currentIndex().row()
        db = self.db
        CollectionOp(self, lambda _p: record_check(db, data)).success(
            lambda info: self._on_saved(info, person, row)
        ).undoable(
            self.tr("Check of {name}").format(name=person.full_name),
            undo=lambda info: delete_check(db, info.id),
            changed=self.refresh,
        ).run_in_background()

    def _moment(self) -> datetime | None:
        day = self.current_day()
        if day == date.today():
            return None  # now
        return datetime.combine(day, datetime.now().time()).astimezone()

    def _on_saved(self, info: CheckInfo, person: FollowedPerson, row: int) -> None:
        """Count the check in place (no reload of the whole list: a round stays fast at
        5,000 people) and move to the next person."""
        self._clear_form()
        self.saved.emit(info)
        if row < len(self.round_model.people) and (
            self.round_model.people[row].member_id == person.member_id
        ):
            removed = self.round_model.checked(row, info)
            # the next person: the same row once this one is done for the day, else the next
            rows = self.round_model.rowCount()
            if rows:
                self.round_view.selectRow(min(row if removed else row + 1, rows - 1))
        else:
            self.refresh()  # the list changed meanwhile: read it again
        if info.danger:
            self.danger_model.add(person, info)
        self._show_texts()
        self.temperature.setFocus()
        if info.danger:
            self._ask_action(person.full_name, info)

    def _ask_action(self, name: str, info: CheckInfo) -> None:
        signs = ", ".join(sign_name(s) for s in info.danger_signs)
        dialog = ActionDialog(name, signs, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        action, moment, note = dialog.values(info.checked_at.astimezone().date())
        db = self.db
        CollectionOp(
            self, lambda _p: record_action(db, info.id, action, at=moment, note=note)
        ).success(lambda _i: self.refresh()).run_in_background()

    def _on_action_selected(self) -> None:
        index = self.danger_view.currentIndex()
        if not index.isValid():
            if not self.danger_model.rows:
                return
            index = self.danger_model.index(0, 0)
        person, check = self.danger_model.rows[index.row()]
        self._ask_action(person.full_name, check)

    def _on_open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_household.emit(self.round_model.people[index.row()].household_id)

    # -- paper -------------------------------------------------------------------------------

    def _on_print(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the follow-up list"),
            f"theo-doi-suc-khoe-{self.current_day().isoformat()}.pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        day, village, db = self.current_day(), self.current_village(), self.db
        devices = self.commune.devices()
        commune = self.commune.currentText() if devices is not None else ""

        def work(_p) -> int:
            from fieldapp.health.paper import followup_document
            from fieldapp.printing.official import render_pdf

            paper = followup_document(db, day, village=village, devices=devices, commune=commune)
            return render_pdf(paper, path)

        QueryOp(self, work).with_progress(self.tr("Printing…")).success(
            lambda pages: self.summary.setText(
                self.tr("Saved {pages} pages to {path}").format(pages=pages, path=path)
            )
        ).run_in_background()
