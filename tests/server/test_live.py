"""Over real HTTP (uvicorn on a loopback port): the event stream and the
reusable live-server helper."""

from __future__ import annotations

import threading
import time

import httpx

from server.app import add_user
from services.sync.wire import API_PREFIX, OpBatchResult
from tests.helpers import wait_until
from tests.server.conftest import PASSWORD, create_op, incident_payload
from tests.server.live_server import start_live_server


def token(live, username: str = "duty") -> dict:
    response = httpx.post(live.url + API_PREFIX + "/auth/login",
                          json={"username": username, "password": PASSWORD})  # fmt: skip
    response.raise_for_status()
    return {"Authorization": "Bearer " + response.json()["access_token"]}


def read_events(lines, count: int) -> list[tuple[str, str]]:
    """The next `count` (event, data) pairs from a line iterator (one per stream:
    httpx streams can be iterated once); comments come back as (":", text)."""
    out, event = [], ""
    for line in lines:
        if line.startswith(":"):
            out.append((":", line[1:].strip()))
        elif line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:"):
            out.append((event, line[5:].strip()))
        if len(out) >= count:
            return out
    return out


def test_event_stream_announces_a_new_seq_after_a_write(live):
    headers = token(live)
    with httpx.Client(base_url=live.url, headers=headers, timeout=5) as http:
        with http.stream("GET", API_PREFIX + "/events") as stream:
            assert stream.status_code == 200
            lines = stream.iter_lines()
            assert read_events(lines, 1) == [("seq", "0")]
            started = time.monotonic()
            writer = threading.Timer(0.1, lambda: http.post(
                API_PREFIX + "/ops", json={"client_id": "a", "ops": [create_op(incident_payload())]}))  # fmt: skip
            writer.start()
            assert read_events(lines, 1) == [("seq", "1")]
            assert time.monotonic() - started < 2
            writer.join()


def test_ops_over_http_with_the_client_engines_encoding(live):
    body = {"client_id": "a", "ops": [create_op(incident_payload())]}
    response = httpx.post(live.url + API_PREFIX + "/ops", json=body, headers=token(live, "cmd"))
    result = OpBatchResult.model_validate(response.json())
    assert result.results[0].status == "applied" and result.latest_seq == 1


def test_keep_alive_comment_and_clean_end_on_disconnect(db_url):
    live = start_live_server(db_url, keepalive_seconds=0.3)
    try:
        add_user(live.app.state.db, "view", PASSWORD, "viewer")
        headers = token(live, "view")
        with httpx.stream("GET", live.url + API_PREFIX + "/events", headers=headers, timeout=5) as r:
            lines = r.iter_lines()  # kept: dropping the iterator closes the response
            assert read_events(lines, 2) == [("seq", "0"), (":", "keep-alive")]
            assert live.app.state.open_streams == 1
            assert read_events(lines, 1) == [(":", "keep-alive")]  # the stream lives on
        # The client went away: the server's generator must end by itself, promptly.
        wait_until(lambda: live.app.state.open_streams == 0, 2, what="the stream's generator to end", qt=False)
        started = time.monotonic()
    finally:
        live.stop()
    assert time.monotonic() - started < 1
    assert not live._thread.is_alive()


def test_health_over_http(live):
    response = httpx.get(live.url + API_PREFIX + "/health")
    assert response.status_code == 200
    assert response.json()["latest_seq"] == 0


def test_two_replicas_on_one_database_agree_and_write_concurrently(db_url):
    """Stateless replicas: same cluster id, each other's tokens, no lost or
    duplicated seq when both write at once."""
    from concurrent.futures import ThreadPoolExecutor

    first = start_live_server(db_url)
    second = start_live_server(db_url)
    try:
        add_user(first.app.state.db, "duty", PASSWORD, "duty_officer")
        headers = token(first)  # issued by one replica, accepted by the other
        assert first.app.state.cluster_id == second.app.state.cluster_id

        def write(n: int) -> list[str]:
            url = (first, second)[n % 2].url + API_PREFIX + "/ops"
            ops = [create_op(incident_payload(code=f"2026-{n:02d}{k:02d}")) for k in range(5)]
            response = httpx.post(url, json={"client_id": f"c{n}", "ops": ops}, headers=headers,
                                  timeout=10)  # fmt: skip
            return [r["status"] for r in response.json()["results"]]

        with ThreadPoolExecutor(8) as pool:
            statuses = [s for batch in pool.map(write, range(8)) for s in batch]
        assert statuses == ["applied"] * 40
        response = httpx.get(second.url + API_PREFIX + "/changes", params={"limit": 100},
                             headers=headers)  # fmt: skip
        seqs = [c["seq"] for c in response.json()["changes"]]
        assert seqs == list(range(1, 41))
    finally:
        first.stop()
        second.stop()
