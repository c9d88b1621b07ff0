"""Reports from outside the watch room that become ops: a field unit's step
of an order, and the conference bridge's participant flags. Kept apart from
create_app so the app module reads as wiring."""

# No `from __future__ import annotations`: the routes' dependencies are resolved at run time.

import uuid
from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.actor import Actor
from server.db import Database, OrderRow
from server.http_errors import errors
from server.orders import not_its_order
from services.sync.wire import OpResult, OrderStatusReport, ParticipantReport

PLAIN = r"^[^\x00-\x1f\x7f]*$"  # ids in paths: no NUL or control characters


def report_router(db: Database, now: Callable[[], str], write_one: Callable[[dict[str, Any], Actor], Awaitable[OpResult]],
                  actor_for: Callable[..., Actor], can_report: Any) -> APIRouter:
    """`write_one`: create_app's single-op write path (wakes the streams)."""
    router = APIRouter()

    def order_target(order_id: str) -> str | None:
        with Session(db.engine) as s:
            return s.scalar(select(OrderRow.target_id).where(OrderRow.id == order_id))

    @router.post("/orders/{order_id}/status", response_model=OpResult,
                 responses=errors(400, 401, 403, 404, 413, 422))
    async def order_status(order_id: Annotated[str, PathParam(max_length=36, pattern=PLAIN)], body: OrderStatusReport,
                           user: can_report) -> OpResult:
        """A field unit (or a watch room taking a phone call) reports a step of an
        order: 签收, 出发, 到场, 完成 or 拒绝. `op_id` makes a retry harmless. A
        field unit reports only the orders addressed to its own unit (403)."""
        actor = actor_for(user)
        target = await run_in_threadpool(order_target, order_id)
        if target is None:
            raise HTTPException(404, "order unknown")
        problem = not_its_order(actor, target)
        if problem:
            raise HTTPException(403, problem)
        op = {"op_id": body.op_id or str(uuid.uuid4()), "entity": "order", "entity_id": order_id,
              "op": "advance", "base_version": 0, "priority": 1, "created_at": now(), "site_code": actor.site_code,
              "payload": {"status": body.status, "by": body.by or user.username, "reason": body.reason}}
        result = await write_one(op, actor)
        if result.status == "rejected":
            raise HTTPException(404 if result.reason == "order unknown" else 422, result.reason)
        return result

    @router.post("/conferences/{conference_id}/participants/{participant_id}", response_model=OpResult,
                 responses=errors(400, 401, 403, 404, 413, 422))
    async def participant_flags(conference_id: Annotated[str, PathParam(max_length=36, pattern=PLAIN)],
                                participant_id: Annotated[str, PathParam(max_length=64, pattern=PLAIN)],
                                body: ParticipantReport, user: can_report) -> OpResult:
        """The conference bridge (or a site) reports who has joined, is muted, is speaking."""
        flags = body.model_dump(exclude_none=True)
        actor = actor_for(user)
        op = {"op_id": str(uuid.uuid4()), "entity": "conference", "entity_id": conference_id, "op": "update",
              "base_version": 0, "priority": 1, "created_at": now(), "site_code": actor.site_code,
              "payload": {"participant": participant_id, **flags}}
        result = await write_one(op, actor)
        if result.status == "rejected":
            raise HTTPException(404 if "unknown" in result.reason or "not a participant" in result.reason else 422,
                                result.reason)
        return result

    return router
