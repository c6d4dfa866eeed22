"""The checkpoint log tab: a one-line entry form for the clerk at the barrier, the day's table
and the day's count.

Made for keyboard-only work at night: type the name, Tab through the fields, Enter saves and
clears the form for the next person, keeping the checkpoint and the "from" place (a coach
from Bình Dương brings many people from the same place). The time follows the clock until
the clerk changes it (a paper log typed in later). Double-click or F2 on a row loads it into
the form for a correction; Delete removes the selected rows; Ctrl+Z undoes any of it.
Every write goes through :mod:`fieldapp.checkpoints.log`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import (
    QDate,
    QEvent,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from fieldapp.accounts.permissions import mask
from fieldapp.checkpoints.log import (
    FEVER,
    DailyCount,
    Entry,
    EntryInput,
    add_entry,
    daily_counts,
    delete_entry,
    edit_entry,
    list_entries,
    log_sites,
    normalize_phone,
    normalize_plate,
    recent_places,
    restore_entry,
    search_entries,
)
from fieldapp.db.database import Database
from fieldapp.errors import UserError
from ui.operations import run_change
from ui.pages.checkpoints.entry_model import (
    COLUMNS,
    COMMUNE,
    DECLARED,
    FROM,
    NAME,
    PEOPLE,
    PHONE,
    PLATE,
    SITE,
    SORT_ROLE,
    TIME,
    TO,
    CheckpointEntryModel,
    short_site_name,
)
from ui.widgets.commune_filter import CommuneFilter

# -- the widget -------------------------------------------------------------------------------


class _Keys(QObject):
    """The log's keys, on every widget of the tab.

    Ctrl+Z / Ctrl+Y (and the platform's redo) undo and redo the log's own changes: the
    filter claims them through ``ShortcutOverride``, so that a page holding the tab (the
    duty-roster page has its own undo) does not take them while the cursor is in the log.
    A text field with typing of its own to undo keeps Ctrl+Z for that. In the form, Enter
    saves and Escape clears; in the table, Delete removes the selected rows and F2 or
    Enter loads the current one into the form.
    """

    def __init__(self, widget: CheckpointLogWidget) -> None:
        super().__init__(widget)
        self._widget = widget

    def _undo_step(self, obj: QObject, event: QKeyEvent) -> Callable[[], None] | None:
        if event.matches(QKeySequence.StandardKey.Undo):
            own = isinstance(obj, QLineEdit) and obj.isUndoAvailable()
            return None if own else self._widget.undo_stack.undo
        ctrl_y = (
            event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        )
        if event.matches(QKeySequence.StandardKey.Redo) or ctrl_y:
            own = isinstance(obj, QLineEdit) and obj.isRedoAvailable()
            return None if own else self._widget.undo_stack.redo
        return None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        step = self._undo_step(obj, event)
        if kind == QEvent.Type.ShortcutOverride:
            if step is not None:
                event.accept()  # deliver the key here, not to a window-wide shortcut
                return True
            return False
        if step is not None:
            step()
            return True
        w = self._widget
        key = event.key()
        if obj is w.table:
            if key == Qt.Key.Key_Delete:
                w.delete_selected()
            elif key in (Qt.Key.Key_F2, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                w._on_edit_current()
            else:
                return False
            return True
        if obj not in w.form_fields:
            return False
        completer = getattr(obj, "completer", lambda: None)()
        if completer is not None and completer.popup().isVisible():
            return False  # Enter picks the completion first
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            w.save()
            return True
        if key == Qt.Key.Key_Escape:
            w.clear_form(keep=False)
            return True
        return False


class CheckpointLogWidget(QWidget):
    """The checkpoint log: entry form, the day's table (newest first) and the day's count."""

    changed = Signal()
    """Emitted after every write (another tab may show counts)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self._editing: Entry | None = None
        self._time_touched = False
        self._today = date.today()
        self._shown_phone = ""

        # The form: labels over one line of fields.
        self.site = QComboBox()
        self.site.setMinimumContentsLength(14)
        self.site.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.time = QTimeEdit()
        self.time.setDisplayFormat("HH:mm")
        self.name = QLineEdit()
        self.from_place = QLineEdit()
        self.to_place = QLineEdit()
        self.plate = QLineEdit()
        self.plate.setMaxLength(16)
        self.phone = QLineEdit()
        self.phone.setMaxLength(16)
        self.people = QSpinBox()
        self.people.setRange(1, 100)
        self.declared = QCheckBox()
        self.temperature = QLineEdit()  # °C, measured at the checkpoint (issue 19)
        self.temperature.setMaxLength(5)
        self.temperature.textChanged.connect(self._show_fever)
        self.notes = QLineEdit()
        self.save_button = QPushButton()
        self.save_button.setDefault(True)
        fields = [
            self.site,
            self.time,
            self.name,
            self.from_place,
            self.to_place,
            self.plate,
            self.phone,
            self.people,
            self.declared,
            self.temperature,
            self.notes,
        ]
        self._labels = [QLabel() for _ in fields]
        form = QGridLayout()
        form.setHorizontalSpacing(6)
        form.setVerticalSpacing(2)
        # Widths for the 1366×768 laptop: the whole line fits in the page beside the menu.
        widths = {0: 120, 1: 62, 2: 130, 3: 100, 4: 90, 5: 85, 6: 90, 7: 50, 9: 48, 10: 70}
        stretch = {2: 3, 3: 2, 4: 2, 10: 2}
        for col, (label, field) in enumerate(zip(self._labels, fields, strict=True)):
            label.setBuddy(field)
            form.addWidget(label, 0, col)
            form.addWidget(field, 1, col)
            if col in widths:
                field.setMinimumWidth(widths[col])
            form.setColumnStretch(col, stretch.get(col, 0))
        self.error = QLabel()
        self.error.setProperty("error", True)
        self.error.setWordWrap(True)
        self.mode = QLabel()
        self.mode.setObjectName("checkpointEditMode")
        self.mode.setStyleSheet("color: #1f5f8b; font-weight: bold;")

        # The day, the count, search.
        self.day = QDateEdit()
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setCalendarPopup(True)
        self.day.setDate(QDate.currentDate())
        self.all_sites = QCheckBox()
        # At a district: one commune's entries only (issue 18 part 4); absent in a commune.
        self.commune = CommuneFilter()
        self.commune.setObjectName("checkpointCommune")
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("checkpointCount")
        self.count.setWordWrap(True)
        self.day_label = QLabel()
        self.day_label.setBuddy(self.day)
        bar = QHBoxLayout()
        bar.addWidget(self.day_label)
        bar.addWidget(self.day)
        bar.addWidget(self.all_sites)
        bar.addWidget(self.commune)
        bar.addSpacing(12)
        bar.addWidget(self.count, 1)
        bar.addWidget(self.search)
        self.search.setMinimumWidth(220)

        # The table.
        self.model = CheckpointEntryModel(db.actor, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        columns = {TIME: 60, SITE: 130, NAME: 175, PEOPLE: 72, FROM: 125, TO: 120}
        columns.update({PLATE: 110, PHONE: 100, DECLARED: 135})
        for column, width in columns.items():
            self.table.setColumnWidth(column, width)
        self.status = QLabel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.mode)
        row.addWidget(self.error, 1)
        row.addWidget(self.save_button)
        layout.addLayout(row)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)

        self.setTabOrder(self.site, self.time)
        for first, second in zip(fields, fields[1:], strict=False):
            self.setTabOrder(first, second)
        self.setTabOrder(self.notes, self.save_button)
        self.form_fields = tuple(fields)

        self.save_button.clicked.connect(self.save)
        self.time.timeChanged.connect(self._on_time_edited)
        self.day.dateChanged.connect(self._on_day_changed)
        self.site.currentIndexChanged.connect(self._on_scope_changed)
        self.all_sites.toggled.connect(self._on_scope_changed)
        self.commune.currentIndexChanged.connect(self._on_scope_changed)
        self.search.textChanged.connect(self._on_search)
        self.table.doubleClicked.connect(self._on_row_activated)
        self.undo_stack.indexChanged.connect(self._on_undo_index)
        for keys, slot in (("Ctrl+N", self._on_new), ("Ctrl+F", self.search.setFocus)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._keys = _Keys(self)
        for child in (
            *fields,
            self.save_button,
            self.day,
            self.all_sites,
            self.commune,
            self.search,
            self.table,
        ):
            child.installEventFilter(self._keys)
        self._clock = QTimer(self)
        self._clock.setInterval(20_000)
        self._clock.timeout.connect(self._on_tick)
        self._clock.start()

        self._set_time_now()
        self.retranslate()
        self.refresh()

    # -- texts ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        texts = [
            self.tr("Checkpoint"),
            self.tr("Time"),
            self.tr("Full name"),
            self.tr("From (epidemic area)"),
            self.tr("To (in the commune)"),
            self.tr("Plate"),
            self.tr("Phone"),
            self.tr("People"),
            self.tr("Health decl."),
            self.tr("Temp. °C"),
            self.tr("Notes"),
        ]
        for label, text in zip(self._labels, texts, strict=True):
            label.setText(text)
        self.name.setPlaceholderText("Nguyễn Văn A")
        self.from_place.setPlaceholderText(self.tr("province, city"))
        self.to_place.setPlaceholderText(self.tr("village"))
        self.plate.setPlaceholderText("97A-123.45")
        self.phone.setPlaceholderText("09xxxxxxxx")
        self.declared.setText(self.tr("Declared"))
        self.declared.setToolTip(self.tr("The person has made the health declaration"))
        self.people.setToolTip(self.tr("People arriving together (passengers of the vehicle)"))
        self.temperature.setPlaceholderText("36,5")
        self.temperature.setToolTip(
            self.tr("Body temperature measured at the checkpoint; from 37.5 °C it counts as fever")
        )
        self.save_button.setText(self.tr("Save (Enter)"))
        self.save_button.setToolTip(
            self.tr("Enter saves and clears the form for the next person; Esc clears it")
        )
        self.day_label.setText(self.tr("Day"))
        self.all_sites.setText(self.tr("All checkpoints"))
        self.commune.set_texts(
            self.tr("All communes"), self.tr("All districts"), self.tr("This office")
        )
        self.search.setPlaceholderText(self.tr("Search name or plate (Ctrl+F)"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        self._show_mode()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the sites, the completions, the table and the count from the database."""
        self._load_sites()
        for field, column in ((self.from_place, "from_place"), (self.to_place, "to_place")):
            completer = QCompleter(recent_places(self.db, column=column), field)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            field.setCompleter(completer)
        self.model.set_actor(self.db.actor)
        self._load_communes()
        self._reload()

    def _load_communes(self) -> None:
        """At a district: the commune column (beside the time) and filter; none in a commune."""
        self.model.communes = self.commune.fill(self.db)
        self.model.province = self.commune.province
        self.table.setColumnHidden(COMMUNE, not self.commune.upper)
        header = self.table.horizontalHeader()
        if self.commune.upper and header.visualIndex(COMMUNE) != 1:
            header.moveSection(header.visualIndex(COMMUNE), 1)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, COMMUNE, COMMUNE)

    def _load_sites(self) -> None:
        current = self.site.currentData()
        sites = log_sites(self.db)
        self.site.blockSignals(True)
        self.site.clear()
        for site in sites:
            if site.active or site.id == current:
                self.site.addItem(short_site_name(site.name), site.id)
                self.site.setItemData(self.site.count() - 1, site.name, Qt.ItemDataRole.ToolTipRole)
        if current is not None and (at := self.site.findData(current)) >= 0:
            self.site.setCurrentIndex(at)
        self.site.blockSignals(False)
        has_sites = self.site.count() > 0
        for widget in (self.name, self.save_button):
            widget.setEnabled(has_sites)
        no_sites = self.tr("No checkpoint yet: add the checkpoints on the duty roster tab first.")
        if not has_sites:
            self.error.setText(no_sites)
        elif self.error.text() == no_sites:  # computed when shown: sites exist now
            self.error.clear()

    def _site_id(self) -> int | None:
        return self.site.currentData()

    def _scope(self) -> int | None:
        return None if self.all_sites.isChecked() else self._site_id()

    def _reload(self) -> None:
        text = self.search.text().strip()
        devices = self.commune.devices()
        if text:
            rows = search_entries(self.db, text, site_id=self._scope(), devices=devices)
            self.model.set_rows(rows, with_dates=True)
        else:
            rows = list_entries(self.db, self._day(), self._scope(), devices=devices)
            self.model.set_rows(rows)
        self.table.setColumnHidden(SITE, not self.all_sites.isChecked())
        self._counts = daily_counts(self.db, self._day(), self._scope(), devices=devices)
        self._show_count()

    def _show_count(self) -> None:
        counts: DailyCount | None = getattr(self, "_counts", None)
        if counts is None:
            return
        text = self.tr(
            "{people} people arrived, {vehicles} vehicles, {undeclared} without health "
            "declaration, {fever} with fever"
        ).format(
            people=counts.people,
            vehicles=counts.vehicles,
            undeclared=counts.undeclared,
            fever=counts.fever,
        )
        if counts.by_place:
            top = ", ".join(f"{place} {n}" for place, n in list(counts.by_place.items())[:4])
            text += " · " + self.tr("from: {places}").format(places=top)
        self.count.setText(text)

    def _day(self) -> date:
        return self.day.date().toPython()

    # -- the form -------------------------------------------------------------------------

    def _set_time_now(self) -> None:
        self.time.blockSignals(True)
        self.time.setTime(QTime.currentTime())
        self.time.blockSignals(False)
        self._time_touched = False

    def _on_time_edited(self) -> None:
        self._time_touched = True

    def _on_tick(self) -> None:
        today = date.today()
        if self._today != today:  # past midnight: a day picker left on today follows
            if self._day() == self._today:
                self.day.setDate(QDate(today.year, today.month, today.day))
            self._today = today
        if not self._time_touched and self._editing is None:
            self._set_time_now()

    def _input(self) -> EntryInput:
        site_id = self._site_id()
        if site_id is None:
            raise UserError(self.tr("Choose the checkpoint first."))
        moment = datetime.combine(self._day(), self.time.time().toPython()).astimezone()
        return EntryInput(
            site_id=site_id,
            full_name=self.name.text(),
            arrived_at=moment,
            direction=self._editing.direction if self._editing else "in",
            from_place=self.from_place.text(),
            to_place=self.to_place.text(),
            vehicle_plate=self.plate.text(),
            vehicle_kind=self._editing.vehicle_kind if self._editing else "",
            phone=self._phone_typed(),
            health_declared=self.declared.isChecked(),
            temperature=self._temperature_typed(),
            people_count=self.people.value(),
            notes=self.notes.text(),
            recorded_by=self._editing.recorded_by if self._editing else "",
        )

    def _temperature_typed(self) -> float | None:
        """The temperature typed ("37,8" or "37.8"), None when empty; a word is a mistake."""
        text = self.temperature.text().strip().replace(",", ".")
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise UserError(self.tr("The temperature must be a number, e.g. 36,8.")) from None

    def _show_fever(self) -> None:
        """The field turns red from 37.5 °C: the person has a fever (counted in the day)."""
        try:
            value = self._temperature_typed()
        except UserError:
            value = None
        self.temperature.setProperty("error", value is not None and value >= FEVER)
        self.temperature.style().unpolish(self.temperature)
        self.temperature.style().polish(self.temperature)

    def _phone_typed(self) -> str:
        text = self.phone.text()
        if self._editing is not None and text and text == self._shown_phone:
            return self._editing.phone  # left as shown (masked): unchanged
        return text

    def _field_at_fault(self) -> QWidget | None:
        """The field to put the cursor back in after a refusal."""
        if not self.name.text().strip():
            return self.name
        temperature = self.temperature.text().strip().replace(",", ".")
        if temperature:
            try:
                if not 34.0 <= float(temperature) <= 43.0:
                    return self.temperature
            except ValueError:
                return self.temperature
        checks = ((self.plate, normalize_plate), (self.phone, normalize_phone))
        for field, check in checks:
            try:
                check(self._phone_typed() if field is self.phone else field.text())
            except UserError:
                return field
        return None

    def save(self) -> None:
        """Save the form (a new entry, or the correction of the loaded one)."""
        try:
            data = self._input()
        except UserError as err:
            self._refused(err)
            return
        db, name = self.db, " ".join(data.full_name.split())
        if self._editing is None:
            entry = run_change(
                self.undo_stack,
                self.tr("add {name}").format(name=name),
                lambda: add_entry(db, data),
                lambda saved: delete_entry(db, saved.id),
                lambda saved: restore_entry(db, saved),  # the same entry back, same id
                parent=self,
                on_error=self._refused,
            )
            if entry is None:
                return
            self.status.setText(self.tr("Saved: {name}.").format(name=entry.full_name))
        else:
            editing_id = self._editing.id

            def redo_edit(pair: tuple[Entry, Entry]) -> tuple[Entry, Entry]:
                edit_entry(db, pair[1].id, pair[1].as_input())
                return pair

            pair = run_change(
                self.undo_stack,
                self.tr("edit {name}").format(name=name),
                lambda: edit_entry(db, editing_id, data),
                lambda pair: edit_entry(db, pair[0].id, pair[0].as_input()),
                redo_edit,
                parent=self,
                on_error=self._refused,
            )
            if pair is None:
                return
            self.status.setText(self.tr("Corrected: {name}.").format(name=pair[1].full_name))
        self.error.clear()
        self.clear_form(keep=True)  # the push above reloaded the table and the count

    def _refused(self, err: BaseException) -> None:
        """A refused save: the message under the form, the cursor back in the field at fault."""
        self.error.setText(str(err))
        field = self._field_at_fault()
        if field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

    def clear_form(self, *, keep: bool) -> None:
        """Empty the form for the next person; ``keep`` keeps the "from" place."""
        if self._editing is not None:
            keep = False
            self._editing = None
            self._show_mode()
        # setText, not clear(): the fields start a fresh history, so that Ctrl+Z in them
        # undoes the last save rather than bring back what was just saved.
        for field in (
            self.name,
            self.to_place,
            self.plate,
            self.phone,
            self.temperature,
            self.notes,
        ):
            field.setText("")
        self.from_place.setText(self.from_place.text() if keep else "")
        self.people.setValue(1)
        self.declared.setChecked(False)
        self.error.clear()
        if self._day() == date.today() or not self._time_touched:
            self._set_time_now()
        self.name.setFocus()

    def _show_mode(self) -> None:
        if self._editing is None:
            self.mode.setText("")
            self.save_button.setText(self.tr("Save (Enter)"))
        else:
            self.mode.setText(
                self.tr("Correcting {name} (Esc: cancel)").format(name=self._editing.full_name)
            )
            self.save_button.setText(self.tr("Save correction"))

    def load_for_edit(self, entry: Entry) -> None:
        """Put ``entry`` into the form; the next save corrects it."""
        self._editing = entry
        if (at := self.site.findData(entry.site_id)) >= 0:
            self.site.setCurrentIndex(at)
        local = entry.local_time
        self.day.setDate(QDate(local.year, local.month, local.day))
        self.time.blockSignals(True)
        self.time.setTime(QTime(local.hour, local.minute))
        self.time.blockSignals(False)
        self.name.setText(entry.full_name)
        self.from_place.setText(entry.from_place)
        self.to_place.setText(entry.to_place)
        self.plate.setText(entry.vehicle_plate)
        # A role that may not see phone numbers corrects the rest and keeps the number.
        self._shown_phone = mask(entry.phone, self.db.actor)
        self.phone.setText(self._shown_phone)
        self.people.setValue(entry.people_count)
        self.declared.setChecked(entry.health_declared)
        self.temperature.setText(
            "" if entry.temperature is None else f"{entry.temperature:.1f}".replace(".", ",")
        )
        self.notes.setText(entry.notes)
        self._show_mode()
        self.name.setFocus()
        self.name.selectAll()

    # -- table actions --------------------------------------------------------------------

    def selected_entries(self) -> list[Entry]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.entry(r) for r in sorted(rows)]

    def delete_selected(self) -> None:
        entries = self.selected_entries()
        if not entries:
            return
        db = self.db

        def delete(rows: list[Entry]) -> list[Entry]:
            for entry in rows:
                delete_entry(db, entry.id)
            return rows

        def restore(rows: list[Entry]) -> None:
            back = [restore_entry(db, e) for e in reversed(rows)]
            rows[:] = list(reversed(back))  # restored under new UUIDs: redo deletes these

        done = run_change(
            self.undo_stack,
            self.tr("delete {count} rows").format(count=len(entries)),
            lambda: delete(list(entries)),
            restore,
            delete,
            parent=self,
        )
        if done is None:
            return
        self.status.setText(
            self.tr("Deleted {count} rows. Ctrl+Z brings them back.").format(count=len(entries))
        )

    def _on_edit_current(self) -> None:
        entries = self.selected_entries()
        if entries:
            self.load_for_edit(entries[0])

    def _on_row_activated(self, index) -> None:
        self.load_for_edit(self.model.entry(self.proxy.mapToSource(index).row()))

    def _on_new(self) -> None:
        self.clear_form(keep=True)

    def _on_day_changed(self) -> None:
        if self._editing is None and self._day() != date.today():
            self._time_touched = True  # typing a past day's paper log: keep the typed time
        self._reload()

    def _on_scope_changed(self) -> None:
        self._reload()

    def _on_search(self) -> None:
        self._reload()

    def _on_undo_index(self) -> None:
        self._reload()
        self.changed.emit()
