"""The "In" dialog of the households page and its work lists: choose a paper and its options,
see it, save it as PDF or send it to a printer.

The PDF is made by :func:`fieldapp.households.paper.write_papers` off the GUI thread through
the one operation runner (:mod:`ui.operations`); the preview shows it in a ``QPdfView``. A
changed option makes the preview stale: it is made again after a short pause, so typing a date
does not start a print for every key. Saving writes the PDF previewed (made again if stale) and
records the print in the audit trail when it carries personal data in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp import gate
from fieldapp.db.database import Database
from fieldapp.households.paper import PAPERS, PaperRequest, write_papers
from fieldapp.households.service import household_members, list_areas, test_rounds
from fieldapp.text.vietnamese import format_date
from ui.operations import CollectionOp, QueryOp
from ui.pages.households.dialogs import date_edit, from_qdate
from ui.pages.households.labels import test_kind_text
from ui.widgets.pdf_print import paint_document

PREVIEW_PAUSE_MS = 400
WHOLE_AREA = -1


@dataclass
class PrintChoice:
    """What the dialog opens on: the page's area, village and selected household."""

    paper: str = "door-to-door"
    area_id: int | None = None
    village: str = ""
    household_id: int | None = None
    round_id: int | None = None


def _render(db: Database, req: PaperRequest, progress) -> tuple[bytes, int]:
    import io

    out = io.BytesIO()
    pages = write_papers(db, req, out, progress)
    return out.getvalue(), pages


