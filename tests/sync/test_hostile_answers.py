"""Answers a hostile platform (or anyone between it and an http:// workstation)
could send: a small gzip answer that expands into hundreds of megabytes is
refused once past the cap, with the queue and the mirror as they were."""

from __future__ import annotations

import asyncio
import resource
import zlib
from concurrent.futures import ThreadPoolExecutor

import httpx

from services.sync import outbox_store
from services.sync.bounded_http import MAX_ANSWER_BYTES
from services.sync.endpoint import Endpoint
from services.sync.engine import SyncEngine
from tests.helpers import KINDS, draft

HEALTH = {"status": "ok", "cluster_id": "c1", "latest_seq": 0, "server_time": "x", "api_version": 1}
TOKEN = {"access_token": "t", "expires_at": "x", "username": "duty", "role": "duty_officer"}


def gzip_bomb(expanded: int) -> bytes:
    """`expanded` bytes of a JSON-looking answer, gzip-compressed to a few hundred KB."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip framing
    parts = [squeeze.compress(b'{"cluster_id": "c1", "changes": [')]
    block = b" " * (1 << 20)
    for _ in range(expanded >> 20):
        parts.append(squeeze.compress(block))
    parts.append(squeeze.flush())
    return b"".join(parts)


def test_a_gzip_bomb_in_the_feed_is_refused_past_the_cap(mirror, clock, incident_service):
    bomb = gzip_bomb(512 << 20)
    assert len(bomb) < 1_000_000
    incident_service.create_incident(draft(clock), "陈晓")

    def handler(request: httpx.Request) -> httpx.Response:
        path = request.url.path
        if path.endswith("/health"):
            return httpx.Response(200, json=HEALTH)
        if path.endswith("/auth/login"):
            return httpx.Response(200, json=TOKEN)
        # (a stream, so that the test's own transport does not expand it first)
        return httpx.Response(200, stream=httpx.ByteStream(bomb), headers={"content-encoding": "gzip",
                                                                           "content-type": "application/json"})

    engine = SyncEngine(mirror, [Endpoint("http://platform.test", "duty", "pw")], kinds=KINDS, client_id="m1",
                        executor=ThreadPoolExecutor(1), transport=httpx.MockTransport(handler))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    async def go():
        try:
            return await engine.sync_once()
        finally:
            await engine.aclose()

    assert asyncio.run(go()) is False
    assert engine.status.problem == "bad_answer"
    assert "larger than" in engine.status.last_error
    grew = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 - before
    assert grew < 3 * MAX_ANSWER_BYTES  # the cap, not the bomb
    assert outbox_store.count_by_state(mirror) == {"queued": 2}  # the queue as it was
