"""Roll calls (查岗), duty reminders and their completions (值班提醒), daily
reports (值班日报); and an index the duty log and the daily report read a
day's calls and reports by. (Re-chained after 0015 of the roster slice at merge.)

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06
"""

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_ACCOUNT, _WORKSTATION = "VARCHAR(100) DEFAULT '' NOT NULL", "VARCHAR(64) DEFAULT '' NOT NULL"


def upgrade() -> None:
    op.execute(f"""CREATE TABLE rollcalls (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, site_code VARCHAR(32) NOT NULL,
        message VARCHAR(200) NOT NULL, allowed_s INTEGER NOT NULL, posted_at VARCHAR(40) NOT NULL,
        deadline VARCHAR(40) NOT NULL, state VARCHAR(16) NOT NULL, answered_at VARCHAR(40) NOT NULL,
        answered_by VARCHAR(100) NOT NULL, answered_by_account {_ACCOUNT}, answered_workstation {_WORKSTATION},
        answered_here_at VARCHAR(40) DEFAULT '' NOT NULL, created_by_account {_ACCOUNT}, created_workstation {_WORKSTATION},
        updated_at VARCHAR(40) NOT NULL, version INTEGER NOT NULL, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_rollcalls PRIMARY KEY (pk),
        CONSTRAINT uq_rollcalls_id UNIQUE (id)
    )""")
    op.execute("CREATE INDEX ix_rollcalls_site_posted ON rollcalls (site_code, posted_at)")
    op.execute("CREATE INDEX ix_rollcalls_posted ON rollcalls (posted_at)")
    op.execute(f"""CREATE TABLE reminders (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, site_code VARCHAR(32) NOT NULL, title VARCHAR(100) NOT NULL,
        kind VARCHAR(24) NOT NULL, schedule VARCHAR(8) NOT NULL, times TEXT NOT NULL, minute INTEGER NOT NULL,
        window_minutes INTEGER NOT NULL, active BOOLEAN NOT NULL, since VARCHAR(40) NOT NULL,
        updated_at VARCHAR(40) NOT NULL, version INTEGER NOT NULL, updated_by_account {_ACCOUNT},
        updated_workstation {_WORKSTATION}, sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_reminders PRIMARY KEY (pk),
        CONSTRAINT uq_reminders_id UNIQUE (id)
    )""")
    op.execute("CREATE INDEX ix_reminders_site ON reminders (site_code)")
    op.execute(f"""CREATE TABLE reminder_done (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, reminder_id VARCHAR(36) NOT NULL,
        site_code VARCHAR(32) NOT NULL, due_at VARCHAR(40) NOT NULL, done_at VARCHAR(40) NOT NULL,
        done_by VARCHAR(100) NOT NULL, note VARCHAR(200) NOT NULL, done_by_account {_ACCOUNT},
        done_workstation {_WORKSTATION}, updated_at VARCHAR(40) NOT NULL, version INTEGER NOT NULL,
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_reminder_done PRIMARY KEY (pk),
        CONSTRAINT uq_reminder_done_id UNIQUE (id)
    )""")
    op.execute("CREATE INDEX ix_reminder_done_due ON reminder_done (due_at)")
    op.execute("CREATE INDEX ix_reminder_done_reminder ON reminder_done (reminder_id, due_at)")
    op.execute(f"""CREATE TABLE daily_reports (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, site_code VARCHAR(32) NOT NULL,
        report_date VARCHAR(10) NOT NULL, title VARCHAR(200) NOT NULL, figures TEXT NOT NULL, notes TEXT NOT NULL,
        sent_by VARCHAR(100) NOT NULL, sent_at VARCHAR(40) NOT NULL, updated_at VARCHAR(40) NOT NULL,
        version INTEGER NOT NULL, updated_by_account {_ACCOUNT}, updated_workstation {_WORKSTATION},
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_daily_reports PRIMARY KEY (pk),
        CONSTRAINT uq_daily_reports_id UNIQUE (id)
    )""")
    op.execute("CREATE INDEX ix_daily_reports_site_date ON daily_reports (site_code, report_date)")
    op.execute("CREATE INDEX ix_entries_kind_created ON entries (kind, created_at)")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_entries_kind_created")
    for table in ("daily_reports", "reminder_done", "reminders", "rollcalls"):
        op.execute(f"DROP TABLE IF EXISTS {table}")
