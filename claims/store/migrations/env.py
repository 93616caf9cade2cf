"""Alembic's entry point for the store's migrations: run on the connection claims.store.migrate opened
(inside its transaction), never from an alembic.ini."""
from alembic import context

from claims.store.tables import metadata

connection = context.config.attributes["connection"]
# render_as_batch: SQLite changes a table by copying it, which Alembic's batch mode does for us
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
