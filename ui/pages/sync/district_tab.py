"""District (or province): the roll-up of the units below this office, who is late among the
units expected, the list of expected units, the printed summary, and directives sent down.

The roll-up is read off the GUI thread (:class:`~ui.operations.QueryOp`); the PDF is written
there too. The filter box narrows the table to the units whose name contains what is typed
(tones and case ignored).
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.errors import UserError
from fieldapp.settings import get_setting, set_setting
from fieldapp.sync import district as district_core
from fieldapp.sync import units as units_core
from fieldapp.sync.package import SUFFIX
from fieldapp.text.vietnamese import fold
from ui.operations import CollectionOp, QueryOp
from ui.pages.sync.dialogs import table_defaults
from ui.pages.sync.peers_tab import local_time
from ui.widgets.rows_model import Row, RowsTable

PACKAGE_FILTER = "fieldapp (*.fieldsync);;*"


class DistrictTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.summary: district_core.DistrictSummary | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.filter_label = QLabel()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("unitFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._apply_filter)
        self.filter_label.setBuddy(self.filter_edit)
        self.late_label = QLabel()
        self.late_hours = QSpinBox()
        self.late_hours.setObjectName("lateHours")
        self.late_hours.setRange(1, 24 * 14)
        self.late_hours.editingFinished.connect(self._on_late_hours)
        self.late_label.setBuddy(self.late_hours)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.refresh)
        self.printer_button = QPushButton()
        self.printer_button.setObjectName("printDistrictOnPrinter")
        self.printer_button.clicked.connect(self._on_print_on_printer)
        self.print_button = QPushButton()
        self.print_button.setObjectName("printDistrict")
        self.print_button.clicked.connect(self._on_print_summary)
        for w in (self.filter_label, self.filter_edit, self.late_label, self.late_hours):
            top.addWidget(w)
        top.addStretch(1)
        for w in (self.refresh_button, self.printer_button, self.print_button):
            top.addWidget(w)
        layout.addLayout(top)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.rollup = RowsTable([""] * 13)
        self.rollup.setObjectName("districtTable")
        table_defaults(self.rollup)
        split.addWidget(self.rollup)
        self.units_box = QGroupBox()
        units = QVBoxLayout(self.units_box)
        self.units_help = QLabel()
        self.units_help.setWordWrap(True)
        self.units_list = QListWidget()
        self.units_list.setObjectName("expectedUnits")
        self.units_list.itemChanged.connect(self._on_unit_checked)
        add_row = QHBoxLayout()
        self.unit_edit = QLineEdit()
        self.unit_edit.setObjectName("newUnit")
        self.unit_edit.returnPressed.connect(self._on_add_unit)
        self.add_unit_button = QPushButton()
        self.add_unit_button.clicked.connect(self._on_add_unit)
        add_row.addWidget(self.unit_edit, 1)
        add_row.addWidget(self.add_unit_button)
        self.upward_label = QLabel()
        self.upward = QComboBox()
        self.upward.setObjectName("upwardContent")
        self.upward.addItem("", "data")
        self.upward.addItem("", "rollup")
        self.upward.currentIndexChanged.connect(self._on_upward)
        self.upward_label.setBuddy(self.upward)
        units.addWidget(self.units_help)
        units.addWidget(self.units_list, 1)
        units.addLayout(add_row)
        units.addWidget(self.upward_label)
        units.addWidget(self.upward)
        split.addWidget(self.units_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)
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
        # The communes' copies of a directive sent down come back as their progress on it.
        self.progress_box = QGroupBox()
        progress = QHBoxLayout(self.progress_box)
        self.progress_label = QLabel()
        self.progress_directive = QComboBox()
        self.progress_directive.setObjectName("progressDirective")
        self.progress_directive.setMinimumWidth(220)
        self.progress_label.setBuddy(self.progress_directive)
        self.progress_directive.currentIndexChanged.connect(self._fill_progress)
        self.progress_table = RowsTable([""] * 5)
        self.progress_table.setObjectName("directiveProgress")
        table_defaults(self.progress_table)
        self.progress_table.setMaximumHeight(110)
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress_directive)
        progress.addWidget(self.progress_table, 1)
        layout.addWidget(self.progress_box)
        self._loading = False

    # --- texts --------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.filter_label.setText(self.tr("&Find unit:"))
        self.filter_edit.setPlaceholderText(self.tr("name, without tones is fine"))
        self.late_label.setText(self.tr("Late after (hours):"))
        self.print_button.setText(self.tr("Print district summary…"))
        self.printer_button.setText(self.tr("Print on a &printer…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.rollup.setHorizontalHeaderLabels(
            [
                self.tr("Unit"),
                self.tr("Lockdown\nhouseholds"),
                self.tr("People"),
                self.tr("F0"),
                self.tr("F1"),
                self.tr("Danger signs\n(24 hours)"),
                self.tr("Recovered /\nmoved / died"),
                self.tr("Tests\n(positive)"),
                self.tr("Relief\ndeliveries"),
                self.tr("Checkpoints\nstaffed/active"),
                self.tr("Overdue\nitems"),
                self.tr("Last package"),
                self.tr("Late"),
            ]
        )
        self.units_box.setTitle(self.tr("Units expected to report"))
        self.units_help.setText(
            self.tr(
                "Lateness and completeness count only the ticked units. A unit that sends "
                "is added ticked; untick one that does not report here."
            )
        )
        self.unit_edit.setPlaceholderText(self.tr("e.g. xã Quảng Khê"))
        self.add_unit_button.setText(self.tr("&Add"))
        self.upward_label.setText(self.tr("Packages sent upward carry:"))
        self.upward.setItemText(0, self.tr("the units' records"))
        self.upward.setItemText(1, self.tr("only the roll-up"))
        self.progress_box.setTitle(self.tr("The communes' progress on a directive sent down"))
        self.progress_label.setText(self.tr("Directive:"))
        self.progress_table.setHorizontalHeaderLabels(
            [
                self.tr("Commune"),
                self.tr("Done"),
                self.tr("In progress"),
                self.tr("Not started"),
                self.tr("Last change"),
            ]
        )
        self.down_box.setTitle(self.tr("Directives for a commune"))
        self.down_label.setText(self.tr("Commune:"))
        self.down_button.setText(self.tr("Export directives for this commune…"))
        if self.summary is not None:
            self._show(self.summary)

    # --- roll-up ------------------------------------------------------------------------

    def refresh(self) -> None:
        self.late_hours.setValue(int(get_setting(self.db, "sync.late_hours")))
        self._loading = True
        self.upward.setCurrentIndex(
            max(self.upward.findData(get_setting(self.db, "sync.upward")), 0)
        )
        self._loading = False
        db = self.db
        QueryOp(self, lambda _p: district_core.district_summary(db)).success(
            self._show
        ).run_in_background()
        self._fill_units()

    def show_now(self) -> None:
        """Fill the roll-up at once (tests, and the first show)."""
        self._show(district_core.district_summary(self.db))
        self._fill_units()

    def _show(self, summary: district_core.DistrictSummary) -> None:
        self.summary = summary
        rows = [*summary.communes, summary.total]
        late_colour = QColor("#f8d7da")
        grey = QColor("#6c757d")
        danger = QColor("#b00020")  # danger signs, deaths
        lines = []
        for c in rows:
            values = [
                self.tr("Total") if c is summary.total else c.commune,
                c.households,
                c.people,
                c.f0,
                c.f1,
                c.danger,
                c.outcomes,
                f"{c.tests} ({c.positive})",
                c.relief,
                c.coverage,
                c.overdue,
                local_time(c.last_package_at),
                self._mark(c, summary),
            ]
            red = {}
            if c.danger:
                red[5] = danger
            if c.died:
                red[6] = danger
            unexpected = not c.late and not c.expected and not c.own and c is not summary.total
            lines.append(
                Row(
                    [str(v) for v in values],
                    c.commune,
                    background=late_colour if c.late else None,
                    foreground=grey if unexpected else None,
                    cell_foreground=red,
                    bold=c.late or c is summary.total,
                    align={
                        col: Qt.AlignmentFlag.AlignRight
                        for col, v in enumerate(values)
                        if isinstance(v, int) or col in (6, 7, 9)
                    },
                )
            )
        self.rollup.set_rows(lines)
        self.rollup.resizeColumnsToContents()
        self.rollup.resizeRowsToContents()
        self._apply_filter()
        self.late_summary.setText(self._summary_text(summary))
        current = self.down_commune.currentText()
        self.down_commune.clear()
        self.down_commune.addItems(district_core.known_communes(self.db))
        if current:
            self.down_commune.setCurrentText(current)
        self._fill_directives()

    def _fill_directives(self) -> None:
        """This office's own directives (the ones it can send down)."""
        from sqlalchemy import select

        from fieldapp.directives.models import Directive

        chosen = self.progress_directive.currentData()
        with self.db.session() as s:
            own = s.execute(
                select(Directive.id, Directive.kind, Directive.number, Directive.subject)
                .where(Directive.device_id == self.db.device_id)
                .order_by(Directive.id.desc())
            ).all()
        self.progress_directive.blockSignals(True)
        self.progress_directive.clear()
        for directive_id, kind, number, subject in own:
            label = f"{kind} {number}".strip() if number else (subject or "")[:60]
            self.progress_directive.addItem(label or str(directive_id), directive_id)
        index = self.progress_directive.findData(chosen)
        self.progress_directive.setCurrentIndex(max(index, 0))
        self.progress_directive.blockSignals(False)
        self._fill_progress()

    def _fill_progress(self, *_args) -> None:
        directive_id = self.progress_directive.currentData()
        rows = district_core.directive_progress(self.db, directive_id) if directive_id else []
        self.progress_table.set_rows(
            Row(
                [
                    p.commune,
                    f"{p.done}/{p.items}",
                    str(p.in_progress),
                    str(p.new),
                    local_time(p.last_change),
                ],
                p.commune,
            )
            for p in rows
        )
        self.progress_table.resizeColumnsToContents()

    def _mark(self, c, summary) -> str:
        if c.late:
            if c.last_package_at is None:
                return self.tr("not sent")
            hours = int((summary.now - c.last_package_at).total_seconds() // 3600)
            return self.tr("late %1 h").replace("%1", str(hours))
        if not c.expected and not c.own and c is not summary.total:
            return self.tr("not expected")
        return ""

    def _summary_text(self, summary: district_core.DistrictSummary) -> str:
        if not summary.expecting:
            return self.tr(
                "No unit is expected to report yet: add the units below this office to the "
                "list on the right to see who is late."
            )
        late = summary.late
        if late:
            return (
                self.tr(
                    "Sent in time: %1 of the expected units. Late (no package for more than %2 hours): %3"
                )
                .replace("%1", summary.completeness)
                .replace("%2", str(summary.late_hours))
                .replace("%3", ", ".join(c.commune for c in late))
            )
        return self.tr("All %1 expected units have sent in time.").replace(
            "%1", str(len(summary.expected))
        )

    def _apply_filter(self, *_args) -> None:
        wanted = fold(self.filter_edit.text()).strip()
        total_row = self.rollup.rowCount() - 1
        for r in range(self.rollup.rowCount()):
            item = self.rollup.item(r, 0)
            hide = (
                bool(wanted)
                and r != total_row
                and item is not None
                and wanted not in fold(item.text())
            )
            self.rollup.setRowHidden(r, hide)

    def _on_late_hours(self) -> None:
        value = self.late_hours.value()
        if value != get_setting(self.db, "sync.late_hours"):
            set_setting(self.db, "sync.late_hours", value)
            self.refresh()

    def _on_upward(self) -> None:
        if self._loading:
            return
        set_setting(self.db, "sync.upward", self.upward.currentData())

    # --- expected units -----------------------------------------------------------------

    def _fill_units(self) -> None:
        self._loading = True
        self.units_list.clear()
        for unit in units_core.list_units(self.db):
            item = QListWidgetItem(unit.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if unit.expected else Qt.CheckState.Unchecked)
            self.units_list.addItem(item)
        self._loading = False

    def _on_unit_checked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        self._set_unit(item.text(), item.checkState() == Qt.CheckState.Checked)

    def _on_add_unit(self) -> None:
        name = self.unit_edit.text()
        if not name.strip():
            return
        self._set_unit(name, True, clear=True)

    def _set_unit(self, name: str, expected: bool, *, clear: bool = False) -> None:
        db = self.db

        def done(_row) -> None:
            if clear:
                self.unit_edit.clear()
            self.refresh()

        (
            CollectionOp(self, lambda _p: units_core.set_expected(db, name, expected))
            .success(done)
            .failure(self._on_failed)
            .run_in_background()
        )

    def _on_failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        self._fill_units()
        show_error(self, exc)

    # --- printing and directives --------------------------------------------------------

    def _on_print_summary(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the district summary (PDF)"),
            f"tong-hop-{stamp}.pdf",
            "PDF (*.pdf)",
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        db = self.db
        (
            QueryOp(self, lambda _p: district_core.write_district_report(db, target))
            .success(self._on_printed)
            .with_progress(self.tr("Writing the summary…"))
            .run_in_background()
        )

    def _on_printed(self, result) -> None:
        out, summary = result
        self.late_summary.setText(
            self.tr("District summary saved: %1 (%2 units, %3 late). Open it to print.")
            .replace("%1", str(out))
            .replace("%2", str(len(summary.communes)))
            .replace("%3", str(len(summary.late)))
        )

    def _on_print_on_printer(self) -> None:
        """The summary through the shared document layer, on a printer."""
        from ui.widgets.pdf_print import print_pdf

        folder = tempfile.mkdtemp(prefix="fieldapp-print-")
        db = self.db

        def ready(result) -> None:
            out, _summary = result
            try:
                print_pdf(out, self)
            finally:
                out.unlink(missing_ok=True)
                Path(folder).rmdir()

        (
            QueryOp(
                self,
                lambda _p: district_core.write_district_report(
                    db, Path(folder) / "tong-hop-huyen.pdf"
                ),
            )
            .success(ready)
            .with_progress(self.tr("Writing the summary…"))
            .run_in_background()
        )

    def _on_export_directives(self) -> None:
        from ui.errors import show_error

        commune = self.down_commune.currentText()
        if not commune:
            show_error(self, UserError("Chưa có xã nào gửi gói dữ liệu."))
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the package of directives"), f"chi-dao{SUFFIX}", PACKAGE_FILTER
        )
        if not path:
            return
        target = Path(path)
        if target.suffix != SUFFIX and not target.is_dir():
            target = target.with_name(target.name + SUFFIX)
        db = self.db
        (
            CollectionOp(self, lambda _p: district_core.export_directives(db, target, commune))
            .success(self._on_directives_exported)
            .with_progress(self.tr("Writing the package…"))
            .run_in_background()
        )

    def _on_directives_exported(self, result) -> None:
        self.late_summary.setText(
            self.tr("Package for %1 saved: %2 (%3 directives, %4 items).")
            .replace("%1", result.commune)
            .replace("%2", str(result.path))
            .replace("%3", str(result.directives))
            .replace("%4", str(result.items))
        )
