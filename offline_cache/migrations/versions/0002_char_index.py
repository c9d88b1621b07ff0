"""Character index for 1–2 character searches (common in Chinese: 火, 被困).

The trigram index cannot match terms shorter than three characters. These
contentless FTS5 tables hold every character as its own token (wr_chars()
spaces them out), so a short term becomes an indexed phrase query.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

INCIDENT_TEXT = "wr_chars({p}.code || ' ' || {p}.title || ' ' || {p}.place || ' ' || {p}.type_name || ' ' || {p}.division || ' ' || {p}.reporter || ' ' || {p}.summary)"

STATEMENTS = [
    "CREATE VIRTUAL TABLE incident_chars USING fts5(t, content='', columnsize=0, tokenize='unicode61')",
    "CREATE VIRTUAL TABLE entry_chars USING fts5(t, content='', columnsize=0, tokenize='unicode61')",
    f"""CREATE TRIGGER incidents_chars_ai AFTER INSERT ON incidents BEGIN
        INSERT INTO incident_chars(rowid, t) VALUES (new.pk, {INCIDENT_TEXT.format(p='new')});
    END""",
    f"""CREATE TRIGGER incidents_chars_ad AFTER DELETE ON incidents BEGIN
        INSERT INTO incident_chars(incident_chars, rowid, t) VALUES ('delete', old.pk, {INCIDENT_TEXT.format(p='old')});
    END""",
    f"""CREATE TRIGGER incidents_chars_au AFTER UPDATE OF code, title, place, type_name, division, reporter, summary
        ON incidents BEGIN
        INSERT INTO incident_chars(incident_chars, rowid, t) VALUES ('delete', old.pk, {INCIDENT_TEXT.format(p='old')});
        INSERT INTO incident_chars(rowid, t) VALUES (new.pk, {INCIDENT_TEXT.format(p='new')});
    END""",
    """CREATE TRIGGER entries_chars_ai AFTER INSERT ON entries BEGIN
        INSERT INTO entry_chars(rowid, t) VALUES (new.pk, wr_chars(new.body));
    END""",
    """CREATE TRIGGER entries_chars_ad AFTER DELETE ON entries BEGIN
        INSERT INTO entry_chars(entry_chars, rowid, t) VALUES ('delete', old.pk, wr_chars(old.body));
    END""",
    f"INSERT INTO incident_chars(rowid, t) SELECT pk, {INCIDENT_TEXT.format(p='incidents')} FROM incidents",
    "INSERT INTO entry_chars(rowid, t) SELECT pk, wr_chars(body) FROM entries",
]


def upgrade() -> None:
    for sql in STATEMENTS:
        op.execute(sql)


def downgrade() -> None:
    for name in ("incidents_chars_ai", "incidents_chars_ad", "incidents_chars_au",
                 "entries_chars_ai", "entries_chars_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS entry_chars")
    op.execute("DROP TABLE IF EXISTS incident_chars")
