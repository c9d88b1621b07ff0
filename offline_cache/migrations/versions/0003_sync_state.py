"""Sync bookkeeping: a record key on outbox operations (per-record order) and
the change-feed cursor per platform cluster.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("record_key", sa.String(64), nullable=False, server_default=""))
        batch.add_column(sa.Column("sent_at", sa.String(32), nullable=True))
    # Entries belong to their incident's record: they follow its creation.
    op.execute(
        "UPDATE outbox SET record_key = CASE WHEN entity = 'entry' "
        "THEN json_extract(payload, '$.incident_id') ELSE entity_id END"
    )
    op.create_index("ix_outbox_record_key", "outbox", ["record_key", "seq"])
    op.create_table(
        "sync_cursors",
        sa.Column("cluster_id", sa.String(64), primary_key=True),
        sa.Column("after_seq", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.String(32), nullable=False),
        sa.Column("snapshot_done", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("snapshot_after_id", sa.String(64), nullable=True),
        sa.Column("snapshot_entity", sa.String(32), nullable=True),
        sa.Column("snapshot_as_of", sa.Integer, nullable=True),
    )


def downgrade() -> None:
    op.drop_table("sync_cursors")
    op.drop_index("ix_outbox_record_key", "outbox")
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("sent_at")
        batch.drop_column("record_key")
