"""The camera catalog (public-security video network) with an R*Tree over the
positions of the cameras that have one, for "附近摄像头" and the map.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-22
"""

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE cameras (
        pk INTEGER NOT NULL, id VARCHAR(64) NOT NULL, name VARCHAR(200) NOT NULL,
        group_path VARCHAR(500) NOT NULL, lat FLOAT, lon FLOAT,
        main_url VARCHAR(1000) NOT NULL, sub_url VARCHAR(1000) NOT NULL, ptz BOOLEAN NOT NULL,
        platform VARCHAR(100) NOT NULL, online BOOLEAN NOT NULL,
        updated_at VARCHAR(32) NOT NULL, version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_cameras PRIMARY KEY (pk),
        CONSTRAINT uq_cameras_id UNIQUE (id)
    )""",
    "CREATE INDEX ix_cameras_group_path ON cameras (group_path)",
    "CREATE VIRTUAL TABLE camera_rtree USING rtree(pk, min_lat, max_lat, min_lon, max_lon)",
    """CREATE TRIGGER cameras_rtree_ai AFTER INSERT ON cameras WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL
       BEGIN INSERT INTO camera_rtree VALUES (new.pk, new.lat, new.lat, new.lon, new.lon); END""",
    """CREATE TRIGGER cameras_rtree_au AFTER UPDATE OF lat, lon ON cameras BEGIN
        DELETE FROM camera_rtree WHERE pk = new.pk;
        INSERT INTO camera_rtree SELECT new.pk, new.lat, new.lat, new.lon, new.lon
            WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;
    END""",
    """CREATE TRIGGER cameras_rtree_ad AFTER DELETE ON cameras BEGIN
        DELETE FROM camera_rtree WHERE pk = old.pk;
    END""",
]


def upgrade() -> None:
    for sql in STATEMENTS:
        op.execute(sql)


def downgrade() -> None:
    for name in ("cameras_rtree_ai", "cameras_rtree_au", "cameras_rtree_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS camera_rtree")
    op.execute("DROP TABLE IF EXISTS cameras")
