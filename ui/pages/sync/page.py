"""Đồng bộ: send and receive packages by USB or chat, trust senders, review conflicts, and (in
district mode) the roll-up of the communes with its printout and directives sent down."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.settings import get_setting, set_setting
from fieldapp.sync import district as district_core
from fieldapp.sync import receive
from fieldapp.sync.keys import device_fingerprint
from fieldapp.sync.package import SUFFIX, export_package, suggested_name
from fieldapp.text.vietnamese import format_date, format_datetime
from ui.pages.base import Page
from ui.pages.sync.dialogs import TrustDialog, big_monospace
from ui.widgets.confirm import confirm_personal_export

PACKAGE_FILTER = "fieldapp (*.fieldsync);;*"

# Column names shown in Vietnamese in the conflict comparison (the rest show as they are).
FIELD_LABELS = {
    "name": "Tên",
    "full_name": "Họ tên",
    "head_name": "Chủ hộ",
    "village": "Thôn/xóm",
    "street": "Đường/phố",
    "house_number": "Số nhà",
    "phone": "Điện thoại",
    "citizen_id": "Số CCCD",
    "birth_year": "Năm sinh",
    "birth_date": "Ngày sinh",
    "sex": "Giới tính",
    "status": "Tình trạng",
    "isolation": "Cách ly",
    "isolation_start": "Bắt đầu cách ly",
    "isolation_end": "Kết thúc cách ly",
    "notes": "Ghi chú",
    "note": "Ghi chú",
    "text": "Nội dung",
    "number": "Số, ký hiệu",
    "subject": "Trích yếu",
    "due_date": "Hạn",
    "place": "Địa điểm",
    "kind": "Loại",
    "active_from": "Hoạt động từ",
    "active_to": "Hoạt động đến",
    "day": "Ngày",
    "shift": "Ca",
    "updated_at": "Sửa lúc",
    "device_id": "Máy ghi",
}
HIDDEN_FIELDS = {"uuid", "created_at", "search_fold", "search_text", "search_head", "search_key"}
TABLE_LABELS = {
    "household": "Hộ",
    "household_member": "Nhân khẩu",
    "health_status": "Tình trạng sức khỏe",
    "lockdown_area": "Khu vực phong tỏa",
    "relief_delivery": "Cứu trợ",
    "test_result": "Kết quả xét nghiệm",
    "roster_site": "Chốt, điểm trực",
    "roster_staff": "Người trực",
    "roster_assignment": "Ca trực",
    "directive": "Văn bản chỉ đạo",
    "directive_item": "Việc của văn bản",
    "checkpoint_entry": "Sổ ra vào chốt",
}


def _local(moment: datetime | None) -> str:
    return format_datetime(moment.astimezone()) if moment else ""


class SyncPage(Page):
    key = "sync"

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tabs = QTabWidget()
        self.outer.addWidget(self.tabs, 1)
        self._build_transfer_tab()
        self._build_peers_tab()
        self._build_conflicts_tab()
        self._build_district_tab()
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.outer.addWidget(self.progress)
        QShortcut(QKeySequence("Ctrl+E"), self, self._on_export_changes)
        QShortcut(QKeySequence("Ctrl+I"), self, self._on_import)
        self.retranslate()

    # --- building -----------------------------------------------------------------------

    def _build_transfer_tab(self) -> None:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.fingerprint_box = QGroupBox()
        box = QVBoxLayout(self.fingerprint_box)
        self.fingerprint_help = QLabel()
        self.fingerprint_help.setWordWrap(True)
        self.fingerprint_label = QLabel()
        self.fingerprint_label.setObjectName("deviceFingerprint")
        self.fingerprint_label.setFont(big_monospace(2.2))
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.fingerprint_help)
        box.addWidget(self.fingerprint_label)
        layout.addWidget(self.fingerprint_box)

        buttons = QHBoxLayout()
        self.export_changes_button = QPushButton()
        self.export_changes_button.setObjectName("exportChanges")
        self.export_changes_button.clicked.connect(self._on_export_changes)
        self.export_all_button = QPushButton()
        self.export_all_button.setObjectName("exportAll")
        self.export_all_button.clicked.connect(self._on_export_all)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importPackages")
        self.import_button.clicked.connect(self._on_import)
        for b in (self.export_changes_button, self.export_all_button, self.import_button):
            b.setMinimumHeight(40)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.district_mode = QCheckBox()
        self.district_mode.setObjectName("districtMode")
        self.district_mode.toggled.connect(self._on_district_mode)
        buttons.addWidget(self.district_mode)
        layout.addLayout(buttons)
        self.results_label = QLabel()
        layout.addWidget(self.results_label)
        self.results = QPlainTextEdit()
        self.results.setObjectName("syncResults")
        self.results.setReadOnly(True)
        layout.addWidget(self.results, 1)
        self.transfer_tab = tab
        self.tabs.addTab(tab, "")

    def _build_peers_tab(self) -> None:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.peers_help = QLabel()
        self.peers_help.setWordWrap(True)
        layout.addWidget(self.peers_help)
        self.peers = QTableWidget(0, 4)
        self.peers.setObjectName("peersTable")
        self._table_defaults(self.peers)
        layout.addWidget(self.peers, 1)
        self.peers_tab = tab
        self.tabs.addTab(tab, "")

    def _build_conflicts_tab(self) -> None:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.conflicts_help = QLabel()
        self.conflicts_help.setWordWrap(True)
        layout.addWidget(self.conflicts_help)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.conflicts = QTableWidget(0, 3)
        self.conflicts.setObjectName("conflictsTable")
        self._table_defaults(self.conflicts)
        self.conflicts.itemSelectionChanged.connect(self._on_conflict_selected)
        split.addWidget(self.conflicts)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.compare = QTableWidget(0, 3)
        self.compare.setObjectName("conflictCompare")
        self._table_defaults(self.compare)
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        right_layout.addWidget(self.compare, 1)
        who = QHBoxLayout()
        self.who_label = QLabel()
        self.who_edit = QLineEdit()
        self.who_edit.setObjectName("resolvedBy")
        self.who_label.setBuddy(self.who_edit)
        who.addWidget(self.who_label)
        who.addWidget(self.who_edit, 1)
        right_layout.addLayout(who)
        buttons = QHBoxLayout()
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("keepVersion")
        self.keep_button.clicked.connect(lambda: self._on_resolve(receive.KEEP))
        self.other_button = QPushButton()
        self.other_button.setObjectName("useOther")
        self.other_button.clicked.connect(lambda: self._on_resolve(receive.USE_OTHER))
        buttons.addWidget(self.keep_button)
        buttons.addWidget(self.other_button)
        right_layout.addLayout(buttons)
        split.addWidget(right)
        split.setSizes([380, 760])
        layout.addWidget(split, 1)
        self.conflicts_tab = tab
        self.tabs.addTab(tab, "")

    def _build_district_tab(self) -> None:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        top = QHBoxLayout()
        self.late_label = QLabel()
        self.late_hours = QSpinBox()
        self.late_hours.setObjectName("lateHours")
        self.late_hours.setRange(1, 24 * 14)
        self.late_hours.editingFinished.connect(self._on_late_hours)
        self.late_label.setBuddy(self.late_hours)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printDistrict")
        self.print_button.clicked.connect(self._on_print_summary)
        self.printer_button = QPushButton()
        self.printer_button.setObjectName("printDistrictOnPrinter")
        self.printer_button.clicked.connect(self._on_print_on_printer)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self._refresh_district)
        top.addWidget(self.late_label)
        top.addWidget(self.late_hours)
        top.addStretch(1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.printer_button)
        top.addWidget(self.print_button)
        layout.addLayout(top)
        self.rollup = QTableWidget(0, 11)
        self.rollup.setObjectName("districtTable")
        self._table_defaults(self.rollup)
        layout.addWidget(self.rollup, 1)
        self.late_summary = QLabel()
        self.late_summary.setObjectName("lateSummary")
        self.late_summary.setWordWrap(True)
        layout.addWidget(self.late_summary)
        self.down_box = QGroupBox()
        down = QHBoxLayout(self.down_box)
        self.down_label = QLabel()
        self.down_commune = QComboBox()
        self.down_commune.setObjectName("downCommune")
        self.down_commune.setMinimumWidth(220)
        self.down_label.setBuddy(self.down_commune)
        self.down_button = QPushButton()
        self.down_button.setObjectName("exportDirectives")
        self.down_button.clicked.connect(self._on_export_directives)
        down.addWidget(self.down_label)
        down.addWidget(self.down_commune)
        down.addWidget(self.down_button)
        down.addStretch(1)
        layout.addWidget(self.down_box)
        self.district_tab = tab
        self.tabs.addTab(tab, "")

    @staticmethod
    def _table_defaults(table: QTableWidget) -> None:
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        table.horizontalHeader().setStretchLastSection(True)

    # --- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Sync with the district"))
        self.fingerprint_box.setTitle(self.tr("This computer's key fingerprint"))
        self.fingerprint_help.setText(
            self.tr(
                "Read these characters to the person who receives your packages (by phone) so "
                "they can check that a package really comes from this computer."
            )
        )
        self.export_changes_button.setText(self.tr("Export changes…"))
        self.export_changes_button.setToolTip(self.tr("Changes since the last package (Ctrl+E)"))
        self.export_all_button.setText(self.tr("Export everything…"))
        self.import_button.setText(self.tr("Import packages…"))
        self.import_button.setToolTip(self.tr("One or several package files (Ctrl+I)"))
        self.district_mode.setText(self.tr("District mode (roll up the communes)"))
        self.results_label.setText(self.tr("Results:"))
        self.peers_help.setText(
            self.tr("Senders whose key a person has checked and trusted, and their last package.")
        )
        self.peers.setHorizontalHeaderLabels(
            [self.tr("Commune"), self.tr("Fingerprint"), self.tr("Last package"), self.tr("No.")]
        )
        self.conflicts_help.setText(
            self.tr(
                "When two computers changed the same record, the newer change was kept and the "
                "other one is listed here. Compare them and choose."
            )
        )
        self.conflicts.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("From"), self.tr("Changed at")]
        )
        self.compare.setHorizontalHeaderLabels(
            [self.tr("Field"), self.tr("In the register now"), self.tr("The other version")]
        )
        self.who_label.setText(self.tr("Decided by:"))
        self.keep_button.setText(self.tr("Keep the register's version"))
        self.other_button.setText(self.tr("Use the other version"))
        self.late_label.setText(self.tr("Late after (hours):"))
        self.print_button.setText(self.tr("Print district summary…"))
        self.printer_button.setText(self.tr("Print on a &printer…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.rollup.setHorizontalHeaderLabels(
            [
                self.tr("Commune"),
                self.tr("Lockdown\nhouseholds"),
                self.tr("People"),
                self.tr("F0"),
                self.tr("F1"),
                self.tr("Tests\n(positive)"),
                self.tr("Relief\ndeliveries"),
                self.tr("Checkpoints\nstaffed/active"),
                self.tr("Overdue\nitems"),
                self.tr("Last package"),
                self.tr("Late"),
            ]
        )
        self.down_box.setTitle(self.tr("Directives for a commune"))
        self.down_label.setText(self.tr("Commune:"))
        self.down_button.setText(self.tr("Export directives for this commune…"))
        self._set_tab_titles()

    def _set_tab_titles(self, conflicts: int | None = None) -> None:
        self.tabs.setTabText(0, self.tr("Send and receive"))
        self.tabs.setTabText(1, self.tr("Trusted senders"))
        if conflicts is None:
            conflicts = self.conflicts.rowCount()
        self.tabs.setTabText(2, self.tr("Conflicts (%1)").replace("%1", str(conflicts)))
        self.tabs.setTabText(3, self.tr("District"))

    # --- refresh ------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            self.fingerprint_label.setText(device_fingerprint(self.db.paths))
        except UserError as err:
            self.fingerprint_label.setText(str(err))
        mode = bool(get_setting(self.db, "sync.district_mode"))
        self.district_mode.blockSignals(True)
        self.district_mode.setChecked(mode)
        self.district_mode.blockSignals(False)
        self.tabs.setTabVisible(3, mode)
        if self.db.actor is not None and not self.who_edit.text():
            self.who_edit.setText(self.db.actor.full_name)
        self._refresh_peers()
        self._refresh_conflicts()
        if mode:
            self._refresh_district()

    def _refresh_peers(self) -> None:
        peers = receive.list_peers(self.db)
        self.peers.setRowCount(len(peers))
        mono = big_monospace(1.0)
        mono.setBold(False)
        for row, p in enumerate(peers):
            fp = QTableWidgetItem(p.fingerprint)
            fp.setFont(mono)
            last = _local(p.last_package_at) or self.tr("nothing yet")
            for col, item in enumerate(
                [
                    QTableWidgetItem(p.commune),
                    fp,
                    QTableWidgetItem(last),
                    QTableWidgetItem(str(p.last_sequence)),
                ]
            ):
                self.peers.setItem(row, col, item)
        self.peers.resizeColumnsToContents()

    def _refresh_conflicts(self) -> None:
        rows = receive.list_conflicts(self.db)
        self._conflict_rows = rows
        self.conflicts.setRowCount(len(rows))
        for row, c in enumerate(rows):
            what = TABLE_LABELS.get(c.table_name, c.table_name)
            items = [
                QTableWidgetItem(what),
                QTableWidgetItem(
                    self.tr("this computer")
                    if c.other_device == self.db.device_id
                    else c.other_commune or c.other_device[:8]
                ),
                QTableWidgetItem(_local(c.other_at)),
            ]
            items[0].setData(Qt.ItemDataRole.UserRole, c.id)
            for col, item in enumerate(items):
                self.conflicts.setItem(row, col, item)
        self.conflicts.resizeColumnsToContents()
        self._set_tab_titles(len(rows))
        self.compare.setRowCount(0)
        self.keep_button.setEnabled(False)
        self.other_button.setEnabled(False)
        if rows:
            self.conflicts.selectRow(0)

    def _refresh_district(self) -> None:
        self.late_hours.setValue(int(get_setting(self.db, "sync.late_hours")))
        summary = district_core.district_summary(self.db)
        self._summary = summary
        rows = [*summary.communes, summary.total]
        self.rollup.setRowCount(len(rows))
        late_brush = QBrush(QColor("#f8d7da"))
        for r, c in enumerate(rows):
            values = [
                c.commune,
                c.households,
                c.people,
                c.f0,
                c.f1,
                f"{c.tests} ({c.positive})",
                c.relief,
                c.coverage,
                c.overdue,
                _local(c.last_package_at),
                district_core.late_text(c, summary.now),
            ]
            for col, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if isinstance(value, int) or col in (5, 7):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c.late:
                    item.setBackground(late_brush)
                if c.late or c is summary.total:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.rollup.setItem(r, col, item)
        self.rollup.resizeColumnsToContents()
        self.rollup.resizeRowsToContents()
        late = summary.late
        if late:
            self.late_summary.setText(
                self.tr("Late communes (no package for more than %1 hours): %2")
                .replace("%1", str(summary.late_hours))
                .replace("%2", ", ".join(c.commune for c in late))
            )
        else:
            self.late_summary.setText(self.tr("Every commune has sent in time."))
        current = self.down_commune.currentText()
        self.down_commune.clear()
        self.down_commune.addItems(district_core.known_communes(self.db))
        if current:
            self.down_commune.setCurrentText(current)

    # --- export and import --------------------------------------------------------------

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        QApplication.processEvents()

    def _ask_target(self, title: str, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, PACKAGE_FILTER)
        if not path:
            return None
        target = Path(path)
        if target.suffix != SUFFIX and not target.is_dir():
            target = target.with_name(target.name + SUFFIX)
        return target

    def _on_export_changes(self) -> None:
        self._export(full=False)

    def _on_export_all(self) -> None:
        self._export(full=True)

    def _export(self, *, full: bool) -> None:
        try:
            suggested = suggested_name(self.db)
        except UserError as err:
            QMessageBox.warning(self, self.tr("Export"), str(err))
            return
        target = self._ask_target(
            self.tr("Save the package (a file, or on the USB stick)"), suggested
        )
        if target is None or not confirm_personal_export(self):
            return
        self.progress.setVisible(True)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = export_package(self.db, target, full=full)
        except UserError as err:
            self._say(self.tr("Not exported: %1").replace("%1", str(err)))
            QMessageBox.warning(self, self.tr("Export"), str(err))
            return
        finally:
            QApplication.restoreOverrideCursor()
            self.progress.setVisible(False)
        if result.nothing:
            self._say(
                self.tr(
                    "Nothing has changed since the last package: no file made, nothing to send."
                )
            )
            return
        self._say(
            self.tr("Package no. %1 saved: %2 (%3 records). Send this file to the district.")
            .replace("%1", str(result.sequence))
            .replace("%2", str(result.path))
            .replace("%3", str(result.rows))
        )

    def _on_import(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose the packages to import"), "", PACKAGE_FILTER
        )
        if not files:
            return
        self.progress.setVisible(True)
        self.progress.setMaximum(len(files))
        try:
            for index, name in enumerate(files):
                self._import_one(Path(name))
                self._progress(index + 1, len(files))
        finally:
            self.progress.setVisible(False)
        self.refresh()

    def _import_one(self, path: Path) -> None:
        try:
            checked = receive.read_package(path)
        except UserError as err:
            self._say(self.tr("%1: refused. %2").replace("%1", path.name).replace("%2", str(err)))
            return
        commune = (checked.manifest.get("commune") or {}).get("name", "")
        state = receive.sender_state(
            self.db, checked.fingerprint, str(checked.manifest.get("device_id", ""))
        )
        trust_new = False
        if state == "new":
            dialog = TrustDialog(commune, checked.fingerprint, path.name, self)
            if dialog.exec() != TrustDialog.DialogCode.Accepted:
                self._say(
                    self.tr("%1: not imported (the sender's key was not trusted).").replace(
                        "%1", path.name
                    )
                )
                return
            trust_new = True
        try:
            r = receive.import_package(self.db, path, trust_new=trust_new)
        except UserError as err:
            self._say(
                self.tr("%1: refused, nothing was written. %2")
                .replace("%1", path.name)
                .replace("%2", str(err))
            )
            return
        if r.already:
            self._say(
                self.tr("%1: already received before; nothing changed.").replace("%1", path.name)
            )
            return
        text = (
            self.tr("%1: %2, package no. %3: %4 added, %5 changed, %6 deleted, %7 conflicts.")
            .replace("%1", path.name)
            .replace("%2", r.commune)
            .replace("%3", str(r.sequence))
            .replace("%4", str(r.inserted))
            .replace("%5", str(r.updated))
            .replace("%6", str(r.deleted))
            .replace("%7", str(r.conflicts))
        )
        self._say(text)

    def _say(self, line: str) -> None:
        self.results.appendPlainText(line)

    # --- conflicts ----------------------------------------------------------------------

    def _selected_conflict(self) -> int | None:
        row = self.conflicts.currentRow()
        if row < 0 or self.conflicts.item(row, 0) is None:
            return None
        return self.conflicts.item(row, 0).data(Qt.ItemDataRole.UserRole)

    def _on_conflict_selected(self) -> None:
        conflict_id = self._selected_conflict()
        self.compare.setRowCount(0)
        enabled = conflict_id is not None
        self.keep_button.setEnabled(enabled)
        self.other_button.setEnabled(enabled)
        if conflict_id is None:
            return
        current, other = receive.conflict_versions(self.db, conflict_id)
        names = [
            n
            for n in other
            if n not in HIDDEN_FIELDS and not n.endswith("_sort") and n != "match_key"
        ]
        communes = {p.device_id: p.commune for p in receive.list_peers(self.db)}
        communes[self.db.device_id] = self.tr("this computer")
        self.compare.setRowCount(len(names))
        changed_brush = QBrush(QColor("#fff3cd"))
        for row, name in enumerate(names):
            mine = "" if current is None else current.get(name)
            theirs = other.get(name)
            if name == "device_id":
                mine, theirs = communes.get(mine, mine), communes.get(theirs, theirs)
            items = [
                QTableWidgetItem(FIELD_LABELS.get(name, name)),
                QTableWidgetItem(self.tr("(deleted)") if current is None else _show(mine)),
                QTableWidgetItem(_show(theirs)),
            ]
            if current is None or mine != theirs:
                for item in items:
                    item.setBackground(changed_brush)
                font = QFont(items[0].font())
                font.setBold(True)
                items[0].setFont(font)
            for col, item in enumerate(items):
                self.compare.setItem(row, col, item)
        self.compare.resizeRowsToContents()

    def _on_resolve(self, choice: str) -> None:
        conflict_id = self._selected_conflict()
        if conflict_id is None:
            return
        try:
            receive.resolve_conflict(self.db, conflict_id, choice, by=self.who_edit.text())
        except UserError as err:
            QMessageBox.warning(self, self.tr("Conflict"), str(err))
            return
        self._refresh_conflicts()

    # --- district mode ------------------------------------------------------------------

    def _on_district_mode(self, on: bool) -> None:
        set_setting(self.db, "sync.district_mode", bool(on))
        self.tabs.setTabVisible(3, bool(on))
        if on:
            self._refresh_district()
            self.tabs.setCurrentIndex(3)

    def _on_late_hours(self) -> None:
        value = self.late_hours.value()
        if value != get_setting(self.db, "sync.late_hours"):
            set_setting(self.db, "sync.late_hours", value)
            self._refresh_district()

    def _on_print_summary(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the district summary (PDF)"),
            f"tong-hop-huyen-{stamp}.pdf",
            "PDF (*.pdf)",
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            out, summary = district_core.write_district_report(self.db, target)
        except UserError as err:
            QMessageBox.warning(self, self.tr("Print"), str(err))
            return
        self.late_summary.setText(
            self.tr("District summary saved: %1 (%2 communes, %3 late). Open it to print.")
            .replace("%1", str(out))
            .replace("%2", str(len(summary.communes)))
            .replace("%3", str(len(summary.late)))
        )

    def _on_print_on_printer(self) -> None:
        """The district summary through the shared document layer, on a printer."""
        import tempfile

        from ui.widgets.pdf_print import print_pdf

        with tempfile.TemporaryDirectory(prefix="fieldapp-print-") as folder:
            try:
                out, _summary = district_core.write_district_report(
                    self.db, Path(folder) / "tong-hop-huyen.pdf"
                )
            except UserError as err:
                QMessageBox.warning(self, self.tr("Print"), str(err))
                return
            print_pdf(out, self)

    def _on_export_directives(self) -> None:
        commune = self.down_commune.currentText()
        if not commune:
            QMessageBox.information(
                self, self.tr("Directives"), self.tr("No commune has sent a package yet.")
            )
            return
        target = self._ask_target(self.tr("Save the package of directives"), f"chi-dao{SUFFIX}")
        if target is None:
            return
        try:
            result = district_core.export_directives(self.db, target, commune)
        except UserError as err:
            QMessageBox.warning(self, self.tr("Directives"), str(err))
            return
        self.late_summary.setText(
            self.tr("Package for %1 saved: %2 (%3 directives, %4 items).")
            .replace("%1", result.commune)
            .replace("%2", str(result.path))
            .replace("%3", str(result.directives))
            .replace("%4", str(result.items))
        )


def _show(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        if value:
            return QCoreApplication.translate("SyncPage", "yes")
        return QCoreApplication.translate("SyncPage", "no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" and value[7:8] == "-":
        try:  # ISO dates and times as the page shows them elsewhere (dd/mm/yyyy)
            if len(value) == 10:
                return format_date(date.fromisoformat(value))
            moment = datetime.fromisoformat(value)
            return format_datetime(moment.astimezone() if moment.tzinfo else moment)
        except ValueError:
            pass
    return str(value)
