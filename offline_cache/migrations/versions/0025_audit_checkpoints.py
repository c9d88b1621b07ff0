"""The platform's signed audit checkpoints, as offline_cache/audit_schema.py models them.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06
"""

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""CREATE TABLE audit_checkpoints (
        cluster_id VARCHAR(64) NOT NULL, n INTEGER NOT NULL, seq INTEGER NOT NULL, hash VARCHAR(64) NOT NULL,
        at VARCHAR(40) NOT NULL, algorithm VARCHAR(16) NOT NULL, key_id VARCHAR(64) NOT NULL,
        signature TEXT NOT NULL, seen_at VARCHAR(40) NOT NULL,
        CONSTRAINT pk_audit_checkpoints PRIMARY KEY (cluster_id, n)
    )""")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS audit_checkpoints")
