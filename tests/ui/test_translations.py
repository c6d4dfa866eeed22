"""Every user-visible string has its Vietnamese translation, and the shipped .qm files are current."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

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
