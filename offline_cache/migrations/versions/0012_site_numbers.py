"""Incident numbers carry the site code (CQ-2026-0042), so two sites never show
the same number for two incidents; legacy numbers (2026-0042) get their site's
code, as the platform does, and so do the creates still waiting in the outbox.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

LEGACY = "'[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]*'"


def upgrade() -> None:
    op.execute(f"UPDATE incidents SET code = site_code || '-' || code WHERE site_code != '' AND code GLOB {LEGACY}")
    op.execute(
        "UPDATE outbox SET payload = json_set(payload, '$.code', "
        "json_extract(payload, '$.site_code') || '-' || json_extract(payload, '$.code')) "
        "WHERE entity = 'incident' AND op = 'create' AND state IN ('queued', 'rejected') "
        f"AND json_extract(payload, '$.site_code') != '' AND json_extract(payload, '$.code') GLOB {LEGACY}"
    )


def downgrade() -> None:
    raise NotImplementedError("incident numbers are not shortened again")
