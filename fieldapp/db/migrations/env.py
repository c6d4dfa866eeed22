"""Alembic environment: always run on a connection that fieldapp hands over (one transaction)."""

from alembic import context

import fieldapp.db.models  # noqa: F401  (registers every table on the metadata)
from fieldapp.db.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("fieldapp migrations run through fieldapp.db.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: copy-and-move tables
    transaction_per_migration=False,
)
with context.begin_transaction():
    context.run_migrations()
