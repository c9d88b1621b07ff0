"""Records from the platform this mirror could not use, kept with the reason
(a hostile record no longer stops the whole feed).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""CREATE TABLE refused_records (
        pk INTEGER NOT NULL, entity VARCHAR(32) NOT NULL, record_id VARCHAR(64) NOT NULL, seq INTEGER,
        reason VARCHAR(500) NOT NULL, received_at VARCHAR(32) NOT NULL,
        CONSTRAINT pk_refused_records PRIMARY KEY (pk)
    )""")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS refused_records")
