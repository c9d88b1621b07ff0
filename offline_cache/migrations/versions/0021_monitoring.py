"""Monitoring (监测预警): stations, readings, hourly aggregates and alarms, as
offline_cache/monitoring_schema.py models them.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-06
"""

from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""CREATE TABLE stations ( pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL,
        code VARCHAR(16) NOT NULL, name VARCHAR(100) NOT NULL, kind VARCHAR(16) NOT NULL,
        org VARCHAR(100) NOT NULL, place VARCHAR(200) NOT NULL, lat FLOAT NOT NULL,
        lon FLOAT NOT NULL, unit VARCHAR(16) NOT NULL, thresholds TEXT NOT NULL, rules TEXT NOT NULL,
        level VARCHAR(16) NOT NULL, latest_t FLOAT, latest_value FLOAT,
        updated_at VARCHAR(40) NOT NULL, version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_stations PRIMARY KEY (pk), CONSTRAINT uq_stations_id UNIQUE (id) )""")
    op.execute("""CREATE TABLE readings ( pk INTEGER NOT NULL, id VARCHAR(64) NOT NULL,
        station_id VARCHAR(36) NOT NULL, t FLOAT NOT NULL, value FLOAT NOT NULL,
        sync_state VARCHAR(16) NOT NULL, CONSTRAINT pk_readings PRIMARY KEY (pk),
        CONSTRAINT uq_readings_id UNIQUE (id) )""")
    op.execute("""CREATE INDEX ix_readings_station_t ON readings (station_id, t)""")
    op.execute("""CREATE INDEX ix_readings_t ON readings (t)""")
    op.execute("""CREATE TABLE reading_hours ( station_id VARCHAR(36) NOT NULL, t FLOAT NOT NULL,
        low FLOAT NOT NULL, high FLOAT NOT NULL, mean FLOAT NOT NULL, n INTEGER NOT NULL,
        CONSTRAINT pk_reading_hours PRIMARY KEY (station_id, t) )""")
    op.execute("""CREATE TABLE alarms ( pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL,
        station_id VARCHAR(36) NOT NULL, station_name VARCHAR(100) NOT NULL,
        rule VARCHAR(16) NOT NULL, level VARCHAR(16) NOT NULL, first_level VARCHAR(16) NOT NULL,
        state VARCHAR(16) NOT NULL, value FLOAT NOT NULL, peak_value FLOAT NOT NULL,
        threshold FLOAT NOT NULL, reading_at VARCHAR(40) NOT NULL, raised_at VARCHAR(40) NOT NULL,
        escalated_at VARCHAR(40) NOT NULL, cleared_at VARCHAR(40) NOT NULL, repeats INTEGER NOT NULL,
        acknowledged_at VARCHAR(40) NOT NULL, acknowledged_by VARCHAR(100) NOT NULL,
        acknowledged_by_account VARCHAR(100) DEFAULT '' NOT NULL,
        acknowledged_workstation VARCHAR(64) DEFAULT '' NOT NULL, closed_at VARCHAR(40) NOT NULL,
        closed_by VARCHAR(100) NOT NULL, closed_by_account VARCHAR(100) DEFAULT '' NOT NULL,
        closed_workstation VARCHAR(64) DEFAULT '' NOT NULL, incident_id VARCHAR(36) NOT NULL,
        note VARCHAR(500) NOT NULL, updated_at VARCHAR(40) NOT NULL, version INTEGER NOT NULL,
        sync_state VARCHAR(16) NOT NULL, CONSTRAINT pk_alarms PRIMARY KEY (pk),
        CONSTRAINT uq_alarms_id UNIQUE (id) )""")
    op.execute("""CREATE INDEX ix_alarms_raised ON alarms (raised_at)""")
    op.execute("""CREATE INDEX ix_alarms_state_raised ON alarms (state, raised_at)""")
    op.execute("""CREATE INDEX ix_alarms_station ON alarms (station_id)""")


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS alarms")
    op.execute("DROP TABLE IF EXISTS reading_hours")
    op.execute("DROP TABLE IF EXISTS readings")
    op.execute("DROP TABLE IF EXISTS stations")
