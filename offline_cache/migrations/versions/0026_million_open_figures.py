"""A covering index for the open incidents' figures (dashboards, duty overview,
the commander's display): counts by severity and category, casualties, and which
reports may be due are read from the index alone, never from the incidents' rows,
so a provincial mirror's 50,000 open incidents (of 1,000,000) cost tens of
milliseconds, not the hundreds that reading their rows scattered over the file did.

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-06
"""

from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("CREATE INDEX IF NOT EXISTS ix_incidents_open_figures ON incidents (status, severity, category, "
               "exercise, last_report_kind, occurred_at, last_report_at, deaths, injured, missing, trapped)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_incidents_open_figures")
