"""Warnings (预警信息) as offline_cache/warnings_schema.py models them, and an
R*Tree of the open incidents' positions (incident_rtree, kept by triggers as
camera_rtree is; an incident leaves it when closed or cancelled) for the
incidents inside a warning's area.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-06
"""

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


OPEN = "('received', 'responding')"  # the incidents an area query lists (接报, 处置中)


def _t(length: int) -> str:
    return f"VARCHAR({length}) DEFAULT '' NOT NULL"


STATEMENTS = [
    f"""CREATE TABLE warnings (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, identifier VARCHAR(200) NOT NULL,
        sender VARCHAR(200) NOT NULL, sender_name {_t(200)}, sent VARCHAR(40) NOT NULL,
        cap_status VARCHAR(16) NOT NULL, msg_type VARCHAR(16) NOT NULL, scope VARCHAR(16) NOT NULL,
        "references" TEXT NOT NULL, reference_ids TEXT NOT NULL, origin VARCHAR(16) NOT NULL,
        event {_t(200)}, event_code {_t(16)}, cap_category VARCHAR(16) NOT NULL, colour {_t(8)},
        urgency VARCHAR(16) NOT NULL, severity VARCHAR(16) NOT NULL, certainty VARCHAR(16) NOT NULL,
        headline {_t(300)}, description TEXT NOT NULL, instruction TEXT NOT NULL, language {_t(16)},
        english TEXT NOT NULL, areas TEXT NOT NULL, min_lat FLOAT, max_lat FLOAT, min_lon FLOAT, max_lon FLOAT,
        effective {_t(40)}, onset {_t(40)}, expires {_t(40)}, issue_state VARCHAR(16) NOT NULL,
        standing VARCHAR(16) NOT NULL, replaced_by {_t(36)}, incident_id {_t(36)}, signed_by {_t(400)},
        signature {_t(8)}, source_name {_t(200)}, checks TEXT NOT NULL, return_reason {_t(500)},
        created_by_account {_t(100)}, created_workstation {_t(64)}, approved_by_account {_t(100)},
        updated_by_account {_t(100)}, updated_workstation {_t(64)}, updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_warnings PRIMARY KEY (pk),
        CONSTRAINT uq_warnings_id UNIQUE (id)
    )""",
    "CREATE INDEX ix_warnings_standing_expires ON warnings (standing, issue_state, expires)",
    "CREATE INDEX ix_warnings_triplet ON warnings (sender, identifier)",
    "CREATE INDEX ix_warnings_refs ON warnings (reference_ids) WHERE reference_ids != ''",
    "CREATE VIRTUAL TABLE incident_rtree USING rtree(pk, min_lat, max_lat, min_lon, max_lon)",
    f"""INSERT INTO incident_rtree SELECT pk, lat, lat, lon, lon FROM incidents
       WHERE lat IS NOT NULL AND lon IS NOT NULL AND status IN {OPEN}""",
    f"""CREATE TRIGGER incidents_rtree_ai AFTER INSERT ON incidents
       WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL AND new.status IN {OPEN}
       BEGIN INSERT INTO incident_rtree VALUES (new.pk, new.lat, new.lat, new.lon, new.lon); END""",
    f"""CREATE TRIGGER incidents_rtree_au AFTER UPDATE OF lat, lon, status ON incidents BEGIN
        DELETE FROM incident_rtree WHERE pk = new.pk;
        INSERT INTO incident_rtree SELECT new.pk, new.lat, new.lat, new.lon, new.lon
            WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL AND new.status IN {OPEN};
    END""",
    """CREATE TRIGGER incidents_rtree_ad AFTER DELETE ON incidents BEGIN
        DELETE FROM incident_rtree WHERE pk = old.pk;
    END""",
]


def upgrade() -> None:
    for sql in STATEMENTS:
        op.execute(sql)


def downgrade() -> None:
    for name in ("incidents_rtree_ai", "incidents_rtree_au", "incidents_rtree_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS incident_rtree")
    op.execute("DROP TABLE IF EXISTS warnings")
