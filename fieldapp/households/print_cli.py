"""``fieldapp household print ...``: the village paper and the Resolution 68 dossier as PDF.

- ``household print door-to-door --area NAME [--village V] -o FILE.pdf``
- ``household print test-round ROUND -o FILE.pdf``
- ``household print relief --area NAME --date YYYY-MM-DD -o FILE.pdf``
- ``household print support68 --area NAME --from YYYY-MM-DD --to YYYY-MM-DD -o FILE.pdf
  [--json]`` (with ``--json`` also the rows and the total as JSON on stdout)
- ``household print isolation-decision|isolation-certificate|recovery-certificate
  (PERSON | --area NAME)
  -o FILE.pdf``

Dates are ISO (``2021-08-15``) or dd/mm/yyyy. Personal data on the paper follows the masking
policy of the signed-in role; a print with it in full is recorded in the audit trail (what and
how many, never the data).
"""

from __future__ import annotations

import argparse

from fieldapp.errors import UserMistake
from fieldapp.text.vietnamese import parse_date


def register(household_sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``print`` and its papers under ``fieldapp household``."""
    printing = household_sub.add_parser("print", help="in giấy tờ cho thôn và hồ sơ hỗ trợ (PDF)")
    sub = printing.add_subparsers(dest="print_command", metavar="GIẤY")
    printing.set_defaults(func=lambda _a: (printing.print_help(), 0)[1])

    def paper(name: str, help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="tệp PDF")
        p.add_argument("--on", dest="day", help="ngày ghi trên giấy (mặc định: hôm nay)")
        p.set_defaults(func=_print, kind=name)
        return p

    door = paper("door-to-door", "danh sách hộ đi từng nhà (theo thôn)")
    door.add_argument("--area", required=True, help="tên khu vực phong tỏa")
    door.add_argument("--village", help="chỉ một thôn")

    test = paper("test-round", "danh sách xét nghiệm của một đợt, người chưa xét nghiệm")
    test.add_argument("round_id", type=int, metavar="ĐỢT")

    relief = paper("relief", "danh sách cấp phát hàng hỗ trợ của một ngày")
    relief.add_argument("--area", required=True)
    relief.add_argument("--date", required=True, help="ngày cấp phát")
    relief.add_argument("--village")

    support = paper("support68", "danh sách hỗ trợ theo Nghị quyết 68/NQ-CP")
    support.add_argument("--area", required=True)
    support.add_argument("--from", dest="start", required=True, help="từ ngày")
    support.add_argument("--to", dest="end", required=True, help="đến ngày")
    support.add_argument("--village")
    support.add_argument("--json", action="store_true", help="in thêm các dòng và tổng dạng JSON")

    for name, text in (
        ("isolation-decision", "quyết định cách ly y tế (một người hoặc cả khu vực)"),
        ("isolation-certificate", "giấy xác nhận hoàn thành cách ly (một người hoặc cả khu vực)"),
        ("recovery-certificate", "giấy xác nhận khỏi bệnh của F0 (một người hoặc cả khu vực)"),
    ):
        p = paper(name, text)
        p.add_argument("person", type=int, nargs="?", metavar="MÃ_NGƯỜI")
        p.add_argument("--area")


def _date(text: str | None):
    return None if text is None else parse_date(text)


def _print(args: argparse.Namespace) -> int:
    from fieldapp import gate
    from fieldapp.cli_support import open_db, print_json
    from fieldapp.households.paper import PAPERS, PaperRequest, save_pdf, write_papers
    from fieldapp.households.service import find_area

    kind = args.kind
    person = getattr(args, "person", None)
    area_name = getattr(args, "area", None)
    if kind in (
        "isolation-decision",
        "isolation-certificate",
        "recovery-certificate",
    ) and (person is None) == (area_name is None):
        raise UserMistake("Cho biết một người (MÃ_NGƯỜI) hoặc một khu vực (--area), không cả hai.")
    req = PaperRequest(
        kind=kind,
        village=getattr(args, "village", None),
        day=_date(getattr(args, "date", None) or args.day),
        start=_date(getattr(args, "start", None)),
        end=_date(getattr(args, "end", None)),
        round_id=getattr(args, "round_id", None),
        person=person,
    )
    db = open_db(args)
    try:
        if area_name is not None:
            req.area_id = find_area(db, area_name).id
        support = None
        if kind == "support68":
            from fieldapp.households.paper import support68_document
            from fieldapp.households.support68 import support_list

            if req.start and req.end and req.end < req.start:
                raise UserMistake("Ngày --to phải sau ngày --from.")
            area_id = req.area_id
            assert area_id is not None and req.start is not None and req.end is not None
            support = support_list(db, area_id, req.start, req.end, village=req.village)
            doc = support68_document(
                db, area_id, req.start, req.end, village=req.village, day=req.day, support=support
            )
            pages = save_pdf([doc], args.output)
        else:
            pages = write_papers(db, req, args.output)
        if gate.sees_personal_data(db):
            from fieldapp.personal_data import record_export

            record_export(db, f"household-print:{kind}", str(args.output), {"pages": pages})
    finally:
        db.close()
    if support is not None and args.json:
        print_json(support.as_json())
    else:
        name = PAPERS[kind]  # "Nghị quyết 68/NQ-CP" keeps its capitals
        print(f"Đã in {name[:1].lower()}{name[1:]}: {args.output} ({pages} trang)")
    return 0
