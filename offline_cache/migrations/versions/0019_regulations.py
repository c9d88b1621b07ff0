"""Regulations (法规/规章) of the knowledge library with a trigram index of
titles and texts (regulation_fts; 1-2 character queries use LIKE), as
offline_cache/regulations_schema.py models them.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-06
"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("""CREATE TABLE regulations (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, title VARCHAR(200) NOT NULL, issuer VARCHAR(100) NOT NULL,
        doc_number VARCHAR(64) NOT NULL, effective_date VARCHAR(10) NOT NULL, plan_ids TEXT NOT NULL,
        full_text TEXT NOT NULL, example BOOLEAN NOT NULL, updated_at VARCHAR(40) NOT NULL, version INTEGER NOT NULL,
        updated_by_account VARCHAR(100) DEFAULT '' NOT NULL, updated_workstation VARCHAR(64) DEFAULT '' NOT NULL,
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_regulations PRIMARY KEY (pk),
        CONSTRAINT uq_regulations_id UNIQUE (id)
    )""")
    op.execute("CREATE VIRTUAL TABLE regulation_fts USING fts5(title, full_text, content='regulations', "
               "content_rowid='pk', tokenize='trigram')")
    op.execute("""CREATE TRIGGER regulations_fts_ai AFTER INSERT ON regulations BEGIN
        INSERT INTO regulation_fts(rowid, title, full_text) VALUES (new.pk, new.title, new.full_text);
    END""")
    op.execute("""CREATE TRIGGER regulations_fts_ad AFTER DELETE ON regulations BEGIN
        INSERT INTO regulation_fts(regulation_fts, rowid, title, full_text)
            VALUES ('delete', old.pk, old.title, old.full_text);
    END""")
    op.execute("""CREATE TRIGGER regulations_fts_au AFTER UPDATE OF title, full_text ON regulations BEGIN
        INSERT INTO regulation_fts(regulation_fts, rowid, title, full_text)
            VALUES ('delete', old.pk, old.title, old.full_text);
        INSERT INTO regulation_fts(rowid, title, full_text) VALUES (new.pk, new.title, new.full_text);
    END""")


def downgrade() -> None:
    for trigger in ("regulations_fts_ai", "regulations_fts_ad", "regulations_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS regulation_fts")
    op.execute("DROP TABLE IF EXISTS regulations")
