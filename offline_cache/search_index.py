"""Deferred search indexing (migration 0004). A catch-up writes its rows with
indexing deferred, then the engine works the backlog off in short transactions,
so the officer sees every record at once and search completes behind."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from offline_cache.database import Mirror

TABLES = ("incidents", "entries")
_INCIDENT_COLUMNS = "code, title, place, type_name, division, reporter, summary"
_INCIDENT_CHARS = ("wr_chars(code || ' ' || title || ' ' || place || ' ' || type_name"
                   " || ' ' || division || ' ' || reporter || ' ' || summary)")
_FILL = {
    "incidents": [
        f"INSERT INTO incident_fts(rowid, {_INCIDENT_COLUMNS}) "
        f"SELECT pk, {_INCIDENT_COLUMNS} FROM incidents WHERE pk >= :lo AND pk < :hi",
        f"INSERT INTO incident_chars(rowid, t) SELECT pk, {_INCIDENT_CHARS} FROM incidents "
        "WHERE pk >= :lo AND pk < :hi",
    ],
    "entries": [
        "INSERT INTO entry_fts(rowid, body) SELECT pk, body FROM entries WHERE pk >= :lo AND pk < :hi",
        "INSERT INTO entry_chars(rowid, t) SELECT pk, wr_chars(body) FROM entries "
        "WHERE pk >= :lo AND pk < :hi",
    ],
}
CHUNK_ROWS = 4000  # about a tenth of a second of writer time per chunk


def defer(session: Session) -> None:
    """From here on, new rows of both tables wait for the indexer (no-op if they already do)."""
    for table in TABLES:
        session.execute(text(
            "INSERT OR IGNORE INTO search_backlog(table_name, from_pk) "
            f"SELECT :t, IFNULL(MAX(pk), 0) + 1 FROM {table}"), {"t": table})


def backlog(session: Session) -> dict[str, int]:
    """table -> first pk that is not indexed; empty when search is complete."""
    return dict(session.execute(text("SELECT table_name, from_pk FROM search_backlog")).all())


def pending_rows(session: Session) -> int:
    total = 0
    for table, from_pk in backlog(session).items():
        total += session.scalar(text(f"SELECT count(*) FROM {table} WHERE pk >= :p"), {"p": from_pk})
    return total


def index_some(mirror: Mirror, rows: int = CHUNK_ROWS) -> bool:
    """Indexes up to `rows` rows per table in one transaction; True while work remains."""
    with mirror.bulk_write() as s:
        remaining = False
        for table, from_pk in backlog(s).items():
            top = s.scalar(text(f"SELECT IFNULL(MAX(pk), 0) FROM {table}"))
            hi = from_pk + rows
            for sql in _FILL[table]:
                s.execute(text(sql), {"lo": from_pk, "hi": hi})
            if hi > top:
                s.execute(text("DELETE FROM search_backlog WHERE table_name = :t"), {"t": table})
            else:
                s.execute(text("UPDATE search_backlog SET from_pk = :p WHERE table_name = :t"),
                          {"p": hi, "t": table})
                remaining = True
    return remaining
