"""Issue 18 part 4: at a district the follow-up round sheet printed for one commune
('household followup --commune X -o F.pdf') holds that commune's people only and says so."""

# ruff: noqa: F811 - the district fixture is shared with test_district
from __future__ import annotations

import json

from pypdf import PdfReader

from fieldapp.cli import main
from tests.core.sync.test_district import district_world  # noqa: F401
from tests.core.test_official_pdf import page_texts


def test_the_round_sheet_of_one_commune(district_world, capsys, tmp_path):
    district, *_ = district_world
    data_dir = str(district.paths.data_dir)
    district.close()
    capsys.readouterr()
    assert main(["household", "followup", "--json", "--data-dir", data_dir]) == 0
    due = json.loads(capsys.readouterr().out)["due"]
    names = {p["commune"]: set() for p in due}
    for p in due:
        names[p["commune"]].add(p["name"])
    assert set(names) == {"xã Bằng Lãng", "xã Yên Thượng"}
    out = tmp_path / "yen-thuong.pdf"
    args = ["household", "followup", "--commune", "yen thuong", "-o", str(out)]
    assert main([*args, "--data-dir", data_dir]) == 0
    text = " ".join(page_texts(PdfReader(out)))
    assert "- xã Yên Thượng" in text  # the commune's name as known, not as typed
    assert all(name in text for name in names["xã Yên Thượng"])
    assert not any(name in text for name in names["xã Bằng Lãng"])
    everyone = tmp_path / "all.pdf"
    assert main(["household", "followup", "-o", str(everyone), "--data-dir", data_dir]) == 0
    text = " ".join(page_texts(PdfReader(everyone)))
    assert all(name in text for name in names["xã Bằng Lãng"] | names["xã Yên Thượng"])
