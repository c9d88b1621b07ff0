"""Alembic environment for the platform: always run on a connection handed in by
server/schema (under the schema lock of server/db.py), never from alembic.ini, so
`watchroom-server db ...`, the server and the tests agree. `metadata` is handed in
only to autogenerate a draft (server/schema/draft.py): an upgrade never reads the
live models, only the revisions."""

from alembic import context

config = context.config
context.configure(
    connection=config.attributes["connection"],
    target_metadata=config.attributes.get("metadata"),
    render_as_batch=True,  # SQLite alters a table by copying it: batch_alter_table in revisions
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
