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
from fieldapp.printing.official import MARGIN_TOP, OfficialDocument, render_pdf
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
def template(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("clerk-demo") / "data"


def _deputy_demo(template: Path, target: Path):
    db = copy_of_demo(template, target)
    profile = load_profile(db)
    # A deputy signs; the profile holds the lines with line breaks.
    save_profile(db, replace(profile, signer_authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH",
                             signer_title="PHÓ CHỦ TỊCH", signer_name="Nông Văn Hùng"))  # fmt: skip
    return db


@pytest.fixture(scope="module")
def demo(template, tmp_path_factory):
    db = _deputy_demo(template, tmp_path_factory.mktemp("clerk") / "data")
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


# -- every kind of document, with every number and a signing block near a page end ----------


def _every_kind(db) -> dict[str, tuple[OfficialDocument, str, list[str]]]:
    """One document of each kind the app prints: (document, first word of its title, the
    signing lines it must carry)."""
    from fieldapp.directives.register import list_directives
    from fieldapp.health.followup import followup_lists
    from fieldapp.health.outcomes import record_outcome
    from fieldapp.health.paper import followup_document, recovery_certificates
    from fieldapp.reports.render import build_report, spec_for
    from fieldapp.rostering.printing import roster_document
    from fieldapp.sync.district import district_summary, summary_document
    from tests.core.rostering.test_printing import make_sheet

    today = date.today()
    profile = load_profile(db)
    area = households.find_area(db, "Khu phong tỏa thôn Nà Pài")
    # Someone recovers, for the recovery certificate.
    pid = followup_lists(db).due[0].member_id
    households.change_status(db, pid, "F0", isolation="home", start=today - timedelta(days=12))
    record_outcome(db, pid, "recovered", on=today)
    directive = list_directives(db)[0].id
    district = summary_document(db, district_summary(db))
    out = {
        "daily": build_report(db, spec_for(db, "daily", today)).document,
        "weekly": build_report(db, spec_for(db, "weekly", today)).document,
        "directive": build_report(db, spec_for(db, "directive", today, directive=directive)).document,
        "roster": roster_document(profile, make_sheet(3, 0), date(2021, 7, 30)),
        "district": district,
        "door": paper.door_to_door_document(db, area.id),
        "test-round": paper.test_round_document(db, households.test_rounds(db, area.id)[0].id),
        "relief": paper.relief_document(db, area.id, today - timedelta(days=1)),
        "support68": paper.support68_document(db, area.id, today - timedelta(days=30), today),
        "decision": paper.isolation_decisions(db, area_id=area.id)[0],
        "certificate": paper.completion_certificates(db, area_id=area.id)[0],
        "recovery": recovery_certificates(db, person=pid)[0],
        "followup": followup_document(db),
        "test-page": commune.test_page(profile, date(2021, 8, 5)),
    }  # fmt: skip
    chairman = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]  # a decision is the chairman's own
    return {
        name: (
            doc,
            doc.title.split()[0],
            chairman if name == "decision"
            else district.signature.lines() if name == "district" else DEPUTY,
        )
        for name, doc in out.items()
    }  # fmt: skip


@pytest.fixture(scope="module")
def every_kind(template, tmp_path_factory):
    db = _deputy_demo(template, tmp_path_factory.mktemp("clerk-kinds") / "data")
    yield _every_kind(db)
    db.close()


def _closing_page(pdf: Path) -> tuple[int, float]:
    """The page holding "Nơi nhận:" and the bottom of the lowest word on it."""
    pages = words(pdf)
    for i, page in enumerate(pages):
        if any(text.startswith("Nơi nhận:") for _y, text, _ws in lines(page)):
            return i, max(w.y1 for w in page)
    raise AssertionError(f"no 'Nơi nhận' in {pdf.name}")


