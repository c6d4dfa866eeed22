"""Every user-visible string has its Vietnamese translation, and the shipped .qm is current."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

import resources
from ui.i18n import install_language, run_lrelease, run_lupdate
from ui.main_window import PAGE_KEYS, MainWindow

TS = resources.path("translations", "fieldapp_vi.ts")


def messages(ts_path):
    out = {}
    for context in ET.parse(ts_path).getroot().iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            out[(name, msg.findtext("source"))] = (tr.text or "", tr.get("type"))
    return out


def test_every_source_string_has_a_vietnamese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    fresh.write_bytes(TS.read_bytes())
    run_lupdate(fresh)  # what the code says today, merged into the committed file
    found = messages(fresh)
    untranslated = [
        key for key, (text, kind) in found.items() if not text.strip() or kind == "unfinished"
    ]
    assert untranslated == [], f"no Vietnamese for: {untranslated}"
    assert set(found) == set(messages(TS)), "run `python -m ui.i18n` to update the .ts"


def test_shipped_qm_is_built_from_the_ts(tmp_path):
    built = tmp_path / "vi.qm"
    run_lrelease(TS, built)
    assert built.read_bytes() == resources.path("translations", "fieldapp_vi.qm").read_bytes()


def test_no_english_source_string_shows_in_the_vietnamese_window(qtbot, demo_db):
    sources = {source for (_ctx, source) in messages(TS)}
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
