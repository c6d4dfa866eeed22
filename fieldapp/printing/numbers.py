"""A document's number as the clerk writes it, in one place for the PDF, the window and the CLI.

Decree 30/2020/NĐ-CP: a number below 10 takes a leading zero ("Số: 01/BC-UBND"). This module
has no reportlab import, so the window's cards and the CLI can use it without loading the PDF
layer.
"""

from __future__ import annotations


def padded_number(no: int | str | None) -> str:
    """A document's number as it is written everywhere (PDF, window, CLI): "01" for 1 (Decree
    30: numbers below 10 take a leading zero), "12", "135"; "" for none (a draft). A number
    typed with letters ("12a") is kept as typed."""
    text = str(no).strip() if no is not None else ""
    if text.isdigit():
        return "" if int(text) == 0 else f"{int(text):02d}"
    return text


def document_number(no: int | str | None, symbol: str) -> str:
    """ "01/BC-UBND": the number and symbol of a document, as the window and the CLI show it
    and the PDF prints it after "Số:"; "" for a draft without a number."""
    text = padded_number(no)
    return f"{text}/{symbol}" if text else ""
