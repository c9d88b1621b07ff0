"""A stranger cannot take the platform down through its log-in (issue 19, class 5):
every body is limited (a 10 MB log-in is 413 without being read whole), a
validation error never echoes what was sent, password hashing runs a few at a
time with a short queue (forty wrong log-ins at once leave the health check
fast and the memory bounded), spraying names from one address is throttled,
and a user locked out from one address still logs in from another."""

from __future__ import annotations

import asyncio
import concurrent.futures
import time
from pathlib import Path

import httpx
from fastapi.testclient import TestClient

from server.hash_gate import Busy, HashGate
from server.login import LOGIN_MAX_BYTES
from server.throttle import MAX_ADDRESS_FAILURES
from services.sync.wire import API_PREFIX
from tests.server.conftest import login
from tests.server.process_server import start_server_process

LOGIN = API_PREFIX + "/auth/login"
MB = 1024 * 1024


def test_a_10_mb_login_is_refused_without_being_read_whole(app):
    """Streamed in 64 KB chunks without a length: the platform stops reading at its limit."""
    pulled = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"x" * 65536, "more_body": pulled < 160}  # 10 MB in all

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": LOGIN, "raw_path": LOGIN.encode(), "query_string": b"",
             "headers": [(b"content-type", b"application/json")], "client": ("10.1.1.1", 5000),
             "server": ("127.0.0.1", 80), "scheme": "http", "http_version": "1.1", "root_path": "", "app": app}
    asyncio.run(app(scope, receive, send))
    assert sent[0]["status"] == 413
    assert pulled * 65536 <= LOGIN_MAX_BYTES + 65536  # one chunk past the limit at most, never 10 MB


def test_a_body_announced_too_large_is_answered_at_once(client):
    response = client.post(LOGIN, content=b"{" + b" " * (10 * MB) + b"}",
                           headers={"Content-Type": "application/json"})
    assert response.status_code == 413 and len(response.content) < 200
    # every route has a limit, not only the log-in
    huge = client.put(API_PREFIX + "/walls/w1/report", content=b" " * (2 * MB), headers={"Content-Type": "application/json"})
    assert huge.status_code == 413


def test_a_validation_error_does_not_echo_the_body(client):
    secret = "my-real-password-" + "z" * 300  # over the 200 limit
    response = client.post(LOGIN, json={"username": "duty", "password": secret})
    assert response.status_code == 422
    assert "my-real-password" not in response.text and "zzzz" not in response.text
    assert response.json()["detail"][0]["loc"] == ["body", "password"]
    nul = client.post(LOGIN, json={"username": "du\x00ty", "password": "x"})
    assert nul.status_code == 422 and "NUL" in nul.json()["detail"]


def test_spraying_names_from_one_address_is_throttled(app):
    sprayer = TestClient(app, client=("10.0.0.66", 4000))
    for i in range(MAX_ADDRESS_FAILURES):
        assert login(sprayer, f"guess-{i}", "hunter22").status_code == 401
    blocked = login(sprayer, "duty")  # any name, even with the right password
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    assert login(TestClient(app, client=("10.0.0.7", 4000)), "duty").status_code == 200  # others are not


def test_a_user_locked_out_from_one_address_logs_in_from_another(app):
    attacker, own_desk = TestClient(app, client=("10.0.0.66", 4000)), TestClient(app, client=("10.0.9.1", 4000))
    for _ in range(5):
        assert login(attacker, "duty", "guess-guess").status_code == 401
    assert login(attacker, "duty").status_code == 429
    assert login(own_desk, "duty").status_code == 200


def test_the_hash_gate_bounds_running_and_waiting():
    gate = HashGate(slots=2, queue=3, wait_s=5)

    def slow(x: int) -> int:
        time.sleep(0.1)
        return x

    async def storm() -> list:
        return await asyncio.gather(*(gate.run(slow, i) for i in range(10)), return_exceptions=True)

    results = asyncio.run(storm())
    done = [r for r in results if not isinstance(r, BaseException)]
    assert len(done) == 5 and sum(isinstance(r, Busy) for r in results) == 5  # 2 running + 3 waiting
    assert gate.most_running == 2
    assert asyncio.run(gate.run(slow, 7)) == 7  # every slot was given back


def test_a_waiter_past_its_time_is_busy_and_gives_nothing_away():
    gate = HashGate(slots=1, queue=5, wait_s=0.1)

    async def both() -> list:
        return await asyncio.gather(gate.run(time.sleep, 0.5), gate.run(time.sleep, 0), return_exceptions=True)

    first, second = asyncio.run(both())
    assert first is None and isinstance(second, Busy)
    assert asyncio.run(gate.run(lambda: "free")) == "free"


def _peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def test_forty_wrong_logins_at_once_keep_health_fast_and_memory_bounded(tmp_path):
    """The platform as deployed (its own process, argon2 at 64 MiB a check)."""
    server = start_server_process(str(tmp_path / "p.db"))
    try:
        with httpx.Client(base_url=server.url + API_PREFIX, timeout=30) as http:
            http.get("/health")
            before = _peak_rss_mb(server.proc.pid)

            def wrong(i: int) -> int:
                with httpx.Client(base_url=server.url + API_PREFIX, timeout=60) as own:
                    return own.post("/auth/login", json={"username": f"u{i}", "password": "wrong"}).status_code

            with concurrent.futures.ThreadPoolExecutor(40) as pool:
                storm = [pool.submit(wrong, i) for i in range(40)]
                time.sleep(0.2)
                slowest = 0.0
                while not all(f.done() for f in storm):
                    started = time.monotonic()
                    assert http.get("/health").status_code == 200
                    slowest = max(slowest, time.monotonic() - started)
                    time.sleep(0.05)
                statuses = [f.result() for f in storm]
        assert set(statuses) <= {401, 429, 503} and 401 in statuses and 503 in statuses
        assert slowest < 0.5, f"health took {slowest:.2f} s during the storm"
        grown = _peak_rss_mb(server.proc.pid) - before
        assert grown < 400, f"peak memory grew {grown:.0f} MB"  # forty at once would be 2.5 GB
    finally:
        server.stop()
