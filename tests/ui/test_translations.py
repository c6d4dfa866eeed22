"""Every user-visible string has its Vietnamese translation, and the shipped .qm files are current."""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QMessageBox,
)

from ui.i18n import DOMAINS, install_language, qm_path, run_lrelease, run_lupdate, source_files
from ui.i18n import ts_path as domain_ts
from ui.main_window import PAGE_KEYS, MainWindow

ACTIVE_DOMAINS = [d for d in DOMAINS if source_files(d)]


def messages(ts_path):
    out = {}
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            out[(name, msg.findtext("source"))] = (tr.text or "", tr.get("type"))
    return out


@pytest.mark.parametrize("domain", ACTIVE_DOMAINS)
def test_every_source_string_has_a_vietnamese_translation(tmp_path, domain):
    ts = domain_ts(domain)
    assert ts.exists(), f"run `python -m ui.i18n {domain}`"
    fresh = tmp_path / "fresh.ts"
    fresh.write_bytes(ts.read_bytes())
    run_lupdate(fresh, domain)  # what the code says today, merged into the committed file
    found = messages(fresh)
    untranslated = [
        key for key, (text, kind) in found.items() if not text.strip() or kind == "unfinished"
    ]
    assert untranslated == [], f"no Vietnamese for: {untranslated}"
    assert set(found) == set(messages(ts)), f"run `python -m ui.i18n {domain}` to update the .ts"


@pytest.mark.parametrize("domain", ACTIVE_DOMAINS)
def test_shipped_qm_is_built_from_the_ts(tmp_path, domain):
    built = tmp_path / "vi.qm"
    run_lrelease(domain_ts(domain), built)
    assert built.read_bytes() == qm_path(domain).read_bytes()


def test_each_source_belongs_to_exactly_one_domain():
    counted = sum(len(source_files(d)) for d in DOMAINS)
    from ui.i18n import _all_sources

    assert counted == len(_all_sources())


def test_no_english_source_string_shows_in_the_vietnamese_window(qtbot, demo_db):
    sources = set()
    for domain in ACTIVE_DOMAINS:
        sources |= {source for (_ctx, source) in messages(domain_ts(domain))}
    same_in_both = {"OK"}
    install_language("vi")
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    shown = []
    for key in PAGE_KEYS:
        window.show_page(key)
        page = window.stack.currentWidget()
        shown += [w.text() for w in page.findChildren(QLabel)]
        shown += [w.text() for w in page.findChildren(QAbstractButton)]
        shown += [w.title() for w in page.findChildren(QGroupBox)]
    shown += [window.nav.item(i).text() for i in range(window.nav.count())]
    leaked = [text for text in shown if text in sources and text not in same_in_both]
    assert leaked == []
    assert len(shown) > 30


# --- Qt's own strings, one spelling, a language switch everywhere at once ----------------------

OLD_STYLE_TONE = re.compile(r"(?<![qQ])(?:o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])(?!\w)", re.IGNORECASE)


def test_one_spelling_convention_in_every_translation():
    """ "Hủy", "Xóa", "hòa", "thúy": the tone on the first vowel of an open oa/oe/uy syllable."""
    from ui.i18n import TRANSLATIONS

    found = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        for context in ET.parse(ts).getroot().iter("context"):
            for msg in context.iter("message"):
                text = unicodedata.normalize("NFC", msg.findtext("translation") or "")
                found += [(ts.name, m.group(0), text) for m in OLD_STYLE_TONE.finditer(text)]
    assert found == []


@pytest.mark.parametrize("word", ["Huỷ", "Xoá", "hoà", "thuý", "khoẻ", "Hoà"])
def test_the_spelling_check_catches_the_other_style(word):
    assert OLD_STYLE_TONE.search(word)


@pytest.mark.parametrize("word", ["Hủy", "Xóa", "hòa", "thúy", "Hoàng", "khoảng", "quý", "Quý"])
def test_the_spelling_check_lets_the_convention_pass(word):
    assert not OLD_STYLE_TONE.search(word)


def test_message_box_details_button_is_vietnamese(qtbot):
    install_language("vi")
    box = QMessageBox(QMessageBox.Icon.Warning, "fieldapp", "Lỗi", QMessageBox.StandardButton.Ok)
    box.setDetailedText("chi tiết")
    qtbot.addWidget(box)
    box.show()
    texts = [b.text() for b in box.findChildren(QAbstractButton)]
    assert any(t.startswith("Xem chi tiết") for t in texts), texts
    assert not any("Details" in t or t == "OK" for t in texts), texts


def test_print_preview_tool_buttons_are_vietnamese(qtbot):
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    install_language("vi")
    dialog = QPrintPreviewDialog()
    qtbot.addWidget(dialog)
    shown = [a.toolTip() or a.text() for a in dialog.findChildren(QAction) if a.text()]
    assert "Trang sau" in shown and "Phóng to" in shown
    english = {"Next page", "Previous page", "Zoom in", "Zoom out", "Fit width", "Print"}
    assert english.isdisjoint(shown)


def test_standard_buttons_follow_the_language(qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    install_language("vi")
    qtbot.waitUntil(lambda: box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy")
    install_language("en")
    try:
        qtbot.waitUntil(
            lambda: box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
        )
    finally:
        install_language("vi")


def test_a_language_switch_changes_every_built_page_at_once(qtbot, demo_db):
    """Switch from Settings; every page already built speaks English, without being shown."""
    install_language("vi")
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    for key in PAGE_KEYS:
        window.show_page(key)
    before = {key: _texts(window.pages[key]) for key in PAGE_KEYS}
    settings = window.settings_page
    settings.language.setCurrentIndex(settings.language.findData("en"))
    try:
        qtbot.waitUntil(lambda: window.nav.item(0).text() == "Overview")
        QApplication.processEvents()  # every widget has had its LanguageChange event
        for key in PAGE_KEYS:
            after = _texts(window.pages[key])
            kept = [t for t in after if t in before[key] and _looks_vietnamese(t)]
            assert kept == [], f"{key} still shows Vietnamese after the switch: {kept[:5]}"
        window.show_page("overview")  # its table's cells too, not only its labels
        cells = _cells(window.pages["overview"])
        assert "In progress" in cells and "Đang làm" not in cells
        install_language("vi")  # while the overview is on screen: its table follows at once
        qtbot.waitUntil(lambda: "Đang làm" in _cells(window.pages["overview"]))
    finally:
        settings.language.setCurrentIndex(settings.language.findData("vi"))
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Tổng quan")


VIETNAMESE_ONLY = set("ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ")

# Texts that are data, not interface (names of people and places from the demo commune).
DATA_TEXT = re.compile(r"\d|Bằng Lãng|Chợ Đồn|Bắc Kạn|Hoàng|Nông|UBND|Ban Chỉ đạo|xã |huyện ")


def _looks_vietnamese(text: str) -> bool:
    return bool(VIETNAMESE_ONLY & set(text.lower())) and not DATA_TEXT.search(text)


def _texts(page) -> list[str]:
    out = [w.text() for w in page.findChildren(QLabel) if w.text()]
    out += [w.text() for w in page.findChildren(QAbstractButton) if w.text()]
    out += [w.title() for w in page.findChildren(QGroupBox) if w.title()]
    return out


def _cells(page) -> set[str]:
    from PySide6.QtWidgets import QAbstractItemView

    out = set()
    for view in page.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisible():
            continue
        for row in range(min(model.rowCount(), 50)):
            for column in range(model.columnCount()):
                value = model.index(row, column).data()
                if isinstance(value, str):
                    out.add(value)
    return out
