"""Live positions end to end through a real platform: a field unit's POST and a
CoT device reach a workstation's mirror; a fix phoned in at one workstation is
coalesced in its outbox and reaches another; positions never ride in a batch
with an incident, and an incident crosses the thin link while units report."""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import UTC, datetime, timedelta

import httpx

from server.app import add_user
from services.outbox import TELEMETRY
from services.positions.contract import PositionProblem, record_id
from services.positions.store import PositionStore
from services.sync import outbox_store
from services.sync.wire import API_PREFIX
from tests.cot_sender import CotSender, event
from tests.faultproxy import FaultProxy
from tests.helpers import draft, wait_until
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client


def _platform(tmp_path, **kw):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"), **kw)
    add_users(live)
    return live


def test_a_field_units_fix_reaches_the_workstation_and_greys_when_stale(tmp_path, clock):
    live = _platform(tmp_path)
    add_user(live.app.state.db, "unit7", "unit-pw", "field_unit", unit_id="team-7")
    client = make_client(tmp_path / "a.db", [live.url], clock)
    try:
        token = httpx.post(live.url + API_PREFIX + "/auth/login",
                           json={"username": "unit7", "password": "unit-pw"}).json()["access_token"]
        now = datetime.now(UTC)
        answer = httpx.post(live.url + API_PREFIX + "/positions", headers={"Authorization": "Bearer " + token},
                            json={"time": now.isoformat(), "lat": 29.56, "lon": 106.55, "callsign": "渝中一队",
                                  "stale": (now + timedelta(minutes=3)).isoformat()})
        assert answer.status_code == 200, answer.text
        assert client.sync()
        clock.set(now)
        store = PositionStore(client.mirror, clock=clock)
        [unit] = store.units()
        assert (unit.resource_id, unit.callsign, unit.stale) == ("team-7", "渝中一队", False)
        assert store.live_by_resource()["team-7"][:2] == (29.56, 106.55)
        clock.set(now + timedelta(minutes=3))
        assert store.units()[0].stale and store.live_by_resource() == {}
    finally:
        client.close()
        live.stop()


def test_phoned_in_fixes_are_coalesced_in_the_outbox_and_reach_the_other_workstation(tmp_path, clock):
    live = _platform(tmp_path)
    a = make_client(tmp_path / "a.db", [live.url], clock)
    b = make_client(tmp_path / "b.db", [live.url], clock, site="B")
    try:
        store = PositionStore(a.mirror, clock=clock)
        for minute in range(3):
            store.report("team-3", "三队", 29.5 + minute / 100, 106.5, clock.now() - timedelta(minutes=3 - minute))
        ops = outbox_store.next_batch(a.mirror, 100)
        assert [(op.entity, op.priority) for op in ops] == [("position", TELEMETRY)]  # only the latest
        assert ops[0].payload["lat"] == 29.52
        try:
            store.report("team-3", "三队", 95.0, 106.5, clock.now())
        except PositionProblem as exc:
            assert "lat" in str(exc)
        else:
            raise AssertionError("a latitude of 95 was taken")
        assert a.sync() and b.sync()
        [seen] = PositionStore(b.mirror, clock=clock).units()
        assert (seen.id, seen.lat, seen.source) == (record_id("room", "team-3"), 29.52, "room")
        assert [round(p[0], 2) for p in seen.track] == [29.52]
    finally:
        a.close()
        b.close()
        live.stop()


def test_positions_never_ride_with_an_incident_and_go_in_small_batches(tmp_path, clock):
    client = make_client(tmp_path / "a.db", [], clock)
    try:
        store = PositionStore(client.mirror, clock=clock)
        for n in range(60):
            store.report(f"team-{n}", "", 29.5, 106.5, clock.now())
        incident = client.incidents.create_incident(draft(clock), "a")
        first = outbox_store.next_batch(client.mirror, 100)
        assert "position" not in {op.entity for op in first} and first[0].entity_id == incident.id
        rest = outbox_store.next_batch(client.mirror, 100, in_flight=frozenset(op.op_id for op in first))
        assert {op.entity for op in rest} == {"position"} and len(rest) == outbox_store.TELEMETRY_BATCH
    finally:
        client.close()


def test_an_incident_crosses_the_thin_link_while_500_units_report(tmp_path, clock):
    live = _platform(tmp_path, cot_listen=("127.0.0.1", 0))
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    client = make_client(tmp_path / "a.db", [proxy.url()], clock)
    stop = threading.Event()

    def report_forever():
        sender = CotSender(live.app.state.cot_port)
        n = 0
        while not stop.is_set():
            now = datetime.now(UTC)
            sender.send(b"".join(event(f"unit-{u}", 29.5 + (n % 100) / 1000, 106.4 + u / 1000, now)
                                 for u in range(500)))
            n += 1
            stop.wait(1.0)
        sender.close()

    reporter = threading.Thread(target=report_forever, daemon=True)
    loop_thread = None
    try:
        assert client.sync()
        proxy.bandwidth(64_000)
        proxy.latency(300)
        reporter.start()
        wait_until(lambda: len(_platform_positions(live)) == 500, what="500 units on the platform")
        client.engine.session.renew()
        loop = asyncio.new_event_loop()
        loop_thread = threading.Thread(target=loop.run_until_complete, args=(client.engine.run_forever(),),
                                       daemon=True)
        loop_thread.start()
        wait_until(lambda: PositionStore(client.mirror, clock=clock).units(), timeout=60,
                   what="positions arriving over the thin link")
        incident = client.incidents.create_incident(draft(clock), "a")
        client.engine.wake()
        started = time.monotonic()
        wait_until(lambda: incident.id in _platform_incidents(live), timeout=30, interval_ms=50,
                   what="the incident on the platform")
        elapsed = time.monotonic() - started
        assert elapsed < 5, elapsed
    finally:
        stop.set()
        client.engine.stop()
        if loop_thread is not None:
            loop_thread.join(10)
        client.close()
        proxy.stop()
        live.stop()


def _platform_positions(live) -> list:
    from sqlalchemy import text

    with live.app.state.db.engine.connect() as c:
        return list(c.execute(text("SELECT id FROM positions")))


def _platform_incidents(live) -> set[str]:
    from sqlalchemy import text

    with live.app.state.db.engine.connect() as c:
        return {r[0] for r in c.execute(text("SELECT id FROM incidents"))}
