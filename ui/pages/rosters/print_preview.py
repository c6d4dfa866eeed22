"""Print preview and printing of a PDF made by the core (the roster sheets, a person's page).

The core lays out the PDF (:mod:`fieldapp.rostering.sheets`); here its pages are drawn with
QtPdf onto whatever printer the Qt print dialog chose, each page scaled to the printable area
keeping its proportions, and turned to landscape when the page is wider than tall.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QWidget

from fieldapp.errors import UserError
from ui.widgets.pdf_print import paint_document


def load_pdf(path: Path, parent=None) -> QPdfDocument:
    document = QPdfDocument(parent)
    document.load(str(path))
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        raise UserError("Không đọc được tệp PDF vừa tạo để in.")
    return document


# The roster's pages are printed like every other PDF of the app.
paint_pdf = paint_document


def preview_pdf(parent: QWidget, make: Callable[[Path], Path], title: str) -> bool:
    """Make the PDF with ``make(path)``, show it in the print preview with the print button."""
    folder = Path(tempfile.mkdtemp(prefix="fieldapp-print-"))
    path = make(folder / "lich-truc.pdf")
    document = load_pdf(path, parent)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda p: paint_pdf(document, p))
    dialog.resize(1100, 700)
    dialog.exec()
    return True


def save_pdf(parent: QWidget, make: Callable[[Path], Path], suggested: str) -> Path | None:
    """Ask where to save and write the PDF there."""
    target, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Rosters", "Save as PDF"), suggested, "PDF (*.pdf)"
    )
    if not target:
        return None
    if not target.lower().endswith(".pdf"):
        target += ".pdf"
    return make(Path(target))
