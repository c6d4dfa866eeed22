"""Văn bản chỉ đạo: the register of directives, the import dialog and one directive's detail.

The register is a sortable table filtered by status, urgency, issuer, date range and
"overdue", with a search box (no tones needed) whose matches are highlighted. Hỏa tốc and
overdue rows stand out. Enter opens a directive; Esc comes back. Every change goes through
an undoable command (Ctrl+Z, Ctrl+Y) calling the core.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.db.database import Database
from fieldapp.directives.models import URGENCIES
from fieldapp.directives.register import (
    DirectiveFilter,
    DirectiveForm,
    list_directives,
    list_issuers,
)
from fieldapp.directives.search import search
from fieldapp.errors import UserError
from ui.errors import show_error
from ui.operations import run_change
from ui.pages.base import Page
from ui.pages.directives import commands as cmd
from ui.pages.directives.common import STATUS_ORDER, status_name
from ui.pages.directives.detail import DirectiveDetail
from ui.pages.directives.import_dialog import ImportDialog
from ui.pages.directives.register_model import (
    ARRIVAL,
    COMMUNE,
    DUE,
    ID_ROLE,
    ISSUED,
    ISSUER,
    PROGRESS,
    SUBJECT,
    TITLE,
    URGENCY,
    DirectiveTableModel,
    HtmlDelegate,
)

SEARCH_DELAY_MS = 200
_NO_DATE = QDate(2000, 1, 1)  # the minimum of the date filters means "no limit"


class DirectivesPage(Page):
    key = "directives"

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self._loaded = False

        self.stack = QStackedWidget()
        self.outer.addWidget(self.stack, 1)
        self.register_view = QWidget()
        self._build_register(self.register_view)
        self.stack.addWidget(self.register_view)
        self.detail = DirectiveDetail(db, self.push)
        self.detail.back_requested.connect(self.show_register)
        self.stack.addWidget(self.detail)
        self.outer.addLayout(self.footer)

        self.message = QLabel()
        self.message.setObjectName("directiveMessage")
        self.undo_button = QToolButton()
        self.undo_button.setObjectName("undo")
        self.redo_button = QToolButton()
        self.redo_button.setObjectName("redo")
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_stack.indexChanged.connect(self._on_stack_index)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.footer.insertWidget(1, self.message, 1)
        self.footer.addWidget(self.undo_button)
        self.footer.addWidget(self.redo_button)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence("Ctrl+Z"), self.undo_stack.undo),
            (QKeySequence("Ctrl+Shift+Z"), self.undo_stack.redo),
            (QKeySequence("Ctrl+Y"), self.undo_stack.redo),
            (QKeySequence("Ctrl+I"), self.open_import),
        ):
            QShortcut(keys, self, activated=slot, context=context)
        QShortcut(
            QKeySequence.StandardKey.Find, self, activated=self._focus_search, context=context
        )
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.retranslate()

    # -- building ------------------------------------------------------------------------------

    def _build_register(self, host: QWidget) -> None:
        self.search_box = QLineEdit()
        self.search_box.setObjectName("directiveSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._on_search_typed)
        self.search_box.returnPressed.connect(self._on_search_enter)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importDirective")
        self.import_button.clicked.connect(self.open_import)
        self.open_button = QPushButton()
        self.open_button.setObjectName("openDirective")
        self.open_button.clicked.connect(self._on_open_selected)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteDirective")
        self.delete_button.clicked.connect(self._on_delete_selected)
        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.open_button)
        top.addWidget(self.delete_button)

        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem("", None)
        for code in STATUS_ORDER:
            self.status_filter.addItem("", code)
        self.urgency_filter = QComboBox()
        self.urgency_filter.setObjectName("urgencyFilter")
        self.urgency_filter.addItem("", None)
        for value in URGENCIES:
            self.urgency_filter.addItem(value, value)
        self.issuer_filter = QComboBox()
        self.issuer_filter.setObjectName("issuerFilter")
        self.issuer_filter.setMinimumContentsLength(16)
        self.issuer_filter.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.date_from = self._date_filter("dateFrom")
        self.date_to = self._date_filter("dateTo")
        self.overdue_only = QCheckBox()
        self.overdue_only.setObjectName("overdueOnly")
        self.reset_button = QPushButton()
        self.reset_button.clicked.connect(self._on_reset_filters)
        for combo in (self.status_filter, self.urgency_filter, self.issuer_filter):
            combo.currentIndexChanged.connect(self.reload)
        self.overdue_only.toggled.connect(self.reload)
        # At a district: which commune's directives (issue 18 part 4); absent in a commune.
        self.commune_filter = QComboBox()
        self.commune_filter.setObjectName("directiveCommune")
        self.commune_filter.setVisible(False)
        self.commune_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.commune_filter.currentIndexChanged.connect(self.reload)
        self.filter_labels = [QLabel() for _ in range(5)]
        # Two rows, so that the page fits a 1366-pixel screen with the menu beside it.
        filters = QVBoxLayout()
        first_row, second_row = QHBoxLayout(), QHBoxLayout()
        for row, label, widget in zip(
            (first_row, first_row, first_row, second_row, second_row),
            self.filter_labels,
            (
                self.status_filter,
                self.urgency_filter,
                self.issuer_filter,
                self.date_from,
                self.date_to,
            ),
            strict=True,
        ):
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget)
        first_row.addStretch(1)
        second_row.addWidget(self.overdue_only)
        second_row.addWidget(self.commune_filter)
        second_row.addStretch(1)
        second_row.addWidget(self.reset_button)
        filters.addLayout(first_row)
        filters.addLayout(second_row)

        self.model = DirectiveTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("directiveTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ARRIVAL, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setItemDelegateForColumn(SUBJECT, HtmlDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(SUBJECT, QHeaderView.ResizeMode.Stretch)
        widths = {
            ARRIVAL: 66,
            TITLE: 170,
            ISSUER: 175,
            ISSUED: 90,
            URGENCY: 100,
            PROGRESS: 120,
            DUE: 115,
        }
        for col, width in widths.items():
            header.resizeSection(col, width)
        self.table.doubleClicked.connect(self._on_row_activated)
        self.table.activated.connect(self._on_row_activated)
        self._default_row_height = self.table.verticalHeader().defaultSectionSize()

        self.count_label = QLabel()
        self.count_label.setObjectName("directiveCount")
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        self.legend.setStyleSheet("color: #444;")
        self.footer = QHBoxLayout()
        self.footer.addWidget(self.count_label)
        self.footer.addWidget(self.legend)

        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

    def _date_filter(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(_NO_DATE)
        edit.setDate(_NO_DATE)
        edit.dateChanged.connect(self.reload)
        return edit

    def retranslate(self) -> None:
        self.title_label.setText(self.tr("Directives"))
        if self.commune_filter.count():
            self.commune_filter.setItemText(
                0, self.tr("All districts") if self.model.province else self.tr("All communes")
            )
            self.commune_filter.setItemText(self.commune_filter.count() - 1, self.tr("This office"))
        self.search_box.setPlaceholderText(
            self.tr("Search directives and items — no need for tones (Ctrl+F)")
        )
        self.import_button.setText(self.tr("&Import…"))
        self.import_button.setToolTip(self.tr("Paste or open a directive (Ctrl+I)"))
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the selected directive (Enter)"))
        self.delete_button.setText(self.tr("Delete"))
        self.status_filter.setItemText(0, self.tr("All"))
        for i, code in enumerate(STATUS_ORDER, start=1):
            self.status_filter.setItemText(i, status_name(code))
        self.urgency_filter.setItemText(0, self.tr("All"))
        if self.issuer_filter.count():
            self.issuer_filter.setItemText(0, self.tr("All"))
        for label, text in zip(
            self.filter_labels,
            (
                self.tr("Status"),
                self.tr("Urgency"),
                self.tr("Issuer"),
                self.tr("From"),
                self.tr("to"),
            ),
            strict=True,
        ):
            label.setText(text)
        for edit in (self.date_from, self.date_to):
            edit.setSpecialValueText(self.tr("any date"))
        self.overdue_only.setText(self.tr("Overdue only"))
        self.reset_button.setText(self.tr("Show all"))
        self.legend.setText(self.tr("Red rows: items overdue · orange rows: Hỏa tốc"))
        self.undo_button.setText(self.tr("Undo"))
        self.redo_button.setText(self.tr("Redo"))
        self._update_undo_tips()
        self.detail.retranslate()
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1
        )
        self._update_count()

    # -- loading --------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._reload_issuers()
        self._reload_communes()
        self.reload()
        if self.stack.currentWidget() is self.detail:
            self.detail.reload()

    def _reload_issuers(self) -> None:
        current = self.issuer_filter.currentData()
        self.issuer_filter.blockSignals(True)
        self.issuer_filter.clear()
        self.issuer_filter.addItem(self.tr("All"), None)
        for issuer in list_issuers(self.db):
            self.issuer_filter.addItem(issuer, issuer)
        self.issuer_filter.setCurrentIndex(max(0, self.issuer_filter.findData(current)))
        self.issuer_filter.blockSignals(False)

    def _reload_communes(self) -> None:
        """At a district: the commune column and filter, from the senders known now."""
        from fieldapp.sync.district import commune_of_devices, units_below, upper_office
        from fieldapp.text.vietnamese import fold

        upper = upper_office(self.db)
        names = commune_of_devices(self.db) if upper else {}
        self.model.communes = names
        self.model.province = upper and units_below(self.db) == "district"
        self.table.setColumnHidden(COMMUNE, not upper)
        self.commune_filter.setVisible(upper)
        devices: dict[str, list[str]] = {}
        for device, name in names.items():
            devices.setdefault(name, []).append(device)
        current = self.commune_filter.currentText() if self.commune_filter.currentIndex() else ""
        self.commune_filter.blockSignals(True)
        self.commune_filter.clear()
        self.commune_filter.addItem(
            self.tr("All districts") if self.model.province else self.tr("All communes"), None
        )
        for name in sorted(devices, key=fold):
            self.commune_filter.addItem(name, tuple(sorted(devices[name])))
        self.commune_filter.addItem(self.tr("This office"), (self.db.device_id,))
        found = self.commune_filter.findText(current) if current else 0
        self.commune_filter.setCurrentIndex(max(found, 0))
        self.commune_filter.blockSignals(False)

    def _commune_devices(self) -> tuple[str, ...] | None:
        data = self.commune_filter.currentData() if not self.commune_filter.isHidden() else None
        return tuple(data) if data else None

    def current_filter(self) -> DirectiveFilter:
        date_from = self.date_from.date()
        date_to = self.date_to.date()
        return DirectiveFilter(
            status=self.status_filter.currentData(),
            urgency=self.urgency_filter.currentData(),
            issuer=self.issuer_filter.currentData(),
            date_from=None if date_from == _NO_DATE else date_from.toPython(),
            date_to=None if date_to == _NO_DATE else date_to.toPython(),
            overdue=self.overdue_only.isChecked(),
            devices=self._commune_devices(),
        )

    def reload(self) -> None:
        """Read the register again with the filters and the search as they are now."""
        self._search_timer.stop()
        selected = self.selected_id()
        flt = self.current_filter()
        query = self.search_box.text().strip()
        try:
            hits = None
            if query:
                hits = search(self.db, query, limit=200, items_per_directive=1, snippet_width=110)
                flt.ids = [h.directive_id for h in hits]
            rows = list_directives(self.db, flt)
        except UserError as err:
            show_error(self, err)
            return
        was_searching = self.model.searching
        self.model.set_rows(rows, hits)
        # While searching, the matches need the room of the issuer and date columns.
        self.table.setColumnHidden(ISSUER, hits is not None)
        self.table.setColumnHidden(ISSUED, hits is not None)
        header = self.table.horizontalHeader()
        if hits is not None:
            # Search order (best matches first) until a column header is clicked.
            header.setSortIndicatorShown(False)
            self.table.verticalHeader().setDefaultSectionSize(self._default_row_height * 2 + 8)
        elif was_searching or not self._loaded:
            header.setSortIndicatorShown(True)
            self.table.verticalHeader().setDefaultSectionSize(self._default_row_height)
        self._loaded = True
        if selected is not None:
            self.select_directive(selected)
        self._update_count()

    def _update_count(self) -> None:
        if not hasattr(self, "model"):
            return
        n = self.model.rowCount()
        if self.search_box.text().strip():
            self.count_label.setText(self.tr("{n} directives found").format(n=n))
        else:
            self.count_label.setText(self.tr("{n} directives").format(n=n))

    def selected_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def select_directive(self, directive_id: int) -> bool:
        row = self.model.row_of(directive_id)
        if row is None:
            return False
        index = self.model.index(row, TITLE)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    # -- navigation -----------------------------------------------------------------------------

    def open_directive(self, directive_id: int, item_id: int | None = None) -> None:
        """Show one directive (and select one of its items)."""
        try:
            self.detail.load(directive_id, item_id)
        except UserError as err:
            show_error(self, err)
            return
        self.stack.setCurrentWidget(self.detail)
        self.count_label.hide()
        self.legend.hide()
        self.detail.items_view.setFocus()

    def show_register(self) -> None:
        current = self.detail.info.id if self.detail.info else None
        self.stack.setCurrentWidget(self.register_view)
        self.count_label.show()
        self.legend.show()
        self.reload()
        if current is not None:
            self.select_directive(current)
        self.table.setFocus()

    def _on_row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_directive(index.data(ID_ROLE))

    def _on_open_selected(self) -> None:
        directive_id = self.selected_id()
        if directive_id is not None:
            self.open_directive(directive_id)

    def _focus_search(self) -> None:
        if self.stack.currentWidget() is not self.register_view:
            self.show_register()
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _on_search_typed(self) -> None:
        self._search_timer.start()

    def _on_search_enter(self) -> None:
        self.reload()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, TITLE))
            self.table.setFocus()

    def _on_reset_filters(self) -> None:
        for combo in (self.status_filter, self.urgency_filter, self.issuer_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.setDate(_NO_DATE)
            edit.blockSignals(False)
        self.overdue_only.blockSignals(True)
        self.overdue_only.setChecked(False)
        self.overdue_only.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.reload()

    # -- changes --------------------------------------------------------------------------------

    def push(self, change: cmd.Change) -> bool:
        """Make ``change`` and record it on the undo stack; show the core's refusal if any."""
        refused: list[UserError] = []
        result = run_change(
            self.undo_stack,
            change.text,
            change.do,
            change.undo,
            change.redo,
            on_error=refused.append,
        )
        if refused:
            show_error(self, refused[0])
            self.detail.reload()
            return False
        return result is not None

    def _on_stack_index(self, _index: int) -> None:
        """After a change, an undo or a redo: show the register and the directive as they are."""
        text = self.undo_stack.undoText()
        self.message.setText(
            self.tr("Done: {action}. Ctrl+Z undoes it.").format(action=text) if text else ""
        )
        self._update_undo_tips()
        self._reload_issuers()
        self.reload()
        if self.stack.currentWidget() is self.detail:
            self.detail.reload()
        self._refresh_overview()

    def _update_undo_tips(self) -> None:
        undo, redo = self.undo_stack.undoText(), self.undo_stack.redoText()
        self.undo_button.setToolTip(
            self.tr("Undo: {action} (Ctrl+Z)").format(action=undo) if undo else ""
        )
        self.redo_button.setToolTip(
            self.tr("Redo: {action} (Ctrl+Y)").format(action=redo) if redo else ""
        )

    def _refresh_overview(self) -> None:
        window = self.window()
        pages = getattr(window, "pages", {})
        overview = pages.get("overview") if isinstance(pages, dict) else None
        if overview is not None and overview is not self:
            overview.refresh()

    def open_import(self) -> ImportDialog:
        """Show the import-and-review dialog (returned, for tests and scripts)."""
        dialog = ImportDialog(self.db, self._save_import, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _save_import(
        self, form: DirectiveForm, original: bytes | None, name: str, allow_duplicate: bool
    ) -> UserError | None:
        change = cmd.register_directive(self.db, form, original, name, allow_duplicate)
        refused: list[UserError] = []
        directive_id = run_change(
            self.undo_stack,
            change.text,
            change.do,
            change.undo,
            change.redo,
            on_error=refused.append,
        )
        if refused:
            return refused[0]
        if directive_id is not None:
            self.select_directive(directive_id)
        return None

    def _on_delete_selected(self) -> None:
        directive_id = self.selected_id()
        if directive_id is None:
            return
        row = self.model.row_at(self.table.currentIndex().row())
        answer = QMessageBox.question(
            self,
            self.tr("Delete a directive"),
            self.tr(
                "Delete {title} from the register, with its items and notes?\n"
                "The original file is kept. Ctrl+Z brings it back."
            ).format(title=row.title),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.push(cmd.delete_directive(self.db, directive_id, row.title))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if (
            event.key() == Qt.Key.Key_Delete
            and self.stack.currentWidget() is self.register_view
            and self.table.hasFocus()
        ):
            self._on_delete_selected()
            return
        super().keyPressEvent(event)


def create_page(db: Database) -> DirectivesPage:
    return DirectivesPage(db)