class PrintDialog(QDialog):
    """Paper, options, preview; Save PDF, Print, Close."""

    def __init__(self, db: Database, choice: PrintChoice | None = None, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        choice = choice or PrintChoice()
        self.setObjectName("householdsPrintDialog")
        self.pdf_data = b""
        self.pages = 0
        self._buffer: QBuffer | None = None
        self._made_for: PaperRequest | None = None
        self._busy = False
        self._household_id = choice.household_id

        self.paper = QComboBox()
        for key in PAPERS:
            self.paper.addItem("", key)
        self.area = QComboBox()
        # At a district every commune has its "Thôn 1": each area names its commune, as in
        # the page's area list (issue 18 part 4); a commune's own areas are named alone.
        from fieldapp.sync.district import commune_of_devices

        communes = commune_of_devices(db)
        for a in list_areas(db):
            commune = communes.get(a.device_id, "")
            self.area.addItem(f"{a.name} — {commune}" if commune else a.name, a.id)
        self.village = QComboBox()
        self.round = QComboBox()
        self.person = QComboBox()
        self.day = date_edit()
        self.start = date_edit(date.today() - timedelta(days=30))
        self.end = date_edit()
        form = QFormLayout()
        self._labels: dict[str, QLabel] = {}
        for name, widget in (
            ("paper", self.paper),
            ("area", self.area),
            ("village", self.village),
            ("round", self.round),
            ("person", self.person),
            ("day", self.day),
            ("start", self.start),
            ("end", self.end),
        ):
            label = QLabel()
            label.setBuddy(widget)
            self._labels[name] = label
            form.addRow(label, widget)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("printMessage")
        self.preview_button = QPushButton()
        self.preview_button.clicked.connect(self.make_preview)
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self._on_save)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(self._on_print)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.message)
        left.addStretch(1)
        for b in (self.preview_button, self.save_button, self.print_button, self.close_button):
            left.addWidget(b)
        left_widget = QWidget()
        left_widget.setLayout(left)
        left_widget.setMaximumWidth(380)

        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView()
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pages_label = QLabel()
        right = QVBoxLayout()
        right.addWidget(self.pdf_view, 1)
        right.addWidget(self.pages_label)
        layout = QHBoxLayout(self)
        layout.addWidget(left_widget)
        layout.addLayout(right, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_PAUSE_MS)
        self._timer.timeout.connect(self.make_preview)
        QShortcut(QKeySequence.StandardKey.Print, self, self._on_print)
        QShortcut(QKeySequence.StandardKey.Save, self, self._on_save)

        self.retranslate()
        index = self.area.findData(choice.area_id)
        self.area.setCurrentIndex(max(0, index))
        self._fill_area_lists(choice.village, choice.round_id)
        self.paper.setCurrentIndex(max(0, self.paper.findData(choice.paper)))
        self._show_fields()
        self.paper.currentIndexChanged.connect(self._on_paper)
        self.area.currentIndexChanged.connect(self._on_area)
        for combo in (self.village, self.round, self.person):
            combo.currentIndexChanged.connect(self._stale)
        for edit in (self.day, self.start, self.end):
            edit.dateChanged.connect(self._stale)
        self.resize(1200, 700)
        self._stale()

    # -- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print for the villages"))
        names = {
            "door-to-door": self.tr("Door-to-door list"),
            "test-round": self.tr("Test round list"),
            "relief": self.tr("Relief distribution sheet"),
            "support68": self.tr("Resolution 68 support list"),
            "isolation-decision": self.tr("Isolation decision"),
            "isolation-certificate": self.tr("Isolation completion certificate"),
            "recovery-certificate": self.tr("Recovery certificate"),
        }
        for i in range(self.paper.count()):
            self.paper.setItemText(i, names[self.paper.itemData(i)])
        labels = {
            "paper": self.tr("&Paper"),
            "area": self.tr("&Area"),
            "village": self.tr("&Village"),
            "round": self.tr("Test &round"),
            "person": self.tr("P&erson"),
            "day": self.tr("&Date"),
            "start": self.tr("&From"),
            "end": self.tr("&To"),
        }
        for name, label in self._labels.items():
            label.setText(labels[name])
        self.preview_button.setText(self.tr("Pre&view"))
        self.save_button.setText(self.tr("&Save PDF…"))
        self.print_button.setText(self.tr("P&rint…"))
        self.close_button.setText(self.tr("Close"))
        self._show_pages()

    def _show_pages(self) -> None:
        self.pages_label.setText(self.tr("Pages: {n}").format(n=self.pages))

    # -- options -----------------------------------------------------------------------------

    def area_id(self) -> int | None:
        return self.area.currentData()

    def _fill_area_lists(self, village: str = "", round_id: int | None = None) -> None:
        from fieldapp.households.listing import villages

        area_id = self.area_id()
        for combo in (self.village, self.round, self.person):
            combo.blockSignals(True)
            combo.clear()
        self.village.addItem(self.tr("All villages"), "")
        if area_id is not None:
            for v in villages(self.db, area_id):
                self.village.addItem(v, v)
            for r in test_rounds(self.db, area_id):
                self.round.addItem(f"{format_date(r.held_on)} {test_kind_text(r.kind)}", r.id)
        self.village.setCurrentIndex(max(0, self.village.findData(village)))
        if round_id is not None:
            self.round.setCurrentIndex(max(0, self.round.findData(round_id)))
        self.person.addItem(self.tr("Everyone of the area"), WHOLE_AREA)
        if self._household_id is not None:
            members = household_members(self.db, [self._household_id]).get(self._household_id, [])
            for m in members:
                self.person.addItem(m.full_name, m.id)
            if members:
                self.person.setCurrentIndex(1)
        for combo in (self.village, self.round, self.person):
            combo.blockSignals(False)

    def _show_fields(self) -> None:
        kind = self.paper.currentData()
        shown = {
            "door-to-door": {"area", "village", "day"},
            "test-round": {"area", "round"},
            "relief": {"area", "village", "day"},
            "support68": {"area", "village", "start", "end", "day"},
            "isolation-decision": {"area", "person", "day"},
            "isolation-certificate": {"area", "person", "day"},
            "recovery-certificate": {"area", "person"},
        }[kind]
        widgets = {
            "area": self.area,
            "village": self.village,
            "round": self.round,
            "person": self.person,
            "day": self.day,
            "start": self.start,
            "end": self.end,
        }
        for name, widget in widgets.items():
            visible = name in shown
            widget.setVisible(visible)
            self._labels[name].setVisible(visible)
        day_label = {
            "relief": self.tr("&Date given out"),
            "isolation-certificate": self.tr("&Completed by"),
            "isolation-decision": self.tr("In isolation &on"),
        }.get(kind, self.tr("&Date"))
        self._labels["day"].setText(day_label)

    def request(self) -> PaperRequest:
        """The paper and options chosen now."""
        kind = self.paper.currentData()
        person = self.person.currentData()
        return PaperRequest(
            kind=kind,
            area_id=self.area_id(),
            village=self.village.currentData() or None,
            day=from_qdate(self.day.date()),
            start=from_qdate(self.start.date()),
            end=from_qdate(self.end.date()),
            round_id=self.round.currentData(),
            person=person if person not in (None, WHOLE_AREA) else None,
        )

    def _on_paper(self) -> None:
        self._show_fields()
        self._stale()

    def _on_area(self) -> None:
        self._fill_area_lists()
        self._stale()

    def _stale(self) -> None:
        self._made_for = None
        self.save_button.setEnabled(False)
        self.print_button.setEnabled(False)
        self._timer.start()

    # -- making the PDF ------------------------------------------------------------------------

    def make_preview(self) -> None:
        """Make the PDF of the chosen options off the GUI thread and show it."""
        self._timer.stop()
        if self._busy:
            self._timer.start()  # one at a time: try again once this one is done
            return
        req = self.request()
        self._busy = True
        self.message.setText(self.tr("Making the paper…"))
        QueryOp(self, lambda p: _render(self.db, req, p)).success(
            lambda result: self._on_made(req, result)
        ).failure(self._on_failed).with_progress(self.tr("Making the paper…")).run_in_background()

    def _on_made(self, req: PaperRequest, result: tuple[bytes, int]) -> None:
        self._busy = False
        data, pages = result
        self._made_for = req if req == self.request() else None
        self.message.setText("")
        self._show_pdf(data, pages)
        ready = self._made_for is not None
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)
        if not ready:
            self._timer.start()

    def _on_failed(self, exc: BaseException) -> None:
        from fieldapp.errors import Cancelled, UserError

        self._busy = False
        self._show_pdf(b"", 0)
        if isinstance(exc, Cancelled):
            self.message.setText(self.tr("Cancelled."))
        elif isinstance(exc, UserError):
            self.message.setText(str(exc))  # the core's message is Vietnamese, never personal
        else:
            from ui import errors

            self.message.setText("")
            errors.show_error(self, exc)

    def _show_pdf(self, data: bytes, pages: int) -> None:
        self.pdf_data, self.pages = data, pages
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
        self._show_pages()

    def _default_name(self) -> str:
        req = self.request()
        area = self.area.currentText().strip().replace("/", "-") or "khu-vuc"
        return f"{req.kind} {area} {date.today().isoformat()}.pdf"

    def _on_save(self) -> None:
        if self._made_for is None or not self.pdf_data:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save PDF"), str(Path.home() / self._default_name()), "PDF (*.pdf)"
        )
        if name:
            self.save_to(name)

    def save_to(self, name: str) -> None:
        """Write the previewed PDF to ``name`` (whole or not at all), with an audit entry."""
        if not name.lower().endswith(".pdf"):
            name += ".pdf"
        data, kind, pages = self.pdf_data, self.paper.currentData(), self.pages

        def write(_progress) -> str:
            import os

            path = Path(name)
            tmp = path.with_name(f".{path.name}.part")
            try:
                tmp.write_bytes(data)
                os.replace(tmp, path)
            except OSError as err:
                tmp.unlink(missing_ok=True)
                from fieldapp.errors import NoSpace, UserMistake

                if err.errno == 28:
                    raise NoSpace("Ổ đĩa đã đầy: chưa ghi được tệp PDF.") from err
                raise UserMistake(f"Không ghi được tệp {path.name}: {err.strerror}.") from err
            if gate.sees_personal_data(self.db):
                from fieldapp.personal_data import record_export

                record_export(self.db, f"household-print:{kind}", path.name, {"pages": pages})
            return str(path)

        CollectionOp(self, write).success(
            lambda path: self.message.setText(self.tr("Saved: {path}").format(path=path))
        ).run_in_background()

    def _on_print(self) -> None:
        if self._made_for is None or not self.pdf_data:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        printed = paint_document(self.pdf_document, printer)
        self.message.setText(self.tr("Sent {n} pages to the printer.").format(n=printed))


def open_print_dialog(db: Database, choice: PrintChoice, parent=None) -> PrintDialog:
    """Open the dialog (not modal, so the page stays usable) and return it."""
    dialog = PrintDialog(db, choice, parent)
    dialog.setModal(False)
    dialog.show()
    return dialog
