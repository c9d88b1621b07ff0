"""The reference platform server: the other end of services/sync/wire.py."""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import tempfile
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import select, text
from sqlalchemy.orm import Session
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import ClientDisconnect

from server import auth, cameras, conferences, contacts, incidents, notifications, orders, resources
from server.apply import apply_batch
from server.change_notifier import (
    ChangeNotifier,
    PgListenNotifier,
    PollingNotifier,
    notify_in_transaction,
)
from server.db import (
    Database,
    UserRow,
    get_meta,
    latest_seq,
    open_database,
)
from server.feed import change_page_json, snapshot_page_json
from server.notifications import Gateway, LogGateway
from server.record_kind import Registry
from server.throttle import LoginThrottle
from server.wall import wall_router
from services.sync.wire import (
    API_PREFIX,
    MAX_BATCH_OPS,
    MAX_OP_BYTES,
    ChangePage,
    Health,
    LoginRequest,
    OpBatch,
    OpBatchResult,
    OpResult,
    OrderStatusReport,
    ParticipantReport,
    SnapshotPage,
    Token,
)

MAX_PAGE = 5000
# A whole batch may carry a few large ops; anything beyond this is refused unread.
MAX_REQUEST_BYTES = 16 * MAX_OP_BYTES
KEEPALIVE_SECONDS = 15.0
WRITERS = ("duty_officer", "commander")
READERS = ("duty_officer", "commander", "viewer")
DEMO_USERS = {"duty": "duty_officer", "commander": "commander", "viewer": "viewer", "admin": "admin"}
CanWrite = Annotated[auth.Principal, auth.require(*WRITERS)]
CanRead = Annotated[auth.Principal, auth.require(*READERS)]
CanReport = Annotated[auth.Principal, auth.require(*WRITERS, "field_unit")]  # steps of an order
_PG_WRITE_LOCK = 727_411  # serialises writers so seqs commit in order (feed never skips)
log = logging.getLogger(__name__)


def build_registry() -> Registry:
    """Every record kind the platform syncs, one line each (DESIGN.md, "Record
    kinds"): apply, feed and snapshot loop over it."""
    return Registry([
        incidents.INCIDENT,
        incidents.ENTRY,
        resources.RESOURCE,
        cameras.CAMERA,
        contacts.CONTACT,
        orders.ORDER,
        notifications.NOTIFICATION,
        conferences.CONFERENCE,
    ])


def iso(value: datetime) -> str:
    return value.isoformat(timespec="milliseconds")


def seed_demo_users(db: Database) -> dict[str, str]:
    """Creates the missing demo users with fresh random passwords; returns them once."""
    created = {}
    with Session(db.write) as s, s.begin():
        for name, role in DEMO_USERS.items():
            if s.scalar(select(UserRow.id).where(UserRow.username == name)) is None:
                password = secrets.token_urlsafe(9)
                auth.create_user(s, name, password, role)
                created[name] = password
    return created


def add_user(db: Database, username: str, password: str, role: str) -> None:
    with Session(db.write) as s, s.begin():
        auth.create_user(s, username, password, role)


