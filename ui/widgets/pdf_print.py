"""Printing a PDF made by the core: every page drawn on the printer, in its orientation.

Used by the roster print preview, the Báo cáo page and the district summary.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from fieldapp.errors import UserMistake
from fieldapp.progress import Progress, report
from ui.operations import QueryOp, let_window_run

RENDER_DPI = 300
BAND_ROWS = 100  # a band of a page rendered and drawn at once (see _paint_page)


def paint_document(
    document: QPdfDocument, printer: QPrinter, progress: Progress | None = None
) -> int:
    """Draw every page of ``document`` on ``printer``; returns the number of pages drawn.

    Safe off the GUI thread (QPainter may paint on a QPrinter in a worker), which is how
    :func:`print_pdf` runs it; ``progress`` hears of each page and may cancel between pages.
    """
    if document.pageCount() == 0:
        return 0
    first = document.pagePointSize(0)
    orientation = (
        QPageLayout.Orientation.Landscape
        if first.width() > first.height()
        else QPageLayout.Orientation.Portrait
    )
    printer.setPageOrientation(orientation)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(document.pageCount()):
            report(progress, page, document.pageCount())
            if page:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            size = document.pagePointSize(page)
            scale = min(area.width() / size.width(), area.height() / size.height())
            target = QSizeF(size.width() * scale, size.height() * scale)
            # Rendered at most at RENDER_DPI and scaled by the printer: a 1200 dpi printer
            # would otherwise need a 550 MB image per A4 page.
            shrink = min(1.0, RENDER_DPI / max(1, printer.resolution()))
            pixels = QSize(int(target.width() * shrink), int(target.height() * shrink))
            _paint_page(document, page, pixels, target, painter)
            report(progress, page + 1, document.pageCount())
    finally:
        painter.end()
    return document.pageCount()


def _paint_page(
    document: QPdfDocument, page: int, pixels: QSize, target: QSizeF, painter: QPainter
) -> None:
    """Render the page in bands of :data:`BAND_ROWS` rows: PySide keeps Python's lock while
    pdfium renders and while the band is drawn (compressed) onto the printer, so one whole
    page at 300 dpi would hold every other thread (the window too) for a good part of a
    second; a band of 100 rows takes 10–20 ms (200 rows: 30–50 ms, and gaps of 93–106 ms in
    the window on a busy 2-core machine, against 56–77 ms with 100). Between bands the
    worker lets the window take Python's lock (:func:`ui.operations.let_window_run`): the
    short Qt calls alone, each releasing and retaking the lock, kept the window from it for
    0.4–3.9 s in a 40-page print."""
    scale = target.height() / max(1, pixels.height())
    for top in range(0, pixels.height(), BAND_ROWS):
        rows = min(BAND_ROWS, pixels.height() - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(pixels)
        options.setScaledClipRect(QRect(0, top, pixels.width(), rows))
        band = document.render(page, QSize(pixels.width(), rows), options)
        painter.drawImage(QRectF(0, top * scale, target.width(), rows * scale), band)
        let_window_run()


def print_pdf(
    path: Path,
    parent: QWidget | None,
    on_done: Callable[[int], None] | None = None,
) -> bool:
    """Ask for a printer (Qt print dialog), then print the PDF at ``path`` off the GUI thread.

    The file is copied first, so the caller may delete it as soon as this returns. False when
    the person cancelled the dialog; ``on_done(pages)`` runs once the pages are printed.
    """
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    print_in_background(path, printer, parent, on_done)
    return True


def print_in_background(
    path: Path,
    printer: QPrinter,
    parent: QWidget | None,
    on_done: Callable[[int], None] | None = None,
) -> QueryOp:
    """Print the PDF at ``path`` on ``printer`` through the operation runner, with progress."""
    handle, copy_name = tempfile.mkstemp(prefix="fieldapp-print-", suffix=".pdf")
    os.close(handle)
    copy = Path(copy_name)
    shutil.copyfile(path, copy)

    def work(progress: Progress) -> int:
        document = QPdfDocument()
        try:
            if document.load(str(copy)) != QPdfDocument.Error.None_:
                raise UserMistake("Không đọc được tệp PDF để in.")
            return paint_document(document, printer, progress)
        finally:
            document.close()
            copy.unlink(missing_ok=True)

    op = QueryOp(parent, work).with_progress(QCoreApplication.translate("Printing", "Printing…"))
    if on_done is not None:
        op.success(on_done)
    op.run_in_background()
    return op
