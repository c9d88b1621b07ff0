"""The engine survives malformed, truncated and hostile answers: a clear error,
the queue intact, nothing applied."""

from __future__ import annotations

import asyncio
import json
import random
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from services.sync import outbox_store
from services.sync.engine import Endpoint, SyncEngine
from tests.helpers import KINDS, draft

GOOD_HEALTH = {"status": "ok", "cluster_id": "c1", "latest_seq": 0, "server_time": "x", "api_version": 1}
GOOD_TOKEN = {"access_token": "t", "expires_at": "x", "username": "duty", "role": "duty_officer"}


def engine_with(mirror, handler) -> SyncEngine:
    return SyncEngine(
        mirror, [Endpoint("http://platform.test", "duty", "pw")], kinds=KINDS, client_id="m1",
        executor=ThreadPoolExecutor(1), transport=httpx.MockTransport(handler),
    )


def run(engine: SyncEngine) -> bool:
    async def go():
        try:
            return await engine.sync_once()
        finally:
            await engine.aclose()

    return asyncio.run(go())


def empty_snapshot(request: httpx.Request) -> httpx.Response:
    entity = request.url.params["entity"]
    return httpx.Response(200, json={"cluster_id": "c1", "entity": entity, "as_of": 0,
                                     "records": [], "next_after_id": None})


def answers(ops_body, changes_body=None, snapshot=empty_snapshot):
    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/health"):
            return httpx.Response(200, json=GOOD_HEALTH)
        if path.endswith("/auth/login"):
            return httpx.Response(200, json=GOOD_TOKEN)
        if path.endswith("/ops"):
            return ops_body(request) if callable(ops_body) else httpx.Response(200, content=ops_body)
        if path.endswith("/changes"):
            return httpx.Response(200, content=changes_body or b"")
        if path.endswith("/snapshot"):
            return snapshot(request)
        return httpx.Response(404)

    return handler


HOSTILE = [
    b"",
    b"not json",
    b'{"cluster_id": "c1", "latest_seq": 1, "results": [',  # truncated
    b"[]",
    json.dumps({"cluster_id": "c1", "latest_seq": 1, "results": [{"op_id": "x", "status": "eaten"}]}).encode(),
    json.dumps({"cluster_id": "c1", "latest_seq": 1, "results": []}).encode(),  # answers for nothing
    json.dumps({"cluster_id": "other", "latest_seq": 1, "results": []}).encode(),
    b"\xff\xfe\x00garbage" * 100,
    b"{" * 100_000,  # deeply nested
]


@pytest.mark.parametrize("body", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_op_answers_leave_the_queue_as_it_was(incident_service, mirror, clock, body):
    incident_service.create_incident(draft(clock), "a")
    before = outbox_store.count_by_state(mirror)
    engine = engine_with(mirror, answers(body))
    assert run(engine) is False
    assert engine.status.state == "offline" and engine.status.last_error
    assert outbox_store.count_by_state(mirror) == before


def test_random_bytes_fuzz_never_crash_the_engine(incident_service, mirror, clock):
    incident_service.create_incident(draft(clock), "a")
    rng = random.Random(5)
    for _ in range(40):
        blob = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 400)))
        assert run(engine_with(mirror, answers(blob))) is False
    assert outbox_store.count_by_state(mirror) == {"queued": 2}


def test_a_hostile_record_in_the_feed_is_refused_and_listed_and_the_feed_goes_on(incident_service, mirror, clock):
    incident_service.create_incident(draft(clock), "a")
    def ops_ok(request: httpx.Request) -> httpx.Response:
        ops = json.loads(request.content)["ops"]
        results = [{"op_id": o["op_id"], "status": "applied", "seq": n} for n, o in enumerate(ops, 1)]
        return httpx.Response(200, json={"cluster_id": "c1", "latest_seq": 2, "results": results})

    bad_feed = json.dumps({
        "cluster_id": "c1", "next_after": 5, "has_more": False,
        "changes": [{"seq": 5, "entity": "incident", "entity_id": "x", "version": 1, "data": {"id": "x"}}],
    }).encode()
    engine = engine_with(mirror, answers(ops_ok, bad_feed))
    assert run(engine) is True
    assert outbox_store.count_by_state(mirror) == {"acked": 2}
    from services.sync import refusals
    from services.sync.apply import cursor

    assert cursor(mirror, "c1") == 5
    assert [(r.entity, r.record_id, r.seq) for r in refusals.recent(mirror)] == [("incident", "x", 5)]


HOSTILE_SNAPSHOTS = [
    b"not json",
    {"cluster_id": "c1", "entity": "entry", "as_of": 3, "records": [], "next_after_id": None},  # wrong entity
    {"cluster_id": "other", "entity": "incident", "as_of": 3, "records": [], "next_after_id": None},
    {"cluster_id": "c1", "entity": "incident", "as_of": -1, "records": "many", "next_after_id": None},
]


@pytest.mark.parametrize("body", HOSTILE_SNAPSHOTS, ids=range(len(HOSTILE_SNAPSHOTS)))
def test_hostile_snapshot_leaves_the_bootstrap_where_it_was(mirror, body):
    def snapshot(_request):
        return httpx.Response(200, content=body if isinstance(body, bytes) else json.dumps(body))

    engine = engine_with(mirror, answers(b"", snapshot=snapshot))
    assert run(engine) is False
    assert engine.status.last_error
    from services.sync import bootstrap

    assert bootstrap.pending(mirror, KINDS, "c1") == bootstrap.Progress("incident", "", None)


def test_server_errors_and_refused_login(incident_service, mirror, clock):
    incident_service.create_incident(draft(clock), "a")

    def refuse(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/health"):
            return httpx.Response(200, json=GOOD_HEALTH)
        return httpx.Response(401, json={"detail": "bad password"})

    engine = engine_with(mirror, refuse)
    assert run(engine) is False
    assert "login refused" in engine.status.last_error
    engine = engine_with(mirror, lambda r: httpx.Response(503))
    assert run(engine) is False
    assert outbox_store.count_by_state(mirror) == {"queued": 2}
