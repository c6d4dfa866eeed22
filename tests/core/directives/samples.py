"""Directives made on the spot, as they reach a commune: Word, text PDF, scan, phone photo.

:func:`make_spec` draws one directive (issuer, number, kind, place and date, urgency,
subject, items with sub-points and deadlines, signing block) from a seeded random source;
the writers lay it out the usual way (two-column header table, "KHẨN" above, "Nơi nhận" and
the signing block in a bottom table) and :func:`expected` says what a careful reader writes
down. The tests use a few fixed seeds; ``bench/directive_parse.py`` draws a held-out set with
other seeds and vocabulary the parser's tests never saw.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import resources

FONT = "SampleSerif"


@dataclass
class Item:
    label: str
    text: str
    subs: list[str] = field(default_factory=list)
    due: str | None = None


@dataclass
class Spec:
    """One directive and the fields a careful reader writes down from it."""

    party: bool
    issuer_lines: list[str]
    issuer: str
    number: str
    kind: str
    title: str | None  # a centred title ("KẾ HOẠCH") when the kind is not a Công văn
    place: str
    issued_on: date
    subject: str
    subject_prefix: str | None
    urgency: str | None
    recipients: list[str]
    preamble: str
    sections: list[tuple[str, str, list[Item]]]  # (roman, title, items); roman "" = none
    closing: str
    copies: list[str]
    authority: list[str]
    signer_title: str
    signer: str

    @property
    def items(self) -> list[Item]:
        return [item for _r, _t, items in self.sections for item in items]

    @property
    def item_labels(self) -> list[str]:
        out = []
        for roman, _t, items in self.sections:
            for item in items:
                out.append(f"{roman}.{item.label}" if roman else item.label)
        return out

    def date_line(self) -> str:
        d = self.issued_on
        day = f"{d.day:02d}" if d.day < 10 else str(d.day)
        month = f"{d.month:02d}" if d.month < 3 else str(d.month)
        return f"{self.place}, ngày {day} tháng {month} năm {d.year}"

    def subject_line(self) -> str:
        return f"{self.subject_prefix} {self.subject}" if self.subject_prefix else self.subject


PLACES = [
    ("TỈNH", "BẮC KẠN", "Bắc Kạn"),
    ("TỈNH", "ĐẮK NÔNG", "Đắk Nông"),
    ("HUYỆN", "TUY ĐỨC", "Tuy Đức"),
    ("HUYỆN", "CHỢ ĐỒN", "Chợ Đồn"),
    ("HUYỆN", "NA RÌ", "Na Rì"),
    ("HUYỆN", "ĐẮK MIL", "Đắk Mil"),
]
PLACE_OF = {"Bắc Kạn": "Bắc Kạn", "Đắk Nông": "Gia Nghĩa", "Tuy Đức": "Tuy Đức",
            "Chợ Đồn": "Chợ Đồn", "Na Rì": "Na Rì", "Đắk Mil": "Đắk Mil"}  # fmt: skip
SUBJECTS = [
    "tăng cường công tác phòng, chống dịch Covid-19 trên địa bàn",
    "triển khai các biện pháp cấp bách phòng, chống dịch Covid-19",
    "thiết lập các chốt kiểm soát phòng, chống dịch tại các cửa ngõ",
    "tổ chức xét nghiệm nhanh kháng nguyên SARS-CoV-2 cho toàn dân",
    "hỗ trợ lương thực cho các hộ trong khu vực phong tỏa",
    "thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg",
    "quản lý người về từ vùng dịch và cách ly y tế tại nhà",
]
TASKS = [
    "{u} chủ trì, phối hợp với các đơn vị liên quan rà soát toàn bộ người về từ vùng dịch",
    "{u} tổ chức trực 24/24 giờ tại các chốt kiểm soát, kiểm tra y tế người và phương tiện",
    "{u} chuẩn bị đầy đủ vật tư, sinh phẩm xét nghiệm, khu cách ly tập trung",
    "{u} tuyên truyền sâu rộng để người dân thực hiện nghiêm quy định 5K",
    "{u} thống kê các hộ khó khăn, bảo đảm lương thực, thực phẩm cho người dân vùng phong tỏa",
    "{u} kiểm tra, giám sát việc chấp hành quy định cách ly y tế tại nhà",
]
UNITS = ["Công an huyện", "Trung tâm Y tế huyện", "UBND các xã, thị trấn", "Phòng Y tế",
         "Ban Chỉ huy Quân sự huyện", "Phòng Văn hóa và Thông tin"]  # fmt: skip
SUBS = ["Lập danh sách theo từng thôn, bon", "Phân công cán bộ phụ trách từng khu vực",
        "Tổng hợp kết quả gửi về Văn phòng"]  # fmt: skip
NAMES = ["Phương Thị Thanh", "Tôn Thanh Hoàng", "Lê Văn Chiến", "Nông Quang Nhất",
         "Hoàng Thị Thúy", "Đinh Văn Tân", "Nguyễn Đức Hòa"]  # fmt: skip
KIND_TITLES = {"KH": ("Kế hoạch", "KẾ HOẠCH"), "CT": ("Chỉ thị", "CHỈ THỊ"),
               "TB": ("Thông báo", "THÔNG BÁO"), "CĐ": ("Công điện", "CÔNG ĐIỆN")}  # fmt: skip


def make_spec(seed: int, *, roman: bool | None = None) -> Spec:
    """One directive drawn from ``seed`` (the same seed gives the same directive)."""
    rnd = random.Random(seed)
    party = rnd.random() < 0.4
    level, caps, place_name = rnd.choice(PLACES)
    if party:
        org = "TỈNH ỦY" if level == "TỈNH" else "HUYỆN ỦY"
        issuer_lines = [f"{org} {caps}"]
        issuer = f"{org.title().replace('Ủy', 'ủy')} {place_name}"
        code = rnd.choice(["CV", "CV", "KH", "CT", "TB"])
        n = rnd.randint(12, 990)
        number = f"{n}-{code}/{'TU' if level == 'TỈNH' else 'HU'}"
        authority = ["T/M BAN THƯỜNG VỤ"]
        signer_title = rnd.choice(["BÍ THƯ", "PHÓ BÍ THƯ"])
    else:
        issuer_lines = ["ỦY BAN NHÂN DÂN", f"{level} {caps}"]
        issuer = f"UBND {level.lower()} {place_name}"
        code = rnd.choice(["CV", "CV", "KH", "CT", "TB", "CĐ"])
        n = rnd.randint(1, 13999)
        number = f"{n:02d}/UBND-VP" if code == "CV" else f"{n:02d}/{code}-UBND"
        if rnd.random() < 0.6:
            authority = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
            signer_title = "PHÓ CHỦ TỊCH"
        else:
            authority = ["TM. ỦY BAN NHÂN DÂN"]
            signer_title = "CHỦ TỊCH"
    kind, title = KIND_TITLES.get(code, ("Công văn", None))
    issued_on = date(2021, rnd.randint(6, 12), rnd.randint(1, 28))
    subject = rnd.choice(SUBJECTS)
    prefix = "V/v" if title is None and not party else ("Về" if title is None else None)
    urgency = rnd.choice([None, None, "Khẩn", "Thượng khẩn", "Hỏa tốc"])
    use_roman = (code == "KH") if roman is None else roman
    units = rnd.sample(UNITS, 4)

    def task(i: int) -> Item:
        text = rnd.choice(TASKS).format(u=units[i % len(units)]) + "."
        due = None
        if rnd.random() < 0.4:
            d = date(issued_on.year, issued_on.month, min(28, issued_on.day + rnd.randint(1, 9)))
            hour, minute = rnd.choice([(8, 0), (15, 30), (16, 0), (10, 0)])
            text = (
                text[:-1]
                + f", báo cáo kết quả trước {hour} giờ {minute:02d} ngày {d.day}/{d.month}/{d.year}."
            )
            due = f"{d.isoformat()}T{hour:02d}:{minute:02d}"
        subs = rnd.sample(SUBS, 2) if rnd.random() < 0.3 else []
        return Item(str(i + 1), text, subs, due)

    if use_roman:
        sections = [
            ("I", "MỤC ĐÍCH, YÊU CẦU", [task(0), task(1)]),
            ("II", "NHIỆM VỤ, GIẢI PHÁP", [task(i) for i in range(rnd.randint(2, 4))]),
        ]
    else:
        sections = [("", "", [task(i) for i in range(rnd.randint(2, 6))])]
    return Spec(
        party=party,
        issuer_lines=issuer_lines,
        issuer=issuer,
        number=number,
        kind=kind,
        title=title,
        place=PLACE_OF[place_name],
        issued_on=issued_on,
        subject=subject[:1].upper() + subject[1:] if prefix is None else subject,
        subject_prefix=prefix,
        urgency=urgency,
        recipients=["UBND các xã, thị trấn", "Các phòng, ban, ngành liên quan"],
        preamble=(
            "Trước diễn biến phức tạp của dịch bệnh Covid-19, để chủ động kiểm soát tình hình, "
            "yêu cầu các cơ quan, đơn vị thực hiện nghiêm các nội dung sau:"
        ),
        sections=sections,
        closing="Yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện./.",
        copies=["Như trên", "Thường trực Tỉnh ủy (b/c)", "Lưu: VT, VP"],
        authority=authority,
        signer_title=signer_title,
        signer=rnd.choice(NAMES),
    )


def expected(spec: Spec) -> dict[str, object]:
    """The fields a careful reader writes down (the keys of ``directive parse --json``)."""
    return {
        "number": spec.number,
        "kind": spec.kind,
        "issuer": spec.issuer,
        "place": spec.place,
        "issued_on": spec.issued_on.isoformat(),
        "subject": spec.subject,
        "urgency": spec.urgency,
        "signer": spec.signer,
        "signer_title": spec.signer_title,
        "item_labels": spec.item_labels,
        "item_dues": [item.due for item in spec.items],
    }


def score(spec: Spec, got: dict) -> dict[str, bool]:
    """Field by field, whether ``got`` (parse --json) holds what the reader writes down."""
    want = expected(spec)
    labels = [i["label"] for i in got.get("items", [])]
    return {
        **{k: got.get(k) == v for k, v in want.items() if k not in ("item_labels", "item_dues")},
        "items": labels == want["item_labels"],
        "dues": [i.get("due") for i in got.get("items", [])] == want["item_dues"],
    }


def urgency_line(spec: Spec) -> str | None:
    if not spec.urgency:
        return None
    return "HỎA TỐC →" if spec.urgency == "Hỏa tốc" else spec.urgency.upper()


def _header_cells(spec: Spec) -> tuple[list[str], list[str]]:
    left = [*spec.issuer_lines]
    left.append("*" if spec.party else "___________")
    left.append(f"Số {spec.number}" if spec.party else f"Số: {spec.number}")
    if spec.subject_prefix:
        left.append(spec.subject_line())
    right = (
        ["ĐẢNG CỘNG SẢN VIỆT NAM"]
        if spec.party
        else ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    )
    right.append(spec.date_line())
    return left, right


def _body_paragraphs(spec: Spec) -> list[tuple[str, str]]:
    """(style, text): style is "title", "center", "left" or "body"."""
    out: list[tuple[str, str]] = []
    if spec.title:
        out.append(("title", spec.title))
        out.append(("center", spec.subject_line()))
    out.append(("center", "Kính gửi: " + "; ".join(spec.recipients) + "."))
    out.append(("body", spec.preamble))
    for roman, title, items in spec.sections:
        if roman:
            out.append(("left", f"{roman}. {title}"))
        for item in items:
            out.append(("body", f"{item.label}. {item.text}"))
            for letter, sub in zip("abcdefgh", item.subs, strict=False):
                out.append(("body", f"{letter}) {sub};"))
    out.append(("body", spec.closing))
    return out


def _footer_cells(spec: Spec) -> tuple[list[str], list[str]]:
    left = ["Nơi nhận:", *(f"- {c};" for c in spec.copies)]
    right = [*spec.authority, spec.signer_title, "", "", spec.signer]
    return left, right


# --- writers ----------------------------------------------------------------------------------


def write_docx(spec: Spec, path: Path) -> Path:
    """A Word file laid out the usual way (python-docx)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    mark = urgency_line(spec)
    if mark:
        doc.add_paragraph().add_run(mark).bold = True
    left, right = _header_cells(spec)
    table = doc.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
    for style_name, text in _body_paragraphs(spec):
        p = doc.add_paragraph()
        run = p.add_run(text)
        if style_name in ("title", "center"):
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.bold = style_name == "title"
    left, right = _footer_cells(spec)
    table = doc.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (left, right), strict=True):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    doc.save(str(path))
    return path