def create_app(
    db_url: str,
    *,
    token_ttl: timedelta = auth.DEFAULT_TTL,
    seed_demo: bool = False,
    clock: Callable[[], datetime] = auth.utc_now,
    notifier: ChangeNotifier | None = None,
    keepalive_seconds: float = KEEPALIVE_SECONDS,
    gateway: Gateway | None = None,
    registry: Registry | None = None,
) -> FastAPI:
    """Builds the app over one database; `clock` is injectable for token tests."""
    db = open_database(db_url)
    kinds = registry or build_registry()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        close = getattr(streams, "close", None)
        if close is not None:
            close()
        db.dispose()

    app = FastAPI(
        title="Watchroom platform", version="1", openapi_url="/openapi.json", lifespan=lifespan
    )
    # Level 6 compresses JSON nearly as well as 9 at several times the speed.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)
    with Session(db.engine) as s:
        cluster_id = get_meta(s, "cluster_id")
        app.state.token_secret = get_meta(s, "token_secret")
    app.state.db = db
    app.state.registry = kinds
    # No SMS/voice line in the reference platform: messages go to a log and are reported as such.
    app.state.gateway = gateway or LogGateway(Path(tempfile.gettempdir()) / "watchroom-notifications.log")
    app.state.clock = clock
    throttle = LoginThrottle(clock)
    app.state.cluster_id = cluster_id
    app.state.open_streams = 0  # event streams being served (seen in tests, useful for metrics)
    app.state.demo_passwords = seed_demo_users(db) if seed_demo else {}
    # What wakes the event streams when changes commit (server/change_notifier.py).
    streams: ChangeNotifier
    if notifier is not None:
        streams = notifier
    elif db.is_postgres:
        streams = PgListenNotifier(db, db_url)
    else:
        streams = PollingNotifier(db)

    def wake_streams() -> None:
        poke = getattr(streams, "poke", None)
        if poke is not None:
            poke()

    def now() -> str:
        return iso(clock())

    app.include_router(wall_router(db, now, CanWrite, CanRead), prefix=API_PREFIX)

    @app.get(API_PREFIX + "/health", response_model=Health)
    def health() -> Health:
        with Session(db.engine) as s:
            return Health(cluster_id=cluster_id, latest_seq=latest_seq(s), server_time=now())

    @app.post(API_PREFIX + "/auth/login", response_model=Token)
    def login(body: LoginRequest, request: Request) -> Token:
        address = request.client.host if request.client else ""
        wait = throttle.retry_after(body.username, address)
        if wait:
            raise HTTPException(429, "too many failed log-ins; try again later",
                                headers={"Retry-After": str(wait)})
        with Session(db.engine) as s:
            user = auth.check_login(s, body.username, body.password)
            if user is None:
                throttle.failed(body.username, address)
                raise HTTPException(401, "wrong username or password")
            username, role = user.username, user.role
        throttle.succeeded(username, address)
        expires = clock() + token_ttl
        token = auth.issue_token(app.state.token_secret, username, role, expires)
        return Token(access_token=token, expires_at=iso(expires), username=username, role=role)

    def write_batch(raw_ops: list[Any], body_bytes: int) -> OpBatchResult:
        with Session(db.write, info={"gateway": app.state.gateway}) as s, s.begin():
            if db.is_postgres:
                s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITE_LOCK})
            results = apply_batch(s, kinds, raw_ops, now(), body_bytes)
            latest = latest_seq(s)
            if db.is_postgres:
                notify_in_transaction(s, latest)
        return OpBatchResult(cluster_id=cluster_id, latest_seq=latest, results=results)

    @app.post(
        API_PREFIX + "/ops",
        response_model=OpBatchResult,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": OpBatch.model_json_schema()}},
            }
        },
    )
    async def post_ops(request: Request, _user: CanWrite) -> OpBatchResult:
        """The body is parsed op by op (not as one OpBatch) so a malformed op is
        answered `rejected` while the rest of its batch is applied."""
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > MAX_REQUEST_BYTES:
            raise HTTPException(413, f"request larger than {MAX_REQUEST_BYTES} bytes")
        body = bytearray()
        try:
            async for chunk in request.stream():
                body += chunk
                if len(body) > MAX_REQUEST_BYTES:
                    raise HTTPException(413, f"request larger than {MAX_REQUEST_BYTES} bytes")
        except ClientDisconnect:
            # A normal event on a bad link: the client sends the batch again.
            peer = f"{request.client.host}:{request.client.port}" if request.client else "?"
            log.info("upload from %s ended early: the client disconnected after %d of %s bytes; nothing applied",
                     peer, len(body), length or "?")
            return Response(status_code=400)
        try:
            batch = json.loads(body)
        except ValueError:
            raise HTTPException(422, "request body is not JSON") from None
        if not isinstance(batch, dict) or set(batch) != {"client_id", "ops"}:
            raise HTTPException(422, 'request body must be {"client_id": ..., "ops": [...]}')
        client_id, ops = batch["client_id"], batch["ops"]
        if not isinstance(client_id, str) or not 1 <= len(client_id) <= 64:
            raise HTTPException(422, "client_id must be text of 1 to 64 characters")
        if not isinstance(ops, list):
            raise HTTPException(422, "ops must be a list")
        if len(ops) > MAX_BATCH_OPS:
            raise HTTPException(413, f"{len(ops)} operations in one batch; at most {MAX_BATCH_OPS}")
        result = await run_in_threadpool(write_batch, ops, len(body))
        wake_streams()
        return result

    @app.post(API_PREFIX + "/orders/{order_id}/status", response_model=OpResult)
    async def order_status(order_id: Annotated[str, PathParam(max_length=36)], body: OrderStatusReport,
                           user: CanReport) -> OpResult:
        """A field unit (or a watch room taking a phone call) reports a step of an
        order: 签收, 出发, 到场, 完成 or 拒绝. `op_id` makes a retry harmless."""
        op = {"op_id": body.op_id or str(uuid.uuid4()), "entity": "order", "entity_id": order_id,
              "op": "advance", "base_version": 0, "priority": 1, "created_at": now(),
              "payload": {"status": body.status, "by": body.by or user.username, "reason": body.reason}}
        result = (await run_in_threadpool(write_batch, [op], None)).results[0]
        wake_streams()
        if result.status == "rejected":
            raise HTTPException(404 if result.reason == "order unknown" else 422, result.reason)
        return result

    @app.post(API_PREFIX + "/conferences/{conference_id}/participants/{participant_id}", response_model=OpResult)
    async def participant_flags(conference_id: Annotated[str, PathParam(max_length=36)],
                                participant_id: Annotated[str, PathParam(max_length=64)],
                                body: ParticipantReport, user: CanReport) -> OpResult:
        """The conference bridge (or a site) reports who has joined, is muted, is speaking."""
        flags = body.model_dump(exclude_none=True)
        op = {"op_id": str(uuid.uuid4()), "entity": "conference", "entity_id": conference_id, "op": "update",
              "base_version": 0, "priority": 1, "created_at": now(), "payload": {"participant": participant_id, **flags}}
        result = (await run_in_threadpool(write_batch, [op], None)).results[0]
        wake_streams()
        if result.status == "rejected":
            raise HTTPException(404 if "unknown" in result.reason or "not a participant" in result.reason else 422,
                                result.reason)
        return result

    @app.get(API_PREFIX + "/changes", response_model=ChangePage)
    def changes(
        _user: CanRead,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
    ) -> Response:
        with Session(db.engine) as s:
            body = change_page_json(s, kinds, cluster_id, after, limit)
        return Response(body, media_type="application/json")

    @app.get(API_PREFIX + "/snapshot", response_model=SnapshotPage)
    def snapshot(
        _user: CanRead,
        entity: Annotated[str, Query(pattern="^[a-z_]{1,32}$")],
        after_id: Annotated[str, Query(max_length=64)] = "",
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
        as_of: Annotated[int | None, Query(ge=0)] = None,
    ) -> Response:
        """Records of one kind, for a new mirror; kinds in the order to fetch them."""
        kind = kinds.kind(entity)
        if kind is None:
            raise HTTPException(422, f"unknown entity {entity!r}; kinds: {', '.join(kinds.snapshot_order)}")
        with Session(db.engine) as s:
            body = snapshot_page_json(s, kind, cluster_id, after_id, limit, as_of)
        return Response(body, media_type="application/json")

    @app.get(API_PREFIX + "/events", response_class=StreamingResponse)
    async def events(request: Request, _user: CanRead) -> StreamingResponse:
        """`event: seq` with the latest seq at once and whenever it grows; a comment
        keeps proxies from closing an idle stream."""

        async def stream() -> AsyncIterator[str]:
            app.state.open_streams += 1
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
                app.state.open_streams -= 1

        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream(), media_type="text/event-stream", headers=headers)

    return app
