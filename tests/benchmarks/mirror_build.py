"""The benchmark mirrors' fast builder: a 1,000,000-incident mirror (about twelve
million timeline entries) in minutes rather than hours.

The rows are the ones load_batch would write (same generator, seed, pks and
columns; tests/test_bench_mirror_build.py compares the two), written another way,
because this file is built once, by one process, and thrown away if the build
stops half-way:
- plain sqlite3 executemany in transactions of tens of thousands of incidents;
- journal_mode=OFF and synchronous=OFF while building only (a crash leaves a
  `.building` file that the next build deletes), WAL and FULL restored after;
- the secondary indexes dropped during the load and created once at the end;
- search indexing deferred (search_backlog, migration 0004) so the triggers do
  nothing per row, then the FTS5 indexes filled once and optimised."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from offline_cache.database import open_mirror
from offline_cache.mirror_connect import spaced_chars
from services.demo_data import DemoGenerator
from services.incidents.bulk import ENTRY_COLUMNS, INCIDENT_COLUMNS, raise_code_counters
from services.incidents.taxonomy import load_taxonomy

TABLES = ("incidents", "entries")
BATCH_INCIDENTS = 20_000  # about 240,000 entries per transaction
_INCIDENT_COLS = "code, title, place, type_name, division, reporter, summary"
_CHARS = ("wr_chars(code || ' ' || title || ' ' || place || ' ' || type_name"
          " || ' ' || division || ' ' || reporter || ' ' || summary)")
_FILL = (  # the search indexes filled once, as migration 0004's triggers would have row by row
    "INSERT INTO incident_fts(incident_fts) VALUES ('rebuild')",
    f"INSERT INTO incident_chars(rowid, t) SELECT pk, {_CHARS} FROM incidents",
    "INSERT INTO entry_fts(entry_fts) VALUES ('rebuild')",
    "INSERT INTO entry_chars(rowid, t) SELECT pk, wr_chars(body) FROM entries",
)
_OPTIMIZE = tuple(f"INSERT INTO {t}({t}) VALUES ('optimize')"
                  for t in ("incident_fts", "incident_chars", "entry_fts", "entry_chars"))


def _incident_values(inc: dict, pk: int) -> tuple:
    return (pk, *(inc.get(c, 1 if c == "level" else "") for c in INCIDENT_COLUMNS))


def _entry_values(e: dict, incident_pk: int) -> tuple:
    return (incident_pk, *(e.get(c, 1 if c == "level" else "") if c != "server_seq" else e.get(c)
                           for c in ENTRY_COLUMNS))


def _secondary_indexes(con: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of the two tables' own indexes (not the UNIQUE ones)."""
    return list(con.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        "AND tbl_name IN ('incidents', 'entries') ORDER BY name"))


def build_mirror(target: Path, incidents: int, entries_per_incident: float, now: datetime,
                 *, seed: int = 7, batch: int = BATCH_INCIDENTS,
                 progress: Callable[[str], None] = lambda _line: None) -> dict[str, float]:
    """Builds the mirror at `target` (which must not exist) and returns the seconds
    each phase took: generate+insert, indexes, search, total."""
    start = time.perf_counter()
    open_mirror(target).close()  # the schema at head, exactly as a workstation creates it
    con = sqlite3.connect(target, isolation_level=None)  # the only connection while it builds
    con.create_function("wr_chars", 1, spaced_chars, deterministic=True)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("PRAGMA cache_size=-262144")
    indexes = _secondary_indexes(con)
    con.execute("BEGIN")
    for name, _sql in indexes:
        con.execute(f'DROP INDEX "{name}"')
    for table in TABLES:  # from pk 1 on, nothing is indexed for search until the end
        con.execute("INSERT OR REPLACE INTO search_backlog(table_name, from_pk) VALUES (?, 1)", (table,))
    con.execute("COMMIT")
    inc_sql = (f"INSERT INTO incidents(pk, {', '.join(INCIDENT_COLUMNS)}) "
               f"VALUES ({', '.join('?' * (len(INCIDENT_COLUMNS) + 1))})")
    ent_sql = (f"INSERT INTO entries(incident_pk, {', '.join(ENTRY_COLUMNS)}) "
               f"VALUES ({', '.join('?' * (len(ENTRY_COLUMNS) + 1))})")
    gen = DemoGenerator(load_taxonomy(), seed=seed)
    top: dict[int, int] = {}
    next_pk = 1
    for demo in gen.batches(incidents, now, span=timedelta(days=365 * 3),
                            entries_per_incident=entries_per_incident, exercise_share=0.03,
                            batch_size=batch):
        pks = {inc["id"]: next_pk + n for n, inc in enumerate(demo.incidents)}
        con.execute("BEGIN")
        con.executemany(inc_sql, [_incident_values(inc, pks[inc["id"]]) for inc in demo.incidents])
        con.executemany(ent_sql, [_entry_values(e, pks[e["incident_id"]]) for e in demo.entries])
        con.execute("COMMIT")
        next_pk += len(demo.incidents)
        for year, n in gen.code_counters(demo).items():
            top[year] = max(top.get(year, 0), n)
        progress(f"{next_pk - 1}/{incidents} incidents, {time.perf_counter() - start:.0f} s")
    loaded = time.perf_counter()
    con.execute("BEGIN")
    for name, sql in indexes:
        progress(f"index {name}")
        con.execute(sql)
    con.execute("COMMIT")
    indexed = time.perf_counter()
    con.execute("BEGIN")
    for sql in _FILL:
        progress(sql[:60])
        con.execute(sql)
    con.execute("DELETE FROM search_backlog")
    con.execute("COMMIT")
    for sql in _OPTIMIZE:
        progress(sql)
        con.execute(sql)
    con.execute("PRAGMA journal_mode=WAL")  # as every workstation's mirror is
    con.close()
    searchable = time.perf_counter()
    mirror = open_mirror(target)  # checks the whole file once, as after any unclean change
    raise_code_counters(mirror, "CQ", top)
    mirror.set_meta([("demo", "bench")])
    mirror.close()
    done = time.perf_counter()
    return {"load_s": loaded - start, "indexes_s": indexed - loaded, "search_s": searchable - indexed,
            "total_s": done - start}
