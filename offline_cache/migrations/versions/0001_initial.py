"""Initial mirror schema: incidents, timeline entries, outbox, FTS5 indexes.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Frozen DDL: later schema changes get their own revision, never an edit here.
TABLES = [
    """CREATE TABLE incidents (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, site_code VARCHAR(32) NOT NULL,
        code VARCHAR(32) NOT NULL, title VARCHAR(200) NOT NULL, category VARCHAR(32) NOT NULL,
        type_code VARCHAR(64) NOT NULL, type_name VARCHAR(64) NOT NULL,
        severity VARCHAR(16) NOT NULL, status VARCHAR(16) NOT NULL,
        occurred_at VARCHAR(32) NOT NULL, reported_at VARCHAR(32) NOT NULL,
        place VARCHAR(500) NOT NULL, lat FLOAT, lon FLOAT, division VARCHAR(100) NOT NULL,
        deaths INTEGER NOT NULL, injured INTEGER NOT NULL, missing INTEGER NOT NULL,
        trapped INTEGER NOT NULL, source VARCHAR(32) NOT NULL, reporter VARCHAR(100) NOT NULL,
        reporter_phone VARCHAR(40) NOT NULL, exercise BOOLEAN NOT NULL, summary TEXT NOT NULL,
        created_by VARCHAR(100) NOT NULL, updated_at VARCHAR(32) NOT NULL,
        last_report_at VARCHAR(32), last_report_kind VARCHAR(24),
        version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_incidents PRIMARY KEY (pk),
        CONSTRAINT uq_incidents_id UNIQUE (id),
        CONSTRAINT uq_incidents_site_code_code UNIQUE (site_code, code)
    )""",
    "CREATE INDEX ix_incidents_reported_at ON incidents (reported_at)",
    "CREATE INDEX ix_incidents_occurred_at ON incidents (occurred_at)",
    "CREATE INDEX ix_incidents_status_reported ON incidents (status, reported_at)",
    "CREATE INDEX ix_incidents_severity_reported ON incidents (severity, reported_at)",
    "CREATE INDEX ix_incidents_category_reported ON incidents (category, reported_at)",
    """CREATE TABLE entries (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, incident_pk INTEGER NOT NULL,
        kind VARCHAR(24) NOT NULL, body TEXT NOT NULL, data TEXT NOT NULL,
        author VARCHAR(100) NOT NULL, created_at VARCHAR(32) NOT NULL,
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_entries PRIMARY KEY (pk),
        CONSTRAINT uq_entries_id UNIQUE (id),
        CONSTRAINT fk_entries_incident_pk_incidents FOREIGN KEY(incident_pk) REFERENCES incidents (pk)
    )""",
    "CREATE INDEX ix_entries_incident_created ON entries (incident_pk, created_at)",
    """CREATE TABLE outbox (
        seq INTEGER NOT NULL, op_id VARCHAR(36) NOT NULL, entity VARCHAR(32) NOT NULL,
        entity_id VARCHAR(36) NOT NULL, op VARCHAR(24) NOT NULL, base_version INTEGER NOT NULL,
        payload TEXT NOT NULL, priority INTEGER NOT NULL, created_at VARCHAR(32) NOT NULL,
        state VARCHAR(16) NOT NULL, attempts INTEGER NOT NULL, last_error TEXT NOT NULL,
        CONSTRAINT pk_outbox PRIMARY KEY (seq),
        CONSTRAINT uq_outbox_op_id UNIQUE (op_id)
    )""",
    "CREATE INDEX ix_outbox_state_priority ON outbox (state, priority, seq)",
    """CREATE TABLE code_counters (
        site_code VARCHAR(32) NOT NULL, year INTEGER NOT NULL, next_number INTEGER NOT NULL,
        CONSTRAINT pk_code_counters PRIMARY KEY (site_code, year)
    )""",
    """CREATE TABLE mirror_meta (
        key VARCHAR(64) NOT NULL, value TEXT NOT NULL,
        CONSTRAINT pk_mirror_meta PRIMARY KEY (key)
    )""",
]

# Trigram FTS5 over external content; triggers keep it in step with the tables.
FTS = [
    """CREATE VIRTUAL TABLE incident_fts USING fts5(
        code, title, place, type_name, division, reporter, summary,
        content='incidents', content_rowid='pk', tokenize='trigram')""",
    """CREATE TRIGGER incidents_fts_ai AFTER INSERT ON incidents BEGIN
        INSERT INTO incident_fts(rowid, code, title, place, type_name, division, reporter, summary)
        VALUES (new.pk, new.code, new.title, new.place, new.type_name, new.division, new.reporter, new.summary);
    END""",
    """CREATE TRIGGER incidents_fts_ad AFTER DELETE ON incidents BEGIN
        INSERT INTO incident_fts(incident_fts, rowid, code, title, place, type_name, division, reporter, summary)
        VALUES ('delete', old.pk, old.code, old.title, old.place, old.type_name, old.division, old.reporter, old.summary);
    END""",
    """CREATE TRIGGER incidents_fts_au AFTER UPDATE OF code, title, place, type_name, division, reporter, summary
        ON incidents BEGIN
        INSERT INTO incident_fts(incident_fts, rowid, code, title, place, type_name, division, reporter, summary)
        VALUES ('delete', old.pk, old.code, old.title, old.place, old.type_name, old.division, old.reporter, old.summary);
        INSERT INTO incident_fts(rowid, code, title, place, type_name, division, reporter, summary)
        VALUES (new.pk, new.code, new.title, new.place, new.type_name, new.division, new.reporter, new.summary);
    END""",
    """CREATE VIRTUAL TABLE entry_fts USING fts5(
        body, content='entries', content_rowid='pk', tokenize='trigram')""",
    """CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN
        INSERT INTO entry_fts(rowid, body) VALUES (new.pk, new.body);
    END""",
    """CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN
        INSERT INTO entry_fts(entry_fts, rowid, body) VALUES ('delete', old.pk, old.body);
    END""",
    # Timeline entries are append-only: the mirror refuses edits outright.
    """CREATE TRIGGER entries_no_update BEFORE UPDATE OF incident_pk, kind, body, data, author, created_at
        ON entries BEGIN SELECT RAISE(ABORT, 'timeline entries are append-only'); END""",
]


def upgrade() -> None:
    for sql in TABLES + FTS:
        op.execute(sql)


def downgrade() -> None:
    for name in ("entry_fts", "incident_fts"):
        op.execute(f"DROP TABLE IF EXISTS {name}")
    for name in ("mirror_meta", "code_counters", "outbox", "entries", "incidents"):
        op.execute(f"DROP TABLE IF EXISTS {name}")
