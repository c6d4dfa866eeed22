"""Lists exported by web systems as "Excel" (.xls) that are something else inside: an HTML
table (with or without ``<html>``, Excel's ``mso-number-format`` keeping the IDs' zeros),
Excel's "XML Spreadsheet 2003" (as Excel itself writes it: styles, a hidden sheet, title
cells merged across, a heading merged down, rows and cells placed by ``ss:Index``, IDs typed
as numbers that lost their zeros, a name in rich text, dates as DateTime) and comma-separated
text in Windows-1258. Each is read as what it is; everyone comes in, flagged where wrong.
Hostile ones (an entity bomb, an index a million rows down, a merge of a million cells,
binary bytes) are refused in plain words. And a spreadsheet or a Word table saved under
another kind's name (an .xlsx called ".xls") reads as what it is."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldapp.errors import UserMistake
from fieldapp.households.excel_import import read_roster
from fieldapp.households.workbook import MAX_XML_CELLS
from tests.core.households.test_import_unseen_lists import _cp1258
from tests.core.households.workbooks import TODAY

PEOPLE = [  # name, year, sex, ID as typed, relation, status
    ("Hoàng Văn Thắng", 1968, "Nam", "006068001234", "Chủ hộ", "F0"),
    ("Ma Thị Lan", 1972, "Nữ", "006172001235", "Vợ", "F1"),
    ("Hoàng Văn Pâu", 2010, "Nam", "", "Con", "F1"),
    ("Nông Văn Pản", 1955, "Nam", "006055009999", "Chủ hộ", ""),
    ("Nông Thị Slao", 1958, "Nữ", "006158001111", "Vợ", "F1"),
]


def _people(preview) -> list[tuple]:
    return sorted(
        (p.full_name, p.birth_year, p.sex, p.citizen_id, p.status, h.village)
        for h in preview.households
        for p in h.people
    )


EXPECTED = sorted(
    (name, year, "M" if sex == "Nam" else "F", cid or None, status, "Nà Pài")
    for name, year, sex, cid, _, status in PEOPLE
)


def _html(with_page: bool) -> str:
    rows = "".join(
        f"<tr><td>{i}</td><td>{n}</td><td>{y}</td><td>{s}</td>"
        f"<td style=\"mso-number-format:'\\@'\">{c}</td><td>{r}</td><td>{st}</td></tr>\n"
        for i, (n, y, s, c, r, st) in enumerate(PEOPLE, start=1)
    )
    table = (
        '<table border="1" cellspacing="0">\n'
        '<tr><td colspan="7" align="center"><b>DANH SÁCH F0, F1 THÔN NÀ PÀI</b></td></tr>\n'
        "<tr><th>STT</th><th>Họ và tên</th><th>Năm sinh</th><th>Giới tính</th>"
        "<th>Số CCCD</th><th>Quan hệ với chủ hộ</th><th>Tình trạng</th></tr>\n"
        f"{rows}</table>"
    )
    if not with_page:
        return '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n' + table
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:x="urn:schemas-microsoft-com:office:excel" '
        'xmlns="http://www.w3.org/TR/REC-html40">\n<head><meta http-equiv="Content-Type" '
        'content="text/html; charset=utf-8"><!--[if gte mso 9]><xml><x:ExcelWorkbook>'
        "<x:ExcelWorksheets><x:ExcelWorksheet><x:Name>DanhSach</x:Name></x:ExcelWorksheet>"
        "</x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head>\n<body>\n"
        f"{table}\n</body></html>"
    )


@pytest.mark.parametrize("with_page", [True, False], ids=["page", "table-only"])
def test_a_web_page_named_xls(tmp_path, with_page):
    path = tmp_path / "DanhSachF1.xls"
    path.write_text(_html(with_page), encoding="utf-8")
    preview = read_roster(path, today=TODAY)
    assert _people(preview) == EXPECTED and preview.rejected == []


def _cell(value, kind="String", **attrs) -> str:
    extra = "".join(f' ss:{k}="{v}"' for k, v in attrs.items())
    if value is None:
        return f"<Cell{extra}/>"
    return f'<Cell{extra}><Data ss:Type="{kind}">{value}</Data></Cell>'


def spreadsheet_xml(people=PEOPLE, *, extra_rows: str = "") -> str:
    """As Excel 2003 writes "XML Spreadsheet": properties, styles, the list's sheet, a hidden
    sheet with an old version, the heading "Năm sinh" merged across "Nam"/"Nữ" and the others
    merged down, a blank row skipped by ss:Index, a cell placed by ss:Index."""
    rows = []
    for i, (name, year, sex, cid, relation, status) in enumerate(people, start=1):
        cells = [_cell(i, "Number"), _cell(name)]
        if i == 2:  # rich text, as Excel writes a name with a bold family name
            cells[1] = (
                '<Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40">'
                f"<B>{name.split()[0]}</B> {' '.join(name.split()[1:])}</ss:Data></Cell>"
            )
        if sex == "Nam":
            cells.append(_cell(year, "Number"))
            years = [_cell(year, "Number"), None]
        else:
            years = [None, _cell(year, "Number")]
        cells = cells[:2] + [c or _cell(None) for c in years]
        # the ID typed as a number: its leading zeros lost, as in a spreadsheet
        cells.append(_cell(int(cid), "Number") if cid else _cell(None))
        cells.append(_cell(relation))
        if status:
            cells.append(_cell(status, Index=8))  # column G left empty: placed by ss:Index
        rows.append("<Row>" + "".join(cells) + "</Row>")
        if i == 3:
            rows.append('<Row ss:Index="{}"/>'.format(7 + i))  # noqa: UP032 - as Excel does
    body = "\n".join(rows)
    return f"""<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">
  <Author>Trạm Y tế xã</Author><Created>2021-08-03T07:12:00Z</Created><Version>11.9999</Version>
 </DocumentProperties>
 <Styles><Style ss:ID="Default" ss:Name="Normal"><Font ss:FontName="Times New Roman"/></Style>
  <Style ss:ID="s21"><Font ss:Bold="1"/></Style></Styles>
 <Worksheet ss:Name="Danh sách">
  <Table ss:ExpandedColumnCount="9" ss:ExpandedRowCount="40" x:FullColumns="1" x:FullRows="1">
   <Column ss:Width="30"/><Column ss:Width="150"/>
   <Row><Cell ss:MergeAcross="8" ss:StyleID="s21"><Data ss:Type="String">DANH SÁCH HỘ GIA ĐÌNH
    THÔN NÀ PÀI</Data></Cell></Row>
   <Row ss:Index="3">{_cell("STT", MergeDown=1)}{_cell("Họ và tên", MergeDown=1)}{
        _cell("Năm sinh", MergeAcross=1)
    }{_cell("Số CCCD/CMND", MergeDown=1)}{_cell("Quan hệ với chủ hộ", MergeDown=1)}{
        _cell("Ghi chú", MergeDown=1)
    }{_cell("Tình trạng", MergeDown=1)}</Row>
   <Row>{_cell("Nam", Index=3)}{_cell("Nữ")}</Row>
{body}
{extra_rows}
   <Row><Cell ss:Index="2"><Data ss:Type="String">Cộng: 2 hộ, 5 nhân khẩu</Data></Cell></Row>
  </Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Selected/>
  </WorksheetOptions>
 </Worksheet>
 <Worksheet ss:Name="Bản cũ">
  <Table><Row>{_cell("Họ và tên")}</Row><Row>{_cell("Người Cũ Đã Chuyển Đi")}</Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">
   <Visible>SheetHidden</Visible></WorksheetOptions>
 </Worksheet>
