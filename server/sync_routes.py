"""The sync contract's routes (services/sync/wire.py): ops in, changes and
snapshots out, and the event stream that says when to ask. Kept apart from
create_app so the app module reads as wiring."""

# No `from __future__ import annotations`: the routes' dependencies are resolved at run time.

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse
from sqlalchemy.orm import Session
from starlette.requests import ClientDisconnect

from server import pg_rls
from server.actor import Actor
from server.change_notifier import ChangeNotifier
from server.db import Database
from server.feed import change_page_json, snapshot_page_json
from server.http_errors import errors
from server.record_kind import Registry
from services.sync.wire import MAX_BATCH_OPS, ChangePage, OpBatchResult, SnapshotPage
from services.text_rules import INT64_MAX, JSON_NUMBERS, text_problem

MAX_PAGE = 5000
PLAIN = r"^[^\x00-\x1f\x7f]*$"  # ids in paths and queries: no NUL or control characters
log = logging.getLogger(__name__)


def sync_router(db: Database, kinds: Registry, cluster_id: str, state: Any, streams: ChangeNotifier,
                keepalive_seconds: float, write_batch: Callable[[list[Any], int | None, Actor], OpBatchResult],
                wake_streams: Callable[[], None], actor_for: Callable[..., Actor],
                can_write: Any, can_read: Any) -> APIRouter:
    """`state`: app.state (level_names, open_streams); `write_batch`: create_app's one write path."""
    router = APIRouter()

    @router.post(
        "/ops",
        response_model=OpBatchResult,
        responses=errors(400, 401, 403, 413, 422),
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OpBatch"}}},
            }
        },
    )
    async def post_ops(request: Request, user: can_write) -> Response:
        """The body is parsed op by op (not as one OpBatch) so a malformed op is
        answered `rejected` while the rest of its batch is applied. Who wrote
        them is the token's account and workstation, never the ops'."""
        length = request.headers.get("content-length")
        body = bytearray()
        try:
            async for chunk in request.stream():
                body += chunk
        except ClientDisconnect:
            # A normal event on a bad link: the client sends the batch again.
            peer = f"{request.client.host}:{request.client.port}" if request.client else "?"
            log.info("upload from %s ended early: the client disconnected after %d of %s bytes; nothing applied",
                     peer, len(body), length or "?")
            return Response(status_code=400)
        try:
            batch = json.loads(body, **JSON_NUMBERS)  # unusable numbers refuse their op, not the batch
        except (ValueError, RecursionError):
            raise HTTPException(422, "request body is not JSON") from None
        if not isinstance(batch, dict) or set(batch) != {"client_id", "ops"}:
            raise HTTPException(422, 'request body must be {"client_id": ..., "ops": [...]}')
        client_id, ops = batch["client_id"], batch["ops"]
        if not isinstance(client_id, str) or not 1 <= len(client_id) <= 64 or text_problem(client_id):
            raise HTTPException(422, "client_id must be text of 1 to 64 characters")
        if not isinstance(ops, list):
            raise HTTPException(422, "ops must be a list")
        if len(ops) > MAX_BATCH_OPS:
            raise HTTPException(413, f"{len(ops)} operations in one batch; at most {MAX_BATCH_OPS}")
        result = await run_in_threadpool(write_batch, ops, len(body), actor_for(user, client_id))
        wake_streams()
        # Encoded once, as it is (an OpBatchResult already): FastAPI's response_model would
        # dump, validate and encode a 500-op batch's answers again (~3 ms a batch).
        return Response(result.model_dump_json(), media_type="application/json")

    @router.get("/changes", response_model=ChangePage, responses=errors(401, 403, 422))
    def changes(
        user: can_read,
        after: Annotated[int, Query(ge=0, le=INT64_MAX)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
        coalesce: bool = False,
    ) -> Response:
        """Changes after `after`, in seq order. With `coalesce`, telemetry
        (positions, readings) yields to everything else: only each source's
        latest, the rest named in `gaps` to fetch later. Nothing above the
        caller's clearance (server/clearance.py; PostgreSQL enforces it too)."""
        with pg_rls.scope(user.clearance), Session(db.engine) as s:
            body = change_page_json(s, kinds, cluster_id, after, limit, coalesce, user.clearance,
                                    state.level_names)
        return Response(body, media_type="application/json")

    @router.get("/snapshot", response_model=SnapshotPage, responses=errors(401, 403, 422))
    def snapshot(
        user: can_read,
        entity: str = Query(pattern="^[a-z_]{1,32}$", json_schema_extra={"enum": list(kinds.snapshot_order)}),
        after_id: Annotated[str, Query(max_length=64, pattern=PLAIN)] = "",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
        as_of: Annotated[int | None, Query(ge=0, le=INT64_MAX)] = None,
    ) -> Response:
        """Records of one kind, for a new mirror; kinds in the order to fetch them."""
        kind = kinds.kind(entity)
        if kind is None:
            raise HTTPException(422, f"unknown entity {entity!r}; kinds: {', '.join(kinds.snapshot_order)}")
        with pg_rls.scope(user.clearance), Session(db.engine) as s:
            body = snapshot_page_json(s, kind, cluster_id, after_id, limit, as_of, user.clearance)
        return Response(body, media_type="application/json")

    @router.get("/events", response_class=StreamingResponse, responses=errors(401, 403))
    async def events(request: Request, _user: can_read) -> StreamingResponse:
        """`event: seq` with the latest seq at once and whenever it grows; a comment
        keeps proxies from closing an idle stream."""

        async def stream() -> AsyncIterator[str]:
            state.open_streams += 1
            try:
                seq = await streams.latest()
                yield f"event: seq\ndata: {seq}\n\n"
                loop = asyncio.get_running_loop()
                last_sent = loop.time()
                while not await request.is_disconnected():
                    wait = max(0.05, min(1.0, keepalive_seconds - (loop.time() - last_sent)))
                    latest = await streams.wait_after(seq, wait)
                    if latest > seq:
                        seq = latest
                        yield f"event: seq\ndata: {seq}\n\n"
                        last_sent = loop.time()
                    elif loop.time() - last_sent >= keepalive_seconds:
                        yield ": keep-alive\n\n"
                        last_sent = loop.time()
            finally:
                state.open_streams -= 1

        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

    return router
