"""Sync figures against a real platform server on loopback."""

from __future__ import annotations

import asyncio
import sqlite3
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import func, select

from offline_cache import search_index
from offline_cache.database import open_mirror, spaced_chars
from offline_cache.schema import EntryRow, IncidentRow, SyncCursorRow
from services.clock import ManualClock
from services.incidents.model import EntryKind
from services.sync import outbox_store
from services.sync.wire import API_PREFIX
from tests.benchmarks.fixtures import emit, p95, require
from tests.faultproxy import FaultProxy
from tests.helpers import draft, join_all, wait_until
from tests.server.process_server import create_user, start_server_process
from tests.sync.livesync import make_client

BENCH_PASSWORD = "duty-password"
CLOCK = ManualClock(datetime(2026, 11, 22, 8, 0, tzinfo=UTC))


def has_entry(client, entry_id: str) -> bool:
    with client.mirror.read() as s:
        return s.scalar(select(EntryRow.pk).where(EntryRow.id == entry_id)) is not None


def queued(client) -> int:
    return outbox_store.count_by_state(client.mirror).get("queued", 0)


def has_incident(client, incident_id: str) -> bool:
    with client.mirror.read() as s:
        return s.scalar(select(IncidentRow.pk).where(IncidentRow.id == incident_id)) is not None


def synced(client, **kwargs) -> None:
    """One exchange that must succeed."""
    require(client.sync(**kwargs), f"sync failed: {client.engine.status.last_error}")


def start_engine(client) -> threading.Thread:
    """The client's engine running as in the app (run_forever on its own loop); returns
    once its first exchange is done (told by its time: the benchmark's clock is moved on
    a second first). Whether it listens to the event stream is for the caller to prove
    (see listening())."""
    CLOCK.advance(timedelta(seconds=1))
    mark = CLOCK.now()
    loop = asyncio.new_event_loop()
    runner = threading.Thread(target=loop.run_until_complete, args=(client.engine.run_forever(),),
                              daemon=True)
    runner.start()
    wait_until(lambda: client.engine.status.last_success == mark, 30, qt=False,
               what="the engine's first exchange")
    return runner


def stop_engine(client, runner: threading.Thread) -> None:
    client.engine.stop()
    join_all([runner], 15)


def listening(writer, reader, incident_id: str) -> None:
    """Proves `reader`'s engine hears the event stream: an entry `writer` sends reaches it
    well within the engine's idle wait (30 s), which only news can cut short."""
    probe = writer.incidents.append_entry(incident_id, EntryKind.NOTE, "探测", "bench")
    synced(writer)
    wait_until(lambda: has_entry(reader, probe.id), 20, qt=False,
               what="a first entry to reach the other mirror through the event stream")


def bench_propagation(tmp: Path, live, tls=None) -> float:
    """`tls`: the clients' TlsSettings (bench_security_tls.py: the same over mutual TLS)."""
    a = make_client(tmp / "pa.db", [live.url], CLOCK, site="A", password=BENCH_PASSWORD, tls=tls)
    b = make_client(tmp / "pb.db", [live.url], CLOCK, site="B", password=BENCH_PASSWORD, tls=tls)
    inc = a.incidents.create_incident(draft(CLOCK), "a")
    synced(a)
    runner = start_engine(b)
    times = []
    try:
        require(has_incident(b, inc.id), "B's first exchange did not bring A's incident")
        listening(a, b, inc.id)
        for n in range(60):
            entry = a.incidents.append_entry(inc.id, EntryKind.NOTE, f"传播测试 {n}", "a")
            start = time.perf_counter()
            synced(a)
            wait_until(lambda e=entry: has_entry(b, e.id), 10, interval_ms=2, qt=False,
                       what=f"entry {n} to reach the other mirror")
            times.append((time.perf_counter() - start) * 1000)
    finally:
        stop_engine(b, runner)
        a.close()
        b.close()
    return p95(times)


REPLAY_OPS = 10_000


