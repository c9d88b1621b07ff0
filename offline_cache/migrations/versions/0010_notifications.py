"""Notifications (短信/语音通知) with each recipient's delivery status.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-22
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""CREATE TABLE notifications (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, incident_id VARCHAR(36) NOT NULL, channel VARCHAR(8) NOT NULL,
        text VARCHAR(500) NOT NULL, sender VARCHAR(100) NOT NULL, created_at VARCHAR(40) NOT NULL,
        recipients TEXT NOT NULL, gateway VARCHAR(40) NOT NULL, updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_notifications PRIMARY KEY (pk),
        CONSTRAINT uq_notifications_id UNIQUE (id)
    )""")
    op.execute("CREATE INDEX ix_notifications_incident ON notifications (incident_id, created_at)")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS notifications")
