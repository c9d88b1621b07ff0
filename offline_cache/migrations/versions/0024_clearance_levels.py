"""Every leveled record carries its 密级 (services/clearance.py): incidents,
entries, resources, cameras and plans default to 内部 (1), warnings to 公开 (0),
as the platform's do; the platform's feed fills in the real levels. The sync
cursor's clearance (mirror_meta "clearance") is what this mirror was last
filled for: a lower one from the feed purges what is above it.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-06
"""

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

DEFAULTS = {"incidents": 1, "entries": 1, "resources": 1, "cameras": 1, "plans": 1, "warnings": 0}


def upgrade() -> None:
    for table, default in DEFAULTS.items():
        op.execute(f"ALTER TABLE {table} ADD COLUMN level INTEGER DEFAULT {default} NOT NULL")


def downgrade() -> None:
    for table in DEFAULTS:
        op.execute(f"ALTER TABLE {table} DROP COLUMN level")
