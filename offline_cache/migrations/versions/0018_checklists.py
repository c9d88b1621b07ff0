"""Checklist steps (处置流程) of incidents' responses, as
offline_cache/checklist_schema.py models them.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-06
"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""CREATE TABLE checklist_steps (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, incident_id VARCHAR(36) NOT NULL,
        plan_id VARCHAR(36) NOT NULL, plan_version VARCHAR(32) NOT NULL, step_key VARCHAR(36) NOT NULL,
        parent_key VARCHAR(36) NOT NULL, phase VARCHAR(16) NOT NULL, position INTEGER NOT NULL,
        title VARCHAR(500) NOT NULL, responsible VARCHAR(100) NOT NULL, due_at VARCHAR(40) NOT NULL,
        state VARCHAR(16) NOT NULL, reason VARCHAR(300) NOT NULL, remark VARCHAR(1000) NOT NULL,
        action TEXT NOT NULL, action_done VARCHAR(200) NOT NULL, changed_by VARCHAR(100) NOT NULL, changed_at VARCHAR(40) NOT NULL,
        updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, updated_workstation VARCHAR(64) DEFAULT '' NOT NULL,
        updated_at VARCHAR(40) NOT NULL, version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_checklist_steps PRIMARY KEY (pk),
        CONSTRAINT uq_checklist_steps_id UNIQUE (id)
    )""")
    op.execute("CREATE INDEX ix_checklist_steps_incident ON checklist_steps (incident_id, position)")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS checklist_steps")
