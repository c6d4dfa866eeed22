"""Benchmark: reading directives as they arrive (issue 12).

Run with ``python -m bench directive_parse`` (``--quick`` for fewer files). Prints, each beside
its reference measured in the same run:

- plain text parsed per second (the reference), Word files and text PDFs read and parsed per
  second (target ≥ 200/s);
- OCR of one A4 page scanned at 200 dpi (target ≤ 8 s), beside the time to read the same page
  as a text PDF;
- fields right on a held-out set: directives drawn with issuers, places, kinds, signers and
  subjects the parser's tests never use (other seeds, other words), as Word, text PDF, scan
  and photo, scored field by field (target ≥ 90 %).

Asserts nothing.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from fieldapp.directives import extract_text, parse_directive
from fieldapp.directives.reading import read_directive
from tests.core.directives import samples as S

# Held out: none of these words appear in the tests' samples.
HELD_PLACES = [
    ("TỈNH", "CAO BẰNG", "Cao Bằng", "Cao Bằng"),
    ("TỈNH", "LẠNG SƠN", "Lạng Sơn", "Lạng Sơn"),
    ("HUYỆN", "ĐỊNH HÓA", "Định Hóa", "Định Hóa"),
    ("HUYỆN", "BA BỂ", "Ba Bể", "Ba Bể"),
    ("HUYỆN", "CƯ JÚT", "Cư Jút", "Cư Jút"),
    ("TỈNH", "HÀ GIANG", "Hà Giang", "Hà Giang"),
]
HELD_SUBJECTS = [
    "tăng cường kiểm soát người ra vào địa bàn trong thời gian giãn cách",
    "tổ chức tiêm vắc xin phòng Covid-19 đợt 3 cho người từ 18 tuổi trở lên",
    "bảo đảm cung ứng hàng hóa thiết yếu cho Nhân dân vùng cách ly",
    "thành lập Tổ Covid cộng đồng tại các thôn, tổ dân phố",
    "xử lý nghiêm các trường hợp vi phạm quy định phòng, chống dịch",
]
HELD_NAMES = ["Triệu Đức Thanh", "Lò Văn Páo", "Hà Thị Minh Hạnh", "Vi Văn Sơn", "Bế Thị Hồng Vân"]
HELD_TASKS = [
    "{u} rà soát, lập danh sách người lao động trở về từ các tỉnh phía Nam",
    "{u} bố trí lực lượng trực tại chốt kiểm soát liên ngành ở cửa ngõ",
    "{u} phối hợp cung cấp nhu yếu phẩm cho các hộ đang cách ly tại nhà",
    "{u} kiểm tra việc thực hiện quét mã QR tại các cơ sở kinh doanh",
]
HELD_UNITS = ["Đồn Biên phòng", "Trạm Y tế các xã", "Hội Liên hiệp Phụ nữ huyện", "Huyện đoàn"]


def held_out(seed: int) -> S.Spec:
    """A directive from the held-out vocabulary (the layout rules are the usual ones)."""
    rnd = random.Random(10_000 + seed)
    base = S.make_spec(10_000 + seed)
    level, caps, name, place = rnd.choice(HELD_PLACES)
    if base.party:
        org = "TỈNH ỦY" if level == "TỈNH" else "HUYỆN ỦY"
        lines = [f"{org} {caps}"]
        issuer = f"{'Tỉnh ủy' if level == 'TỈNH' else 'Huyện ủy'} {name}"
        code = base.number.split("-", 1)[1].split("/")[0]
        number = f"{rnd.randint(3, 999)}-{code}/{'TU' if level == 'TỈNH' else 'HU'}"
    else:
        lines = ["ỦY BAN NHÂN DÂN", f"{level} {caps}"]
        issuer = f"UBND {level.lower()} {name}"
        number = base.number.replace(base.number.split("/")[0], f"{rnd.randint(1, 9):02d}")
    units = rnd.sample(HELD_UNITS, 3)
    sections = []
    k = 0
    for roman, title, items in base.sections:
        new_items = []
        for item in items:
            text = rnd.choice(HELD_TASKS).format(u=units[k % 3]) + "."
            if item.due:
                d = date.fromisoformat(item.due[:10])
                text = text[:-1] + (
                    f", hoàn thành trước {int(item.due[11:13])} giờ {item.due[14:16]}"
                    f" ngày {d.day}/{d.month}/{d.year}."
                )
            new_items.append(replace(item, text=text))
            k += 1
        sections.append((roman, title, new_items))
    subject = rnd.choice(HELD_SUBJECTS)
    return replace(
        base,
        issuer_lines=lines,
        issuer=issuer,
        number=number,
        place=place,
        issued_on=date(2021, rnd.randint(7, 10), rnd.randint(1, 28)),
        subject=subject if base.subject_prefix else subject[:1].upper() + subject[1:],
        signer=rnd.choice(HELD_NAMES),
        sections=sections,
    )


def _rate(paths: list[Path], rounds: int) -> float:
    for p in paths:
        read_directive(p)
    start = time.perf_counter()
    for _ in range(rounds):
        for p in paths:
            read_directive(p)
    return rounds * len(paths) / (time.perf_counter() - start)


def _text_rate(texts: list[str], rounds: int) -> float:
    for t in texts:
        parse_directive(t)
    start = time.perf_counter()
    for _ in range(rounds):
        for t in texts:
            parse_directive(t)
    return rounds * len(texts) / (time.perf_counter() - start)


def _score(kind: str, specs: list[S.Spec], folder: Path) -> tuple[int, int, dict[str, int]]:
    right = total = 0
    wrong: dict[str, int] = {}
    for n, spec in enumerate(specs):
        if kind == "docx":
            path = S.write_docx(spec, folder / f"h{n}.docx")
        elif kind == "pdf":
            path = S.write_pdf(spec, folder / f"h{n}.pdf")
        elif kind == "scan":
            path = S.write_scan(spec, folder / f"h{n}-scan.pdf", seed=n)
        else:
            path = S.write_photo(spec, folder / f"h{n}.jpg", seed=n)
        try:
            got = read_directive(path).to_json_dict()
        except Exception as err:  # noqa: BLE001 - a refusal scores every field wrong
            print(f"   {kind} {n}: refused: {err}")
            got = {"items": []}
        for field, ok in S.score(spec, got).items():
            total += 1
            right += ok
            if not ok:
                wrong[field] = wrong.get(field, 0) + 1
    return right, total, wrong


def main(argv: list[str] | None = None) -> None:
    quick = "--quick" in (argv if argv is not None else sys.argv[1:])
    n_files, n_scans, n_photos = (10, 3, 2) if quick else (30, 12, 6)
    folder = Path(tempfile.mkdtemp(prefix="bench-directives-"))
    specs = [S.make_spec(seed) for seed in range(n_files)]
    texts = [S.flattened_text(s) for s in specs] + [
        extract_text(p) for p in sorted((Path(S.__file__).parent / "data").glob("*.txt"))
    ]
    docx = [S.write_docx(s, folder / f"{i}.docx") for i, s in enumerate(specs)]
    pdfs = [S.write_pdf(s, folder / f"{i}.pdf") for i, s in enumerate(specs)]
    rounds = 2 if quick else 5
    txt_rate = _text_rate(texts, rounds * 4)
    docx_rate = _rate(docx, rounds)
    pdf_rate = _rate(pdfs, rounds)
    print(f"directive_parse: read and parsed per second ({n_files} files each, {rounds} rounds)")
    print(f"  plain text (reference)  {txt_rate:7.0f}/s")
    print(f"  Word .docx              {docx_rate:7.0f}/s   target ≥ 200/s")
    print(f"  text PDF                {pdf_rate:7.0f}/s   target ≥ 200/s")

    # OCR of one A4 page at 200 dpi, beside reading the same page as a text PDF.
    one = replace(specs[2], sections=[("", "", specs[2].items[:3])])
    scan = S.write_scan(one, folder / "one-page-scan.pdf", seed=1)
    text_pdf = S.write_pdf(one, folder / "one-page.pdf")
    ocr_times, text_times = [], []
    for _ in range(1 if quick else 3):
        t = time.perf_counter()
        reading = read_directive(scan)
        ocr_times.append(time.perf_counter() - t)
        t = time.perf_counter()
        read_directive(text_pdf)
        text_times.append(time.perf_counter() - t)
    pages = reading.extracted.ocr.pages if reading.extracted.ocr else 0
    print(
        f"  OCR of one A4 page at 200 dpi: median {statistics.median(ocr_times):.2f} s "
        f"({pages} page, confidence {reading.extracted.ocr.mean_confidence:.0f}) "
        f"beside {statistics.median(text_times) * 1000:.1f} ms for the same page as a text PDF"
        f"   target ≤ 8 s"
    )

    # Fields right on the held-out set.
    held = [held_out(seed) for seed in range(n_files)]
    print("  fields right on a held-out set (other places, issuers, signers, subjects, tasks):")
    for kind, subset in (
        ("docx", held),
        ("pdf", held),
        ("scan", held[:n_scans]),
        ("photo", held[:n_photos]),
    ):
        right, total, wrong = _score(kind, subset, folder)
        worst = ", ".join(f"{k} {v}" for k, v in sorted(wrong.items(), key=lambda x: -x[1])[:4])
        print(
            f"    {kind:5} {len(subset):3} files: {right}/{total} = {100 * right / total:5.1f} %"
            f"   target ≥ 90 %" + (f"   (wrong: {worst})" if worst else "")
        )


if __name__ == "__main__":
    main()
