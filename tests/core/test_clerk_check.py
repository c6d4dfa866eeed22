"""The clerk's check of every kind of official document, read back from the PDF itself with
``pdftotext -bbox`` (word boxes) and ``pdffonts`` — not from the code that made it.

For each document: header lines in 12–13 pt; the number zero-padded below 10 or, on a draft,
a visible gap for the number written in by hand; the signing block on one to three lines
(TM./KT. and the title each on its own line); the signing block never alone on its page;
"Lưu: VT, VP."; every font embedded. Report prose: directive items whole, the commune's own
notes kept out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, replace
from datetime import date, timedelta
from html import unescape
from pathlib import Path

import pytest

from fieldapp.households import paper
from fieldapp.households import service as households
from fieldapp.printing import commune
from fieldapp.printing.official import MARGIN_TOP, render_pdf
from fieldapp.profile import load_profile, save_profile
from tests.core.households.workbooks import copy_of_demo

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None,
    reason="poppler-utils (pdftotext, pdffonts) not installed",
)

# Liberation Serif (and Times New Roman) word boxes in pdftotext are 0.909 em high
# (typographic ascender 0.694 + descender 0.215), whatever the accents on the word.
BOX_PER_POINT = 0.909


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float  # from the top of the page
    x1: float
    y1: float

    @property
    def size(self) -> float:
        return (self.y1 - self.y0) / BOX_PER_POINT


_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)


def words(pdf: Path) -> list[list[Word]]:
    """The word boxes of every page, as ``pdftotext -bbox`` finds them."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True)
    pages = []
    for chunk in out.stdout.decode("utf-8").split("<page ")[1:]:
        pages.append(
            [
                Word(unescape(m.group(5)), *(float(m.group(k)) for k in (1, 2, 3, 4)))
                for m in _WORD.finditer(chunk)
            ]
        )
    return pages


def lines(page: list[Word]) -> list[tuple[float, str, list[Word]]]:
    """Words grouped by their baseline (same bottom within 1 pt) and split where a column
    gap opens (more than 25 pt), left to right: (top, text, words)."""
    rows: dict[int, list[Word]] = {}
    for w in page:
        rows.setdefault(round(w.y1), []).append(w)
    out = []
    for _y, ws in sorted(rows.items()):
        ws.sort(key=lambda w: w.x0)
        chunk = [ws[0]]
        for w in ws[1:]:
            if w.x0 - chunk[-1].x1 > 25:
                out.append((min(c.y0 for c in chunk), " ".join(c.text for c in chunk), chunk))
                chunk = []
            chunk.append(w)
        out.append((min(c.y0 for c in chunk), " ".join(c.text for c in chunk), chunk))
    return out


def fonts_embedded(pdf: Path) -> bool:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, text=True).stdout
    rows = [r.split() for r in out.splitlines()[2:] if r.strip()]
    return bool(rows) and all("yes" in r[-5:-3] for r in rows)


def check_header(pdf: Path, title: str) -> list[Word]:
    """Every word of page 1 above the title is in 12-13 pt; returns those words."""
    first = words(pdf)[0]
    title_top = min(w.y0 for w in first if w.text == title.split()[0])
    head = [w for w in first if w.y1 <= title_top]
    assert head, "no header above the title"
    sizes = sorted(round(w.size, 1) for w in head)
    assert 11.5 <= sizes[0] and sizes[-1] <= 13.6, (pdf.name, sizes[0], sizes[-1])
    assert fonts_embedded(pdf)
    return head


def number_text(head: list[Word]) -> tuple[str, float]:
    """The number line ("Số: 03/BC-UBND") and the gap after "Số:" in points."""
    so = next(w for w in head if w.text == "Số:")
    after = sorted((w for w in head if abs(w.y1 - so.y1) < 1 and w.x0 > so.x1), key=lambda w: w.x0)
    return "Số: " + after[0].text, after[0].x0 - so.x1


def check_closing(pdf: Path, signing: list[str]) -> None:
    pages = words(pdf)
    on = [
        (i, ws[0])
        for i, p in enumerate(pages)
        for _y, text, ws in lines(p)
        if text.startswith("Nơi nhận:")
    ]
    assert len(on) == 1, pdf.name
    page, noi = pages[on[0][0]], on[0][1]
    # Not alone: body text stands above the block on its page (below the page number).
    assert any(w.y1 < noi.y0 and w.y0 > MARGIN_TOP - 2 for w in page), pdf.name
    texts = [t for _y, t, _ws in lines(page)]
    assert "- Lưu: VT, VP." in texts, texts
    # The signing lines, each on its own line, in order.
    missing = [s for s in signing if s not in texts]
    assert not missing, (pdf.name, missing, texts)
    at = [texts.index(s) for s in signing]
    assert at == sorted(at) and len(set(at)) == len(at), (texts, signing)


DEPUTY = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    template = tmp_path_factory.mktemp("clerk-demo") / "data"
    db = copy_of_demo(template, tmp_path_factory.mktemp("clerk") / "data")
    profile = load_profile(db)
    # A deputy signs; the profile holds the lines with line breaks.
    save_profile(db, replace(profile, signer_authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
                             signer_title="PHÓ CHỦ TỊCH", signer_name="Nông Văn Hùng"))  # fmt: skip
    yield db
    db.close()


