"""Fixtures of the directive register tests: the corpus files and a snapshot of the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

import resources
from fieldapp.db.models import Document
from fieldapp.directives.models import Directive, DirectiveItem, ItemNote

CORPUS = Path(str(resources.path("demo", "directives")))
CORPUS_FILES = ("bac-kan-309-CV-TU.txt", "huyen-uy-235-CV-HU.txt", "dak-nong-cong-dien-khan.txt")
SYNTHETIC = Path(__file__).resolve().parent / "data"


def snapshot(db) -> tuple:
    """Everything an import may change: row counts, the search index, the stored files."""
    with db.session() as s:
        counts = tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (Directive, DirectiveItem, ItemNote, Document)
        )
    with db.engine.connect() as conn:
        fts = tuple(
            conn.exec_driver_sql(f"SELECT count(*) FROM {t}").scalar()
            for t in ("directive_fts_docsize", "directive_item_fts_docsize")
        )
    root = db.paths.documents
    files = tuple(sorted(p.name for p in root.rglob("*") if p.is_file())) if root.exists() else ()
    return counts, fts, files


def fts_is_consistent(db) -> bool:
    """FTS5's own check that the index matches the content tables."""
    with db.engine.begin() as conn:
        for table in ("directive_fts", "directive_item_fts"):
            conn.exec_driver_sql(f"INSERT INTO {table}({table}, rank) VALUES('integrity-check', 1)")
    return True


@pytest.fixture
def registered(db):
    """The three corpus directives imported into a fresh register; returns their ids."""
    from fieldapp.directives.register import import_file

    return [import_file(db, CORPUS / name).directive_id for name in CORPUS_FILES]
