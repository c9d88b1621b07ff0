"""Alembic environment for the mirror: always run on a connection handed in by
offline_cache.database, never from alembic.ini, so the CLI and the app agree."""

from alembic import context

from offline_cache import (
    checklist_schema,  # noqa: F401 - checklist steps (migration 0018)
    duty_schema,  # noqa: F401 - the duty tables (migration 0015)
    feed_gaps_schema,  # noqa: F401 - telemetry a coalesced feed skipped (migration 0023)
    monitoring_schema,  # noqa: F401 - stations, readings and alarms (migration 0022)
    plans_schema,  # noqa: F401 - the plans and responses (migration 0017)
    positions_schema,  # noqa: F401 - live positions (migration 0022)
)
from offline_cache.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
