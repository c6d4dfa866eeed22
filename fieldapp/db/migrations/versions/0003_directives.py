"""Directive register: directives, their items, progress notes, search index.

On SQLite the search index is two FTS5 tables with external content (the ``search_text``
column, already folded by the app) kept in step by triggers, so every write path, including
a later sync, updates the index. Other databases search the same column with ``LIKE``.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from fieldapp.db.base import UTCDateTime
from fieldapp.db.ddl import sync_columns

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# FTS table, content table, indexed columns (the names are also in fieldapp.directives.models).
FTS_TABLES = (
    ("directive_fts", "directive", ("search_head", "search_text")),
    ("directive_item_fts", "directive_item", ("search_text",)),
)


def upgrade() -> None:
    op.create_table(
        "directive",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("number", sa.String(80), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("issuer", sa.String(255), nullable=False),
        sa.Column("issuer_parent", sa.String(255), nullable=False),
        sa.Column("place", sa.String(120), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("urgency", sa.String(20), nullable=False),
        sa.Column("secrecy", sa.String(20), nullable=False),
        sa.Column("signer", sa.String(120), nullable=False),
        sa.Column("signer_title", sa.String(120), nullable=False),
        sa.Column("signer_authority", sa.String(255), nullable=False),
        sa.Column("recipients", sa.JSON(), nullable=False),
        sa.Column("copies_to", sa.JSON(), nullable=False),
        sa.Column("references", sa.JSON(), nullable=False),
        sa.Column("full_text", sa.Text(), nullable=False),
        sa.Column("arrival_date", sa.Date(), nullable=True),
        sa.Column("arrival_year", sa.Integer(), nullable=True),
        sa.Column("arrival_number", sa.Integer(), nullable=True),
        sa.Column("routed_to", sa.String(255), nullable=False),
        sa.Column("handling", sa.Text(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("search_head", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        *sync_columns("directive"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name="fk_directive_document_id_document",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_directive_issued_on", "directive", ["issued_on"])
    op.create_index("ix_directive_arrival_year", "directive", ["arrival_year", "arrival_number"])

    op.create_table(
        "directive_item",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("directive_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("units", sa.JSON(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column("due_time", sa.String(5), nullable=False),
        sa.Column("recurrence", sa.String(60), nullable=False),
        sa.Column("responsible_unit", sa.String(200), nullable=False),
        sa.Column("responsible_person", sa.String(120), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_changed_at", UTCDateTime(), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        *sync_columns("directive_item"),
        sa.ForeignKeyConstraint(
            ["directive_id"],
            ["directive.id"],
            name="fk_directive_item_directive_id_directive",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_directive_item_directive_id", "directive_item", ["directive_id"])
    op.create_index("ix_directive_item_due_date", "directive_item", ["due_date"])
    op.create_index("ix_directive_item_status", "directive_item", ["status"])

    op.create_table(
        "directive_item_note",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("noted_on", sa.Date(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.String(120), nullable=False),
        *sync_columns("directive_item_note"),
        sa.ForeignKeyConstraint(
            ["item_id"],
            ["directive_item.id"],
            name="fk_directive_item_note_item_id_directive_item",
            ondelete="CASCADE",
        ),
    )
    op.create_index("ix_directive_item_note_item_id", "directive_item_note", ["item_id"])

    if op.get_bind().dialect.name == "sqlite":
        for fts, table, columns in FTS_TABLES:
            _create_fts(fts, table, columns)


def _create_fts(fts: str, table: str, columns: tuple[str, ...]) -> None:
    names = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    # Prefix indexes make "typed half-way" searches ("v", "tr") fast on a large register.
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {names} ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new}); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts, _table, _columns in FTS_TABLES:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    op.drop_table("directive_item_note")
    op.drop_table("directive_item")
    op.drop_table("directive")
