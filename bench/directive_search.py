"""Benchmark: full-text search over a register of 10,000 directives and 100,000 items.

Builds the register in a temporary data folder with bulk inserts (text made of sentences of
the real directives, so words have realistic frequencies), then times typical searches
through :func:`fieldapp.directives.search.search`, snippets included. Target: ≤ 50 ms.
Run with ``python -m bench directive_search``. Prints figures; asserts nothing.
"""

from __future__ import annotations

import random
import re
import statistics
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

import resources
from fieldapp.config import resolve_paths
from fieldapp.db.database import open_database
from fieldapp.directives import extract_text, parse_directive
from fieldapp.directives.models import Directive
from fieldapp.directives.search import search
from fieldapp.text.vietnamese import fold

ROOT = Path(__file__).resolve().parent.parent
SYNTHETIC = ROOT / "tests" / "core" / "directives" / "data"

QUERIES = (
    "phong toa",  # common words, prefix on the last
    "xét nghiệm nhanh",
    "cách ly tập trung",
    '"ai ở đâu ở đó"',  # a phrase
    "{number}",  # the number and symbol of a registered directive, as typed
    "Đảng ủy Công an",
    "hỏa tốc",
    "truy v",  # typed half-way
    "nà pài",  # rare words
    "báo cáo kết quả trước 16 giờ",
    "bon",  # a very short prefix
    "khong co tu nay",  # nothing found
)

ISSUERS = (
    "Tỉnh ủy Bắc Kạn",
    "Huyện ủy Chợ Đồn",
    "UBND tỉnh Bắc Kạn",
    "UBND huyện Chợ Đồn",
    "Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh",
    "Ban Chỉ đạo phòng, chống dịch Covid-19 huyện",
    "Sở Y tế",
)
KINDS = (("CV", "Công văn"), ("CĐ", "Công điện"), ("KH", "Kế hoạch"), ("TB", "Thông báo"))
PLACES = ("Nà Pài", "Bản Áng", "Nà Hin", "Khuổi Ó", "Pác Cáp", "Nà Bưa")


def _sentences() -> list[str]:
    files = sorted(Path(str(resources.path("demo", "directives"))).glob("*.txt"))
    files += sorted(SYNTHETIC.glob("*.txt"))
    out: list[str] = []
    for f in files:
        for item in parse_directive(extract_text(f)).items:
            out += [s.strip() for s in re.split(r"(?<=[.;])\s+", item.text) if len(s) > 30]
    return out


def build(db, n_directives: int = 10_000, items_each: int = 10, seed: int = 7) -> str:
    """Fill ``db``; return the number and symbol of one directive (to search for)."""
    rng = random.Random(seed)
    sentences = _sentences()
    now = "2021-09-01 00:00:00.000000"
    device = db.device_id
    directives, items = [], []
    item_id = 0
    start = date(2020, 1, 1)
    for d_id in range(1, n_directives + 1):
        code, kind = rng.choice(KINDS)
        issuer = rng.choice(ISSUERS)
        number = f"{rng.randint(1, 15000)}-{code}/{'TU' if 'ủy' in issuer else 'UBND'}"
        issued = start + timedelta(days=rng.randint(0, 700))
        subject = rng.choice(sentences)[:160]
        urgency = rng.choice(("", "", "", "Khẩn", "Thượng khẩn", "Hỏa tốc"))
        texts = []
        for k in range(1, items_each + 1):
            item_id += 1
            body = " ".join(rng.sample(sentences, 2))
            if rng.random() < 0.05:
                body += f" Báo cáo kết quả trước 16 giờ hằng ngày; chốt {rng.choice(PLACES)}."
            texts.append(f"{k}. {body}")
            unit = rng.choice(("Công an xã", "Trạm Y tế xã", "Đoàn Thanh niên", "Ban CHQS xã"))
            search_text = fold(f"{k}\n{body}\n{unit}")
            items.append(
                (item_id, d_id, k - 1, str(k), body, "[]", None, "", "", unit, "", "new",
                 None, search_text, str(uuid.uuid4()), now, now, device)
            )  # fmt: skip
        full = f"{issuer.upper()}\nSố {number}\nV/v {subject}\n" + "\n".join(texts)
        arrival = issued + timedelta(days=rng.randint(0, 5))
        d = Directive(number=number, kind=kind, issuer=issuer, subject=subject, urgency=urgency,
                      place="Bắc Kạn", full_text=full, recipients=[], references=[])  # fmt: skip
        head, body = d.compose_search_head(), d.compose_search_text()
        directives.append(
            (d_id, number, kind, issuer, "", "Bắc Kạn", issued.isoformat(), subject, urgency,
             "", "", "", "", "[]", "[]", "[]", full, arrival.isoformat(), arrival.year, d_id,
             "", "", None, head, body, str(uuid.uuid4()), now, now, device)
        )  # fmt: skip
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute("BEGIN")
        cur.executemany(
            "INSERT INTO directive (id, number, kind, issuer, issuer_parent, place, issued_on,"
            " subject, urgency, secrecy, signer, signer_title, signer_authority, recipients,"
            ' copies_to, "references", full_text, arrival_date, arrival_year, arrival_number,'
            " routed_to, handling, document_id, search_head, search_text, uuid, created_at,"
            " updated_at, device_id) VALUES (" + ",".join("?" * 29) + ")",
            directives,
        )
        cur.executemany(
            "INSERT INTO directive_item (id, directive_id, position, label, text, units,"
            " due_date, due_time, recurrence, responsible_unit, responsible_person, status,"
            " status_changed_at, search_text, uuid, created_at, updated_at, device_id)"
            " VALUES (" + ",".join("?" * 18) + ")",
            items,
        )
        cur.execute("COMMIT")
        cur.execute("INSERT INTO directive_fts(directive_fts) VALUES('optimize')")
        cur.execute("INSERT INTO directive_item_fts(directive_item_fts) VALUES('optimize')")
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        raw.close()
    return directives[n_directives // 2][1]


def main(n_directives: int = 10_000, items_each: int = 10, runs: int = 15) -> None:
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-") as tmp:
        db = open_database(resolve_paths(tmp))
        try:
            started = time.perf_counter()
            number = build(db, n_directives, items_each)
            built = time.perf_counter() - started
            size = sum(p.stat().st_size for p in Path(tmp).glob("fieldapp.sqlite3*")) / 2**20
            print(
                f"directive_search: {n_directives} directives, {n_directives * items_each} "
                f"items built in {built:.1f} s ({size:.0f} MB)"
            )
            all_times: list[float] = []
            for query in (q.format(number=number) for q in QUERIES):
                search(db, query)  # warm the page cache
                times = []
                for _ in range(runs):
                    t = time.perf_counter()
                    hits = search(db, query)
                    times.append((time.perf_counter() - t) * 1000)
                all_times += times
                print(
                    f"  {query!r:34} {len(hits):4} hits  median {statistics.median(times):5.1f} ms"
                    f"  worst {max(times):5.1f} ms"
                )
            print(
                f"  all queries: median {statistics.median(all_times):.1f} ms, "
                f"worst {max(all_times):.1f} ms (target ≤ 50 ms)"
            )
        finally:
            db.close()


if __name__ == "__main__":
    main()
