"""The text parts of a report: what the official may reword before issuing.

A report is its figures (from the registers, printed in tables, never edited) and its text
parts (the subject line, the paragraphs around the tables, the distribution list), which
start from defaults written from the figures and are then edited by the official. Parts are
a plain ``dict[str, str]`` so that they store as JSON and travel with the issued report.

:func:`default_parts` gives the defaults of a report; :func:`merge_parts` lays the
official's edits over them (unknown keys are refused).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from fieldapp.directives.register import DirectiveInfo
from fieldapp.errors import UserError
from fieldapp.profile import Profile
from fieldapp.reports.figures import DailyFigures, WeeklyFigures
from fieldapp.text.vietnamese import format_date, nfc

KINDS: dict[str, str] = {
    "daily": "Báo cáo nhanh hằng ngày",
    "weekly": "Báo cáo tổng hợp tuần",
    "directive": "Báo cáo kết quả thực hiện văn bản chỉ đạo",
}

# The editable parts of the daily and weekly reports, in the order they print, with names.
SITUATION_PARTS: dict[str, str] = {
    "subject": "Trích yếu",
    "situation": "I. Tình hình chung",
    "results": "II. Kết quả thực hiện",
    "difficulties": "III. Khó khăn, vướng mắc",
    "proposals": "IV. Đề xuất, kiến nghị",
    "next_tasks": "V. Nhiệm vụ trọng tâm thời gian tới",
    "notes": "Nội dung khác",
    "closing": "Câu kết",
    "recipients": "Nơi nhận (mỗi dòng một nơi)",
}
DIRECTIVE_PARTS: dict[str, str] = {
    "subject": "Trích yếu",
    "opening": "Mở đầu",
    "difficulties": "II. Khó khăn, vướng mắc",
    "proposals": "III. Đề xuất, kiến nghị",
    "closing": "Câu kết",
    "recipients": "Nơi nhận (mỗi dòng một nơi)",
}
ITEM_PREFIX = "item:"
"""Directive reports have one part per item: ``item:<item uuid>``, its result in words."""

MAX_PART = 20_000


@dataclass(frozen=True)
class ReportSpec:
    """Which report: ``kind`` with its period (``start``..``end``; one day for daily and
    directive reports, seven for weekly) and, for a directive report, the directive."""

    kind: str
    start: date
    end: date
    directive_id: int | None = None


def part_names(kind: str, directive: DirectiveInfo | None = None) -> dict[str, str]:
    """Part key -> its Vietnamese name, in print order."""
    if kind == "directive":
        names = dict(DIRECTIVE_PARTS)
        if directive is not None:
            items = {
                f"{ITEM_PREFIX}{i.uuid}": f"Kết quả mục {i.label or i.position + 1}"
                for i in directive.items
            }
            names = {"subject": names["subject"], "opening": names["opening"], **items} | names
        return names
    return dict(SITUATION_PARTS)


def _signed(n: int) -> str:
    if n > 0:
        return f"tăng {n}"
    if n < 0:
        return f"giảm {-n}"
    return "không đổi"


def number(value: float) -> str:
    """A quantity as Vietnamese print writes it: 1.250 and 2,5."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _recipients(profile: Profile) -> str:
    above = profile.parent_full
    lines = [f"Ban Chỉ đạo phòng, chống dịch Covid-19 {above} (b/c);"] if above else []
    lines += [
        f"Thường trực {profile.party_committee}, HĐND {profile.unit_word} (b/c);",
        "Lưu: VT.",
    ]
    return "\n".join(lines)


def _situation(f: DailyFigures, before: DailyFigures | None = None) -> str:
    before = before or f
    return (
        f"Tính đến ngày {format_date(f.day)}, trên địa bàn xã có {f.areas_in_force} khu vực "
        f"phong tỏa đang thực hiện với {number(f.households)} hộ, {number(f.people)} nhân khẩu. "
        f"Số ca F0: {f.f0} ({_signed(f.f0 - before.f0_before)}); "
        f"F1: {f.f1} ({_signed(f.f1 - before.f1_before)}); "
        f"F2: {f.f2} ({_signed(f.f2 - before.f2_before)}). "
        f"Đang cách ly {number(f.isolating)} người, trong đó cách ly tập trung "
        f"{number(f.central)} người."
    )


def followup_text(
    *,
    followed: int,
    checks: int,
    danger: int,
    danger_open: int,
    recovered: int,
    facility: int,
    died: int,
    recovered_total: int,
    facility_total: int,
    died_total: int,
    period: str = "trong ngày",
) -> str:
    """The follow-up of F0 at home and F1 in isolation, and the outcomes (issue 19); empty
    when the commune follows nobody and has recorded no outcome."""
    if not any((followed, checks, danger, recovered_total, facility_total, died_total)):
        return ""
    text = (
        f" Đang theo dõi sức khỏe tại nhà {number(followed)} người; {period} có "
        f"{number(checks)} lượt kiểm tra"
    )
    if danger:
        text += f", {number(danger)} lượt có dấu hiệu nặng"
        if danger_open:
            text += f" ({number(danger_open)} lượt chưa xử lý)"
    text += (
        f". Khỏi bệnh {period}: {number(recovered)} (lũy kế {number(recovered_total)}); "
        f"chuyển cơ sở điều trị: {number(facility)} (lũy kế {number(facility_total)}); "
        f"tử vong: {number(died)} (lũy kế {number(died_total)})."
    )
    return text