def test_reports_numbered_and_draft(demo, tmp_path) -> None:
    from fieldapp.reports.render import build_report, spec_for

    today = date.today()
    daily = build_report(demo, spec_for(demo, "daily", today), no=3)
    path = tmp_path / "daily.pdf"
    daily.render(path)
    head = check_header(path, "BÁO CÁO")
    assert number_text(head)[0] == "Số: 03/BC-UBND"
    check_closing(path, DEPUTY)

    weekly = build_report(demo, spec_for(demo, "weekly", today))
    path = tmp_path / "weekly.pdf"
    weekly.render(path)
    text, gap = number_text(check_header(path, "BÁO CÁO"))
    assert text == "Số: /BC-UBND" and gap > 20  # room to write the number in by hand
    check_closing(path, DEPUTY)

    numbered = build_report(demo, spec_for(demo, "daily", today), no=12)
    numbered.render(path)
    assert number_text(check_header(path, "BÁO CÁO"))[0] == "Số: 12/BC-UBND"


def test_directive_report_prose_has_whole_items_and_no_internal_notes(demo, tmp_path) -> None:
    from fieldapp.directives.register import get_directive, list_directives
    from fieldapp.reports.render import build_report, spec_for

    found = None
    for d in list_directives(demo):
        info = get_directive(demo, d.id)
        if any(len(i.text) > 400 for i in info.items) or found is None:
            found = info
    assert found is not None
    built = build_report(demo, spec_for(demo, "directive", date.today(), directive=found.id), no=1)
    path = tmp_path / "directive.pdf"
    built.render(path)
    check_header(path, "BÁO CÁO")
    check_closing(path, DEPUTY)
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    flat = " ".join(out.split())
    assert "Hạn do Ban Chỉ đạo xã đặt" not in flat
    for item in found.items:
        whole = " ".join(item.text.split())
        if len(whole) > 140:
            # The last words of every item are printed: nothing cut mid-way.
            assert " ".join(whole.split()[-4:]) in flat.replace("- ", "").replace("-\n", ""), (
                item.label
            )


def test_test_page_district_summary_and_roster_headers(demo, tmp_path) -> None:
    from fieldapp.rostering.printing import render_roster_pdf
    from fieldapp.sync.district import district_summary, summary_document
    from tests.core.rostering.test_printing import make_sheet

    profile = load_profile(demo)
    path = tmp_path / "test-page.pdf"
    render_pdf(commune.test_page(profile, date(2021, 8, 5)), path)
    text, gap = number_text(check_header(path, "TRANG IN THỬ"))
    assert text == "Số: /TB-UBND" and gap > 20
    check_closing(path, DEPUTY)

    path = tmp_path / "district.pdf"
    summary = summary_document(demo, district_summary(demo))
    render_pdf(summary, path)
    check_header(path, "BÁO CÁO")
    check_closing(path, summary.signature.lines())

    path = tmp_path / "roster.pdf"
    render_roster_pdf(profile, [make_sheet(3, 0)], path, issued_on=date(2021, 7, 30))
    check_header(path, "LỊCH TRỰC")
    check_closing(path, DEPUTY)


def test_village_paper_passes_the_check(demo, tmp_path) -> None:
    area = households.find_area(demo, "Khu phong tỏa thôn Nà Pài")
    today = date.today()
    rounds = households.test_rounds(demo, area.id)
    docs = {
        "door": (paper.door_to_door_document(demo, area.id), "DANH SÁCH"),
        "test": (paper.test_round_document(demo, rounds[0].id), "DANH SÁCH"),
        "relief": (paper.relief_document(demo, area.id, today - timedelta(days=1)), "DANH SÁCH"),
        "support": (
            paper.support68_document(demo, area.id, today - timedelta(days=30), today),
            "DANH SÁCH",
        ),
    }
    for name, (doc, title) in docs.items():
        path = tmp_path / f"{name}.pdf"
        render_pdf(doc, path)
        check_header(path, title)
        check_closing(path, DEPUTY)
    # Decisions are the chairman's own: "TM." goes, the deputy keeps "KT. CHỦ TỊCH".
    (decision, *_rest) = paper.isolation_decisions(demo, area_id=area.id)
    path = tmp_path / "decision.pdf"
    render_pdf(decision, path)
    text, gap = number_text(check_header(path, "QUYẾT ĐỊNH"))
    assert text == "Số: /QĐ-UBND" and gap > 20
    check_closing(path, ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
    assert len(words(path)) == 1  # one page a person


def test_signing_lines_typed_on_one_line_print_on_three(demo, tmp_path) -> None:
    from fieldapp.printing.official import signing_lines

    assert signing_lines("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") == DEPUTY
    assert signing_lines("tm. ủy ban nhân dân / kt. chủ tịch", "phó chủ tịch") == DEPUTY
    assert signing_lines("", "CHỦ TỊCH") == ["CHỦ TỊCH"]
    assert signing_lines("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ") == ["T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ"]
    areas = households.list_areas(demo)
    assert areas
