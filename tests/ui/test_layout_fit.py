"""Every page fits a 1366×768 screen in Vietnamese and in English: no label, button or column
header is cut short. The widths are measured as Qt draws them (font metrics beside the room
the widget has), so a longer translation that would be clipped fails here first."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)

from ui.i18n import install_language
from ui.main_window import PAGE_KEYS, MainWindow

SCREEN = (1366, 768)
SLACK = 2  # pixels of rounding


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def clipped_labels(root: QWidget) -> list[str]:
    out = []
    for label in root.findChildren(QLabel):
        text = label.text()
        if not _shown(label) or not text or label.textFormat() == Qt.TextFormat.RichText:
            continue
        if "<" in text and ">" in text:
            continue  # rich text detected automatically
        room = label.contentsRect().width() - 2 * label.margin() - 2 * label.indent()
        metrics = label.fontMetrics()
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if needed > label.height() + SLACK:
                out.append(f"label (wrapped, {needed}>{label.height()} px high): {text[:60]!r}")
            continue
        widest = max(metrics.horizontalAdvance(line) for line in _plain(text).split("\n"))
        if widest > room + SLACK:
            out.append(f"label ({widest}>{room} px): {text[:60]!r}")
    return out


def clipped_buttons(root: QWidget) -> list[str]:
    out = []
    for button in root.findChildren(QAbstractButton):
        text = button.text()
        if not _shown(button) or not text or isinstance(button, QTabBar):
            continue
        if not isinstance(button, (QPushButton, QCheckBox, QRadioButton)):
            continue
        needed = button.sizeHint().width()
        if isinstance(button, QPushButton):
            option = QStyleOptionButton()
            button.initStyleOption(option)
            margin = button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button)
            needed = button.fontMetrics().horizontalAdvance(_plain(text)) + margin
            if not button.icon().isNull():
                needed += button.iconSize().width() + 4
        if needed > button.width() + SLACK:
            out.append(f"{type(button).__name__} ({needed}>{button.width()} px): {text!r}")
    return out


def clipped_headers(root: QWidget) -> list[str]:
    out = []
    for view in root.findChildren(QAbstractItemView):
        if not _shown(view) or view.model() is None:
            continue
        header = getattr(view, "horizontalHeader", lambda: None)()
        if not isinstance(header, QHeaderView) or not _shown(header):
            continue
        model = view.model()
        metrics = header.fontMetrics()
        for section in range(header.count()):
            if header.isSectionHidden(section) or header.sectionSize(section) <= 0:
                continue
            text = model.headerData(section, Qt.Orientation.Horizontal)
            if not text:
                continue
            needed = max(metrics.horizontalAdvance(line) for line in str(text).split("\n")) + 8
            if needed > header.sectionSize(section) + SLACK:
                out.append(f"column ({needed}>{header.sectionSize(section)} px): {text!r}")
    return out


def clipped_combos(root: QWidget) -> list[str]:
    out = []
    for combo in root.findChildren(QComboBox):
        text = combo.currentText()
        if not _shown(combo) or not text or combo.isEditable():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            combo,
        )
        needed = combo.fontMetrics().horizontalAdvance(text)
        if needed > field.width() + SLACK:
            out.append(f"choice ({needed}>{field.width()} px): {text!r}")
    return out


def clipped_tabs(root: QWidget) -> list[str]:
    out = []
    for bar in root.findChildren(QTabBar):
        if not _shown(bar):
            continue
        for index in range(bar.count()):
            if not bar.isTabVisible(index):
                continue
            text = _plain(bar.tabText(index))
            needed = bar.fontMetrics().horizontalAdvance(text)
            if needed > bar.tabRect(index).width() - 8 + SLACK:
                out.append(f"tab ({needed}>{bar.tabRect(index).width()} px): {text!r}")
    return out


def clipped(root: QWidget) -> list[str]:
    return (
        clipped_labels(root)
        + clipped_buttons(root)
        + clipped_headers(root)
        + clipped_combos(root)
        + clipped_tabs(root)
    )


@pytest.fixture(scope="module")
def window(qapp, tmp_path_factory):
    """One demo commune and one window for every page and language (the demo takes long)."""
    from fieldapp.config import resolve_paths
    from fieldapp.db.database import open_database
    from fieldapp.demo import create_demo

    paths = resolve_paths(tmp_path_factory.mktemp("fit") / "data")
    create_demo(paths)
    db = open_database(paths)
    win = MainWindow(db)
    win.resize(*SCREEN)
    win.show()
    yield win
    install_language("vi")
    win.close()
    win.deleteLater()
    QApplication.processEvents()
    db.close()


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("key", PAGE_KEYS)
def test_page_fits_the_screen(window, language, key):
    install_language(language)
    QApplication.processEvents()
    window.show_page(key)
    page = window.pages[key]
    for _ in range(3):  # layouts settle over a few turns
        QApplication.processEvents()
    assert window.width() <= SCREEN[0] and window.height() <= SCREEN[1]
    assert page.minimumSizeHint().width() <= window.stack.width() + SLACK
    assert clipped(page) == []


def test_the_check_sees_a_clipped_label(qtbot):
    label = QLabel("Số người đến trong ngày hôm nay tại chốt kiểm soát dịch")
    qtbot.addWidget(label)
    label.setFixedWidth(60)
    label.show()
    assert clipped_labels(label.parentWidget() or _wrap(qtbot, label))


def test_the_check_sees_a_clipped_button(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    button = QPushButton("Hoàn tác: sửa thông tin hộ gia đình số 12", holder)
    button.setFixedWidth(80)
    holder.show()
    assert clipped_buttons(holder)


def _wrap(qtbot, widget: QWidget) -> QWidget:
    holder = QWidget()
    qtbot.addWidget(holder)
    widget.setParent(holder)
    holder.show()
    return holder
