"""Feed gaps (telemetry a coalesced page skipped, fetched later) and the alarm
pop-ups already shown on this workstation.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-06
"""

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""CREATE TABLE feed_gaps (
        entity VARCHAR(32) NOT NULL, source VARCHAR(64) NOT NULL, first_id VARCHAR(64) NOT NULL,
        last_id VARCHAR(64) NOT NULL, skipped INTEGER NOT NULL, noted_at VARCHAR(40) NOT NULL,
        CONSTRAINT pk_feed_gaps PRIMARY KEY (entity, source, first_id)
    )""")
    op.execute("""CREATE TABLE alarm_prompts (
        alarm_id VARCHAR(36) NOT NULL, colour VARCHAR(16) NOT NULL, shown_at VARCHAR(40) NOT NULL,
        CONSTRAINT pk_alarm_prompts PRIMARY KEY (alarm_id, colour)
    )""")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS alarm_prompts")
    op.execute("DROP TABLE IF EXISTS feed_gaps")
