"""Indexes for speed at 200,000 people (issue 17).

Revision ID: 0017
Revises: 0016

- ``health_status``: by status and by isolation, so the daily report reads only the people
  who ever had F0/F1/F2 or an isolation, not the whole history.
- On SQLite, ``household_fts``: an FTS5 index over the folded search text of each household
  (``household.search_fold``, already folded by the app), with external content and kept in
  step by triggers, so every write path (the service, the Excel import, sync) keeps it
  right. It finds words by their start (only spaces separate words, as in the
  ``LIKE '% word%'`` it replaces); the household search asks it instead of scanning the
  table on every keystroke (fieldapp.households.listing). Digits (a piece of a phone or a
  citizen ID, matched anywhere) stay a scan of the column: a trigram index for them cost
  more on every write (2.4 s per 20,000 households imported) than the 25 ms scan it saves.
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# Kept equal to fieldapp.households.listing.TOKEN_CHARS (a test checks): every character of
# the folded text except spaces belongs to a word.
TOKEN_CHARS = "-/.,()#&+:;_!?@*%$[]{}<>=|~^'\"`\\–—…‘’“”«»·"
FTS_TABLES = (
    (
        "household_fts",
        "unicode61 remove_diacritics 0 tokenchars '" + TOKEN_CHARS.replace("'", "''") + "'",
        "'1 2 3'",
    ),
)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def upgrade() -> None:
    op.create_index("ix_health_status_status", "health_status", ["status", "member_id"])
    op.create_index(
        "ix_health_status_isolation", "health_status", ["isolation", "start", "member_id"]
    )
    if op.get_bind().dialect.name == "sqlite":
        for fts, tokenizer, prefix in FTS_TABLES:
            options = f", prefix={prefix}" if prefix else ""
            op.execute(
                f"CREATE VIRTUAL TABLE {fts} USING fts5(search_fold, content='household', "
                f"content_rowid='id', tokenize={_literal(tokenizer)}{options})"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_ai AFTER INSERT ON household BEGIN "
                f"INSERT INTO {fts}(rowid, search_fold) VALUES (new.id, new.search_fold); END"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_ad AFTER DELETE ON household BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, search_fold) "
                f"VALUES ('delete', old.id, old.search_fold); END"
            )
            op.execute(
                f"CREATE TRIGGER {fts}_au AFTER UPDATE OF search_fold ON household BEGIN "
                f"INSERT INTO {fts}({fts}, rowid, search_fold) "
                f"VALUES ('delete', old.id, old.search_fold); "
                f"INSERT INTO {fts}(rowid, search_fold) VALUES (new.id, new.search_fold); END"
            )
            op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts, _tokenizer, _prefix in FTS_TABLES:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    op.drop_index("ix_health_status_isolation", "health_status")
    op.drop_index("ix_health_status_status", "health_status")
