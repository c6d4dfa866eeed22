"""A report as an official document (Decree 30 layout) and its PDF.

:func:`build_report` reads the figures of a :class:`ReportSpec` from the registers, lays the
official's edited text parts over the defaults and returns a :class:`BuiltReport` whose
``document`` :func:`fieldapp.printing.official.render_pdf` prints. The figures are printed in
tables straight from the registers; only the text parts can be reworded.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, BinaryIO

from reportlab.platypus import Flowable

from fieldapp.db.database import Database
from fieldapp.directives.register import DirectiveInfo, find_directive, get_directive
from fieldapp.errors import UserError
from fieldapp.printing.blocks import caption, heading, item, paragraph, table
from fieldapp.printing.commune import issuer_for, place_date_for, signature_for
from fieldapp.printing.official import OfficialDocument, render_pdf
from fieldapp.printing.official import number_line as official_number_line
from fieldapp.profile import Profile, load_profile
from fieldapp.reports import content
from fieldapp.reports.content import ITEM_PREFIX, ReportSpec, number
from fieldapp.reports.figures import DailyFigures, WeeklyFigures, daily_figures, weekly_figures
from fieldapp.reports.items import directive_as_of
from fieldapp.text.vietnamese import format_date

SYMBOL = "BC-UBND"


def number_line(no: int | None, symbol: str = SYMBOL) -> str:
    """ "Số: 12/BC-UBND", "Số: 01/BC-UBND", or "Số:      /BC-UBND" for a draft."""
    return official_number_line(no, symbol)


def spec_for(db: Database, kind: str, day: date, directive: str | int | None = None) -> ReportSpec:
    """The report of ``kind`` for ``day`` (the week ending on ``day`` for weekly reports;
    for a directive report ``directive`` is its id or number, ``day`` the report's date)."""
    if kind == "daily":
        return ReportSpec("daily", day, day)
    if kind == "weekly":
        return ReportSpec("weekly", day - timedelta(days=6), day)
    if kind == "directive":
        if directive is None or str(directive).strip() == "":
            raise UserError("Hãy chọn văn bản chỉ đạo cần báo cáo kết quả thực hiện.")
        return ReportSpec("directive", day, day, find_directive(db, str(directive)))
    raise UserError(f"Không có loại báo cáo {kind} (có: daily, weekly, directive).")


@dataclass
class BuiltReport:
    """A report ready to print: what it is, its figures, its text, and the document."""

    spec: ReportSpec
    title: str
    figures: dict[str, Any]
    parts: dict[str, str]
    part_names: dict[str, str]
    document: OfficialDocument
    directive: DirectiveInfo | None = None

    def render(self, target: str | os.PathLike[str] | BinaryIO) -> int:
        """Write the PDF; return its number of pages."""
        return render_pdf(self.document, target)

    def pdf_bytes(self) -> bytes:
        return self.pdf()[0]

    def pdf(self) -> tuple[bytes, int]:
        """The PDF in memory, and its number of pages."""
        out = io.BytesIO()
        pages = self.render(out)
        return out.getvalue(), pages


def required_profile(db: Database) -> Profile:
    profile = load_profile(db)
    if profile is None:
        raise UserError("Chưa có hồ sơ xã: hãy điền hồ sơ xã trước khi lập báo cáo.")
    return profile


def default_parts(db: Database, spec: ReportSpec) -> dict[str, str]:
    """The text parts as they start, before the official edits them."""
    return build_report(db, spec).parts


def build_report(
    db: Database,
    spec: ReportSpec,
    edits: Mapping[str, str] | None = None,
    *,
    no: int | None = None,
    symbol: str = SYMBOL,
    profile: Profile | None = None,
) -> BuiltReport:
    """Read the figures of ``spec``, apply ``edits`` to the text, and lay out the document
    (numbered ``no``, or a draft with an empty number)."""
    profile = profile or required_profile(db)
    directive = None
    if spec.kind == "daily":
        figures: Any = daily_figures(db, spec.end)
        parts = content.merge_parts(content.daily_parts(profile, figures), edits)
        body = _daily_body(figures, parts)
        title = f"Báo cáo nhanh ngày {format_date(spec.end)}"
    elif spec.kind == "weekly":
        figures = weekly_figures(db, spec.end)
        parts = content.merge_parts(content.weekly_parts(profile, figures), edits)
        body = _weekly_body(figures, parts)
        title = f"Báo cáo tuần {format_date(spec.start)} – {format_date(spec.end)}"
    elif spec.kind == "directive":
        if spec.directive_id is None:
            raise UserError("Hãy chọn văn bản chỉ đạo cần báo cáo kết quả thực hiện.")
        directive = directive_as_of(db, get_directive(db, spec.directive_id), spec.end)
        figures = None
        parts = content.merge_parts(content.directive_parts(profile, directive), edits)
        body = _directive_body(directive, parts)
        title = parts["subject"]
    else:
        raise UserError(f"Không có loại báo cáo {spec.kind}.")
    document = OfficialDocument(
        issuer=issuer_for(profile),
        number=number_line(no, symbol),
        place_date=place_date_for(profile, spec.end),
        title="BÁO CÁO",
        subject=parts["subject"],
        body=body,
        recipients=[r for r in parts["recipients"].splitlines() if r.strip()],
        signature=signature_for(profile),
    )
    return BuiltReport(
        spec=spec,
        title=title,
        figures=figures.to_json() if figures is not None else _directive_json(directive),
        parts=parts,
        part_names=content.part_names(spec.kind, directive),
        document=document,
        directive=directive,
    )


# -- bodies -----------------------------------------------------------------------------------


def _paragraphs(text: str) -> list[Flowable]:
    return [paragraph(line) for line in text.splitlines() if line.strip()]


def _section(title: str, text: str) -> list[Flowable]:
    if not text.strip():
        return []
    return [heading(title), *_paragraphs(text)]


def _change(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


FIGURE_HEADER = ["TT", "Chỉ tiêu", "Số liệu", "So với ngày trước"]


def figure_rows(f: DailyFigures) -> list[list[str]]:
    """The rows of the daily figures table: (TT, chỉ tiêu, số liệu, so với ngày trước)."""
    rows = [
        ("Khu vực phong tỏa đang thực hiện", f.areas_in_force, None),
        ("Số hộ trong vùng phong tỏa", f.households, None),
        ("Số nhân khẩu trong vùng phong tỏa", f.people, None),
        ("Số ca F0", f.f0, f.f0_change),
        ("Số F1", f.f1, f.f1_change),
        ("Số F2", f.f2, f.f2_change),
        ("Đang cách ly (tập trung và tại nhà)", f.isolating, None),
        ("Trong đó cách ly tập trung", f.central, None),
        ("Bắt đầu cách ly trong ngày", f.isolation_started, None),
        ("Kết thúc cách ly trong ngày", f.isolation_ended, None),
        ("Số mẫu xét nghiệm", f.tests_done, None),
        ("Số mẫu dương tính", f.tests_positive, None),
        ("Lượt hộ được hỗ trợ nhu yếu phẩm", f.relief_deliveries, None),
        ("Ca trực theo lịch tại chốt, điểm cách ly", f.shifts_planned, None),
        ("Ca trực đủ người", f.shifts_staffed, None),
        ("Lượt vắng mặt khi trực", f.shifts_absent, None),
        ("Số người đến qua chốt kiểm soát", f.people_in, None),
        ("Số phương tiện đến qua chốt kiểm soát", f.vehicles, None),
        ("Số người rời đi qua chốt kiểm soát", f.people_out, None),
        ("Mục công việc chỉ đạo đến hạn", f.items_due, None),
        ("Mục công việc chỉ đạo quá hạn", f.items_overdue, None),
        ("Mục công việc hoàn thành trong ngày", f.items_done, None),
    ]
    return [
        [str(i), name, number(value), "" if change is None else _change(change)]
        for i, (name, value, change) in enumerate(rows, start=1)
    ]


def _relief_table(items: Mapping[str, float]) -> list[Flowable]:
    if not items:
        return []
    rows = [[str(i), name, number(q)] for i, (name, q) in enumerate(items.items(), start=1)]
    return [
        caption("Hàng hỗ trợ đã giao", room_mm=15),
        table(
            ["TT", "Mặt hàng (đơn vị)", "Số lượng"],
            rows,
            col_fractions=[1, 8, 3],
            align=["CENTER", "LEFT", "RIGHT"],
        ),
    ]


def _sites_table(by_site: Mapping[str, int]) -> list[Flowable]:
    if not by_site:
        return []
    rows = [[str(i), name, number(n)] for i, (name, n) in enumerate(by_site.items(), start=1)]
    return [
        caption("Số người đến theo từng chốt", room_mm=15),
        table(
            ["TT", "Chốt kiểm soát", "Số người"],
            rows,
            col_fractions=[1, 8, 3],
            align=["CENTER", "LEFT", "RIGHT"],
        ),
    ]


def _overdue_table(f: DailyFigures) -> list[Flowable]:
    if not f.overdue:
        return []
    rows = [
        [
            str(i),
            f"{o.directive}, mục {o.label}" if o.label else o.directive,
            _short(o.text, 160),
            format_date(o.due),
            o.responsible,
        ]
        for i, o in enumerate(f.overdue, start=1)
    ]
    return [
        caption("Các mục công việc chỉ đạo quá hạn", room_mm=15),
        table(
            ["TT", "Văn bản", "Nội dung", "Thời hạn", "Đơn vị thực hiện"],
            rows,
            col_fractions=[1, 4, 9, 3, 4],
            align=["CENTER", "LEFT", "LEFT", "CENTER", "LEFT"],
            font_size=10,
        ),
    ]


def _daily_body(f: DailyFigures, parts: Mapping[str, str]) -> list[Flowable]:
    body: list[Flowable] = []
    body += _section("I. TÌNH HÌNH CHUNG", parts["situation"])
    body += [
        caption(f"Số liệu ngày {format_date(f.day)}", room_mm=40),
        table(
            FIGURE_HEADER,
            figure_rows(f),
            col_fractions=[1, 11, 3, 3],
            align=["CENTER", "LEFT", "RIGHT", "RIGHT"],
        ),
    ]
    body += _section("II. KẾT QUẢ THỰC HIỆN", parts["results"])
    body += _relief_table(f.relief_items)
    body += _sites_table(f.people_by_site)
    body += _overdue_table(f)
    body += _tail(parts)
    return body


def _tail(parts: Mapping[str, str]) -> list[Flowable]:
    out: list[Flowable] = []
    out += _section("III. KHÓ KHĂN, VƯỚNG MẮC", parts["difficulties"])
    out += _section("IV. ĐỀ XUẤT, KIẾN NGHỊ", parts["proposals"])
    out += _section("V. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI", parts["next_tasks"])
    out += _section("VI. NỘI DUNG KHÁC", parts["notes"])
    out += _paragraphs(parts["closing"])
    return out


# Weekly: (row name, figure, summed over the week or taken on the last day).
WEEK_ROWS: tuple[tuple[str, str, bool], ...] = (
    ("Số ca F0", "f0", False),
    ("Số F1", "f1", False),
    ("Số F2", "f2", False),
    ("Đang cách ly", "isolating", False),
    ("Bắt đầu cách ly", "isolation_started", True),
    ("Kết thúc cách ly", "isolation_ended", True),
    ("Mẫu xét nghiệm", "tests_done", True),
    ("Mẫu dương tính", "tests_positive", True),
    ("Lượt hộ được hỗ trợ", "relief_deliveries", True),
    ("Ca trực theo lịch", "shifts_planned", True),
    ("Ca trực đủ người", "shifts_staffed", True),
    ("Lượt vắng mặt", "shifts_absent", True),
    ("Người đến qua chốt", "people_in", True),
    ("Phương tiện qua chốt", "vehicles", True),
    ("Mục chỉ đạo hoàn thành", "items_done", True),
    ("Mục chỉ đạo quá hạn", "items_overdue", False),
)


def week_rows(w: WeeklyFigures) -> list[list[str]]:
    """Rows of the weekly table: name, one figure per day, then the week's total (or, for
    a figure that is a state rather than a flow, its value on the last day)."""
    out = []
    for name, attr, summed in WEEK_ROWS:
        values = [getattr(d, attr) for d in w.days]
        last = sum(values) if summed else values[-1]
        out.append([name, *(number(v) for v in values), number(last)])
    return out


def _weekly_body(w: WeeklyFigures, parts: Mapping[str, str]) -> list[Flowable]:
    header = ["Chỉ tiêu", *(d.day.strftime("%d/%m") for d in w.days), "Cả tuần"]
    body: list[Flowable] = []
    body += _section("I. TÌNH HÌNH CHUNG", parts["situation"])
    body += [
        caption(
            f"Số liệu từ ngày {format_date(w.start)} đến ngày {format_date(w.end)}", room_mm=40
        ),
        table(
            header,
            week_rows(w),
            col_fractions=[5.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.8],
            align=["LEFT", *["RIGHT"] * 8],
            font_size=10,
        ),
        paragraph(
            "Cột «Cả tuần»: tổng số trong tuần; riêng F0, F1, F2, đang cách ly và mục quá hạn "
            "là số của ngày cuối tuần.",
            indent=False,
        ),
    ]
    body += _section("II. KẾT QUẢ THỰC HIỆN", parts["results"])
    body += _relief_table(w.relief_items())
    body += _overdue_table(w.last)
    body += _tail(parts)
    return body


def _short(text: str, limit: int) -> str:
    """``text`` on one line, shortened for a table cell at a word boundary (never mid-word)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-") + "…"


def _directive_body(d: DirectiveInfo, parts: Mapping[str, str]) -> list[Flowable]:
    body: list[Flowable] = [*_paragraphs(parts["opening"]), heading("I. KẾT QUẢ THỰC HIỆN")]
    for n, i in enumerate(d.items, start=1):
        label = i.label or str(n)
        label = label if label.endswith((".", ")", "-")) else f"{label}."
        # The whole text of the item: a report upward never cuts what the directive said.
        body.append(item(" ".join(i.text.split()), label))
        result = parts.get(f"{ITEM_PREFIX}{i.uuid}", "")
        for k, line in enumerate(x for x in result.splitlines() if x.strip()):
            body.append(paragraph(("Kết quả: " if k == 0 else "") + line))
    rows = [
        [
            str(n),
            _short(i.text, 140),
            i.responsible_unit or ", ".join(i.units),
            content.format_due_text(i),
            i.status_name,
        ]
        for n, i in enumerate(d.items, start=1)
    ]
    if rows:
        body += [
            caption("Tổng hợp tình hình thực hiện", room_mm=30),
            table(
                ["TT", "Nội dung công việc", "Đơn vị thực hiện", "Thời hạn", "Tình trạng"],
                rows,
                col_fractions=[1, 10, 4, 3, 3],
                align=["CENTER", "LEFT", "LEFT", "CENTER", "CENTER"],
                font_size=10,
            ),
        ]
    body += _section("II. KHÓ KHĂN, VƯỚNG MẮC", parts["difficulties"])
    body += _section("III. ĐỀ XUẤT, KIẾN NGHỊ", parts["proposals"])
    body += _paragraphs(parts["closing"])
    return body


def _directive_json(d: DirectiveInfo | None) -> dict[str, Any]:
    if d is None:
        return {}
    return {
        "directive_uuid": d.uuid,
        "number": d.number,
        "kind": d.kind,
        "items": [
            {"uuid": i.uuid, "label": i.label, "status": i.status, "notes": len(i.notes)}
            for i in d.items
        ],
    }