def bench_replay(tmp: Path, live, incidents: int = 1000) -> float:
    """REPLAY_OPS operations queued offline, from reconnect to all acknowledged. Each
    incident queues its create, its system "created" entry and its notes; the queue
    is counted, not assumed."""
    notes_each = REPLAY_OPS // incidents - 2
    w = make_client(tmp / f"fill-{incidents}.db", [live.url], CLOCK, site="W", password=BENCH_PASSWORD)
    try:
        synced(w)  # a site that was in step, then worked offline
        for n in range(incidents):
            inc = w.incidents.create_incident(draft(CLOCK, title=f"基准事件{n}"), "w")
            for k in range(notes_each):
                w.incidents.append_entry(inc.id, EntryKind.NOTE, f"基准备注{n}-{k}", "w")
        before = outbox_store.count_by_state(w.mirror)
        require(before.get("queued", 0) == REPLAY_OPS,
                f"{before.get('queued', 0)} operations queued, not {REPLAY_OPS}")
        started = time.perf_counter()
        synced(w)
        replay = time.perf_counter() - started
        after = outbox_store.count_by_state(w.mirror)
        require(after.get("queued", 0) == 0 and after.get("rejected", 0) == 0
                and after.get("acked", 0) - before.get("acked", 0) == REPLAY_OPS,
                f"not every operation acknowledged: {before} before, {after} after")
        return replay
    finally:
        w.close()


def bench_thin_link(tmp: Path, live) -> float:
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    c = make_client(tmp / "thin.db", [proxy.url()], CLOCK, site="T", password=BENCH_PASSWORD)
    try:
        inc = c.incidents.create_incident(draft(CLOCK), "t")
        synced(c)
        proxy.bandwidth(64_000)
        proxy.latency(300)
        times = []
        for n in range(5):
            c.incidents.append_entry(inc.id, EntryKind.NOTE, f"卫星链路 {n}", "t")
            started = time.perf_counter()
            synced(c)
            times.append(time.perf_counter() - started)
            require(queued(c) == 0, "the entry was not acknowledged")
        return max(times)
    finally:
        c.close()
        proxy.stop()


def seeded_platform(tmp: Path, incidents: int) -> str:
    """A platform database holding `incidents` demo incidents (~11 records each)."""
    from server.db import open_database
    from server.demo import seed_demo_incidents

    db = "sqlite:///" + str(tmp / f"platform-{incidents}.db")
    handle = open_database(db)
    seed_demo_incidents(handle, incidents)
    handle.dispose()
    create_user(db, "duty", BENCH_PASSWORD, "duty_officer")
    return db


def count_records(client) -> int:
    with client.mirror.read() as s:
        return s.scalar(select(func.count()).select_from(EntryRow)) + s.scalar(
            select(func.count()).select_from(IncidentRow))


def bench_bootstrap(server) -> tuple[float, int]:
    """An empty mirror to ~100,000 records (the snapshot, then the feed's tail)."""
    c = make_client(TMP / "boot.db", [server.url], CLOCK, site="N", password=BENCH_PASSWORD)
    try:
        started = time.perf_counter()
        synced(c)
        return time.perf_counter() - started, count_records(c)
    finally:
        c.close()


def bench_catchup(server) -> dict[str, float]:
    """A mirror that was offline while the platform took ~100,000 changes catches
    up through the change feed (no snapshot). Figures: applying the feed, the
    whole exchange, the deferred search indexing, and raw executemany of the
    same rows into the same schema (triggers and all) for comparison."""
    c = make_client(TMP / "catchup.db", [server.url], CLOCK, site="C", password=BENCH_PASSWORD)
    try:
        cluster = httpx.get(server.url + API_PREFIX + "/health").json()["cluster_id"]
        with c.mirror.write() as s:  # followed the feed before: no snapshot this time
            s.add(SyncCursorRow(cluster_id=cluster, after_seq=0, updated_at="", snapshot_done=True))
        started = time.perf_counter()
        synced(c)
        exchange = time.perf_counter() - started
        started = time.perf_counter()
        while search_index.index_some(c.mirror):
            pass
        indexing = time.perf_counter() - started
        changes, apply_s = c.engine.stats.applied, c.engine.stats.apply_s
        raw = raw_insert_seconds(c.mirror.path, TMP / "raw.db")
    finally:
        c.close()
    return {"changes": changes, "apply_per_s": changes / apply_s,
            "exchange_per_s": changes / exchange, "indexing_s": indexing,
            "vs_raw": raw / (apply_s + indexing)}


