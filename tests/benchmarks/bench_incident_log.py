"""Incident log figures with 100,000 incidents and ~1,000,000 timeline entries."""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from offline_cache.database import open_mirror
from services.clock import ManualClock
from services.demo_data import DemoGenerator
from services.incidents.bulk import ENTRY_COLUMNS, INCIDENT_COLUMNS, load_batch
from services.incidents.deadlines import load_rules
from services.incidents.model import EntryKind
from services.incidents.repository import IncidentQuery
from services.incidents.service import IncidentService
from services.incidents.taxonomy import load_taxonomy
from tests.benchmarks.fixtures import NOW, bench_mirror_path, emit, p95, require

INCIDENTS = 100_000
ENTRIES_PER_INCIDENT = 10
FTS_QUERIES = ["解放碑", "观音桥步行街", "燃气管道", "危险化学品", "仙女山", "槽罐车泄漏", "交通管制",
               "2025-0042", "边坡垮塌", "三峡广场"]
SHORT_QUERIES = ["火", "水", "被困", "渝中", "泄漏", "张伟", "侧翻", "滑坡", "万州", "秀"]


def service_for(path: Path) -> IncidentService:
    return IncidentService(open_mirror(path), load_taxonomy(), load_rules(), site_code="CQ",
                           clock=ManualClock(NOW))


def bench_search(svc: IncidentService, queries: list[str], rounds: int = 5) -> tuple[float, float]:
    """p95 over warm rounds, and the slowest first (cold) query, reported separately.
    Every query finds something in the generated mirror: an empty answer is no figure."""
    cold = []
    for q in queries:
        t = time.perf_counter()
        found = svc.list_page(IncidentQuery(text=q), 0, 200)
        cold.append((time.perf_counter() - t) * 1000)
        require(found, f"the search for {q!r} found nothing")
    times = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            svc.list_page(IncidentQuery(text=q), 0, 200)
            times.append((time.perf_counter() - t) * 1000)
    return p95(times), max(cold)


def bench_append(svc: IncidentService, n: int = 300) -> float:
    ids = [i.id for i in svc.list_page(IncidentQuery(), 0, 50)]
    require(ids, "no incident to append to")
    for k in range(20):  # warm the caches the first commits would otherwise pay for
        svc.append_entry(ids[k % len(ids)], EntryKind.NOTE, f"预热 {k}", "bench")
    times = []
    for k in range(n):
        t = time.perf_counter()
        svc.append_entry(ids[k % len(ids)], EntryKind.NOTE, f"基准测试备注 {k}：现场情况平稳。", "bench")
        times.append((time.perf_counter() - t) * 1000)
    return p95(times)


def bench_first_paint(path: Path) -> float:
    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    from views.common.event_relay import DomainEventRelay
    from views.common.task_runner import TaskRunner
    from views.incident_log.view import IncidentLogView

    app = QApplication.instance() or QApplication([])
    tz = ZoneInfo("Asia/Shanghai")
    painted: list[float] = []

    class PaintWatch(QObject):
        def eventFilter(self, obj, event):  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and view.table.model().rowCount() > 0 and not painted:
                painted.append(time.perf_counter())
            return False

    start = time.perf_counter()  # the mirror is opened (and checked) inside the figure
    svc = service_for(path)
    runner = TaskRunner()
    view = IncidentLogView(svc, runner, DomainEventRelay(), author="bench", tz=tz)
    watch = PaintWatch()
    view.table.viewport().installEventFilter(watch)
    view.resize(1600, 900)
    view.show()
    deadline = time.perf_counter() + 30
    while not painted and time.perf_counter() < deadline:
        app.processEvents()
    view.close()
    runner.shutdown()
    svc.mirror.close()
    require(painted, "the incident list painted no rows within 30 s")
    return painted[0] - start


def bench_bulk_ratio() -> float:
    gen = DemoGenerator(load_taxonomy(), seed=3)
    demo = gen.generate(5000, NOW, span=timedelta(days=30), entries_per_incident=10)
    rows = len(demo.incidents) + len(demo.entries)
    with tempfile.TemporaryDirectory() as tmp:
        mirror = open_mirror(Path(tmp) / "a.db")
        t = time.perf_counter()
        load_batch(mirror, demo.incidents, demo.entries)
        through_mirror = rows / (time.perf_counter() - t)
        mirror.close()
        raw_mirror = open_mirror(Path(tmp) / "b.db")  # same schema, triggers and indexes
        con = raw_mirror.raw_connection()
        con.execute("PRAGMA synchronous=NORMAL")
        inc_cols = ["pk", *INCIDENT_COLUMNS]
        ent_cols = ["incident_pk", *ENTRY_COLUMNS]
        t = time.perf_counter()
        con.execute("BEGIN")
        pks = {inc["id"]: n + 1 for n, inc in enumerate(demo.incidents)}
        con.executemany(
            f"INSERT INTO incidents({','.join(inc_cols)}) VALUES ({','.join('?' * len(inc_cols))})",
            [[pks[i["id"]], *(i.get(c, 1 if c == "level" else "") for c in INCIDENT_COLUMNS)] for i in demo.incidents],
        )
        con.executemany(
            f"INSERT INTO entries({','.join(ent_cols)}) VALUES ({','.join('?' * len(ent_cols))})",
            [[pks[e["incident_id"]], *(e.get(c, {"server_seq": None, "level": 1}.get(c, "")) for c in ENTRY_COLUMNS)]
             for e in demo.entries],  # server_seq: None
        )
        con.execute("COMMIT")
        raw = rows / (time.perf_counter() - t)
        con.close()
        raw_mirror.close()
    return through_mirror / raw


def run() -> None:
    path = bench_mirror_path(INCIDENTS, ENTRIES_PER_INCIDENT)
    emit("incident_log.mirror_mb", path.stat().st_size / 2**20, "MB", "report")
    emit("incident_log.open_first_paint_s", bench_first_paint(path), "s", "< 1.0")
    # After a crash (no clean close) the whole integrity check runs before the first page.
    Path(str(path) + ".clean").unlink(missing_ok=True)
    emit("incident_log.open_first_paint_after_crash_s", bench_first_paint(path), "s", "report")
    with tempfile.TemporaryDirectory() as tmp:
        # Searches read the shared mirror; appends go to a copy so the cache stays clean.
        svc = service_for(path)
        warm, cold = bench_search(svc, FTS_QUERIES)
        emit("incident_log.search_fts_p95_ms", warm, "ms", "< 50")
        emit("incident_log.search_fts_cold_max_ms", cold, "ms", "report")
        warm, cold = bench_search(svc, SHORT_QUERIES)
        emit("incident_log.search_short_p95_ms", warm, "ms", "< 300")
        emit("incident_log.search_short_cold_max_ms", cold, "ms", "report")
        svc.mirror.close()
        copy = Path(tmp) / "copy.db"
        shutil.copyfile(path, copy)
        os.sync()  # the copy's writeback must not land inside the measured fsyncs
        svc = service_for(copy)
        emit("incident_log.append_entry_p95_ms", bench_append(svc), "ms", "< 20")
        svc.mirror.close()
    emit("incident_log.bulk_insert_vs_raw_sqlite", bench_bulk_ratio(), "ratio", "> 0.5")
