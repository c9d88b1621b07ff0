"""Live positions figures (issue 17):

monitoring.positions_500_update_ms: 500 units move at once; from the batch's
ids to the real map page (QtWebEngine, offscreen) showing every one of them at
its new place: the mirror read, the rows, the page's update (p95 of 20 batches).

monitoring.thin_link_incident_s: a new incident written at a workstation until
it is on the platform, over the fault proxy's 64 kbit/s, 600 ms link, while 500
units keep reporting positions to the platform over CoT every second and the
workstation's engine keeps pulling them (worst of 5 incidents)."""

from __future__ import annotations

import asyncio
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tests.benchmarks.fixtures import emit, p95, require

UNITS = 500


def bench_map_batch(tmp: Path) -> float:
    from PySide6.QtWidgets import QApplication

    from offline_cache.database import open_mirror
    from services.clock import ManualClock
    from services.events import EventBus
    from services.positions.store import PositionStore
    from tests.helpers import wait_until
    from tests.map.helpers import js_value
    from views.common.event_relay import DomainEventRelay
    from views.common.task_runner import TaskRunner
    from views.map.units_layer import UnitsLayer
    from widgets.map_view import MapView, register_schemes

    register_schemes()
    app = QApplication.instance() or QApplication([])
    clock = ManualClock(datetime(2026, 11, 22, 8, 0, tzinfo=UTC))
    mirror = open_mirror(tmp / "positions.db")
    store = PositionStore(mirror, EventBus(), clock)
    runner, relay = TaskRunner(), DomainEventRelay()
    view = MapView()
    view.resize(1600, 1000)
    view.show()
    wait_until(lambda: view.ready, 30, what="the map page")
    layer = UnitsLayer(view, store, runner, relay, lambda lat, lon: (lat, lon))
    times = []
    for step in range(21):
        clock.advance(timedelta(seconds=5))
        ids = [store.report(f"team-{n}", f"救援队{n}", 29.3 + (n % 25) * 0.02 + step * 0.001,
                            106.3 + (n // 25) * 0.02 + step * 0.001, clock.now()) for n in range(UNITS)]
        probe = ids[-1]
        want = (29.3 + ((UNITS - 1) % 25) * 0.02 + step * 0.001, 106.3 + ((UNITS - 1) // 25) * 0.02 + step * 0.001)
        app.processEvents()
        started = time.perf_counter()
        layer.show(store.units(ids))
        wait_until(lambda p=probe, w=want: _at(js_value(view, f"wrUnits.where('{p}')"), w),
                   30, interval_ms=2, what="the batch on the page")
        times.append((time.perf_counter() - started) * 1000)
    require(js_value(view, "wrUnits.count()") == UNITS, "not every unit on the page")
    runner.shutdown()
    mirror.close()
    return p95(times[1:])  # the first batch creates the markers


def _at(where, want) -> bool:
    return bool(where) and abs(where[0] - want[0]) < 1e-7 and abs(where[1] - want[1]) < 1e-7


def bench_thin_link(tmp: Path) -> float:
    from services.clock import SystemClock
    from tests.cot_sender import CotSender, event
    from tests.faultproxy import FaultProxy
    from tests.helpers import draft, wait_until
    from tests.server.live_server import start_live_server
    from tests.sync.livesync import add_users, make_client

    live = start_live_server("sqlite:///" + str(tmp / "platform.db"), cot_listen=("127.0.0.1", 0))
    add_users(live)
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    clock = SystemClock()
    client = make_client(tmp / "a.db", [proxy.url()], clock)
    stop = threading.Event()

    def report_forever() -> None:
        sender = CotSender(live.app.state.cot_port)
        n = 0
        while not stop.is_set():
            now = datetime.now(UTC)
            sender.send(b"".join(event(f"unit-{u}", 29.5 + (n % 100) / 1000, 106.4 + u / 1000, now)
                                 for u in range(UNITS)))
            n += 1
            stop.wait(1.0)
        sender.close()

    def on_platform(incident_id: str) -> bool:
        from sqlalchemy import text

        with live.app.state.db.engine.connect() as c:
            return c.execute(text("SELECT 1 FROM incidents WHERE id = :i"), {"i": incident_id}).first() is not None

    reporter = threading.Thread(target=report_forever, daemon=True)
    loop_thread = None
    times = []
    try:
        require(client.sync(), "first exchange failed")
        proxy.bandwidth(64_000)
        proxy.latency(300)
        reporter.start()
        client.engine.session.renew()
        loop = asyncio.new_event_loop()
        loop_thread = threading.Thread(target=loop.run_until_complete, args=(client.engine.run_forever(),),
                                       daemon=True)
        loop_thread.start()
        from services.positions.store import PositionStore

        wait_until(lambda: len(PositionStore(client.mirror).units()) >= 100, 120,
                   what="positions coming down the thin link")
        for n in range(5):
            time.sleep(1.3 + n * 0.7)  # at different moments of the engine's pulls
            incident = client.incidents.create_incident(draft(clock), "a")
            client.engine.wake()
            started = time.monotonic()
            wait_until(lambda i=incident.id: on_platform(i), 60, interval_ms=20, what="the incident on the platform")
            times.append(time.monotonic() - started)
    finally:
        stop.set()
        client.engine.stop()
        if loop_thread is not None:
            loop_thread.join(15)
        client.close()
        proxy.stop()
        live.stop()
    return max(times)


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        emit("monitoring.positions_500_update_ms", bench_map_batch(tmp), "ms", "< 200")
        emit("monitoring.thin_link_incident_s", bench_thin_link(tmp), "s", "< 5")
