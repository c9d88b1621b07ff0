"""查岗 by the API: POST /api/v1/rollcalls posts a roll call for a watch room
(commander or admin, from the token), GET /api/v1/rollcalls/{id} says how it
was answered; and the sweeper that marks roll calls missed when the platform's
own clock passes their deadline. Both write through the platform's one write
path (server/app.py's write_batch), as ops of the rollcall kind, so their
changes reach every mirror through the feed like any other.

No `from __future__ import annotations` here: the routes' dependencies are
parameters of rollcall_router, which FastAPI must see as objects, not names."""

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db import Database
from server.http_errors import errors
from server.rollcalls import COLUMNS, RollCallRow
from services.rollcall.contract import (
    DEFAULT_ALLOWED_S,
    MAX_ALLOWED_S,
    MESSAGE_MAX,
    MIN_ALLOWED_S,
    PENDING,
    SITE_MAX,
    STEP_EXPIRE,
)
from services.sync.wire import OpResult
from services.text_rules import text_problem

SWEEP_S = 0.5  # how often each replica looks for roll calls past their deadline
log = logging.getLogger(__name__)
WriteOne = Callable[[dict[str, Any], Any], Awaitable[OpResult]]


class RollCallRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    site_code: str = Field(min_length=1, max_length=SITE_MAX, pattern=r"^[^\x00-\x1f\x7f]+$")
    allowed_s: int = Field(default=DEFAULT_ALLOWED_S, ge=MIN_ALLOWED_S, le=MAX_ALLOWED_S)
    message: str = Field(default="", max_length=MESSAGE_MAX)


class RollCallRecord(BaseModel):
    id: str
    site_code: str
    message: str
    allowed_s: int
    posted_at: str
    deadline: str
    state: str
    answered_at: str
    answered_by: str
    answered_by_account: str
    answered_workstation: str
    created_by_account: str
    created_workstation: str
    updated_at: str
    version: int


def read_rollcall(db: Database, rollcall_id: str) -> RollCallRecord | None:
    with Session(db.engine) as s:
        row = s.get(RollCallRow, rollcall_id)
        return None if row is None else RollCallRecord(**{name: getattr(row, name) for name in COLUMNS})


def rollcall_router(db: Database, now: Callable[[], str], write_one: WriteOne, actor_for: Callable, can_post,
                    can_read) -> APIRouter:
    router = APIRouter()

    @router.post("/rollcalls", response_model=RollCallRecord, status_code=201,
                 responses=errors(400, 401, 403, 413, 422))
    async def post_rollcall(body: RollCallRequest, user: can_post) -> RollCallRecord:
        """A roll call of the watch room `site_code`, to be answered within
        `allowed_s` seconds (default 180) of the platform's time of posting."""
        problem = text_problem(body.message)
        if problem:
            raise HTTPException(422, f"message holds {problem}")
        actor = actor_for(user)
        rid = str(uuid.uuid4())
        op = {"op_id": str(uuid.uuid4()), "entity": "rollcall", "entity_id": rid, "op": "create",
              "base_version": 0, "priority": 1, "created_at": now(), "site_code": actor.site_code,
              "payload": {"id": rid, "site_code": body.site_code, "allowed_s": body.allowed_s,
                          "message": body.message}}
        result = await write_one(op, actor)
        if result.status != "applied":
            raise HTTPException(403 if "may post" in result.reason else 422, result.reason)
        record = await run_in_threadpool(read_rollcall, db, rid)
        if record is None:  # pragma: no cover - written in the same request
            raise HTTPException(500, "roll call not stored")
        return record

    @router.get("/rollcalls/{rollcall_id}", response_model=RollCallRecord, responses=errors(401, 403, 404, 422))
    async def get_rollcall(rollcall_id: Annotated[str, PathParam(max_length=36, pattern=r"^[0-9a-f-]+$")],
                           _user: can_read) -> RollCallRecord:
        record = await run_in_threadpool(read_rollcall, db, rollcall_id)
        if record is None:
            raise HTTPException(404, "roll call unknown")
        return record

    return router


def overdue(db: Database, now: str) -> list[str]:
    """Ids of roll calls still pending once the platform's clock is past their deadline."""
    with Session(db.engine) as s:
        return list(s.scalars(select(RollCallRow.id).where(RollCallRow.state == PENDING,
                                                          RollCallRow.deadline < now).limit(200)))


def expiry_op(rollcall_id: str, now: str) -> dict[str, Any]:
    return {"op_id": str(uuid.uuid4()), "entity": "rollcall", "entity_id": rollcall_id, "op": "advance",
            "base_version": 0, "priority": 1, "created_at": now, "site_code": "", "payload": {"step": STEP_EXPIRE}}


async def sweep_forever(db: Database, now: Callable[[], str], write_as_platform: Callable[[list], Any],
                        wake: Callable[[], None], interval: float = SWEEP_S) -> None:
    """Marks overdue roll calls missed, as the platform (one cheap indexed query
    per interval; replicas racing each other change a roll call once)."""
    while True:
        try:
            stamp = now()
            due = await run_in_threadpool(overdue, db, stamp)
            if due:
                await run_in_threadpool(write_as_platform, [expiry_op(rid, stamp) for rid in due])
                wake()
        except asyncio.CancelledError:
            raise
        except Exception:  # noqa: BLE001 - a database hiccup: try again next round
            log.warning("roll call sweep failed; trying again", exc_info=True)
        await asyncio.sleep(interval)
