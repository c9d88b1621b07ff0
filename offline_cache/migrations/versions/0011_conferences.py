"""Conferences (会商) with their participants and flags.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-22
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""CREATE TABLE conferences (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, incident_id VARCHAR(36) NOT NULL, title VARCHAR(200) NOT NULL,
        state VARCHAR(8) NOT NULL, opened_by VARCHAR(100) NOT NULL, opened_at VARCHAR(40) NOT NULL,
        closed_at VARCHAR(40) NOT NULL, participants TEXT NOT NULL, updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_conferences PRIMARY KEY (pk),
        CONSTRAINT uq_conferences_id UNIQUE (id)
    )""")
    op.execute("CREATE INDEX ix_conferences_incident ON conferences (incident_id)")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS conferences")
