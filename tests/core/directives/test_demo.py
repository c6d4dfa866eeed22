"""The demo commune's directive register: the three stored originals, routed and followed up."""

from __future__ import annotations

from sqlalchemy import select

from fieldapp.db.models import Document
from fieldapp.directives import register as reg
from tests.core.directives.conftest import fts_is_consistent


def test_demo_register_is_linked_to_the_stored_documents_and_looks_used(demo_db):
    rows = reg.list_directives(demo_db)
    assert len(rows) == 3
    with demo_db.session() as s:
        documents = {d.id: d.original_name for d in s.scalars(select(Document))}
    assert len(documents) == 3  # the demo's stored originals, not copies
    infos = [reg.get_directive(demo_db, r.id) for r in rows]
    assert {i.document.id for i in infos} == set(documents)
    assert all(i.routed_to and i.handling and i.arrival_number for i in infos)
    statuses = {item.status for i in infos for item in i.items}
    assert statuses == {"new", "in_progress", "done", "reported"}
    assert sum(len(item.notes) for i in infos for item in i.items) >= 8
    due = reg.items_due(demo_db)
    assert len(due.overdue) >= 2 and len(due.today) >= 2
    assert fts_is_consistent(demo_db)
