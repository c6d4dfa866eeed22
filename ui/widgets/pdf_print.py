"""Printing a PDF made by the core: every page drawn on the printer, in its orientation.

Used by the roster print preview, the Báo cáo page and the district summary.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, QSizeF
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget


def paint_document(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page of ``document`` on ``printer``; returns the number of pages drawn."""
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
            if page:
                printer.newPage()
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            size = document.pagePointSize(page)
            scale = min(area.width() / size.width(), area.height() / size.height())
            target = QSizeF(size.width() * scale, size.height() * scale)
            image = document.render(page, QSize(int(target.width()), int(target.height())))
            painter.drawImage(QRectF(QPointF(0, 0), target), image)
    finally:
        painter.end()
    return document.pageCount()


def print_pdf(path: Path, parent: QWidget | None) -> int:
    """Ask for a printer (Qt print dialog) and print the PDF at ``path``; 0 when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return 0
    document = QPdfDocument()
    document.load(str(path))
    try:
        return paint_document(document, printer)
    finally:
        document.close()
