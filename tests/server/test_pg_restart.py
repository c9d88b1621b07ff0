"""The platform survives a PostgreSQL restart (what a centre's failover looks like
from a replica): while the database is down requests answer 503 with
Retry-After and a sentence that says why, and once it is back they succeed
again without the platform being restarted. The URL names two hosts, the
first one dead, as a centre's names its primary and standby: the pool and the
LISTEN connection both find the one that takes writes. A cluster of its own:
stopping the session's would pull the floor from under other tests."""

from __future__ import annotations

import uuid

import httpx
import pytest

from tests.helpers import wait_until
from tests.pg import TempPostgres, free_port
from tests.server.process_server import create_user, start_server_process

NOW = "2026-11-22T08:00:00.000+00:00"


@pytest.fixture
def own_postgres():
    pg = TempPostgres()
    pg.start()
    yield pg
    pg.stop()


def incident_op(n: int) -> dict:
    incident = str(uuid.uuid4())
    payload = {"id": incident, "site_code": "CQ", "code": f"2026-{n:04d}", "title": "重启", "category": "natural",
               "severity": "IV", "status": "received", "occurred_at": NOW, "reported_at": NOW, "source": "phone"}
    return {"op_id": str(uuid.uuid4()), "entity": "incident", "entity_id": incident, "op": "create",
            "base_version": 0, "payload": payload, "priority": 1, "created_at": NOW, "site_code": "CQ"}


def test_requests_fail_clearly_during_a_restart_and_succeed_after_it(own_postgres, tmp_path):
    own_postgres.create_database("restart")
    db = (f"postgresql+psycopg://postgres@/restart?host=127.0.0.1:{free_port()}&host=127.0.0.1:{own_postgres.port}"
          "&target_session_attrs=read-write")
    create_user(db, "duty", "duty-password", "duty_officer")
    server = start_server_process(db, log=tmp_path / "server.log", key_file=tmp_path / "token.key",
                                  extra=("--audit-key-file", str(tmp_path / "audit.key")))
    try:
        with httpx.Client(base_url=server.url + "/api/v1", timeout=10) as http:
            login = http.post("/auth/login", json={"username": "duty", "password": "duty-password"})
            assert login.status_code == 200, login.text
            headers = {"Authorization": "Bearer " + login.json()["access_token"]}
            first = incident_op(1)
            before = http.post("/ops", json={"client_id": "ws-1", "ops": [first]}, headers=headers)
            assert before.status_code == 200 and before.json()["results"][0]["status"] == "applied", before.text

            own_postgres.halt()
            for answer in (http.get("/changes", params={"after": 0}, headers=headers),
                           http.post("/ops", json={"client_id": "ws-1", "ops": [incident_op(2)]}, headers=headers),
                           http.post("/auth/login", json={"username": "duty", "password": "duty-password"})):
                assert answer.status_code == 503, (answer.status_code, answer.text)
                assert answer.headers["Retry-After"] == "5"
                assert "database cannot be reached" in answer.json()["detail"]
            assert server.proc.poll() is None  # the replica is still up

            own_postgres.resume()
            resent = incident_op(2)  # what the client's outbox sends again
            wait_until(lambda: http.get("/changes", params={"after": 0}, headers=headers).status_code == 200,
                       30, what="the feed answering after PostgreSQL came back", qt=False)
            after = http.post("/ops", json={"client_id": "ws-1", "ops": [resent]}, headers=headers)
            assert after.status_code == 200 and after.json()["results"][0]["status"] == "applied", after.text
            feed = http.get("/changes", params={"after": 0}, headers=headers).json()
            assert [c["entity_id"] for c in feed["changes"]] == [first["entity_id"], resent["entity_id"]]
            assert http.post("/auth/login", json={"username": "duty", "password": "duty-password"}).status_code == 200
            assert told_after_a_write(http, headers) > feed["next_after"]  # LISTEN is back too
            assert server.proc.poll() is None
    finally:
        server.stop()
    assert "database unreachable" in (tmp_path / "server.log").read_text(errors="replace")


def told_after_a_write(http: httpx.Client, headers: dict) -> int:
    """The seq an event stream says after a write, waited for (NOTIFY: the stream is
    told within the safety net's 2 s poll; the wait allows more)."""
    with http.stream("GET", "/events", headers=headers, timeout=httpx.Timeout(10, read=10)) as stream:
        lines = stream.iter_lines()
        first = next(int(line[5:]) for line in lines if line.startswith("data:"))
        answer = http.post("/ops", json={"client_id": "ws-1", "ops": [incident_op(3)]}, headers=headers)
        assert answer.status_code == 200 and answer.json()["results"][0]["status"] == "applied", answer.text
        return next(int(line[5:]) for line in lines if line.startswith("data:") and int(line[5:]) > first)
