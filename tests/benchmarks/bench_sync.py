"""Sync figures against a real platform server on loopback."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from offline_cache.schema import EntryRow
from services.clock import ManualClock
from services.incidents.model import EntryKind
from tests.benchmarks.fixtures import emit
from tests.faultproxy import FaultProxy
from tests.helpers import draft
from tests.server.process_server import create_user, start_server_process
from tests.sync.livesync import make_client

BENCH_PASSWORD = "duty-password"
CLOCK = ManualClock(datetime(2026, 11, 22, 8, 0, tzinfo=UTC))


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def has_entry(client, entry_id: str) -> bool:
    with client.mirror.read() as s:
        return s.scalar(select(EntryRow.pk).where(EntryRow.id == entry_id)) is not None


def bench_propagation(tmp: Path, live) -> float:
    a = make_client(tmp / "pa.db", [live.url], CLOCK, site="A", password=BENCH_PASSWORD)
    b = make_client(tmp / "pb.db", [live.url], CLOCK, site="B", password=BENCH_PASSWORD)
    inc = a.incidents.create_incident(draft(CLOCK), "a")
    a.sync()
    loop = asyncio.new_event_loop()
    runner = threading.Thread(target=loop.run_until_complete, args=(b.engine.run_forever(),),
                              daemon=True)
    runner.start()
    times = []
    try:
        time.sleep(1.0)  # B has caught up and listens to the event stream
        for n in range(60):
            entry = a.incidents.append_entry(inc.id, EntryKind.NOTE, f"传播测试 {n}", "a")
            start = time.perf_counter()
            a.sync()
            while not has_entry(b, entry.id):
                if time.perf_counter() - start > 10:
                    break
                time.sleep(0.002)
            times.append((time.perf_counter() - start) * 1000)
    finally:
        b.engine.stop()
        runner.join(15)
        a.close()
        b.close()
    return p95(times)


def fill_server(tmp: Path, live, incidents: int, entries_each: int) -> None:
    w = make_client(tmp / f"fill-{incidents}.db", [live.url], CLOCK, site="W", password=BENCH_PASSWORD)
    for n in range(incidents):
        inc = w.incidents.create_incident(draft(CLOCK, title=f"基准事件{n}"), "w")
        for k in range(entries_each):
            w.incidents.append_entry(inc.id, EntryKind.NOTE, f"基准备注{n}-{k}", "w")
    started = time.perf_counter()
    assert w.sync(), w.engine.status.last_error
    replay = time.perf_counter() - started
    w.close()
    return replay


def bench_catchup(tmp: Path, live) -> tuple[float, int]:
    c = make_client(tmp / "catchup.db", [live.url], CLOCK, site="C", password=BENCH_PASSWORD)
    started = time.perf_counter()
    assert c.sync()
    elapsed = time.perf_counter() - started
    with c.mirror.read() as s:
        from sqlalchemy import func

        from offline_cache.schema import IncidentRow

        rows = s.scalar(select(func.count()).select_from(EntryRow)) + s.scalar(
            select(func.count()).select_from(IncidentRow))
    c.close()
    return rows / elapsed, rows


def bench_thin_link(tmp: Path, live) -> float:
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    c = make_client(tmp / "thin.db", [proxy.url()], CLOCK, site="T", password=BENCH_PASSWORD)
    try:
        inc = c.incidents.create_incident(draft(CLOCK), "t")
        c.sync()
        proxy.bandwidth(64_000)
        proxy.latency(300)
        times = []
        for n in range(5):
            c.incidents.append_entry(inc.id, EntryKind.NOTE, f"卫星链路 {n}", "t")
            started = time.perf_counter()
            c.sync()
            times.append(time.perf_counter() - started)
        return max(times)
    finally:
        c.close()
        proxy.stop()


def bench_bootstrap(tmp: Path) -> tuple[float, int]:
    """An empty mirror to ~100,000 records from a platform that holds them."""
    from server.db import open_database
    from server.demo import seed_demo_incidents

    db = "sqlite:///" + str(tmp / "bootstrap.db")
    handle = open_database(db)
    seed_demo_incidents(handle, 10_000)
    handle.dispose()
    create_user(db, "duty", BENCH_PASSWORD, "duty_officer")
    server = start_server_process(db)
    try:
        c = make_client(tmp / "boot.db", [server.url], CLOCK, site="N", password=BENCH_PASSWORD)
        started = time.perf_counter()
        assert c.sync(), c.engine.status.last_error
        elapsed = time.perf_counter() - started
        with c.mirror.read() as s:
            from sqlalchemy import func

            from offline_cache.schema import IncidentRow

            rows = s.scalar(select(func.count()).select_from(EntryRow)) + s.scalar(
                select(func.count()).select_from(IncidentRow))
        c.close()
        return elapsed, rows
    finally:
        server.stop()


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        # The server runs as its own process, as deployed (not in the client's interpreter).
        db = "sqlite:///" + str(tmp / "platform.db")
        create_user(db, "duty", BENCH_PASSWORD, "duty_officer")
        live = start_server_process(db)
        try:
            emit("sync.propagation_p95_ms", bench_propagation(tmp, live), "ms", "< 250")
            replay = fill_server(tmp, live, 1000, 9)  # 1,000 incidents, 10,000+ operations
            emit("sync.replay_10k_ops_s", replay, "s", "< 5")
            per_s, rows = bench_catchup(tmp, live)
            emit("sync.catchup_changes_per_s", per_s, "changes/s", "> 20000")
            emit("sync.thin_link_entry_s", bench_thin_link(tmp, live), "s", "< 5")
        finally:
            live.stop()
        elapsed, rows = bench_bootstrap(tmp)
        emit("sync.bootstrap_records", rows, "records", "report")
        emit("sync.bootstrap_100k_s", elapsed * 100_000 / rows, "s", "< 15")
