"""Live positions (实时位置), as offline_cache/positions_schema.py models them.

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-06
"""

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""CREATE TABLE positions (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, source VARCHAR(8) NOT NULL, uid VARCHAR(120) NOT NULL,
        resource_id VARCHAR(36) NOT NULL, callsign VARCHAR(64) NOT NULL, cot_type VARCHAR(40) NOT NULL,
        lat FLOAT NOT NULL, lon FLOAT NOT NULL, speed FLOAT, course FLOAT,
        at VARCHAR(40) NOT NULL, stale VARCHAR(40) NOT NULL, track TEXT NOT NULL,
        reported_by_account VARCHAR(100) DEFAULT '' NOT NULL, reported_workstation VARCHAR(64) DEFAULT '' NOT NULL,
        updated_at VARCHAR(40) NOT NULL, version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_positions PRIMARY KEY (pk),
        CONSTRAINT uq_positions_id UNIQUE (id)
    )""")
    op.execute("CREATE INDEX ix_positions_resource ON positions (resource_id)")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS positions")
