"""Who the platform says did it: the authenticated account and workstation behind
each record, beside the names a workstation typed (issue 19: the platform believes
the token, not the payload). Filled from the feed; empty until the platform says.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06
"""

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

COLUMNS = {
    "incidents": ['created_by_account', 'created_workstation', 'updated_by_account', 'updated_workstation'],
    "entries": ['author_account', 'author_workstation'],
    "orders": ['issued_by_account', 'issued_workstation', 'updated_by_account', 'updated_workstation'],
    "conferences": ['opened_by_account', 'opened_workstation', 'opened_site', 'updated_by_account', 'updated_workstation'],
    "notifications": ['sender_account', 'sender_workstation'],
    "resources": ['updated_by_account', 'updated_workstation'],
    "cameras": ['updated_by_account', 'updated_workstation'],
    "contacts": ['updated_by_account', 'updated_workstation'],
}
SIZES = {"opened_site": 32}


def upgrade() -> None:
    for table, columns in COLUMNS.items():
        for column in columns:
            size = SIZES.get(column, 64 if "workstation" in column else 100)
            op.execute(f"ALTER TABLE {table} ADD COLUMN {column} VARCHAR({size}) NOT NULL DEFAULT ''")


def downgrade() -> None:
    raise NotImplementedError("the accounts are kept")
