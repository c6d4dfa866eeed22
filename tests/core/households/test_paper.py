"""The village paper: households whole on a page, head first, Vietnamese order by village,
messy names, masking, the test-round and relief lists, decisions and certificates, the CLI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import unicodedata
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.errors import NotFound, UserMistake
from fieldapp.households import paper
from fieldapp.households.service import (
    AreaInput,
    HouseholdInput,
    MemberInput,
    ReliefItem,
    add_area,
    add_household,
    add_test_round,
    change_status,
    household_detail,
    record_delivery,
    record_test_results,
)
from fieldapp.printing.official import render_many, render_pdf
from fieldapp.profile import Profile, save_profile

pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
TODAY = date(2021, 8, 20)


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8").split("\f")


@pytest.fixture
def commune(db):
    save_profile(
        db,
        Profile(commune_name="Bằng Lãng", district_name="Chợ Đồn", province_name="Bắc Kạn",
                signer_name="Hoàng Văn Thắng"),
    )  # fmt: skip
    return db


@pytest.fixture
def area(commune) -> int:
    return add_area(commune, AreaInput(name="Khu phong tỏa Nà Pài", started_on=TODAY))


def _add(db, area, village, head, *others, phone="0912345678", year=1970, house="") -> int:
    members = [MemberInput(head, birth_year=year, is_head=True, phone=phone)]
    members += [
        MemberInput(n, birth_year=2000 + i % 20, relation="Con") for i, n in enumerate(others)
    ]
    return add_household(
        db, area, HouseholdInput(village=village, house_number=house), members, today=TODAY
    )


GIVEN = ["An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hà", "Hùng", "Khánh", "Lan", "Minh",
         "Nga", "Oanh", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Uyên", "Vinh", "Xuân", "Yến"]  # fmt: skip


def tag(n: int) -> str:
    """A unique word without digits (names may not hold digits): "Qaa", "Qab", ..."""
    return "Q" + chr(97 + n // 26) + chr(97 + n % 26)


@pdftotext
def test_door_to_door_keeps_households_whole_in_village_order(commune, area, tmp_path) -> None:
    db = commune
    # 60 households of 3-7 people in two villages, typed in every order and in NFD.
    expected: dict[str, list[str]] = {}
    for n in range(60):
        village = nfd("Nà Pài") if n % 2 else "Bản Cuôn"
        head = f"{['Hoàng', 'Nông', 'Ma', 'Triệu'][n % 4]} Văn {tag(n)} {GIVEN[n % len(GIVEN)]}"
        others = [f"{head.split()[0]} Thị {tag(n)} {GIVEN[k]}" for k in range(2 + n % 5)]
        _add(db, area, village, nfd(head), *others, house=str(n))
        expected[head] = others
    # One household of 45 people cannot fit a page: it is cut between rows, nothing is lost.
    _add(db, area, "Bản Cuôn", "Lò Văn Đông Người", *[f"Lò Thị Cháu {tag(k)}" for k in range(44)])
    doc = paper.door_to_door_document(db, area, day=TODAY)
    path = tmp_path / "door.pdf"
    pages = render_pdf(doc, path)
    assert pages >= 4
    texts = page_texts(path)
    joined = "\n".join(texts)
    assert joined == unicodedata.normalize("NFC", joined)
    for head, others in expected.items():
        (where,) = [i for i, t in enumerate(texts) if head in t]  # printed once, NFC
        for name in others:
            assert name in texts[where], (head, name)  # members on the head's page
            assert texts[where].index(head) < texts[where].index(name)  # head first
    for k in range(44):
        assert f"Lò Thị Cháu {tag(k)}" in joined
    # Villages in Vietnamese order (B before N; "Bản" is already a unit, like "thôn"), heads by
    # given name inside a village.
    assert joined.index("BẢN CUÔN (31 hộ)") < joined.index("THÔN NÀ PÀI (30 hộ)")
    ban_cuon = joined[joined.index("BẢN CUÔN (31 hộ)") : joined.index("THÔN NÀ PÀI (30 hộ)")]
    heads = [h for h in expected if h in ban_cuon]
    positions = [ban_cuon.index(h) for h in heads]
    given = [h.split()[-1] for h in heads]
    from fieldapp.text.vietnamese import sort_key

    assert [g for _p, g in sorted(zip(positions, given, strict=True))] == sorted(
        given, key=sort_key
    )
    assert "Tổng cộng: 61 hộ" in joined


def test_one_village_and_unknown_village(commune, area) -> None:
    _add(commune, area, "Nà Pài", "Hà Văn Một")
    _add(commune, area, "Bản Cuôn", "Hà Văn Hai")
    rows, groups = paper.door_rows(commune, paper.area_people(commune, area, village="na pai"))
    assert [r[1].split("\n")[0] for r in rows] == ["Hà Văn Một"] and groups == [0]
    with pytest.raises(NotFound):
        paper.area_people(commune, area, village="Khuổi Kẹn")
    with pytest.raises(NotFound):
        paper.area_people(commune, 9999)


def test_roles_that_do_not_see_personal_data_get_masked_paper(commune, area) -> None:
    hid = _add(commune, area, "Nà Pài", "Hà Văn Mật", "Hà Thị Kín", phone="0987654321")
    member = household_detail(commune, hid).members[0].id
    change_status(commune, member, "F0", isolation="central", start=TODAY)
    full = paper.door_rows(commune, paper.area_people(commune, area))[0]
    assert full[0][6] == "0987654321" and full[0][4].startswith("F0")
    from fieldapp.accounts.permissions import Actor

    viewer = replace(commune, accounts_enabled=True, actor=Actor(1, "khach", "Khách", "viewer"))
    masked = paper.door_rows(viewer, paper.area_people(viewer, area))[0]
    assert masked[0][6].endswith("321") and "0987654321" not in masked[0][6]
    assert "F0" not in masked[0][4]


@pdftotext
def test_test_round_lists_results_the_missed_and_those_tested_elsewhere(
    commune, area, tmp_path
) -> None:
    db = commune
    a = _add(db, area, "Nà Pài", "Vi Văn Đã", "Vi Thị Chưa")
    b = _add(db, area, "Nà Pài", "Lý Văn Cách Ly")
    done, missed = (m.id for m in household_detail(db, a).members)
    away = household_detail(db, b).members[0].id
    change_status(db, away, "F1", isolation="central", start=TODAY - timedelta(days=2))
    rid = add_test_round(db, area, TODAY)
    record_test_results(db, rid, {done: "negative"})
    data = paper.test_round_paper(db, rid)
    assert [m.full_name for _h, m in data.missed] == ["Vi Thị Chưa"]
    assert [m.full_name for _h, m in data.tested_elsewhere] == ["Lý Văn Cách Ly"]
    path = tmp_path / "round.pdf"
    render_pdf(paper.test_round_document(db, rid), path)
    text = "\n".join(page_texts(path))
    assert "NGƯỜI CHƯA ĐƯỢC XÉT NGHIỆM (1 người)" in text and "Âm tính" in text
    with pytest.raises(NotFound):
        paper.test_round_document(db, 777)


@pdftotext
def test_test_round_list_keeps_each_household_on_one_page(commune, area, tmp_path) -> None:
    """40 households of 2-8 people: a page of the test-round list ends only between two
    households, so the health worker at a door has the whole family on one sheet."""
    db = commune
    size: dict[str, int] = {}  # the household's own word (in every member's name) -> people
    for n in range(40):
        head = f"{['Đàm', 'Nông', 'Lường'][n % 3]} Văn {tag(n)} {GIVEN[n % len(GIVEN)]}"
        others = [f"{head.split()[0]} Thị {tag(n)} {GIVEN[k]}" for k in range(1 + n % 7)]
        _add(db, area, "Nà Pài" if n % 2 else "Bản Cuôn", head, *others, house=str(n))
        size[tag(n)] = 1 + len(others)
    rid = add_test_round(db, area, TODAY)
    path = tmp_path / "round.pdf"
    assert render_pdf(paper.test_round_document(db, rid), path) >= 3
    pages = [t.split() for t in page_texts(path)]  # names wrap inside their cells
    for word, people in size.items():
        on = [i for i, words in enumerate(pages) if word in words]
        assert len(on) == 1, (word, on)  # the whole household on one page
        assert pages[on[0]].count(word) >= people  # every member printed there


@pdftotext
def test_relief_sheet_items_totals_and_hostile_text(commune, area, tmp_path) -> None:
    db = commune
    h1 = _add(db, area, "Nà Pài", "Đàm Văn <b>Lớn</b> & Co")
    h2 = _add(db, area, "Nà Pài", "Đàm Thị Nhỏ")
    _add(db, area, "Nà Pài", "Đàm Văn Chưa Nhận")
    record_delivery(db, h1, TODAY, [ReliefItem("Gạo", 10, "kg"), ReliefItem("Mì tôm", 1, "thùng")],
                    received_by="Đàm Văn Lớn")  # fmt: skip
    record_delivery(db, h2, TODAY, [ReliefItem(nfd("Gạo"), 15, "kg")])
    record_delivery(db, h2, TODAY - timedelta(days=1), [ReliefItem("Trứng", 30, "quả")])
    path = tmp_path / "relief.pdf"
    render_pdf(paper.relief_document(db, area, TODAY), path)
    text = "\n".join(page_texts(path))
    assert "Đàm Văn <b>Lớn</b> & Co" in text  # printed as typed, not as markup
    assert "Gạo 25 kg" in " ".join(text.split()) and "Trứng" not in text  # that day only
    assert "Số hộ đã nhận: 2/3 hộ" in text


def test_decisions_and_certificates(commune, area, tmp_path) -> None:
    db = commune
    hid = _add(db, area, "Nà Pài", "Sầm Văn Xong", "Sầm Thị Đang", "Sầm Văn Không")
    done, ongoing, nothing = (m.id for m in household_detail(db, hid).members)
    change_status(
        db,
        done,
        "F1",
        isolation="home",
        start=TODAY - timedelta(days=20),
        end=TODAY - timedelta(days=6),
    )
    change_status(
        db,
        ongoing,
        "F0",
        isolation="central",
        start=TODAY - timedelta(days=3),
        end=TODAY + timedelta(days=11),
    )
    # One person: a decision, and a certificate once the isolation is over.
    (decision,) = paper.isolation_decisions(db, person=done)
    assert decision.number == "Số:      /QĐ-UBND" and decision.signature.lines() == ["CHỦ TỊCH"]
    (cert,) = paper.completion_certificates(db, person=done, today=TODAY)
    assert cert.title == "GIẤY XÁC NHẬN"
    with pytest.raises(UserMistake, match="chưa hoàn thành") as err:
        paper.completion_certificates(db, person=ongoing, today=TODAY)
    assert "Sầm" not in str(err.value)  # no name beside health data in a message
    with pytest.raises(NotFound):
        paper.isolation_decisions(db, person=nothing)
    # An area: decisions for those in isolation on the day, certificates for those done.
    decisions = paper.isolation_decisions(db, area_id=area, current_on=TODAY)
    assert [d.subject.rsplit(" ", 3)[-3:] for d in decisions] == [["Sầm", "Thị", "Đang"]]
    certs = paper.completion_certificates(db, area_id=area, today=TODAY)
    assert len(certs) == 1
    docs = paper.isolation_decisions(db, area_id=area, current_on=TODAY - timedelta(days=10))
    assert render_many(docs, tmp_path / "many.pdf") == len(docs)  # one page each
    with pytest.raises(UserMistake):
        paper.build_papers(db, paper.PaperRequest("isolation-decision"))


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_prints_every_paper_and_refuses_mistakes(commune, area, tmp_path, capsys) -> None:
    db = commune
    data = str(db.paths.data_dir)
    hid = _add(db, area, "Nà Pài", "Ma Văn Dân", "Ma Thị Bé")
    head, child = (m.id for m in household_detail(db, hid).members)
    change_status(
        db, child, "F1", isolation="central", start=date(2021, 8, 1), end=date(2021, 8, 15)
    )
    home = _add(db, area, "Nà Pài", "Hà Thị Nhà")  # isolated at home now (the CLI's today)
    change_status(db, household_detail(db, home).members[0].id, "F1", isolation="home",
                  start=date.today() - timedelta(days=3))  # fmt: skip
    rid = add_test_round(db, area, TODAY)
    record_delivery(db, hid, TODAY, [ReliefItem("Gạo", 10, "kg")])
    out = tmp_path / "out"
    out.mkdir()
    papers = (
        ["door-to-door", "--area", "khu phong toa na pai"],
        ["door-to-door", "--area", "Khu phong tỏa Nà Pài", "--village", "Nà Pài"],
        ["test-round", str(rid)],
        ["relief", "--area", "Khu phong tỏa Nà Pài", "--date", "2021-08-20"],
        ["isolation-decision", str(child)],
        ["isolation-decision", "--area", "Khu phong tỏa Nà Pài"],
        ["isolation-certificate", str(child)],
        ["isolation-certificate", "--area", "Khu phong tỏa Nà Pài"],
    )
    for i, argv in enumerate(papers):
        target = out / f"{i}-{argv[0]}.pdf"
        code, text, err = run(
            capsys, "household", "print", *argv, "-o", str(target), "--data-dir", data
        )
        assert code == 0, (argv, err)
        assert target.read_bytes().startswith(b"%PDF") and "trang" in text
    target = out / "s68.pdf"
    code, text, _ = run(
        capsys, "household", "print", "support68", "--area", "Khu phong tỏa Nà Pài",
        "--from", "2021-08-01", "--to", "2021-08-31", "-o", str(target), "--json", "--data-dir", data,
    )  # fmt: skip
    assert code == 0
    result = json.loads(text)
    assert result == {
        "rows": [{"person": "Ma Thị Bé", "household": "Ma Văn Dân", "kind": "F1", "days": 14,
                  "food": 1_120_000, "child": 0, "total": 1_120_000}],
        "total": 1_120_000,
    }  # fmt: skip
    assert target.exists()
    # Mistakes: one line, non-zero, no file and no half file left.
    bad = out / "bad.pdf"
    for argv in (
        [
            "support68",
            "--area",
            "Khu phong tỏa Nà Pài",
            "--from",
            "2021-08-31",
            "--to",
            "2021-08-01",
        ],
        [
            "support68",
            "--area",
            "Khu phong tỏa Nà Pài",
            "--from",
            "31/13/2021",
            "--to",
            "2021-08-01",
        ],
        ["relief", "--area", "Không Có", "--date", "2021-08-20"],
        ["test-round", "999"],
        ["isolation-decision", str(head), "--area", "Khu phong tỏa Nà Pài"],
        ["isolation-certificate", str(head)],
    ):
        code, _text, err = run(
            capsys, "household", "print", *argv, "-o", str(bad), "--data-dir", data
        )
        assert code != 0 and err.strip() and len(err.strip().splitlines()) == 1, (argv, err)
        assert "Traceback" not in err
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{i}-{argv[0]}.pdf" for i, argv in enumerate(papers)] + ["s68.pdf"]
    )
    code, _t, err = run(capsys, "household", "print", "door-to-door", "--area", "Khu phong tỏa Nà Pài",
                        "-o", str(out / "list.txt"), "--data-dir", data)  # fmt: skip
    assert code == 2 and ".pdf" in err


def test_profile_signing_lines_from_the_cli(commune, capsys) -> None:
    data = str(commune.paths.data_dir)
    code, _o, _e = run(
        capsys, "profile", "set", "--signing-line", "TM. ỦY BAN NHÂN DÂN", "--signing-line",
        "KT. CHỦ TỊCH", "--signing-line", "PHÓ CHỦ TỊCH", "--data-dir", data,
    )  # fmt: skip
    assert code == 0
    code, out, _e = run(capsys, "profile", "show", "--json", "--data-dir", data)
    shown = json.loads(out)
    assert shown["signer_authority"] == "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    assert shown["signer_title"] == "PHÓ CHỦ TỊCH"
    code, _o, err = run(capsys, "profile", "set", *["--signing-line", "X"] * 4, "--data-dir", data)
    assert code == 2 and "1 đến 3 dòng" in err


def test_times_new_roman_is_used_when_installed(tmp_path) -> None:
    import resources
    from fieldapp.printing.fonts import find_times_new_roman

    fonts = tmp_path / "Windows" / "Fonts"
    fonts.mkdir(parents=True)
    for ours, theirs in (("Regular", "times.ttf"), ("Bold", "TIMESBD.TTF"),
                         ("Italic", "timesi.ttf"), ("BoldItalic", "timesbi.ttf")):  # fmt: skip
        shutil.copy(resources.path("fonts", f"LiberationSerif-{ours}.ttf"), fonts / theirs)
    found = find_times_new_roman([tmp_path / "nothing", tmp_path / "Windows"])
    assert found is not None and found["LiberationSerif-Bold"].name == "TIMESBD.TTF"
    (fonts / "timesbi.ttf").unlink()  # three faces of four: not enough
    assert find_times_new_roman([tmp_path]) is None
    shutil.copy(resources.path("fonts", "LiberationSerif-BoldItalic.ttf"), fonts / "timesbi.ttf")
    probe = "from fieldapp.printing.fonts import font_in_use; print(font_in_use())"
    env = {k: v for k, v in os.environ.items() if k != "FIELDAPP_FONT"}  # tests set it
    env["FIELDAPP_FONT_DIRS"] = str(tmp_path)
    run_probe = lambda e: subprocess.run([sys.executable, "-c", probe], env=e, capture_output=True,  # noqa: E731
                                         text=True, check=True).stdout.strip()  # fmt: skip
    assert run_probe(env) == "Times New Roman"
    assert run_probe(dict(env, FIELDAPP_FONT="liberation")) == "Liberation Serif"
    (fonts / "times.ttf").write_bytes(b"not a font")  # a damaged file: the bundled font
    assert run_probe(env) == "Liberation Serif"
    assert run_probe(dict(env, FIELDAPP_FONT_DIRS=str(tmp_path / "none"))) == "Liberation Serif"


def test_a_cancelled_print_leaves_no_file(commune, area, tmp_path) -> None:
    from fieldapp.errors import Cancelled
    from fieldapp.progress import Progress

    for n in range(40):
        _add(
            commune, area, "Nà Pài", f"Hoàng Văn {tag(n)} {GIVEN[n % len(GIVEN)]}", "Hoàng Thị Con"
        )
    seen: list[int] = []
    progress = Progress(
        lambda done, _total, label: seen.append(done) if label.startswith("Trang") else None
    )

    def cancel_on_page_two(done: int, _total, label: str) -> None:
        if label.startswith("Trang") and done >= 2:
            progress.cancel()

    progress._on_update = cancel_on_page_two  # the user presses Cancel while page 2 is laid out
    out = tmp_path / "out"
    out.mkdir()
    target = out / "door.pdf"
    with pytest.raises(Cancelled):
        paper.write_papers(
            commune, paper.PaperRequest("door-to-door", area_id=area), target, progress
        )
    assert list(out.iterdir()) == []  # neither the PDF nor a half-written part
    assert (
        paper.write_papers(commune, paper.PaperRequest("door-to-door", area_id=area), target) >= 3
    )