def relief_text(items: Mapping[str, float]) -> str:
    return ", ".join(f"{name} {number(q)}" for name, q in items.items())


def _results(
    *,
    started: int,
    ended: int,
    tests: int,
    positive: int,
    relief_households: int,
    relief: Mapping[str, float],
    planned: int,
    staffed: int,
    absent: int,
    people_in: int,
    vehicles: int,
    due: int,
    overdue: int,
    done: int,
) -> str:
    relief_part = (
        f"hỗ trợ nhu yếu phẩm cho {number(relief_households)} lượt hộ ({relief_text(relief)})"
        if relief_households
        else "không có lượt hỗ trợ nhu yếu phẩm"
    )
    return (
        f"Bắt đầu cách ly {number(started)} người, kết thúc cách ly {number(ended)} người; "
        f"xét nghiệm {number(tests)} mẫu, {number(positive)} mẫu dương tính; {relief_part}. "
        f"Các chốt kiểm soát, điểm cách ly bố trí đủ người {staffed}/{planned} ca trực, "
        f"{absent} lượt vắng mặt; ghi nhận {number(people_in)} người, {number(vehicles)} "
        f"phương tiện đến qua chốt. Văn bản chỉ đạo: {due} mục đến hạn, {overdue} mục quá "
        f"hạn, {done} mục đã hoàn thành."
    )


NEXT_TASKS = (
    "Tiếp tục thực hiện nghiêm các biện pháp phòng, chống dịch theo chỉ đạo của cấp trên; "
    "duy trì các chốt kiểm soát 24/24 giờ; bảo đảm nhu yếu phẩm cho các hộ trong vùng phong "
    "tỏa, tránh tình trạng vừa thừa, vừa thiếu; tổ chức xét nghiệm theo kế hoạch."
)


def daily_parts(profile: Profile, f: DailyFigures) -> dict[str, str]:
    """Default text of the daily quick report from its figures."""
    return {
        "subject": "Tình hình, kết quả công tác phòng, chống dịch Covid-19 "
        f"ngày {format_date(f.day)}",
        "situation": _situation(f)
        + followup_text(
            followed=f.followed,
            checks=f.checks,
            danger=f.danger_checks,
            danger_open=f.danger_open,
            recovered=f.recovered,
            facility=f.moved_facility,
            died=f.died,
            recovered_total=f.recovered_total,
            facility_total=f.moved_facility_total,
            died_total=f.died_total,
        ),
        "results": "Trong ngày: "
        + _lower_first(
            _results(
                started=f.isolation_started,
                ended=f.isolation_ended,
                tests=f.tests_done,
                positive=f.tests_positive,
                relief_households=f.relief_deliveries,
                relief=f.relief_items,
                planned=f.shifts_planned,
                staffed=f.shifts_staffed,
                absent=f.shifts_absent,
                people_in=f.people_in,
                vehicles=f.vehicles,
                due=f.items_due,
                overdue=f.items_overdue,
                done=f.items_done,
            )
        ),
        "difficulties": "Không.",
        "proposals": "Không.",
        "next_tasks": NEXT_TASKS,
        "notes": "",
        "closing": f"Trên đây là báo cáo nhanh công tác phòng, chống dịch Covid-19 ngày "
        f"{format_date(f.day)} của UBND {profile.commune_full}./.",
        "recipients": _recipients(profile),
    }


def _week_changes_text(changes: Mapping[str, int]) -> str:
    if not changes.get("changes"):
        return " Trong tuần không có mục công việc chỉ đạo nào thay đổi tình trạng."
    text = (
        f" Trong tuần có {changes['changes']} lượt thay đổi tình trạng mục công việc chỉ đạo: "
        f"{changes.get('started', 0)} mục bắt đầu thực hiện, {changes.get('done', 0)} mục "
        "hoàn thành"
    )
    if changes.get("reopened"):
        text += f", {changes['reopened']} mục phải làm lại"
    return text + "."


