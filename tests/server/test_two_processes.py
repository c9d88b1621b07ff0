"""Two server processes on one PostgreSQL database: a write through one reaches
an event stream served by the other (LISTEN/NOTIFY), and its change feed."""

from __future__ import annotations

import threading
import time
import uuid

import httpx

from tests.helpers import wait_until
from tests.server.process_server import create_user, start_server_process

NOW = "2026-11-22T08:00:00.000+00:00"


def login(url: str) -> dict:
    token = httpx.post(url + "/api/v1/auth/login",
                       json={"username": "duty", "password": "duty-password"}).json()
    return {"Authorization": "Bearer " + token["access_token"]}


def test_write_on_one_replica_reaches_the_stream_of_the_other(postgres, tmp_path):
    db = postgres.create_database("two_" + uuid.uuid4().hex[:8])
    create_user(db, "duty", "duty-password", "duty_officer")
    key = tmp_path / "token.key"  # replicas share one key
    a, b = start_server_process(db, key_file=key), start_server_process(db, key_file=key)
    seen: list[tuple[float, int]] = []
    try:
        headers_b = login(b.url)

        def listen() -> None:
            with httpx.stream("GET", b.url + "/api/v1/events", headers=headers_b,
                              timeout=httpx.Timeout(10, read=10)) as response:
                lines = response.iter_lines()
                for line in lines:
                    if line.startswith("data:"):
                        seen.append((time.monotonic(), int(line[5:])))
                        if seen[-1][1] > 0:
                            return

        listener = threading.Thread(target=listen, daemon=True)
        listener.start()
        # B's stream is open: it says the latest seq (0) as soon as it is served.
        wait_until(lambda: seen, 10, what="the first seq on B's event stream", qt=False)
        assert seen[0][1] == 0, seen
        incident = str(uuid.uuid4())
        payload = {"id": incident, "site_code": "CQ", "code": "2026-0001", "title": "跨进程",
                   "category": "natural", "severity": "IV", "status": "received",
                   "occurred_at": NOW, "reported_at": NOW, "source": "phone"}
        op = {"op_id": str(uuid.uuid4()), "entity": "incident", "entity_id": incident,
              "op": "create", "base_version": 0, "payload": payload, "priority": 1,
              "created_at": NOW, "site_code": "CQ"}
        headers_a = login(a.url)  # before the clock starts: the time is the write's, not a log-in's
        written = time.monotonic()
        r = httpx.post(a.url + "/api/v1/ops", json={"client_id": "t", "ops": [op]}, headers=headers_a)
        assert r.status_code == 200 and r.json()["results"][0]["status"] == "applied"
        listener.join(8)
        assert not listener.is_alive(), f"B's stream said no seq after the write: {seen}"
        assert seen[-1][1] >= 1, seen
        assert seen[-1][0] - written < 1.5  # NOTIFY, not the 2 s polling safety net
        feed = httpx.get(b.url + "/api/v1/changes", params={"after": 0}, headers=headers_b).json()
        assert [c["entity_id"] for c in feed["changes"]] == [incident]
    finally:
        a.stop()
        b.stop()
