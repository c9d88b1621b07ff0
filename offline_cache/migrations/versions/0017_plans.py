"""The plan library (预案库) with a trigram index of titles and texts
(plan_fts; 1-2 character queries use LIKE over the few hundred plans), and
incidents' responses (响应), as offline_cache/plans_schema.py models them.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-06
"""

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

_ACCOUNT, _WORKSTATION = "VARCHAR(100) DEFAULT '' NOT NULL", "VARCHAR(64) DEFAULT '' NOT NULL"


def upgrade() -> None:
    op.execute(f"""CREATE TABLE plans (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, title VARCHAR(200) NOT NULL, plan_type VARCHAR(16) NOT NULL,
        issuer VARCHAR(100) NOT NULL, plan_version VARCHAR(32) NOT NULL, status VARCHAR(16) NOT NULL,
        categories TEXT NOT NULL, types TEXT NOT NULL, levels TEXT NOT NULL, command TEXT NOT NULL,
        checklist TEXT NOT NULL, full_text TEXT NOT NULL, example BOOLEAN NOT NULL, updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL, updated_by_account {_ACCOUNT}, updated_workstation {_WORKSTATION},
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_plans PRIMARY KEY (pk),
        CONSTRAINT uq_plans_id UNIQUE (id)
    )""")
    op.execute("CREATE INDEX ix_plans_status ON plans (status)")
    op.execute("CREATE VIRTUAL TABLE plan_fts USING fts5(title, full_text, content='plans', content_rowid='pk', "
               "tokenize='trigram')")
    op.execute("""CREATE TRIGGER plans_fts_ai AFTER INSERT ON plans BEGIN
        INSERT INTO plan_fts(rowid, title, full_text) VALUES (new.pk, new.title, new.full_text);
    END""")
    op.execute("""CREATE TRIGGER plans_fts_ad AFTER DELETE ON plans BEGIN
        INSERT INTO plan_fts(plan_fts, rowid, title, full_text) VALUES ('delete', old.pk, old.title, old.full_text);
    END""")
    op.execute("""CREATE TRIGGER plans_fts_au AFTER UPDATE OF title, full_text ON plans BEGIN
        INSERT INTO plan_fts(plan_fts, rowid, title, full_text) VALUES ('delete', old.pk, old.title, old.full_text);
        INSERT INTO plan_fts(rowid, title, full_text) VALUES (new.pk, new.title, new.full_text);
    END""")
    op.execute(f"""CREATE TABLE responses (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, incident_id VARCHAR(36) NOT NULL,
        plan_id VARCHAR(36) NOT NULL, plan_version VARCHAR(32) NOT NULL, plan_title VARCHAR(200) NOT NULL,
        level VARCHAR(4) NOT NULL, state VARCHAR(8) NOT NULL, reason VARCHAR(500) NOT NULL,
        started_at VARCHAR(40) NOT NULL, changed_at VARCHAR(40) NOT NULL, ended_at VARCHAR(40) NOT NULL,
        decided_by VARCHAR(100) NOT NULL, decided_by_account {_ACCOUNT}, decided_workstation {_WORKSTATION},
        updated_at VARCHAR(40) NOT NULL, version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_responses PRIMARY KEY (pk),
        CONSTRAINT uq_responses_id UNIQUE (id),
        CONSTRAINT uq_responses_incident_id UNIQUE (incident_id)
    )""")
    op.execute("CREATE INDEX ix_responses_state_level ON responses (state, level)")


def downgrade() -> None:
    for trigger in ("plans_fts_ai", "plans_fts_ad", "plans_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS plan_fts")
    op.execute("DROP TABLE IF EXISTS responses")
    op.execute("DROP TABLE IF EXISTS plans")