def _fonts() -> None:
    """Liberation Serif under names of our own, so fonts registered elsewhere do not clash."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    regular = resources.path("fonts", "LiberationSerif-Regular.ttf")
    bold = resources.path("fonts", "LiberationSerif-Bold.ttf")
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(FONT + "-Bold", str(bold)))
    for italic in (0, 1):
        addMapping(FONT, 0, italic, FONT)
        addMapping(FONT, 1, italic, FONT + "-Bold")


def pdf_bytes(spec: Spec) -> bytes:
    """A text PDF as Word's "Save as PDF" makes it (reportlab, Decree 30 margins)."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    _fonts()
    body = ParagraphStyle("b", fontName=FONT, fontSize=13, leading=17, alignment=TA_JUSTIFY,
                          firstLineIndent=10 * mm, spaceAfter=4)  # fmt: skip
    centre = ParagraphStyle("c", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    bold_c = ParagraphStyle("t", parent=centre, fontName=FONT + "-Bold", fontSize=14)
    cell = ParagraphStyle("cell", parent=centre, fontSize=12.5, leading=15, spaceAfter=0)
    left_s = ParagraphStyle("l", parent=body, firstLineIndent=0, fontName=FONT + "-Bold")
    small = ParagraphStyle("s", parent=body, fontSize=11, leading=13, firstLineIndent=0,
                           alignment=0, spaceAfter=0)  # fmt: skip
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=30 * mm, rightMargin=20 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm)  # fmt: skip
    width = A4[0] - 50 * mm
    flow: list = []
    mark = urgency_line(spec)
    if mark:
        flow.append(Paragraph(f"<b>{mark}</b>", ParagraphStyle("m", parent=small, fontSize=13)))
    left, right = _header_cells(spec)
    t = Table(
        [[[Paragraph(x, cell) for x in left], [Paragraph(x, cell) for x in right]]],
        colWidths=[width * 0.4, width * 0.6],
    )
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    flow += [t, Spacer(1, 6 * mm)]
    for style_name, text in _body_paragraphs(spec):
        style = {"title": bold_c, "center": centre, "left": left_s}.get(style_name, body)
        flow.append(Paragraph(text, style))
    left, right = _footer_cells(spec)
    t = Table(
        [[[Paragraph(x, small) for x in left], [Paragraph(x or "&nbsp;", cell) for x in right]]],
        colWidths=[width * 0.5, width * 0.5],
    )
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    flow += [Spacer(1, 6 * mm), t]
    doc.build(flow)
    return buf.getvalue()