def test_every_kind_of_document_with_any_number_and_a_deputy(every_kind, tmp_path) -> None:
    from fieldapp.printing.official import number_line

    assert len(every_kind) == 14
    for name, (doc, title, signing) in every_kind.items():
        path = tmp_path / f"{name}.pdf"
        render_pdf(doc, path)
        check_header(path, title)
        check_closing(path, signing)
        symbol = doc.number.rpartition("/")[2].strip() or "DS-UBND"
        for no, printed in ((None, f"Số: /{symbol}"), (3, f"Số: 03/{symbol}"),
                            (12, f"Số: 12/{symbol}"), ("7", f"Số: 07/{symbol}")):  # fmt: skip
            render_pdf(replace(doc, number=number_line(no, symbol)), path)
            text, gap = number_text(check_header(path, title))
            assert text == printed, (name, no, text)
            if no is None:
                assert gap > 20, (name, gap)  # room to write the number in by hand
        # Typed in the profile as "Số: 3/..." it still prints zero-padded.
        render_pdf(replace(doc, number=f"Số: 3/{symbol}"), path)
        assert number_text(check_header(path, title))[0] == f"Số: 03/{symbol}", name


def test_every_kind_keeps_its_signing_block_with_the_body_near_a_page_end(
    every_kind, tmp_path
) -> None:
    """The body made longer (a space before its last part) so that the signing block falls
    just on or just past the end of a page: it never stands alone on its page."""
    from reportlab.platypus import Spacer

    from fieldapp.printing.official import MARGIN_BOTTOM, page_size

    for name, (doc, _title, signing) in every_kind.items():
        if doc.signature is None:
            continue  # the roster's closing is part of its one-page grid
        path = tmp_path / f"{name}.pdf"
        render_pdf(doc, path)
        page, bottom = _closing_page(path)
        assert page == len(words(path)) - 1, name  # the closing ends the document
        height = page_size(doc.orientation)[1]
        free = height - MARGIN_BOTTOM - bottom
        for extra in (free - 6, free + 6, free + 40, free + 200):
            if not 0 < extra < (height - MARGIN_TOP - MARGIN_BOTTOM) * 0.7:
                continue  # (a space taller than most of a page fits nowhere)
            body = [*doc.body[:-1], Spacer(1, extra), doc.body[-1]]
            render_pdf(replace(doc, body=body), path)
            check_closing(path, signing)  # with body text above it on its page
            moved, _bottom = _closing_page(path)
            assert moved in (page, page + 1) and moved == len(words(path)) - 1, (name, extra)


def test_one_number_format_for_the_pdf_the_window_and_the_cli() -> None:
    from fieldapp.printing.numbers import document_number, padded_number
    from fieldapp.printing.official import number_line

    assert [padded_number(n) for n in (None, 0, "", " 7 ", 3, 12, 135, "12a")] == [
        "", "", "", "07", "03", "12", "135", "12a"
    ]  # fmt: skip
    assert document_number(3, "BC-UBND") == "03/BC-UBND"
    assert document_number(None, "BC-UBND") == ""
    assert number_line(3, "BC-UBND") == "Số: 03/BC-UBND"
    assert number_line(None, "QĐ-UBND").startswith("Số:   ")


def test_tables_of_one_document_centre_their_own_columns(tmp_path) -> None:
    """Two tables in one PDF with the same strings in columns of different widths: each
    string is centred (or set right) in its own table's column."""
    from fieldapp.printing.blocks import CELL_PAD_X, table
    from fieldapp.printing.official import Issuer, Signature, text_width

    narrow = table(["A", "B"], [["12", "12"]] * 3, col_fractions=[1, 1], align=["CENTER", "RIGHT"])
    wide = table(["A", "B"], [["12", "12"]] * 3, col_fractions=[1, 3], align=["CENTER", "RIGHT"])
    doc = OfficialDocument(Issuer("UBND HUYỆN A", "ỦY BAN NHÂN DÂN XÃ B"), "Số: 3/BC-UBND",
                           "B, ngày 01 tháng 8 năm 2021", "BÁO CÁO", "Thử", [narrow, wide],
                           ["Lưu: VT."], Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "A"))  # fmt: skip
    path = tmp_path / "two.pdf"
    render_pdf(doc, path)
    twelves = sorted((w for w in words(path)[0] if w.text == "12"), key=lambda w: w.y0)
    assert len(twelves) == 12
    left, width = 30 * 72 / 25.4, text_width("portrait")
    for n, w in enumerate(twelves):
        cols = [width / 2, width / 2] if n < 6 else [width / 4, width * 3 / 4]
        middle = (w.x0 + w.x1) / 2
        if n % 2 == 0:  # centred in the first column
            assert abs(middle - (left + cols[0] / 2)) < 1, (n, middle)
        else:  # set right in the second
            assert abs(w.x1 - (left + cols[0] + cols[1] - CELL_PAD_X)) < 1, (n, w.x1)
