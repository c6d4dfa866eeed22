"""Sites and people: add, change, end or delete sites; add, change, stop people; leave; rules."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItemModel, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.rostering import store
from fieldapp.rostering.store import SiteInfo, StaffInfo
from fieldapp.text.vietnamese import fold, format_date
from ui.operations import CollectionOp, run_change
from ui.pages.rosters.common import masked_phone, run_service
from ui.pages.rosters.dialogs import RulesDialog, SiteDialog, StaffDialog
from ui.pages.rosters.other_tabs import _item, _table, fit
from ui.widgets.commune_filter import CommuneFilter

COMMUNE = 6  # the last column of both lists: shown at a district or province only


class ManageTab(QWidget):
    """Two lists, sites above and people below, each with its buttons; the rules on top."""

    unavailable_requested = Signal(int)
    changed = Signal()

    def __init__(self, db: Database, undo: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo = undo
        self.sites: list[SiteInfo] = []
        self.shown_sites: list[SiteInfo] = []
        self.people: list[StaffInfo] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        rules_bar = QHBoxLayout()
        self.rules_text = QLabel()
        self.rules_text.setWordWrap(True)
        self.rules_button = QPushButton()
        rules_bar.addWidget(self.rules_text, 1)
        rules_bar.addWidget(self.rules_button)
        outer.addLayout(rules_bar)
        # At a district (or province): whose sites and people, one commune's only (issue 18
        # part 4); absent at a commune.
        commune_bar = QHBoxLayout()
        self.commune_label = QLabel()
        self.commune = CommuneFilter()
        self.commune.setObjectName("rostersCommune")
        self.commune_label.setBuddy(self.commune)
        self.commune_label.hide()
        commune_bar.addWidget(self.commune_label)
        commune_bar.addWidget(self.commune)
        commune_bar.addStretch(1)
        outer.addLayout(commune_bar)
        splitter = QSplitter(Qt.Orientation.Vertical)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.sites_title = QLabel()
        self.new_site = QPushButton()
        self.edit_site = QPushButton()
        self.delete_site = QPushButton()
        bar.addWidget(self.sites_title)
        bar.addStretch(1)
        for b in (self.new_site, self.edit_site, self.delete_site):
            bar.addWidget(b)
        top_layout.addLayout(bar)
        self.site_model = QStandardItemModel(0, 7, self)
        self.site_view = _table(self.site_model)
        top_layout.addWidget(self.site_view)
        splitter.addWidget(top)

        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.staff_title = QLabel()
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setMaximumWidth(260)
        self.new_person = QPushButton()
        self.import_people = QPushButton()
        self.import_people.setObjectName("rostersImportPeople")
        self.edit_person = QPushButton()
        self.leave_person = QPushButton()
        self.stop_person = QPushButton()
        self.delete_person = QPushButton()
        bar.addWidget(self.staff_title)
        bar.addWidget(self.filter)
        bar.addStretch(1)
        for b in (
            self.new_person,
            self.import_people,
            self.edit_person,
            self.leave_person,
            self.stop_person,
            self.delete_person,
        ):
            bar.addWidget(b)
        bottom_layout.addLayout(bar)
        self.staff_model = QStandardItemModel(0, 7, self)
        self.staff_view = _table(self.staff_model)
        bottom_layout.addWidget(self.staff_view)
        splitter.addWidget(bottom)
        splitter.setSizes([180, 320])
        for view in (self.site_view, self.staff_view):
            view.setColumnHidden(COMMUNE, True)  # until refresh() knows this is a district
        outer.addWidget(splitter, 1)

        self.rules_button.clicked.connect(self._on_rules)
        self.new_site.clicked.connect(lambda: self._on_site(None))
        self.edit_site.clicked.connect(lambda: self._on_site(self._current_site()))
        self.site_view.doubleClicked.connect(lambda _i: self._on_site(self._current_site()))
        self.delete_site.clicked.connect(self._on_delete_site)
        self.new_person.clicked.connect(lambda: self._on_person(None))
        self.import_people.clicked.connect(self._on_import_people)
        self.edit_person.clicked.connect(lambda: self._on_person(self._current_person()))
        self.staff_view.doubleClicked.connect(lambda _i: self._on_person(self._current_person()))
        self.leave_person.clicked.connect(self._on_leave)
        self.stop_person.clicked.connect(self._on_stop)
        self.delete_person.clicked.connect(self._on_delete_person)
        self.filter.textChanged.connect(lambda _t: self._fill_staff())
        self.commune.currentIndexChanged.connect(lambda _i: self._fill_lists())
        self.retranslate()

    def retranslate(self) -> None:
        self.rules_button.setText(self.tr("Change rules…"))
        self.sites_title.setText(self.tr("Sites"))
        self.new_site.setText(self.tr("New site…"))
        self.edit_site.setText(self.tr("Change…"))
        self.delete_site.setText(self.tr("Delete"))
        self.staff_title.setText(self.tr("People on duty"))
        self.filter.setPlaceholderText(self.tr("Find by name, unit, role…"))
        self.new_person.setText(self.tr("New person…"))
        self.import_people.setText(self.tr("Import list…"))
        self.import_people.setToolTip(
            self.tr(
                "Add everyone of a list the commune keeps (Excel, .csv, a Word table, a PDF): "
                "a Name column, and a Force or Unit column and a Phone column if there are"
            )
        )
        self.edit_person.setText(self.tr("Change…"))
        self.leave_person.setText(self.tr("Cannot work from…"))
        self.stop_person.setText(self.tr("Stop / resume duty"))
        self.delete_person.setText(self.tr("Delete"))
        self.site_model.setHorizontalHeaderLabels(
            [
                self.tr("Site name"),
                self.tr("Kind"),
                self.tr("Active"),
                self.tr("Shifts"),
                self.tr("People per shift"),
                self.tr("Place"),
                self._commune_header(),
            ]
        )
        self.staff_model.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Unit"),
                self.tr("Roles"),
                self.tr("Phone"),
                self.tr("Own limits"),
                self.tr("On duty"),
                self._commune_header(),
            ]
        )
        self._commune_texts()

    def _commune_header(self) -> str:
        return self.tr("District") if self.commune.province else self.tr("Commune")

    def _commune_texts(self) -> None:
        self.commune.set_texts(
            self.tr("All communes"), self.tr("All districts"), self.tr("This office")
        )
        self.commune_label.setText(
            self.tr("&District") if self.commune.province else self.tr("&Commune")
        )
        self.commune_label.setVisible(self.commune.upper)
        for model in (self.site_model, self.staff_model):
            model.setHeaderData(COMMUNE, Qt.Orientation.Horizontal, self._commune_header())

    # --- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        rules = store.get_rules(self.db)
        self.rules_text.setText(
            self.tr(
                "Rules: at least {rest} hours of rest between two shifts; at most {week} shifts "
                "a week (Monday to Sunday); at most {nights} night shifts in a row."
            ).format(
                rest=f"{rules.min_rest_hours:g}",
                week=rules.max_shifts_per_week,
                nights=rules.max_consecutive_nights,
            )
        )
        self.sites = store.list_sites(self.db)
        self.people = store.list_staff(self.db, include_inactive=True)
        self.commune.fill(self.db)
        self._commune_texts()
        for view in (self.site_view, self.staff_view):
            view.setColumnHidden(COMMUNE, not self.commune.upper)
        self._fill_lists()

    def _fill_lists(self) -> None:
        self._fill_sites()
        self._fill_staff()

    def _in_commune(self, device: str | None) -> bool:
        """Whether a row written by ``device`` belongs to the chosen commune (or all)."""
        devices = self.commune.devices()
        return devices is None or device in devices

    def _commune_of(self, device: str | None) -> str:
        """The commune a row came from; empty for this office's own rows."""
        return self.commune.communes.get(device or "", "")

    def _fill_sites(self) -> None:
        self.shown_sites = [s for s in self.sites if self._in_commune(s.device_id)]
        self.site_model.removeRows(0, self.site_model.rowCount())
        for s in self.shown_sites:
            until = format_date(s.active_to) if s.active_to else "…"
            shifts = ", ".join(x.times for x in s.shifts)
            need = f"{s.staff_per_shift}" + (f" ({s.require_text})" if s.require_text else "")
            self.site_model.appendRow(
                [
                    _item(s.name),
                    _item(s.kind_label),
                    _item(f"{format_date(s.active_from)} – {until}"),
                    _item(shifts),
                    _item(need),
                    _item(s.place),
                    _item(self._commune_of(s.device_id)),
                ]
            )
        fit(self.site_view)

    def _shown_people(self) -> list[StaffInfo]:
        needle = fold(self.filter.text())
        people = [p for p in self.people if self._in_commune(p.device_id)]
        if not needle:
            return people
        return [
            p
            for p in people
            if needle in fold(f"{p.name} {p.unit} {p.roles_text} {' '.join(p.roles)}")
        ]

    def _fill_staff(self) -> None:
        self.staff_model.removeRows(0, self.staff_model.rowCount())
        yes, no = self.tr("yes"), self.tr("stopped")
        for p in self._shown_people():
            limits = []
            if p.max_shifts_per_week is not None:
                limits.append(self.tr("at most {n} a week").format(n=p.max_shifts_per_week))
            if p.no_nights:
                limits.append(self.tr("no nights"))
            row = [
                _item(p.name),
                _item(p.unit),
                _item(p.roles_text),
                _item(masked_phone(self.db, p.phone)),
                _item(", ".join(limits)),
                _item(yes if p.active else no),
                _item(self._commune_of(p.device_id)),
            ]
            if not p.active:
                for item in row:
                    item.setForeground(Qt.GlobalColor.gray)
            self.staff_model.appendRow(row)
        fit(self.staff_view)

    def _current_site(self) -> SiteInfo | None:
        index = self.site_view.currentIndex()
        shown = self.shown_sites
        return shown[index.row()] if index.isValid() and index.row() < len(shown) else None

    def _current_person(self) -> StaffInfo | None:
        index = self.staff_view.currentIndex()
        shown = self._shown_people()
        return shown[index.row()] if index.isValid() and index.row() < len(shown) else None

    def _done(self) -> None:
        self.refresh()
        self.changed.emit()

    def _change(self, text: str, do, undo) -> bool:
        """One quick undoable edit (adding, changing), made at once so that a refused entry
        can reopen its dialog with what was typed: ``do()`` returns the row's id, ``undo(id)``
        takes it back, redo runs ``do()`` again. False (and the message shown) if refused."""
        done = run_change(self.undo, text, do, undo, changed=self._done, parent=self)
        return done is not None

    def _write(self, text: str, do, undo) -> None:
        """One undoable write off the GUI thread (deleting, stopping, the rules): undo and
        redo run in the same write queue; a refusal reaches the one error sink. Adding and
        changing stay at once, so a refused entry can reopen its dialog with what was typed."""
        (
            CollectionOp(self, lambda _progress: do())
            .success(lambda _result: self._done())
            .undoable(
                text,
                undo=lambda _result: undo(),
                redo=lambda _result: do(),
                changed=self._done,
                stack=self.undo,
            )
            .run_in_background()
        )

    # --- actions ---------------------------------------------------------------------------

    def _on_rules(self) -> None:
        before = store.get_rules(self.db)
        dialog = RulesDialog(before, self)
        if not dialog.exec():
            return
        values = dialog.values()

        db = self.db

        def undo() -> None:
            store.set_rules(
                db,
                min_rest_hours=before.min_rest_hours,
                max_shifts_per_week=before.max_shifts_per_week,
                max_consecutive_nights=before.max_consecutive_nights,
            )

        def do() -> None:
            store.set_rules(db, **values)

        self._write(self.tr("Change rules"), do, undo)

    def _on_site(self, site: SiteInfo | None) -> None:
        dialog = SiteDialog(site, self)
        while dialog.exec():
            values = run_service(self, dialog.values)
            if values is not None and self._save_site(site, values):
                return

    def _save_site(self, site: SiteInfo | None, values: dict) -> bool:
        db = self.db
        if site is None:
            return self._change(
                self.tr("Add site"),
                lambda: store.add_site(db, **values).id,
                lambda new_id: store.delete_site(db, new_id),
            )
        before = {
            "name": site.name,
            "kind": site.kind,
            "place": site.place,
            "active_from": site.active_from,
            "active_to": site.active_to,
            "staff_per_shift": site.staff_per_shift,
            "require": site.require,
            "notes": site.notes,
            "pattern": site.pattern,
            "hotline": site.hotline,
        }
        if site.pattern == "custom":
            before["shifts"] = list(site.shifts)
        else:
            before["first_start"] = site.shifts[0].start
        sid = site.id

        def change() -> int:
            store.update_site(db, sid, **values)
            return sid

        return self._change(
            self.tr("Change site"), change, lambda _id: store.update_site(db, sid, **before)
        )

    def _on_delete_site(self) -> None:
        site = self._current_site()
        if site is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete"), self.tr("Delete the site “{name}”?").format(name=site.name)
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        values = {
            "name": site.name,
            "kind": site.kind,
            "place": site.place,
            "active_from": site.active_from,
            "active_to": site.active_to,
            "pattern": site.pattern,
            "staff_per_shift": site.staff_per_shift,
            "require": site.require,
            "notes": site.notes,
        }
        if site.pattern == "custom":
            values["shifts"] = list(site.shifts)
        else:
            values["first_start"] = site.shifts[0].start
        holder, db = {"id": site.id}, self.db

        def do() -> None:
            store.delete_site(db, holder["id"])

        def undo() -> None:
            holder["id"] = store.add_site(db, **values).id

        self._write(self.tr("Delete site"), do, undo)

    def _units(self) -> list[str]:
        return sorted({p.unit for p in self.people if p.unit})

    def _on_person(self, person: StaffInfo | None) -> None:
        dialog = StaffDialog(person, self._units(), self)
        while dialog.exec():
            if self._save_person(person, dialog.values()):
                return

    def _save_person(self, person: StaffInfo | None, values: dict) -> bool:
        db = self.db
        if person is None:
            return self._change(
                self.tr("Add person"),
                lambda: store.add_staff(db, **values).id,
                lambda new_id: store.delete_staff(db, new_id),
            )
        before = {
            "name": person.name,
            "unit": person.unit,
            "roles": list(person.roles),
            "phone": person.phone,
            "max_shifts_per_week": person.max_shifts_per_week,
            "no_nights": person.no_nights,
            "notes": person.notes,
            "wishes": dict(person.wishes),
        }
        pid = person.id

        def change() -> int:
            store.update_staff(db, pid, **values)
            return pid

        return self._change(
            self.tr("Change person"), change, lambda _id: store.update_staff(db, pid, **before)
        )

    def _on_import_people(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from fieldapp.rostering.staff_list import plan_staff_list, read_staff_list
        from ui.operations import QueryOp

        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("List of people on duty"),
            "",
            self.tr(
                "Lists (*.xlsx *.xlsm *.xls *.ods *.csv *.txt *.docx *.doc *.odt *.rtf *.htm "
                "*.html *.pdf);;All files (*)"
            ),
        )
        if not name:
            return
        db = self.db

        def read(_progress):
            preview = read_staff_list(name)
            plan_staff_list(db, preview)
            return preview

        (
            QueryOp(self, read)
            .success(self._on_staff_preview)
            .with_progress(self.tr("Reading the list…"))
            .run_in_background()
        )

    def _on_staff_preview(self, preview) -> None:
        from fieldapp.rostering.staff_list import add_staff_list, remove_staff_list
        from ui.pages.rosters.staff_import import StaffImportDialog

        dialog = StaffImportDialog(self.db, preview, self)
        self.staff_import_dialog = dialog  # for tests and screenshots
        if not dialog.exec():
            return
        db, added = self.db, {"ids": []}

        def do() -> None:
            added["ids"] = add_staff_list(db, preview)

        def undo() -> None:
            remove_staff_list(db, added["ids"])

        self._write(self.tr("Import {n} people on duty").format(n=len(preview.to_add)), do, undo)

    def _on_leave(self) -> None:
        person = self._current_person()
        self.unavailable_requested.emit(person.id if person else -1)

    def _on_stop(self) -> None:
        person = self._current_person()
        if person is None:
            return
        pid, active, db = person.id, person.active, self.db
        self._write(
            self.tr("Stop duty") if active else self.tr("Resume duty"),
            lambda: store.update_staff(db, pid, active=not active),
            lambda: store.update_staff(db, pid, active=active),
        )

    def _on_delete_person(self) -> None:
        person = self._current_person()
        if person is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Delete {name} from the list?").format(name=person.name),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        values = {
            "name": person.name,
            "unit": person.unit,
            "roles": list(person.roles),
            "phone": person.phone,
            "max_shifts_per_week": person.max_shifts_per_week,
            "no_nights": person.no_nights,
            "notes": person.notes,
        }
        holder, db = {"id": person.id}, self.db

        def do() -> None:
            store.delete_staff(db, holder["id"])

        def undo() -> None:
            holder["id"] = store.add_staff(db, **values).id

        self._write(self.tr("Delete person"), do, undo)


def default_leave_start() -> date:
    return date.today() + timedelta(days=1)
