"""The platform's ways in for live positions: `POST /positions` for a field unit
(the unit is the token's, never the payload's) and the Cursor-on-Target
listener (server/cot_listener.py). Both store through one writer that takes
the platform's write lock like an op batch does, so the feed's seqs commit in
order, and wakes the event streams after.

No `from __future__ import annotations` here: the route's dependency is a
parameter of positions_router, which FastAPI must see as an object."""

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from server.actor import Actor
from server.change_notifier import notify_in_transaction
from server.db import Database, ResourceRow, latest_seq
from server.http_errors import errors
from server.positions import store_fix
from services.positions.contract import CALLSIGN_MAX, Fix, PositionProblem, check_fix


class PositionReport(BaseModel):
    """POST /positions: one fix of the reporting field unit."""

    model_config = ConfigDict(extra="forbid")
    time: str = Field(max_length=40)
    lat: float
    lon: float
    stale: str | None = Field(default=None, max_length=40)
    speed: float | None = None
    course: float | None = None
    callsign: str = Field(default="", max_length=CALLSIGN_MAX)


class PositionAnswer(BaseModel):
    status: Literal["applied", "older"]  # older: a newer fix of this unit is already kept
    id: str


def positions_writer(db: Database, now: Callable[[], str], wake: Callable[[], None],
                     lock_key: int) -> Callable[[list[Fix], Actor], Awaitable[list[bool]]]:
    """Stores fixes in one transaction; for each, whether it was newer than the kept one."""

    def write(fixes: list[Fix], actor: Actor) -> list[bool]:
        stamp = now()
        with Session(db.write, info={"actor": actor}) as s, s.begin():
            if db.is_postgres:
                s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key})
            # A CoT device whose uid is a team's id is that team.
            uids = [f.uid for f in fixes if f.source == "cot" and len(f.uid) <= 36]
            teams = set(s.scalars(select(ResourceRow.id).where(ResourceRow.id.in_(uids)))) if uids else set()
            stored = [store_fix(s, _with_team(f, teams), stamp) for f in fixes]
            if db.is_postgres and any(stored):
                notify_in_transaction(s, latest_seq(s))
        return stored

    async def write_async(fixes: list[Fix], actor: Actor) -> list[bool]:
        stored = await run_in_threadpool(write, fixes, actor)
        if any(stored):
            wake()
        return stored

    return write_async


def _with_team(fix: Fix, teams: set[str]) -> Fix:
    return replace(fix, resource_id=fix.uid) if fix.uid in teams else fix


def positions_router(write: Callable[[list[Fix], Actor], Awaitable[list[bool]]],
                     clock: Callable[[], datetime], can_report: Any,
                     actor_for: Callable[[Any], Actor]) -> APIRouter:
    router = APIRouter()

    @router.post("/positions", response_model=PositionAnswer, responses=errors(400, 401, 403, 413, 422))
    async def post_position(body: PositionReport, user: can_report) -> PositionAnswer:
        """A field unit's position. The unit is the one its token is bound to;
        a fix older than the kept one is answered `older` and changes nothing."""
        actor = actor_for(user)
        try:
            fix = check_fix(body.model_dump(), clock(), source="unit", uid=actor.unit_id,
                            resource_id=actor.unit_id)
        except PositionProblem as exc:
            raise HTTPException(422, f"position refused: {exc}") from None
        stored = await write([fix], actor)
        return PositionAnswer(status="applied" if stored[0] else "older", id=fix.id)

    return router
