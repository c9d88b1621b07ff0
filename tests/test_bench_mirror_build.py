"""The benchmarks' fast mirror builder writes what the ordinary bulk path writes:
the same rows, the same indexes, search complete and consistent, a mirror that
opens clean and takes new records afterwards."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from offline_cache.database import open_mirror
from offline_cache.file_check import left_clean
from services.clock import ManualClock
from services.demo_data import DemoGenerator
from services.incidents.bulk import load_batch, raise_code_counters
from services.incidents.deadlines import load_rules
from services.incidents.model import EntryKind
from services.incidents.repository import IncidentQuery
from services.incidents.service import IncidentService
from services.incidents.taxonomy import load_taxonomy
from tests.benchmarks.mirror_build import build_mirror

NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
INCIDENTS = 400
PER_INCIDENT = 4
QUERIES = ["火", "渝中", "泄漏", "交通管制", "解放碑", "2025-00", "槽罐车泄漏", "秀", "CQ-2026", "被困 火"]


def _slow_path(path: Path) -> None:
    """What fixtures.bench_mirror_path did before: load_batch, triggers index each row."""
    mirror = open_mirror(path)
    gen = DemoGenerator(load_taxonomy(), seed=7)
    top: dict[int, int] = {}
    for batch in gen.batches(INCIDENTS, NOW, span=timedelta(days=365 * 3), entries_per_incident=PER_INCIDENT,
                             exercise_share=0.03, batch_size=150):
        load_batch(mirror, batch.incidents, batch.entries)
        for year, n in gen.code_counters(batch).items():
            top[year] = max(top.get(year, 0), n)
    raise_code_counters(mirror, "CQ", top)
    mirror.close()


def _rows(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _without_ids(path: Path, table: str) -> str:
    """Every column but the random uuid4 ids, in pk order."""
    columns = [r[1] for r in _rows(path, f"PRAGMA table_info({table})") if r[1] != "id"]
    return f"SELECT {', '.join(columns)} FROM {table} ORDER BY pk"


def _service(path: Path) -> IncidentService:
    return IncidentService(open_mirror(path), load_taxonomy(), load_rules(), site_code="CQ",
                           clock=ManualClock(NOW))


def test_fast_build_equals_the_bulk_path(tmp_path):
    fast, slow = tmp_path / "fast.db", tmp_path / "slow.db"
    times = build_mirror(fast, INCIDENTS, PER_INCIDENT, NOW, batch=150)
    _slow_path(slow)
    assert set(times) == {"load_s", "indexes_s", "search_s", "total_s"}
    assert left_clean(fast) is not None  # closed clean: the benchmark's open skips the whole check
    for sql in (_without_ids(fast, "incidents"), _without_ids(fast, "entries"),
                "SELECT * FROM code_counters ORDER BY site_code, year",
                "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name",
                "SELECT * FROM search_backlog"):
        assert _rows(fast, sql) == _rows(slow, sql), sql
    assert len(_rows(fast, "SELECT pk FROM entries")) > INCIDENTS * 3
    assert _rows(fast, "PRAGMA journal_mode") == [("wal",)]  # the build's journal_mode=OFF does not stay
    for table in ("incident_fts", "entry_fts"):  # external content: the index agrees with the rows
        con = sqlite3.connect(fast)
        con.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        con.close()
    fast_svc, slow_svc = _service(fast), _service(slow)
    for q in QUERIES:
        found = [i.code for i in fast_svc.list_page(IncidentQuery(text=q), 0, 500)]
        assert found == [i.code for i in slow_svc.list_page(IncidentQuery(text=q), 0, 500)], q
        assert fast_svc.count(IncidentQuery(text=q)) == slow_svc.count(IncidentQuery(text=q)), q
    assert fast_svc.list_page(IncidentQuery(text="火"), 0, 10)
    # The built mirror takes new records and finds them, as a workstation's would.
    first = fast_svc.list_page(IncidentQuery(), 0, 1)[0]
    fast_svc.append_entry(first.id, EntryKind.NOTE, "构建后追加的独特备注鹦鹉螺", "test")
    assert [i.id for i in fast_svc.list_page(IncidentQuery(text="鹦鹉螺"), 0, 10)] == [first.id]
    assert [i.id for i in fast_svc.list_page(IncidentQuery(text="鹉"), 0, 10)] == [first.id]
    fast_svc.mirror.close()
    slow_svc.mirror.close()
