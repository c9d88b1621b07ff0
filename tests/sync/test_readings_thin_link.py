"""Readings are telemetry in the feed: over the 64 kbit/s, 600 ms link a burst
of readings costs one change per station, an incident written at another
workstation behind the burst arrives within seconds, and the readings the
coalesced page skipped are fetched afterwards from the platform's history."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from datetime import UTC, datetime, timedelta

import httpx
from sqlalchemy import text

from server.app import add_user
from services.sync.wire import API_PREFIX
from tests.faultproxy import FaultProxy
from tests.helpers import draft, wait_until
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

STATIONS, PER_STATION = 30, 40


def _token(live, username: str = "duty") -> dict:
    answer = httpx.post(live.url + API_PREFIX + "/auth/login",
                        json={"username": username, "password": f"{username}-pw"})
    return {"Authorization": "Bearer " + answer.json()["access_token"]}


def _stations(live, headers) -> list[str]:
    ids, ops = [], []
    for n in range(STATIONS):
        sid = str(uuid.uuid4())
        ids.append(sid)
        ops.append({"op_id": str(uuid.uuid4()), "entity": "station", "entity_id": sid, "op": "create",
                    "base_version": 0, "priority": 5, "created_at": datetime.now(UTC).isoformat(),
                    "site_code": "CQ", "payload": {
                        "id": sid, "code": f"6010{n:04d}", "name": f"站{n}", "kind": "rain", "org": "水文站",
                        "place": "", "lat": 29.5, "lon": 106.5, "unit": "mm", "thresholds": {}, "rules": {}}})
    answer = httpx.post(live.url + API_PREFIX + "/ops", headers=headers,
                        json={"client_id": "test-feeder", "ops": ops})
    assert answer.status_code == 200, answer.text
    assert {r["status"] for r in answer.json()["results"]} == {"applied"}, answer.text
    return ids


def _burst(live, headers, stations: list[str], start: datetime) -> None:
    readings = [{"station": sid, "time": (start + timedelta(minutes=m)).isoformat(), "value": float(m % 7)}
                for sid in stations for m in range(PER_STATION)]
    answer = httpx.post(live.url + API_PREFIX + "/monitoring/readings", headers=headers,
                        json={"readings": readings}, timeout=60)
    assert answer.status_code == 200 and answer.json()["applied"] == len(readings), answer.text


def _count(client, sql: str) -> int:
    with client.mirror.read() as s:
        return s.execute(text(sql)).scalar_one()


def test_an_incident_is_not_held_back_by_a_burst_of_readings_on_a_thin_link(tmp_path, clock):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    add_user(live.app.state.db, "gauge", "gauge-pw", "sensor_gateway")  # posts the readings
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    thin = make_client(tmp_path / "thin.db", [proxy.url()], clock)
    other = make_client(tmp_path / "other.db", [live.url], clock, site="B")
    loop_thread = None
    try:
        headers = _token(live, "chief")  # stations are the chief's to create
        stations = _stations(live, headers)
        assert thin.sync()
        proxy.bandwidth(64_000)
        proxy.latency(300)
        start = datetime.now(UTC) - timedelta(minutes=PER_STATION + 5)
        _burst(live, _token(live, "gauge"), stations, start)
        incident = other.incidents.create_incident(draft(clock), "b")
        assert other.sync()
        thin.engine.session.renew()  # its http client belongs to the loop it runs on
        started = time.monotonic()
        loop = asyncio.new_event_loop()
        loop_thread = threading.Thread(target=loop.run_until_complete, args=(thin.engine.run_forever(),),
                                       daemon=True)
        loop_thread.start()
        wait_until(lambda: _count(thin, f"SELECT count(*) FROM incidents WHERE id = '{incident.id}'") == 1,
                   timeout=30, interval_ms=50, what="the incident over the thin link")
        elapsed = time.monotonic() - started
        assert elapsed < 5, elapsed
        # The live value of every station came with it ...
        latest = (start + timedelta(minutes=PER_STATION - 1)).timestamp()
        assert _count(thin, f"SELECT count(*) FROM stations WHERE abs(latest_t - {latest}) < 0.01") == STATIONS
        # ... and the history the page skipped follows, then the gaps are gone.
        wait_until(lambda: _count(thin, "SELECT count(*) FROM readings") == STATIONS * PER_STATION,
                   timeout=90, what="the skipped readings fetched from the history")
        wait_until(lambda: _count(thin, "SELECT count(*) FROM feed_gaps") == 0, what="no gaps left")
    finally:
        thin.engine.stop()
        if loop_thread is not None:
            loop_thread.join(10)
        thin.close()
        other.close()
        proxy.stop()
        live.stop()