</Workbook>
"""


def test_excel_xml_spreadsheet_2003_named_xls(tmp_path):
    path = tmp_path / "DanhSach.xls"
    path.write_text(spreadsheet_xml(), encoding="utf-8")
    preview = read_roster(path, today=TODAY)
    assert [(s.name, s.people, s.skipped != "") for s in preview.sheets] == [
        ("Danh sách", 5, False),
        ("Bản cũ", 0, True),  # hidden: not read
    ]
    assert _people(preview) == EXPECTED, preview.warnings
    assert preview.rejected == []
    rows = {r.name: r.row for r in preview.rows if r.name}
    assert rows["Hoàng Văn Thắng"] == 5 and rows["Nông Văn Pản"] == 11  # Excel's row numbers
    assert "DANH SÁCH" not in " ".join(p[0] for p in _people(preview))


def test_comma_separated_text_named_xls_in_windows_1258(tmp_path):
    lines = ["STT,Họ và tên,Năm sinh,Giới tính,Số CCCD,Quan hệ với chủ hộ,Tình trạng"]
    lines += [
        f"{i},{n},{y},{s},{c},{r},{st}" for i, (n, y, s, c, r, st) in enumerate(PEOPLE, start=1)
    ]
    path = tmp_path / "thon-na-pai.xls"
    path.write_bytes(_cp1258("\r\n".join(lines) + "\r\n"))
    preview = read_roster(path, today=TODAY)
    assert [p[:5] for p in _people(preview)] == [p[:5] for p in EXPECTED]


def _refused(path, *words):
    with pytest.raises(UserMistake) as err:
        read_roster(path, today=TODAY)
    for word in (*words, "Không có gì được ghi"):
        assert word in str(err.value), str(err.value)


def test_hostile_files_named_xls_are_refused(tmp_path):
    bomb = tmp_path / "bomb.xls"
    laughs = "".join(
        f'<!ENTITY l{i} "{"&l" + str(i - 1) + ";" if i else "ha"}' * 10 + '">' for i in range(9)
    )
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE Workbook [' + laughs + "]>\n"
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
        "<Row><Cell><Data>&l8;</Data></Cell></Row></Table></Worksheet></Workbook>",
        encoding="utf-8",
    )
    _refused(bomb, "DOCTYPE")
    far = tmp_path / "far.xls"
    far.write_text(spreadsheet_xml(extra_rows='<Row ss:Index="99999999"/>'), encoding="utf-8")
    _refused(far, "bị hỏng")
    wide = tmp_path / "wide.xls"
    merge = '<Row><Cell ss:MergeAcross="16000"><Data ss:Type="String">x</Data></Cell></Row>'
    wide.write_text(
        spreadsheet_xml(extra_rows=merge * (MAX_XML_CELLS // 16000 + 2)), encoding="utf-8"
    )
    _refused(wide, "quá nhiều ô")
    cut = tmp_path / "cut.xls"
    cut.write_text(spreadsheet_xml()[:2000], encoding="utf-8")
    _refused(cut, "bị hỏng")
    binary = tmp_path / "binary.xls"
    binary.write_bytes(bytes(range(256)) * 40)
    _refused(binary, "không phải tệp bảng tính")


SHEETS = Path(__file__).resolve().parent


@pytest.mark.parametrize(
    "source, name",
    [
        ("pdf/khuoi-ky.xlsx", "khuoi-ky.xls"),  # an .xlsx saved under the old name
        ("misnamed/khuoi-ky.xls", "khuoi-ky.xlsx"),
        ("misnamed/khuoi-ky.ods", "khuoi-ky.xlsx"),
        ("misnamed/khuoi-ky.ods", "khuoi-ky.xls"),
        ("misnamed/khuoi-ky.xls", "khuoi-ky.ods"),
    ],
)
def test_a_spreadsheet_under_another_spreadsheets_name_reads_the_same(tmp_path, source, name):
    same = read_roster(SHEETS / "pdf/khuoi-ky.xlsx", today=TODAY)
    path = tmp_path / name
    shutil.copyfile(SHEETS / source, path)
    preview = read_roster(path, today=TODAY)
    assert len(_people(preview)) == 65
    assert _people(preview) == _people(same)


@pytest.mark.parametrize(
    "source, name",
    [("word/ds-na-pai.doc", "ds.xls"), ("word/ds-na-pai.odt", "ds.xlsx"), ("docx", "ds.xls")],
)
def test_a_word_list_sent_as_xls_is_read_as_the_word_table_it_is(tmp_path, source, name):
    from tests.core.households.test_word_lists import write_docx

    path = tmp_path / name
    if source == "docx":
        write_docx(path)
    else:
        shutil.copyfile(SHEETS / source, path)
    preview = read_roster(path, today=TODAY)
    assert [(s.name, s.households, s.people) for s in preview.sheets] == [("Bảng 1", 3, 8)]
