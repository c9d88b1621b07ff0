"""Search indexing that can wait: a catch-up of 100,000 records writes the rows
first and indexes them for search afterwards, in the background.

`search_backlog` holds, per table, the first pk not yet indexed; every row from
there on is missing from the FTS tables (searches check those rows with LIKE).
The FTS triggers of 0001/0002 are recreated with a WHEN clause, so a row that is
not indexed is neither indexed by an insert nor "deleted" from the index by an
update (deleting content an external-content FTS5 table never had corrupts it).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INCIDENT_COLUMNS = "code, title, place, type_name, division, reporter, summary"
INCIDENT_CHARS = ("wr_chars({p}.code || ' ' || {p}.title || ' ' || {p}.place || ' ' || {p}.type_name"
                  " || ' ' || {p}.division || ' ' || {p}.reporter || ' ' || {p}.summary)")
NO_BACKLOG = 9223372036854775807


def _indexed(row: str, table: str) -> str:
    return (f"{row}.pk < IFNULL((SELECT from_pk FROM search_backlog WHERE table_name = '{table}'),"
            f" {NO_BACKLOG})")


def _fields(prefix: str) -> str:
    return ", ".join(f"{prefix}.{c.strip()}" for c in INCIDENT_COLUMNS.split(","))


def _triggers() -> list[str]:
    inc_new = f"INSERT INTO incident_fts(rowid, {INCIDENT_COLUMNS}) VALUES (new.pk, {_fields('new')});"
    inc_old = (f"INSERT INTO incident_fts(incident_fts, rowid, {INCIDENT_COLUMNS}) "
               f"VALUES ('delete', old.pk, {_fields('old')});")
    chars_new = f"INSERT INTO incident_chars(rowid, t) VALUES (new.pk, {INCIDENT_CHARS.format(p='new')});"
    chars_old = ("INSERT INTO incident_chars(incident_chars, rowid, t) "
                 f"VALUES ('delete', old.pk, {INCIDENT_CHARS.format(p='old')});")
    entry_new = ("INSERT INTO entry_fts(rowid, body) VALUES (new.pk, new.body); "
                 "INSERT INTO entry_chars(rowid, t) VALUES (new.pk, wr_chars(new.body));")
    entry_old = ("INSERT INTO entry_fts(entry_fts, rowid, body) VALUES ('delete', old.pk, old.body); "
                 "INSERT INTO entry_chars(entry_chars, rowid, t) VALUES ('delete', old.pk, wr_chars(old.body));")
    watched = "AFTER UPDATE OF code, title, place, type_name, division, reporter, summary"
    return [
        f"CREATE TRIGGER incidents_search_ai AFTER INSERT ON incidents WHEN {_indexed('new', 'incidents')} "
        f"BEGIN {inc_new} {chars_new} END",
        f"CREATE TRIGGER incidents_search_ad AFTER DELETE ON incidents WHEN {_indexed('old', 'incidents')} "
        f"BEGIN {inc_old} {chars_old} END",
        f"CREATE TRIGGER incidents_search_au {watched} ON incidents WHEN {_indexed('old', 'incidents')} "
        f"BEGIN {inc_old} {chars_old} {inc_new} {chars_new} END",
        f"CREATE TRIGGER entries_search_ai AFTER INSERT ON entries WHEN {_indexed('new', 'entries')} "
        f"BEGIN {entry_new} END",
        f"CREATE TRIGGER entries_search_ad AFTER DELETE ON entries WHEN {_indexed('old', 'entries')} "
        f"BEGIN {entry_old} END",
    ]


OLD_TRIGGERS = ("incidents_fts_ai", "incidents_fts_ad", "incidents_fts_au", "entries_fts_ai",
                "entries_fts_ad", "incidents_chars_ai", "incidents_chars_ad", "incidents_chars_au",
                "entries_chars_ai", "entries_chars_ad")


def upgrade() -> None:
    op.execute("""CREATE TABLE search_backlog (
        table_name VARCHAR(16) NOT NULL, from_pk INTEGER NOT NULL,
        CONSTRAINT pk_search_backlog PRIMARY KEY (table_name))""")
    for name in OLD_TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for sql in _triggers():
        op.execute(sql)


def downgrade() -> None:
    raise NotImplementedError("0004 is not reversible: rebuild the FTS tables instead")