def write_pdf(spec: Spec, path: Path) -> Path:
    path.write_bytes(pdf_bytes(spec))
    return path


def scan_images(spec: Spec, *, seed: int = 0, dpi: int = 200, angle: float | None = None):
    """The printed pages scanned: grey, 200 dpi, turned 1-2 degrees, with speckle noise."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    rnd = random.Random(seed)
    pdf = pdfium.PdfDocument(pdf_bytes(spec))
    pages = []
    for page in pdf:
        img = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        turn = angle if angle is not None else rnd.choice([-1, 1]) * rnd.uniform(1.0, 2.0)
        img = img.rotate(turn, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
        img = img.filter(ImageFilter.GaussianBlur(0.6))
        # Speckle: about one pixel in 200 turned black, drawn from the seed (reproducible).
        noise = Image.frombytes("L", img.size, rnd.randbytes(img.size[0] * img.size[1]))
        specks = noise.point(lambda v: 255 if v < 2 else 0)
        img = Image.composite(Image.new("L", img.size, 0), img, specks)
        pages.append(img)
    pdf.close()
    return pages


def write_scan(spec: Spec, path: Path, *, seed: int = 0) -> Path:
    """An image-only PDF of the scanned pages (no text layer)."""
    pages = scan_images(spec, seed=seed)
    pages[0].save(str(path), "PDF", resolution=200.0, save_all=True, append_images=pages[1:])
    return path


def write_photo(spec: Spec, path: Path, *, seed: int = 0) -> Path:
    """A phone photo of the first page: on a desk, in perspective, a little blurred, JPEG."""
    from PIL import Image, ImageFilter

    rnd = random.Random(seed)
    page = scan_images(spec, seed=seed, angle=rnd.uniform(-1.5, 1.5), dpi=220)[0]
    w, h = page.size
    desk = Image.new("L", (int(w * 1.12), int(h * 1.08)), 90)
    desk.paste(page, (int(w * 0.06), int(h * 0.04)))
    W, H = desk.size
    k = rnd.uniform(0.015, 0.03)
    # Top edge a little narrower than the bottom: the phone held above and in front.
    coeffs = _perspective(
        [(0, 0), (W, 0), (W, H), (0, H)],
        [(W * k, 0), (W * (1 - k), 0), (W, H), (0, H)],
    )
    desk = desk.transform((W, H), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC)
    desk = desk.filter(ImageFilter.GaussianBlur(0.8)).convert("RGB")
    desk.save(str(path), "JPEG", quality=70)
    return path


def _perspective(dst, src):
    """Coefficients for Image.transform mapping output points ``dst`` to input ``src``."""
    rows = []
    rhs = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return _solve(rows, rhs)


def _solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c], strict=True)]
    return [m[i][n] / m[i][i] for i in range(n)]


def flattened_text(spec: Spec) -> str:
    """The text a converter makes of the Word file: each table row as "A | B"."""
    left, right = _header_cells(spec)
    lines = []
    mark = urgency_line(spec)
    if mark:
        lines.append(mark)
    lines.append(" ".join(x for x in left if x != "___________") + " | " + " ".join(right))
    lines.append("")
    lines += [text for _s, text in _body_paragraphs(spec)]
    left, right = _footer_cells(spec)
    lines.append(" ".join(left) + " | " + " ".join(x for x in right if x))
    return "\n".join(lines) + "\n"


# --- one directive, typed by hand in each format the readers take --------------------------

NA_RI_412 = {
    "number": "412/UBND-VP",
    "issuer": "UBND huyện Na Rì",
    "issued_on": "2021-09-14",
    "urgency": "Hỏa tốc",
    "subject": "tăng cường phòng, chống dịch Covid-19",
    "recipients": ["UBND các xã, thị trấn"],
    "signer": "Đinh Văn Tân",
    "signer_title": "CHỦ TỊCH",
}
"""What the công văn 412/UBND-VP of Na Rì, written by hand in the .odt, RTF and web-page
tests (each messy in its format's own way), must read as; its items are "1" and "2", the
second due 16/9/2021 at 16:00."""


def check_na_ri(got: dict) -> None:
    """``got`` (parse --json) holds every field of :data:`NA_RI_412` and its two items."""
    assert {k: got.get(k) for k in NA_RI_412} == NA_RI_412, got
    assert [i["label"] for i in got["items"]] == ["1", "2"]
    assert got["items"][1]["due"] == "2021-09-16T16:00"


def parsed_and_registered(db, data_dir: Path, capsys, path: Path, spec: Spec):
    """``directive parse --json`` of ``path`` and its import into the register both give
    ``spec``'s number and its first item; the directive as registered, for more checks."""
    import json

    from fieldapp.cli import main
    from fieldapp.directives import register as reg

    assert main(["--data-dir", str(data_dir), "directive", "parse", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["number"] == spec.number
    info = reg.get_directive(db, reg.import_file(db, path).directive_id)
    assert info.number == spec.number
    assert spec.items[0].text.split()[0] in info.full_text
    return info
