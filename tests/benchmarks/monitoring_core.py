"""Monitoring core figures (run by bench_monitoring.py), against the platform
running as its own process, as deployed:

- monitoring.ingest_readings_per_s: readings stored (checked, written, announced
  in the feed and run through the alarm engine) per second, sustained over a few
  seconds of 1,000-reading batches from one gateway for 100 stations, on SQLite;
  monitoring.ingest_readings_per_s_pg the same on PostgreSQL (tests/pg.py).
- monitoring.alarm_latency_p95_ms: a reading over a station's threshold posted
  to the platform until a second workstation's mirror (its engine running as in
  the app, woken by the event stream) holds the alarm, p95 of 30."""

from __future__ import annotations

import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import select

from offline_cache.monitoring_schema import AlarmRow
from services.sync.wire import API_PREFIX
from tests.benchmarks.bench_sync import CLOCK, start_engine, stop_engine
from tests.benchmarks.fixtures import emit, p95, require
from tests.helpers import wait_until
from tests.server.process_server import create_user, start_server_process
from tests.sync.livesync import make_client

PASSWORD = "monitoring-bench"
STATIONS, BATCH, SUSTAIN_S, ALARMS = 100, 1000, 6.0, 30


def login(url: str, username: str = "duty") -> dict[str, str]:
    """A bearer header: "duty" makes the stations, "gauge" (a sensor_gateway account) posts the readings."""
    response = httpx.post(url + API_PREFIX + "/auth/login", json={"username": username, "password": PASSWORD})
    require(response.status_code == 200, f"login: {response.text}")
    return {"Authorization": "Bearer " + response.json()["access_token"]}


def make_stations(http: httpx.Client, count: int, prefix: str) -> list[str]:
    ids = [str(uuid.uuid4()) for _ in range(count)]
    ops = [{"op_id": str(uuid.uuid4()), "entity": "station", "entity_id": sid, "op": "create", "base_version": 0,
            "priority": 5, "created_at": datetime.now(UTC).isoformat(), "site_code": "CQ",
            "payload": {"id": sid, "code": f"{prefix}{n:05d}", "name": f"测站{n}", "kind": "river", "org": "水文",
                        "place": "", "lat": 29.5, "lon": 106.5, "unit": "m",
                        "thresholds": {"alert": 180.0, "guarantee": 183.0}, "rules": {"margin": 0.2}}}
           for n, sid in enumerate(ids)]
    for start in range(0, len(ops), 100):
        response = http.post(API_PREFIX + "/ops", json={"client_id": "bench", "ops": ops[start:start + 100]})
        require(response.status_code == 200 and all(r["status"] == "applied" for r in response.json()["results"]),
                f"stations not created: {response.text[:300]}")
    return ids


def bench_ingest(url: str) -> float:
    with httpx.Client(base_url=url, headers=login(url), timeout=60) as desk:
        stations = make_stations(desk, STATIONS, "B")
    with httpx.Client(base_url=url, headers=login(url, "gauge"), timeout=60) as http:
        base = datetime.now(UTC) - timedelta(days=20)
        stored, step = 0, 0
        started = time.perf_counter()
        while time.perf_counter() - started < SUSTAIN_S:
            items = []
            for _ in range(BATCH // STATIONS):
                at = (base + timedelta(seconds=60 * step)).isoformat()
                items += [{"station": sid, "time": at, "value": 170.0 + (step % 50) / 10} for sid in stations]
                step += 1
            response = http.post(API_PREFIX + "/monitoring/readings", json={"readings": items})
            require(response.status_code == 200, f"readings: {response.text[:300]}")
            require(response.json()["applied"] == len(items), f"not all stored: {response.text[:300]}")
            stored += len(items)
        return stored / (time.perf_counter() - started)


def bench_alarm_latency(tmp: Path, url: str) -> float:
    desk = make_client(tmp / "desk.db", [url], CLOCK, password=PASSWORD)
    with httpx.Client(base_url=url, headers=login(url), timeout=30) as room:
        stations = make_stations(room, ALARMS + 1, "L")
    with httpx.Client(base_url=url, headers=login(url, "gauge"), timeout=30) as http:
        runner = start_engine(desk)
        times = []
        try:
            for n, sid in enumerate(stations):
                reading = {"station": sid, "time": datetime.now(UTC).isoformat(), "value": 181.0}
                start = time.perf_counter()
                response = http.post(API_PREFIX + "/monitoring/readings", json={"readings": [reading]})
                require(response.status_code == 200 and response.json()["applied"] == 1, response.text[:300])

                def has_alarm(sid=sid) -> bool:
                    with desk.mirror.read() as s:
                        return s.scalar(select(AlarmRow.pk).where(AlarmRow.station_id == sid)) is not None

                wait_until(has_alarm, 20, interval_ms=2, qt=False, what=f"alarm {n} on the workstation")
                if n:  # the first proves the engine listens to the event stream
                    times.append((time.perf_counter() - start) * 1000)
        finally:
            stop_engine(desk, runner)
            desk.close()
    return p95(times)


def run_core() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = "sqlite:///" + str(tmp / "platform.db")
        create_user(db, "duty", PASSWORD, "duty_chief")  # creates the stations (admin and 值班长 only)
        create_user(db, "gauge", PASSWORD, "sensor_gateway")
        server = start_server_process(db)
        try:
            emit("monitoring.ingest_readings_per_s", bench_ingest(server.url), "readings/s", "> 5000")
            emit("monitoring.alarm_latency_p95_ms", bench_alarm_latency(tmp, server.url), "ms", "< 1000")
        finally:
            server.stop()
        from tests.pg import TempPostgres

        pg = TempPostgres()
        pg.start()
        try:
            pg_db = pg.create_database("monitoring_bench")
            create_user(pg_db, "duty", PASSWORD, "duty_chief")
            create_user(pg_db, "gauge", PASSWORD, "sensor_gateway")
            server = start_server_process(pg_db, key_file=tmp / "pg.key")
            try:
                emit("monitoring.ingest_readings_per_s_pg", bench_ingest(server.url), "readings/s", "report")
            finally:
                server.stop()
        finally:
            pg.stop()
