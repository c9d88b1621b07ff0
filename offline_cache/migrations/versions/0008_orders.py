"""Dispatch orders (调度指令): one row per order with the time of each step.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE orders (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, incident_id VARCHAR(36) NOT NULL,
        target_kind VARCHAR(16) NOT NULL, target_id VARCHAR(64) NOT NULL, target_name VARCHAR(200) NOT NULL,
        content TEXT NOT NULL, priority VARCHAR(16) NOT NULL, required_arrival VARCHAR(40) NOT NULL,
        ack_deadline VARCHAR(40) NOT NULL, status VARCHAR(16) NOT NULL, issued_by VARCHAR(100) NOT NULL,
        issued_at VARCHAR(40) NOT NULL, acknowledged_at VARCHAR(40) NOT NULL, departed_at VARCHAR(40) NOT NULL,
        arrived_at VARCHAR(40) NOT NULL, completed_at VARCHAR(40) NOT NULL, refused_at VARCHAR(40) NOT NULL,
        withdrawn_at VARCHAR(40) NOT NULL, reason VARCHAR(500) NOT NULL, updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_orders PRIMARY KEY (pk),
        CONSTRAINT uq_orders_id UNIQUE (id)
    )""",
    "CREATE INDEX ix_orders_status_incident ON orders (status, incident_id)",
    "CREATE INDEX ix_orders_incident ON orders (incident_id)",
]


def upgrade() -> None:
    for sql in STATEMENTS:
        op.execute(sql)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS orders")
