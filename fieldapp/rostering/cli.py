"""``fieldapp roster``: solve and check duty rosters from instance files.

fieldapp roster solve INSTANCE.json -o SOLUTION.json [--previous OLD.json --freeze-before T]
fieldapp roster check INSTANCE.json SOLUTION.json
"""

from __future__ import annotations

import argparse
import time
from datetime import datetime

from fieldapp.errors import UserError
from fieldapp.rostering.capacity import check_capacity
from fieldapp.rostering.checker import check, check_gaps
from fieldapp.rostering.figures import measure
from fieldapp.rostering.instance import load_instance
from fieldapp.rostering.solution import load_solution
from fieldapp.rostering.solver import DEFAULT_MAX_ITERATIONS, DEFAULT_TIME_LIMIT, solve


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``roster`` with its ``solve`` and ``check`` sub-commands."""
    roster = subparsers.add_parser("roster", help="xếp và kiểm tra lịch trực")
    sub = roster.add_subparsers(dest="roster_command", metavar="LỆNH", required=True)

    p = sub.add_parser("solve", help="xếp lịch trực từ tệp đề bài JSON")
    p.add_argument("instance", help="tệp đề bài lịch trực (JSON)")
    p.add_argument("-o", "--output", required=True, help="tệp lịch kết quả (JSON)")
    p.add_argument("--previous", help="lịch đã công bố, để xếp lại mà giữ nguyên tối đa")
    p.add_argument(
        "--freeze-before",
        help="giữ cố định các ca bắt đầu trước thời điểm này (NNNN-TT-NNTgg:pp)",
    )
    p.add_argument(
        "--max-iterations", type=int, default=DEFAULT_MAX_ITERATIONS, help=argparse.SUPPRESS
    )
    p.add_argument("--time-limit", type=float, default=DEFAULT_TIME_LIMIT, help=argparse.SUPPRESS)
    p.set_defaults(func=_solve)

    c = sub.add_parser("check", help="kiểm tra một lịch trực theo mọi quy định")
    c.add_argument("instance", help="tệp đề bài lịch trực (JSON)")
    c.add_argument("solution", help="tệp lịch cần kiểm tra (JSON)")
    c.set_defaults(func=_check)


def _solve(args: argparse.Namespace) -> int:
    instance = load_instance(args.instance)
    previous = load_solution(args.previous) if args.previous else None
    freeze = None
    if args.freeze_before:
        if previous is None:
            raise UserError("--freeze-before chỉ dùng cùng --previous (lịch đã công bố).")
        try:
            freeze = datetime.fromisoformat(args.freeze_before)
        except ValueError:
            raise UserError(
                f'Thời điểm "{args.freeze_before}" không đúng dạng NNNN-TT-NNTgg:pp.'
            ) from None
    capacity = check_capacity(instance)
    for message in capacity.messages:
        print(f"Cảnh báo: {message}")
    started = time.perf_counter()
    solution = solve(
        instance,
        previous=previous,
        freeze_before=freeze,
        max_iterations=args.max_iterations,
        time_limit=args.time_limit,
    )
    seconds = time.perf_counter() - started
    solution.save(args.output)
    _print_figures(instance, solution)
    figures = solution.figures
    print(f"Chỗ trống: {figures['gaps']} (tối thiểu có thể: {figures['gap_lower_bound']})")
    for lock in solution.rejected_locks:
        a = lock.lock
        print(f"Không giữ được ô cố định {a.staff} {a.site} {a.date} {a.shift}: {lock.reason}")
    if "changed" in figures:
        changed = figures["changed"]
        print(f"So với lịch cũ: bỏ {changed['removed']} ca, thêm {changed['added']} ca")
    if figures.get("time_limit_hit"):
        print("Lưu ý: hết thời gian cho phép, lịch có thể chưa tốt nhất.")
    print(f"Thời gian: {seconds:.2f} giây. Đã ghi {args.output}")
    return 0


def _check(args: argparse.Namespace) -> int:
    instance = load_instance(args.instance)
    solution = load_solution(args.solution)
    problems = check(instance, solution) + check_gaps(instance, solution)
    _print_figures(instance, solution)
    for problem in problems:
        print(f"VI PHẠM [{problem.rule}] {problem.message}")
    print(f"Vi phạm: {len(problems)}")
    return 1 if problems else 0


def _print_figures(instance, solution) -> None:
    violations = check(instance, solution)
    figures = measure(instance, solution)
    for line in figures.lines():
        print(line)
    print(f"Vi phạm quy định bắt buộc: {len(violations)}")
