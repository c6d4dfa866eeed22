"""Print preview and printing of a PDF made by the core (the wall sheets, a person's page).

The core lays out a vector PDF (:mod:`fieldapp.rostering.wall`). The preview shows its pages;
printing "to a PDF file" from the preview writes that very PDF (text stays text, a week is a
few tens of kilobytes) instead of a page-sized picture; a real printer gets the pages drawn
at :data:`PRINT_DPI`, enough for 14 pt names and light for a cheap printer.
"""

from __future__ import annotations

import shutil
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


PRINT_DPI = 300


def paint_pdf(document: QPdfDocument, printer: QPrinter, source: Path | None = None) -> int:
    """Print ``document``: to a PDF file by copying ``source`` (vector), else drawn."""
    target = printer.outputFileName()
    if source is not None and target and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        shutil.copyfile(source, target)
        return document.pageCount()
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat and target == "":
        printer.setResolution(min(printer.resolution(), PRINT_DPI))
    return paint_document(document, printer)


def preview_pdf(parent: QWidget, make: Callable[[Path], Path], title: str) -> bool:
    """Make the PDF with ``make(path)``, show it in the print preview with the print button."""
    folder = Path(tempfile.mkdtemp(prefix="fieldapp-print-"))
    return show_pdf_preview(parent, make(folder / "lich-truc.pdf"), title)


def show_pdf_preview(parent: QWidget, path: Path, title: str) -> bool:
    """Show the PDF at ``path`` in the print preview (its print button prints that PDF)."""
    document = load_pdf(path, parent)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(title)
    dialog.paintRequested.connect(lambda p: paint_pdf(document, p, path))
    dialog.resize(1100, 700)
    dialog.exec()
    return True


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    """Ask where to save a PDF (None when cancelled); ".pdf" is added when missing."""
    target, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Rosters", "Save as PDF"), suggested, "PDF (*.pdf)"
    )
    if not target:
        return None
    if not target.lower().endswith(".pdf"):
        target += ".pdf"
    return Path(target)


def save_pdf(parent: QWidget, make: Callable[[Path], Path], suggested: str) -> Path | None:
    """Ask where to save and write the PDF there."""
    target = ask_pdf_path(parent, suggested)
    return None if target is None else make(target)
