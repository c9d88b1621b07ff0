"""Clearance levels: incidents, entries, resources, cameras, plans and warnings carry a 密级.

Every leveled record gets `level` (services/clearance.py): warnings 公开 (0),
the rest 内部 (1), which is what every record made before this revision is. A
table that has the column already (a database made by the models of this
branch before the revision existed) is left alone. The PostgreSQL row-level
security policies on these columns are not schema: server/db.py open_database
installs them at every start (server/pg_rls.py).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

DEFAULTS = {"incidents": 1, "entries": 1, "resources": 1, "cameras": 1, "plans": 1, "warnings": 0}


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    for table, default in DEFAULTS.items():
        if "level" in {c["name"] for c in inspector.get_columns(table)}:
            continue
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("level", sa.Integer(), server_default=str(default), nullable=False))


def downgrade() -> None:
    for table in DEFAULTS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("level")