def raw_insert_seconds(source: Path, target: Path) -> float:
    """The same incident and entry rows through plain sqlite3 executemany into an
    empty mirror of the same schema, indexed as they go (one transaction)."""
    open_mirror(target).close()
    src = sqlite3.connect(source)
    incidents = src.execute("SELECT * FROM incidents ORDER BY pk").fetchall()
    entries = src.execute("SELECT * FROM entries ORDER BY pk").fetchall()
    src.close()
    con = sqlite3.connect(target, isolation_level=None)
    con.create_function("wr_chars", 1, spaced_chars, deterministic=True)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    started = time.perf_counter()
    con.execute("BEGIN")
    con.executemany(f"INSERT INTO incidents VALUES ({','.join('?' * len(incidents[0]))})", incidents)
    con.executemany(f"INSERT INTO entries VALUES ({','.join('?' * len(entries[0]))})", entries)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def bench_server_ops(live, clients: int = 20, incidents_each: int = 50) -> float:
    """Operations per second the platform answers with `clients` sites uploading
    at once (each 50 incidents, each with its system entry and 9 notes: 550
    operations a site, counted from the outboxes). Uploads only: the 20 clients
    share this process, and pulling each other's changes would measure them
    rather than the platform."""
    sites = [make_client(TMP / f"site{n}.db", [live.url], CLOCK, site=f"S{n:02d}",
                         password=BENCH_PASSWORD) for n in range(clients)]
    try:
        for c in sites:
            synced(c)
        for n, c in enumerate(sites):
            for k in range(incidents_each):
                inc = c.incidents.create_incident(draft(CLOCK, title=f"并发{n}-{k}"), "s")
                for j in range(9):
                    c.incidents.append_entry(inc.id, EntryKind.NOTE, f"并发备注{n}-{k}-{j}", "s")
        ops = sum(queued(c) for c in sites)
        require(ops == clients * incidents_each * 11, f"{ops} operations queued")
        results: list[bool] = []
        threads = [threading.Thread(target=lambda c=c: results.append(c.sync(upload_only=True))) for c in sites]
        started = time.perf_counter()
        for t in threads:
            t.start()
        join_all(threads, 300)
        elapsed = time.perf_counter() - started
        require(len(results) == clients and all(results), f"uploads failed: {results}")
        require(sum(queued(c) for c in sites) == 0, "operations left unacknowledged")
        return ops / elapsed
    finally:
        for c in sites:
            c.close()


TMP = Path(".")


def run() -> None:
    global TMP
    with tempfile.TemporaryDirectory() as tmp_name:
        TMP = Path(tmp_name)
        # The server runs as its own process, as deployed (not in the client's interpreter).
        db = "sqlite:///" + str(TMP / "platform.db")
        create_user(db, "duty", BENCH_PASSWORD, "duty_officer")
        live = start_server_process(db)
        try:
            emit("sync.propagation_p95_ms", bench_propagation(TMP, live), "ms", "< 250")
            emit("sync.replay_10k_ops_s", bench_replay(TMP, live), "s", "< 5")  # 1,000 incidents, 8 notes each
            emit("sync.thin_link_entry_s", bench_thin_link(TMP, live), "s", "< 5")
            emit("sync.server_ops_per_s", bench_server_ops(live), "ops/s", "report (20 clients)")
        finally:
            live.stop()
        server = start_server_process(seeded_platform(TMP, 10_000))
        try:
            elapsed, rows = bench_bootstrap(server)
            emit("sync.bootstrap_records", rows, "records", "report")
            emit("sync.bootstrap_100k_s", elapsed * 100_000 / rows, "s", "< 15")
            catchup = bench_catchup(server)
        finally:
            server.stop()
        emit("sync.catchup_changes", catchup["changes"], "changes", "report")
        emit("sync.catchup_changes_per_s", catchup["apply_per_s"], "changes/s", "> 20000")
        emit("sync.catchup_exchange_changes_per_s", catchup["exchange_per_s"], "changes/s",
             "report (fetch from the platform included)")
        emit("sync.catchup_search_indexing_s", catchup["indexing_s"], "s", "report (background)")
        emit("sync.catchup_vs_raw_sqlite", catchup["vs_raw"], "ratio", "> 0.3")
