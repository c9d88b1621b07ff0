"""应急通讯录: organisations, people and call groups, with the pinyin initials
of each name for search (拼音首字母).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

STATEMENTS = [
    """CREATE TABLE contacts (
        pk INTEGER NOT NULL, id VARCHAR(36) NOT NULL, kind VARCHAR(8) NOT NULL, name VARCHAR(100) NOT NULL,
        parent_id VARCHAR(36) NOT NULL, role VARCHAR(100) NOT NULL, duty_phone VARCHAR(40) NOT NULL,
        mobile VARCHAR(40) NOT NULL, members TEXT NOT NULL, notes VARCHAR(500) NOT NULL,
        initials VARCHAR(100) NOT NULL, updated_at VARCHAR(40) NOT NULL, version INTEGER NOT NULL,
        sync_state VARCHAR(16) NOT NULL,
        CONSTRAINT pk_contacts PRIMARY KEY (pk),
        CONSTRAINT uq_contacts_id UNIQUE (id)
    )""",
    "CREATE INDEX ix_contacts_parent ON contacts (parent_id)",
    "CREATE INDEX ix_contacts_initials ON contacts (initials)",
]


def upgrade() -> None:
    for sql in STATEMENTS:
        op.execute(sql)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS contacts")