def weekly_parts(profile: Profile, w: WeeklyFigures) -> dict[str, str]:
    """Default text of the weekly summary from its figures."""
    period = f"từ ngày {format_date(w.start)} đến ngày {format_date(w.end)}"
    last = w.last
    return {
        "subject": f"Tình hình, kết quả công tác phòng, chống dịch Covid-19 tuần {period}",
        "situation": _situation(last, w.first)
        + followup_text(
            followed=last.followed,
            checks=int(w.total("checks")),
            danger=int(w.total("danger_checks")),
            danger_open=int(w.total("danger_open")),
            recovered=int(w.total("recovered")),
            facility=int(w.total("moved_facility")),
            died=int(w.total("died")),
            recovered_total=last.recovered_total,
            facility_total=last.moved_facility_total,
            died_total=last.died_total,
            period="trong tuần",
        ),
        "results": "Trong tuần: "
        + _lower_first(
            _results(
                started=int(w.total("isolation_started")),
                ended=int(w.total("isolation_ended")),
                tests=int(w.total("tests_done")),
                positive=int(w.total("tests_positive")),
                relief_households=int(w.total("relief_deliveries")),
                relief=w.relief_items(),
                planned=int(w.total("shifts_planned")),
                staffed=int(w.total("shifts_staffed")),
                absent=int(w.total("shifts_absent")),
                people_in=int(w.total("people_in")),
                vehicles=int(w.total("vehicles")),
                due=last.items_due,
                overdue=last.items_overdue,
                done=int(w.total("items_done")),
            )
        )
        + _week_changes_text(w.changes),
        "difficulties": "Không.",
        "proposals": "Không.",
        "next_tasks": NEXT_TASKS,
        "notes": "",
        "closing": "Trên đây là báo cáo tổng hợp công tác phòng, chống dịch Covid-19 "
        f"{period} của UBND {profile.commune_full}./.",
        "recipients": _recipients(profile),
    }


def directive_name(d: DirectiveInfo) -> str:
    """ "Công văn số 235-CV/HU ngày 20/7/2021 của Huyện ủy Chợ Đồn" (what is known of it)."""
    kind = d.kind or "Văn bản"
    text = f"{kind} số {d.number}" if d.number else kind
    if d.issued_on:
        text += f" ngày {format_date(d.issued_on)}"
    if d.issuer:
        text += f" của {d.issuer}"
    return text


# Notes the commune keeps for itself, not results: the deadline it set when it gave out the
# work ("Hạn do Ban Chỉ đạo xã đặt ..."), whom it gave it to, reminders. Matched folded, at the
# start of the note.
_INTERNAL_NOTE_STARTS = (
    "han do ",
    "han xu ly",
    "han hoan thanh do",
    "dat han",
    "gia han",
    "giao cho ",
    "da giao ",
    "noi bo",
    "(noi bo",
    "[noi bo",
    "ghi chu noi bo",
    "nhac viec",
    "luu y noi bo",
)


def is_internal_note(text: str) -> bool:
    """Whether a progress note is the commune's own bookkeeping (a deadline it set, an
    assignment, a reminder) rather than a result to report upward."""
    from fieldapp.text.vietnamese import fold

    folded = " ".join(fold(text).split())
    return folded.startswith(_INTERNAL_NOTE_STARTS)


def item_result_default(item) -> str:
    """An item's result in words: its status, then its progress notes (oldest first), without
    the notes the commune keeps for itself (:func:`is_internal_note`)."""
    status = {"new": "Chưa thực hiện", "in_progress": "Đang thực hiện"}.get(
        item.status, "Đã hoàn thành"
    )
    notes = sorted(
        (n for n in item.notes if not is_internal_note(n.text)), key=lambda n: (n.noted_on, n.id)
    )
    if not notes:
        return f"{status}."
    lines = "; ".join(f"ngày {format_date(n.noted_on)}: {n.text.rstrip('.')}" for n in notes)
    return f"{status}. {lines[:1].upper()}{lines[1:]}."


def directive_parts(profile: Profile, d: DirectiveInfo) -> dict[str, str]:
    """Default text of the report on carrying out directive ``d``."""
    short = f"{d.kind or 'Văn bản'} số {d.number}" if d.number else directive_name(d)
    about = f" về {d.subject.rstrip('.')}" if d.subject else ""
    parts = {
        "subject": f"Kết quả thực hiện {short}",
        "opening": f"Thực hiện {directive_name(d)}{about}, Ủy ban nhân dân "
        f"{profile.commune_full} báo cáo kết quả thực hiện như sau:",
    }
    for i in d.items:
        parts[f"{ITEM_PREFIX}{i.uuid}"] = item_result_default(i)
    parts.update(
        {
            "difficulties": "Không.",
            "proposals": "Không.",
            "closing": f"Trên đây là báo cáo kết quả thực hiện {short} của UBND "
            f"{profile.commune_full}./.",
            "recipients": _recipients(profile),
        }
    )
    return parts


def merge_parts(defaults: Mapping[str, str], edits: Mapping[str, str] | None) -> dict[str, str]:
    """The defaults with the official's edits laid over them (text NFC, edges trimmed)."""
    out = dict(defaults)
    for key, value in (edits or {}).items():
        if key not in out:
            raise UserError(f"Báo cáo không có phần «{key}».")
        if not isinstance(value, str):
            raise UserError(f"Phần «{key}» của báo cáo phải là văn bản.")
        if len(value) > MAX_PART:
            raise UserError(f"Phần «{key}» quá dài (tối đa {MAX_PART} ký tự).")
        out[key] = nfc(value.strip())
    if not out.get("subject", "").strip():
        raise UserError("Trích yếu của báo cáo không được để trống.")
    return out


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def format_due_text(item) -> str:
    """An item's deadline as printed: "20/08/2021", "hằng ngày", or "" when none."""
    from fieldapp.directives.register import format_item_due

    return format_item_due(item)
