"""A long Resolution 68 support list, read back from the PDF (``pdftotext``), not from the code:
a household never split across a page break, the head's line first, and the figures printed
(each person, each household, the overall total, "Bằng chữ") equal to the JSON of
``fieldapp household print support68 --json``."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import unicodedata
from datetime import date, timedelta
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.households.demo import generate_households
from fieldapp.households.excel_import import ImportPreview, apply_import
from fieldapp.households.number_words import money, money_words
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    add_area,
    add_household,
    change_status,
    household_detail,
)
from fieldapp.profile import Profile, save_profile

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")

AREA = "Khu phong tỏa Bản Lác"
TODAY = date.today()
START, END = TODAY - timedelta(days=45), TODAY
MONEY = re.compile(r"^\d{1,3}(?:\.\d{3})*$")


def _pages(pdf: Path) -> list[list[str]]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return [page.splitlines() for page in out.stdout.decode("utf-8").split("\f")]


@pytest.fixture
def long_list(db):
    """An area of about 330 households, everyone F0 or F1 in the period: 40-odd pages. Messy
    on purpose: names typed decomposed (NFD), with '&' and '<', a name long enough to wrap,
    a household of fourteen people, isolations longer than the caps, people of unknown age."""
    save_profile(
        db,
        Profile(commune_name="Bằng Lãng", district_name="Chợ Đồn", province_name="Bắc Kạn",
                signer_name="Hoàng Văn Thắng"),
    )  # fmt: skip
    rng = random.Random(1468)
    area = add_area(db, AreaInput(name=AREA, started_on=TODAY - timedelta(days=60)))
    villages = ("Nà Pài", "Bản Lác", "Khuổi Cuộng", "Cốc Thử")
    generated = generate_households(rng, 320, villages, TODAY, id_share=0.7)
    for h in generated:
        for p in h.people:
            p.status, p.isolation = rng.choice((("F0", "home"), ("F1", "central"), ("F1", "home")))
            p.iso_start = TODAY - timedelta(days=rng.randint(1, 50))
            p.iso_end = p.iso_start + timedelta(days=rng.choice((7, 14, 21, 30, 60)))
    apply_import(db, ImportPreview("bulk", "", (), {}, generated, []), area)
    odd = [
        ("Bế Thị <Nhung> & con", 1960),
        (unicodedata.normalize("NFD", "Nguyễn Thị Hường"), 2012),
        ("Hoàng Lý Thị Phương Thảo Nguyên Ngọc Bích Diệp Hồng Nhung Thanh", None),
    ] + [(f"Ma Văn {g}", 2000 + k) for k, g in enumerate(
        ("An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hùng", "Khánh", "Lan", "Minh"))]  # fmt: skip
    hid = add_household(
        db,
        area,
        HouseholdInput(village="Bản Lác", house_number="12"),
        [MemberInput(n, birth_year=y, is_head=i == 0) for i, (n, y) in enumerate(odd)],
        today=TODAY,
    )
    for k, m in enumerate(household_detail(db, hid).members):
        change_status(db, m.id, "F0" if k % 2 else "F1", isolation="home",
                      start=TODAY - timedelta(days=40 + k), end=None)  # fmt: skip
    return db


def test_a_long_support_list_keeps_households_whole_and_its_totals(long_list, tmp_path, capsys):
    pdf = tmp_path / "ho-tro.pdf"
    argv = ["household", "print", "support68", "--area", AREA, "--from", START.isoformat(),
            "--to", END.isoformat(), "-o", str(pdf), "--json",
            "--data-dir", str(long_list.paths.data_dir)]  # fmt: skip
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    rows = result["rows"]
    assert len(rows) > 1000 and result["total"] == sum(r["total"] for r in rows)
    pages = _pages(pdf)
    assert len(pages) > 30

    person_totals: list[int] = []
    household_totals: list[int] = []
    open_household = False
    inside = 0  # the printed amounts of the household's people so far
    for n, page in enumerate(pages, start=1):
        table = [line.strip() for line in page if line.strip()]
        kinds = []
        for line in table:
            words = line.split()
            if line.startswith("Hộ "):
                kinds.append("head")
                assert not open_household, n
                open_household, inside = True, 0
            elif line.startswith("Cộng hộ"):
                kinds.append("total")
                household_totals.append(int(words[-1].replace(".", "")))
                # Each household's printed total is the sum of its people's.
                assert open_household and household_totals[-1] == inside, (n, line)
                open_household = False
            elif words[0].isdigit() and len(words) > 6 and MONEY.match(words[-1]):
                kinds.append("person")
                assert open_household, (n, line)
                person_totals.append(int(words[-1].replace(".", "")))
                inside += person_totals[-1]
        if not kinds:
            continue
        # A page of the list starts with a household's line and ends with a household's
        # total: no household runs over a page break.
        assert kinds[0] == "head", (n, table[:12])
        assert kinds[-1] == "total", (n, table[-12:])
    assert not open_household
    # Every row of the JSON is printed, with its amount, in the same order; the households'
    # totals make the overall total of the JSON.
    assert person_totals == [r["total"] for r in rows]
    assert len(household_totals) >= 320 and sum(household_totals) == result["total"]
    text = " ".join(" ".join(" ".join(p) for p in pages).split())
    assert f"tổng số tiền {money(result['total'])} đồng" in text
    words = money_words(result["total"])
    assert f"Bằng chữ: {words[:1].upper()}{words[1:]}" in text
    # The messy names print as typed, composed.
    assert "Bế Thị <Nhung> & con" in text and "Nguyễn Thị Hường" in text
    # Without --json: one line naming the paper, the resolution's symbol in its capitals.
    assert main([a for a in argv if a != "--json"]) == 0
    said = capsys.readouterr().out
    assert "Nghị quyết 68/NQ-CP" in said and f"({len(pages) - 1} trang)" in said, said
