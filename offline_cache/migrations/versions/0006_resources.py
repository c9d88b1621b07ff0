"""Emergency resources (应急资源) for the map: teams, supplies, shelters ... with
an R*Tree over their positions for "nearest available" and area queries.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-22
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE resources (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, kind VARCHAR(24) NOT NULL,
        name VARCHAR(200) NOT NULL, lat FLOAT NOT NULL, lon FLOAT NOT NULL,
        division VARCHAR(100) NOT NULL, address VARCHAR(500) NOT NULL,
        contact VARCHAR(100) NOT NULL, phone VARCHAR(40) NOT NULL,
        available BOOLEAN NOT NULL, details TEXT NOT NULL,
        updated_at VARCHAR(32) NOT NULL, version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_resources PRIMARY KEY (pk),
        CONSTRAINT uq_resources_id UNIQUE (id)
    )""",
    "CREATE INDEX ix_resources_kind_available ON resources (kind, available)",
    "CREATE INDEX ix_resources_name ON resources (name)",
    # Positions in degrees; a point is a degenerate box.
    "CREATE VIRTUAL TABLE resource_rtree USING rtree(pk, min_lat, max_lat, min_lon, max_lon)",
    """CREATE TRIGGER resources_rtree_ai AFTER INSERT ON resources BEGIN
        INSERT INTO resource_rtree VALUES (new.pk, new.lat, new.lat, new.lon, new.lon);
    END""",
    """CREATE TRIGGER resources_rtree_au AFTER UPDATE OF lat, lon ON resources BEGIN
        UPDATE resource_rtree SET min_lat = new.lat, max_lat = new.lat,
            min_lon = new.lon, max_lon = new.lon WHERE pk = new.pk;
    END""",
    """CREATE TRIGGER resources_rtree_ad AFTER DELETE ON resources BEGIN
        DELETE FROM resource_rtree WHERE pk = old.pk;
    END""",
]


def upgrade() -> None:
    for sql in STATEMENTS:
        op.execute(sql)


def downgrade() -> None:
    for name in ("resources_rtree_ai", "resources_rtree_au", "resources_rtree_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS resource_rtree")
    op.execute("DROP TABLE IF EXISTS resources")
