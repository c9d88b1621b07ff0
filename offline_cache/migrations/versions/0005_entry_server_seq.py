"""The platform's sequence number on timeline entries. A timeline is ordered by
it, not by the reporting site's clock (which may be skewed): entries the
platform has confirmed in its order, then this site's unconfirmed ones.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE entries ADD COLUMN server_seq INTEGER")
    op.execute("CREATE INDEX ix_entries_incident_server_seq ON entries (incident_pk, server_seq)")


def downgrade() -> None:
    op.execute("DROP INDEX ix_entries_incident_server_seq")
    op.execute("ALTER TABLE entries DROP COLUMN server_seq")
