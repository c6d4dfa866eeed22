"""The one read-only rows model (ui/widgets/rows_model.py): model tester, Vietnamese sort,
ids, colours; the tree variant; and no QTableWidget/QTreeWidget left in ui/."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ui.widgets.rows_model import ID_ROLE, Row, RowsModel, RowsTable, RowsTree, RowsTreeModel

UI = Path(__file__).resolve().parents[2] / "ui"


def people_rows() -> list[Row]:
    return [
        Row(["Nguyễn Văn Bình", "10", "03/12/2026"], id=1, sort={2: date(2026, 12, 3)}),
        Row(["Trần Thị An", "9", "01/01/2027"], id=2, sort={2: date(2027, 1, 1)}),
        Row(["Đặng Văn Đức", "100", ""], id=3, background=QColor("#fde2e1"), tooltip="trễ"),
        Row(["Lê Thị Dung", "", "02/12/2026"], id=4, sort={2: date(2026, 12, 2)}),
    ]


def test_model_passes_the_model_tester_and_sorts_vietnamese(qtmodeltester):
    model = RowsModel(["Họ tên", "Số", "Ngày"], name_columns=[0])
    model.set_rows(people_rows())
    qtmodeltester.check(model)
    model.sort(0)
    # given name first: An, Bình, Dung, Đức (đ after d)
    assert [model.text(r, 0) for r in range(4)] == [
        "Trần Thị An",
        "Nguyễn Văn Bình",
        "Lê Thị Dung",
        "Đặng Văn Đức",
    ]
    model.sort(1)
    assert [model.text(r, 1) for r in range(4)] == ["9", "10", "100", ""]  # by value, empty last
    model.sort(2, Qt.SortOrder.DescendingOrder)
    assert [model.row_id(r) for r in range(4)][:3] == [3, 2, 1] or model.row_id(0) == 2
    index = model.index(model.row_of(3), 1)
    assert index.data(ID_ROLE) == 3
    assert index.data(Qt.ItemDataRole.BackgroundRole).color() == QColor("#fde2e1")
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "trễ"
    model.set_headers(["Họ và tên", "Số", "Ngày"])
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Họ và tên"


def test_table_keeps_the_selected_row_and_reads_cells(qtbot):
    table = RowsTable(["Họ tên", "Số", "Ngày"], name_columns=[0], sortable=True)
    qtbot.addWidget(table)
    table.set_rows(people_rows())
    table.selectRow(table.rows_model.row_of(4))
    assert table.current_id() == 4
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert table.current_id() == 4 and table.item(table.currentRow(), 0).text() == "Lê Thị Dung"
    rows = people_rows()[:2]
    table.set_rows(rows + [Row(["Lê Thị Dung", "", ""], id=4)])
    assert table.current_id() == 4 and table.rowCount() == 3
    seen = []
    table.row_activated.connect(seen.append)
    table.show()
    qtbot.waitExposed(table)
    rect = table.visualRect(table.rows_model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert seen == [0]
    table.selectRow(2)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert seen == [0, 2]


def test_enter_goes_on_to_the_dialog_when_no_one_opens_rows(qtbot):
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    class Holder(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.keys: list[int] = []
            self.table = RowsTable(["Họ tên"], self)
            QVBoxLayout(self).addWidget(self.table)

        def keyPressEvent(self, event) -> None:  # noqa: N802
            self.keys.append(event.key())

    holder = Holder()
    qtbot.addWidget(holder)
    holder.table.set_rows(people_rows())
    holder.table.selectRow(0)
    qtbot.keyClick(holder.table, Qt.Key.Key_Return)
    assert holder.keys == [Qt.Key.Key_Return]  # e.g. the dialog's default button
    opened = []
    holder.table.row_activated.connect(opened.append)
    qtbot.keyClick(holder.table, Qt.Key.Key_Return)
    assert opened == [0] and holder.keys == [Qt.Key.Key_Return]


def test_tree_model_passes_the_model_tester(qtmodeltester, qtbot):
    model = RowsTreeModel(["Hộ", "Ở", "Việc"])
    model.set_rows(
        [
            Row(["Hộ A", "Thôn 1", "2 người"], id=1, children=[Row(["Người 1", "", "F0"], id=11)]),
            Row(["Hộ B", "Thôn 2", ""], id=2),
        ]
    )
    qtmodeltester.check(model)
    tree = RowsTree(["Hộ", "Ở", "Việc"])
    qtbot.addWidget(tree)
    tree.set_rows(model.rows)
    child = tree.rows_model.index(0, 0, tree.rows_model.index(0, 0))
    assert child.data() == "Người 1" and tree.rows_model.row_at(child).id == 11


def test_no_qtablewidget_or_qtreewidget_is_built_in_ui():
    """Tables that show data use table models (issue 17 part 3): no item-based table or tree
    widget is imported or built anywhere in ui/ (names in code, not in comments)."""
    banned = {"QTableWidget", "QTableWidgetItem", "QTreeWidget", "QTreeWidgetItem"}
    used = []
    for path in sorted(UI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.Name):
                names = [node.id]
            elif isinstance(node, ast.Attribute):
                names = [node.attr]
            if banned & set(names):
                used.append(f"{path.relative_to(UI.parent)}:{node.lineno}")
    assert used == []
