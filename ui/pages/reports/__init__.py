"""Báo cáo: the reports upward, previewed as they will print, edited, issued, printed, saved.

The page picks a report (daily, weekly, one directive) and a date, shows its PDF pages
(QtPdf), lets the official reword the text parts, and issues it through
:mod:`fieldapp.reports.issue` (number, frozen PDF, checksum). The list of issued reports
shows every version; an issued one is opened read-only and changed only by a new version.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QBuffer, QByteArray, QDate, QEvent, QIODevice, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.directives.register import list_directives
from fieldapp.errors import UserError, UserMistake
from fieldapp.reports.content import ReportSpec
from fieldapp.reports.issue import (
    ReportRecord,
    draft_for,
    draft_report,
    get_report,
    issue_report,
    issued_for,
    keep_draft,
    list_reports,
    new_version,
    report_pdf,
)
from fieldapp.reports.render import BuiltReport, build_report, spec_for
from fieldapp.text.vietnamese import format_date
from ui.operations import CollectionOp
from ui.pages.base import Page
from ui.widgets.commune_filter import CommuneFilter
from ui.widgets.rows_model import Row, RowsTable

KIND_KEYS = ("daily", "weekly", "directive")
AUTOSAVE_MS = 700


class ReportsPage(Page):
    key = "reports"

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.built: BuiltReport | None = None
        self.pdf_data = b""
        self.edits: dict[str, str] = {}
        self.draft_id: int | None = None  # the saved draft (or new version) being edited
        self.viewing: ReportRecord | None = None  # an issued report shown read-only
        self._part_key: str | None = None
        self._loading = False

        # -- the choice of report ------------------------------------------------------------
        top = QHBoxLayout()
        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        self.date_label = QLabel()
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setDisplayFormat("dd/MM/yyyy")
        self.date_edit.setCalendarPopup(True)
        self.directive_combo = QComboBox()
        self.directive_combo.setMinimumWidth(220)
        self.preview_button = QPushButton()
        for w in (self.kind_label, self.kind_combo, self.date_label, self.date_edit):
            top.addWidget(w)
        top.addWidget(self.directive_combo)
        top.addStretch(1)
        top.addWidget(self.preview_button)
        self.outer.addLayout(top)

        # -- left: text parts and issued reports; right: the pages ----------------------------
        split = QSplitter(Qt.Orientation.Horizontal)
        self.tabs = QTabWidget()
        edit_tab = QWidget()
        edit_layout = QVBoxLayout(edit_tab)
        self.parts_hint = QLabel()
        self.parts_hint.setWordWrap(True)
        self.parts_list = QListWidget()
        self.parts_list.setMaximumHeight(170)
        self.part_edit = QPlainTextEdit()
        self.reset_part_button = QPushButton()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setObjectName("reportStatus")
        edit_layout.addWidget(self.parts_hint)
        edit_layout.addWidget(self.parts_list)
        edit_layout.addWidget(self.part_edit, 1)
        edit_layout.addWidget(self.reset_part_button)
        edit_layout.addWidget(self.status_label)
        self.tabs.addTab(edit_tab, "")

        issued_tab = QWidget()
        issued_layout = QVBoxLayout(issued_tab)
        self.issued_table = RowsTable([""] * 6, stretch_last=False)
        self.issued_table.setColumnHidden(5, True)  # the commune, shown at a district
        self.issued_table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        # At a district: one commune's reports only (issue 18 part 4); absent in a commune.
        self.commune_label = QLabel()
        self.commune = CommuneFilter()
        self.commune.setObjectName("reportsCommune")
        self.commune.currentIndexChanged.connect(self._fill_issued)
        self.commune_label.setBuddy(self.commune)
        self.commune_label.hide()
        top = QHBoxLayout()
        top.addWidget(self.commune_label)
        top.addWidget(self.commune)
        top.addStretch(1)
        issued_layout.addLayout(top)
        row = QHBoxLayout()
        self.open_button = QPushButton()
        self.version_button = QPushButton()
        row.addWidget(self.open_button)
        row.addWidget(self.version_button)
        row.addStretch(1)
        issued_layout.addWidget(self.issued_table, 1)
        issued_layout.addLayout(row)
        self.tabs.addTab(issued_tab, "")
        split.addWidget(self.tabs)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel()
        buttons = QHBoxLayout()
        self.draft_button = QPushButton()
        self.issue_button = QPushButton()
        self.print_button = QPushButton()
        self.save_button = QPushButton()
        for b in (self.draft_button, self.issue_button, self.print_button, self.save_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.pages_label)
        right_layout.addWidget(self.pdf_view, 1)
        right_layout.addLayout(buttons)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([520, 780])
        self.outer.addWidget(split, 1)
        self._buffer: QBuffer | None = None
        # The preview follows the typing, a moment after the last key.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(600)
        self._typing.timeout.connect(self._on_preview)
        # Edits are written to the database a moment after the last key (and on leaving).
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.flush)
        self._save_error = ""
        self._saved_at: datetime | None = None
        self._issued_for_choice: ReportRecord | None = None
        self._last_choice = self._choice()
        self._watched = None
        self._shown_spec: ReportSpec | None = None  # the report whose edits are pending

        # -- signals and keys -----------------------------------------------------------------
        self.kind_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.date_edit.dateChanged.connect(self._on_choice_changed)
        self.directive_combo.currentIndexChanged.connect(self._on_choice_changed)
        self.preview_button.clicked.connect(self._on_preview)
        self.parts_list.currentRowChanged.connect(self._on_part_selected)
        self.part_edit.textChanged.connect(self._on_part_edited)
        self.reset_part_button.clicked.connect(self._on_reset_part)
        self.draft_button.clicked.connect(self._on_save_draft)
        self.issue_button.clicked.connect(self._on_issue)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save_pdf)
        self.open_button.clicked.connect(self._on_open_issued)
        self.issued_table.row_activated.connect(self._on_open_issued)  # double click or Enter
        self.version_button.clicked.connect(self._on_new_version)
        for key, slot in (
            (QKeySequence(Qt.Key.Key_F5), self._on_preview),
            (QKeySequence.StandardKey.Save, self._on_save_draft),
            (QKeySequence.StandardKey.Print, self._on_print),
        ):
            shortcut = QShortcut(key, self, activated=slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.retranslate()

    # -- translation ----------------------------------------------------------------------

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Reports"))
        self.kind_label.setText(self.tr("Report:"))
        names = (
            self.tr("Daily quick report"),
            self.tr("Weekly summary"),
            self.tr("Results of a directive"),
        )
        self._loading = True
        current = max(self.kind_combo.currentIndex(), 0)
        self.kind_combo.clear()
        self.kind_combo.addItems(names)
        self.kind_combo.setCurrentIndex(current)
        self._loading = False
        self.date_label.setText(self.tr("Date:"))
        self.preview_button.setText(self.tr("Update preview (F5)"))
        self.parts_hint.setText(
            self.tr(
                "The figures come from the registers. Choose a part of the text to reword it; "
                "the preview follows (F5)."
            )
        )
        self.reset_part_button.setText(self.tr("Restore the generated text of this part"))
        self.tabs.setTabText(0, self.tr("Text"))
        self.tabs.setTabText(1, self.tr("Issued reports"))
        self.retranslate_commune()
        self.open_button.setText(self.tr("Open"))
        self.version_button.setText(self.tr("Change (new version)"))
        self.draft_button.setText(self.tr("Save draft"))
        self.issue_button.setText(self.tr("Issue…"))
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save PDF…"))
        self._show_status()

    # -- loading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        self._loading = True
        chosen = self.directive_combo.currentData()
        self.directive_combo.clear()
        for row in list_directives(self.db):
            label = f"{row.kind} {row.number}".strip() if row.number else row.subject[:60]
            self.directive_combo.addItem(label or str(row.id), row.id)
        index = self.directive_combo.findData(chosen)
        self.directive_combo.setCurrentIndex(max(index, 0))
        self._loading = False
        self._update_choice_widgets()
        self._last_choice = self._choice()
        if self.viewing is None and self.draft_id is None and not self.edits:
            self._load_draft_for_choice()
        self._fill_issued()
        if self.viewing is None:
            self._rebuild()

    def _update_choice_widgets(self) -> None:
        self.directive_combo.setVisible(self.kind() == "directive")

    def kind(self) -> str:
        return KIND_KEYS[max(self.kind_combo.currentIndex(), 0)]

    def day(self) -> date:
        return self.date_edit.date().toPython()

    def spec(self) -> ReportSpec:
        directive = self.directive_combo.currentData() if self.kind() == "directive" else None
        return spec_for(self.db, self.kind(), self.day(), directive)

    def _rebuild(self) -> None:
        """Lay the report out again from the registers and the edits, and show it."""
        try:
            if self.draft_id is not None:
                record = get_report(self.db, self.draft_id)
                parts = {**record.parts, **self.edits}
                self.built = build_report(
                    self.db, record.spec, parts, no=record.number, symbol=record.symbol
                )
            else:
                self.built = build_report(self.db, self.spec(), self.edits)
            data, _pages = self.built.pdf()
        except UserError as err:
            self.built = None
            self._show_pdf(b"")
            self.status_label.setText(str(err))
            self._fill_parts()
            return
        self._show_pdf(data)
        self._fill_parts()
        self._show_status()

    def _show_pdf(self, data: bytes) -> None:
        self.pdf_data = data
        self.pdf_document.close()
        if self._buffer is not None:
            self._buffer.close()
        self._buffer = None
        if data:
            buffer = QBuffer(self)
            buffer.setData(QByteArray(data))
            buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self._buffer = buffer
            self.pdf_document.load(buffer)
        pages = self.pdf_document.pageCount() if data else 0
        self.pages_label.setText(self.tr("Pages: {n}").format(n=pages))

    def _fill_parts(self) -> None:
        self._loading = True
        keep = self._part_key
        self.parts_list.clear()
        self._keys: list[str] = []
        if self.built is not None:
            for key, name in self.built.part_names.items():
                self._keys.append(key)
                self.parts_list.addItem(name)
        row = self._keys.index(keep) if keep in self._keys else 0
        self._loading = False
        if self._keys:
            self.parts_list.setCurrentRow(row)
            self._on_part_selected(row)
        else:
            self.part_edit.clear()
        editable = self.viewing is None and self.built is not None
        self.part_edit.setReadOnly(not editable)
        self.reset_part_button.setEnabled(editable)
        self.draft_button.setEnabled(editable)
        self.issue_button.setEnabled(editable)

    def _show_status(self) -> None:
        if self.viewing is not None:
            r = self.viewing
            text = self.tr(
                "Issued report No. {number}, version {version}, {date}; frozen, SHA-256 {sha}."
            ).format(
                number=r.number_text,
                version=r.version,
                date=format_date(r.issued_at.astimezone().date()) if r.issued_at else "",
                sha=r.sha256[:16] + "…",
            )
            if r.superseded_by:
                text += " " + self.tr("A newer version of it has been issued.")
            self.status_label.setText(text)
            return
        if self._save_error:
            self.status_label.setText(self.tr("Not saved: {error}").format(error=self._save_error))
            return
        saved = self._saved_at.strftime("%H:%M:%S") if self._saved_at else ""
        if self.draft_id is not None:
            record = get_report(self.db, self.draft_id)
            if record.number:
                text = self.tr(
                    "New version {version} of report No. {number} (not issued yet)."
                ).format(version=record.version, number=record.number_text)
            else:
                text = self.tr("Saved draft (not issued yet).")
            if self.edits:
                text += " " + self.tr("Saving…")
            elif saved:
                text += " " + self.tr("Saved at {time}.").format(time=saved)
            self.status_label.setText(text)
        elif self.built is not None:
            text = self.tr("Draft: not numbered until it is issued.")
            issued = self._issued_for_choice
            if issued is not None:
                text += " " + self.tr(
                    "Report No. {number} of this period is already issued; to change it, "
                    "open it in the list and make a new version."
                ).format(number=issued.number_text)
            self.status_label.setText(text)

    def _fill_issued(self) -> None:
        from fieldapp.sync.district import only_devices

        communes = self.commune.fill(self.db)
        upper = self.commune.upper
        self.retranslate_commune()
        reports = only_devices(list_reports(self.db), self.commune.devices())
        self._issued = reports
        self.issued_table.setColumnHidden(5, not upper)
        names = {
            "draft": self.tr("draft"),
            "issued": self.tr("issued"),
            "superseded": self.tr("replaced"),
        }
        self.issued_table.set_rows(
            Row(
                [
                    r.number_text or "–",
                    str(r.version),
                    format_date(r.period_end),
                    names.get(r.state, r.state),
                    r.title,
                    communes.get(r.device_id, ""),
                ],
                getattr(r, "id", None),
            )
            for r in reports
        )
        self.issued_table.resizeColumnsToContents()

    # -- drafts: kept as they are typed ------------------------------------------------------

    def _choice(self) -> tuple[int, QDate, int]:
        return (
            self.kind_combo.currentIndex(),
            self.date_edit.date(),
            self.directive_combo.currentIndex(),
        )

    def _set_choice(self, choice: tuple[int, QDate, int]) -> None:
        self._loading = True
        self.kind_combo.setCurrentIndex(choice[0])
        self.date_edit.setDate(choice[1])
        self.directive_combo.setCurrentIndex(choice[2])
        self._loading = False
        self._update_choice_widgets()

    def flush(self) -> bool:
        """Write the edits not yet kept to the database now. False (and the reason in the
        status line) when they cannot be kept, e.g. an empty subject line."""
        self._autosave.stop()
        if not self.edits or self.viewing is not None:
            return True
        edits = dict(self.edits)
        try:
            if self.draft_id is not None:
                record = get_report(self.db, self.draft_id)
                saved = keep_draft(self.db, record.spec, edits, draft_id=record.id)
            else:
                saved = keep_draft(self.db, self._shown_spec or self.spec(), edits)
        except UserError as err:
            self._save_error = str(err)
            self._show_status()
            return False
        self._save_error = ""
        self.draft_id = saved.id
        for key, value in edits.items():  # typing meanwhile stays pending
            if self.edits.get(key) == value:
                self.edits.pop(key)
        self._saved_at = datetime.now()
        self._show_status()
        return True

    def _show_save_error(self) -> None:
        from ui.errors import show_error

        show_error(self, UserMistake(self._save_error))

    def may_leave(self) -> bool:
        """Called before the report shown changes or the window closes: the edits are kept;
        if they cannot be, ask whether to drop them."""
        if self.flush():
            return True
        answer = QMessageBox.question(
            self,
            self.tr("Reports"),
            self.tr(
                "Your last change to the report could not be saved:\n{error}\n\n"
                "Leave it and lose that change?"
            ).format(error=self._save_error),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Discard:
            return False
        self.edits = {}
        self._save_error = ""
        return True

    def _load_draft_for_choice(self) -> None:
        """Show the draft being written for the chosen report (or its generated text)."""
        self.viewing = None
        self.edits = {}
        self._save_error = ""
        self._saved_at = None
        self._part_key = None
        self.draft_id = None
        self._issued_for_choice = None
        self._shown_spec = None
        try:
            spec = self.spec()
        except UserError:
            return
        self._shown_spec = spec
        draft = draft_for(self.db, spec)
        if draft is not None:
            self.draft_id = draft.id
        else:
            self._issued_for_choice = issued_for(self.db, spec)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self.flush()  # leaving the page keeps the edits (a failed one stays in memory)
        super().hideEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        window = self.window()
        if window is not self and window is not self._watched:
            window.installEventFilter(self)  # closing the window asks about an unkept edit
            self._watched = window
        super().showEvent(event)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Close and watched is self._watched:
            if not self.may_leave():
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    # -- slots -------------------------------------------------------------------------------

    def _on_choice_changed(self, *_args) -> None:
        if self._loading:
            return
        if not self.may_leave():
            self._set_choice(self._last_choice)
            return
        self._last_choice = self._choice()
        self._update_choice_widgets()
        self._load_draft_for_choice()
        self._fill_issued()
        self._rebuild()

    def _on_preview(self) -> None:
        if self.viewing is None:
            self._rebuild()

    def _on_part_selected(self, row: int) -> None:
        if self._loading or self.built is None or not (0 <= row < len(self._keys)):
            return
        self._part_key = self._keys[row]
        self._loading = True
        self.part_edit.setPlainText(self.built.parts.get(self._part_key, ""))
        self._loading = False

    def _on_part_edited(self) -> None:
        if self._loading or self._part_key is None or self.viewing is not None:
            return
        self.edits[self._part_key] = self.part_edit.toPlainText()
        self._autosave.start()
        self._typing.start()
        self._show_status()

    def _on_reset_part(self) -> None:
        if self._part_key is None or self.viewing is not None:
            return
        self.edits.pop(self._part_key, None)
        if self.draft_id is not None:
            record = get_report(self.db, self.draft_id)
            self._guard(
                lambda: keep_draft(
                    self.db, record.spec, {}, draft_id=record.id, reset=(self._part_key,)
                )
            )
        self._rebuild()

    def _guard(self, action):
        try:
            return action()
        except UserError as err:
            from ui.errors import show_error

            show_error(self, err)
            return None

    def save_draft(self) -> ReportRecord | None:
        """Keep the edits now (they are kept a moment after typing anyway)."""
        if not self.edits and self.draft_id is None:
            self.edits = {}
            saved = self._guard(lambda: keep_draft(self.db, self.spec(), {}))
            if saved is not None:
                self.draft_id = saved.id
        elif not self.flush():
            self._show_save_error()
            return None
        self._fill_issued()
        self._rebuild()
        return get_report(self.db, self.draft_id) if self.draft_id is not None else None

    def _on_save_draft(self) -> None:
        if self.viewing is None and self.built is not None:
            self.save_draft()

    def issue(self) -> ReportRecord | None:
        """Issue what is shown: it gets its number and its PDF is frozen."""
        if not self.flush():
            self._show_save_error()
            return None
        if self.draft_id is not None:
            draft_id = self.draft_id
            issued = self._guard(lambda: issue_report(self.db, draft_id=draft_id))
        else:
            issued = self._guard(lambda: issue_report(self.db, self.spec(), {}))
        if issued is None:
            return None
        self.edits = {}
        self.draft_id = None
        self._fill_issued()
        self.open_issued(issued.id)
        return issued

    def _on_issue(self) -> None:
        if self.viewing is not None or self.built is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Issue the report"),
            self.tr(
                "Issue this report? It gets the next number of the year and is kept as it "
                "is now; a later change makes a new version."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        if not self.flush():
            self._show_save_error()
            return
        db, draft_id = self.db, self.draft_id
        spec = None if draft_id is not None else self.spec()
        self.issue_button.setEnabled(False)

        def work(_progress):
            if draft_id is not None:
                return issue_report(db, draft_id=draft_id)
            return issue_report(db, spec, {})

        (
            CollectionOp(self, work)
            .success(self._on_issued)
            .failure(self._on_issue_failed)
            .with_progress(self.tr("Issuing the report…"), cancellable=False)
            .run_in_background()
        )

    def _on_issue_failed(self, exc: BaseException) -> None:
        from ui.errors import show_error

        self.issue_button.setEnabled(True)
        show_error(self, exc)

    def _on_issued(self, issued: ReportRecord) -> None:
        """The report got its number off the GUI thread: show it, frozen."""
        self.edits = {}
        self.draft_id = None
        self._fill_issued()
        self.open_issued(issued.id)
        QMessageBox.information(
            self,
            self.tr("Issue the report"),
            self.tr("Issued as report No. {number} (version {version}).").format(
                number=issued.number_text, version=issued.version
            ),
        )

    def retranslate_commune(self) -> None:
        """The issued list's headers and commune filter: "District" at a province."""
        province = self.commune.province
        self.issued_table.setHorizontalHeaderLabels(
            [
                self.tr("Number"),
                self.tr("Version"),
                self.tr("Date"),
                self.tr("Status"),
                self.tr("Title"),
                self.tr("District") if province else self.tr("Commune"),
            ]
        )
        self.commune.set_texts(
            self.tr("All communes"), self.tr("All districts"), self.tr("This office")
        )
        self.commune_label.setText(self.tr("&District") if province else self.tr("&Commune"))
        self.commune_label.setVisible(self.commune.upper)

    def _selected_report(self) -> ReportRecord | None:
        row = self.issued_table.currentRow()
        if 0 <= row < len(self._issued):
            return self._issued[row]
        return None

    def open_issued(self, report_id: int) -> None:
        """Show a report of the list: an issued one read-only, a draft to edit."""
        if not self.may_leave():
            return
        record = get_report(self.db, report_id)
        self.edits = {}
        self._save_error = ""
        self._part_key = None
        self._show_choice_of(record)
        if record.status == "issued":
            self.viewing = record
            self.draft_id = None
            self._show_pdf(report_pdf(self.db, record.id))
            self.built = draft_report(self.db, record)
            self._fill_parts()
        else:
            self.viewing = None
            self.draft_id = record.id
            self._rebuild()
        self._show_status()
        self.tabs.setCurrentIndex(0)

    def _show_choice_of(self, record: ReportRecord) -> None:
        """Put the kind, date and directive of ``record`` in the choice row (no reload)."""
        self._loading = True
        self.kind_combo.setCurrentIndex(KIND_KEYS.index(record.kind))
        self.date_edit.setDate(QDate(record.period_end))
        if record.directive_id is not None:
            index = self.directive_combo.findData(record.directive_id)
            if index >= 0:
                self.directive_combo.setCurrentIndex(index)
        self._loading = False
        self._last_choice = self._choice()
        self._update_choice_widgets()

    def _on_open_issued(self, *_args) -> None:
        record = self._selected_report()
        if record is not None:
            self._guard(lambda: self.open_issued(record.id))

    def start_new_version(self, report_id: int) -> ReportRecord | None:
        """Write a new version of issued report ``report_id`` (or go on with the one begun)."""
        if not self.may_leave():
            return None
        draft = self._guard(lambda: new_version(self.db, report_id))
        if draft is not None:
            self._fill_issued()
            self.open_issued(draft.id)
        return draft

    def _on_new_version(self) -> None:
        record = self._selected_report()
        if record is not None:
            self.start_new_version(record.id)

    # -- print and save --------------------------------------------------------------------

    def print_to(self, printer) -> int:
        """Paint every page of the shown PDF on ``printer``; returns the pages printed."""
        from ui.widgets.pdf_print import paint_document

        return paint_document(self.pdf_document, printer)

    def _on_print(self) -> None:
        """The printer dialog, then the pages drawn off the GUI thread (ui.widgets.pdf_print)."""
        if not self.pdf_data:
            return
        import tempfile
        from pathlib import Path

        from ui.widgets.pdf_print import print_pdf

        with tempfile.TemporaryDirectory(prefix="fieldapp-report-") as folder:
            path = Path(folder) / "bao-cao.pdf"
            path.write_bytes(self.pdf_data)
            print_pdf(path, self)  # copies the file before it returns

    def save_pdf_to(self, path: str) -> None:
        try:
            with open(path, "wb") as fh:
                fh.write(self.pdf_data)
        except OSError:
            from ui.errors import show_error

            show_error(
                self,
                UserMistake(self.tr("The file could not be written: {path}").format(path=path)),
            )

    def _on_save_pdf(self) -> None:
        if not self.pdf_data:
            return
        name = "bao-cao.pdf"
        if self.viewing is not None:
            name = (
                f"bao-cao-{self.viewing.year}-{self.viewing.number:03d}-v{self.viewing.version}.pdf"
            )
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), name, self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_pdf_to(path)


def create_page(db: Database) -> ReportsPage:
    return ReportsPage(db)
