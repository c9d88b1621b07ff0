"""The demo's moving teams: a few of the platform's teams drive slow loops
around their stations and report a fix every few seconds, through the same
writer as a field unit's POST (as the platform, marked by the workstation
name `demo-mover`). Only started by `watchroom-server --demo-movers N`."""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.actor import Actor
from server.db import Database, ResourceRow
from services.positions.contract import Fix

MOVER = Actor(account="", role="demo", workstation="demo-mover")
PERIOD_S = 3.0
LOOP_S = 600.0  # one loop around the station in ten minutes
RADIUS_DEG = 0.02  # about 2 km
log = logging.getLogger(__name__)


def demo_teams(db: Database, count: int) -> list[tuple[str, str, float, float]]:
    with Session(db.engine) as s:
        rows = s.execute(select(ResourceRow.id, ResourceRow.name, ResourceRow.lat, ResourceRow.lon)
                         .where(ResourceRow.kind == "team").order_by(ResourceRow.id).limit(count)).all()
    return [tuple(r) for r in rows]


def fixes_at(teams: list[tuple[str, str, float, float]], now: datetime) -> list[Fix]:
    """Where each team is at `now` on its loop (teams start spread around it)."""
    out = []
    for n, (rid, name, lat, lon) in enumerate(teams):
        angle = 2 * math.pi * ((now.timestamp() / LOOP_S) + n / max(1, len(teams)))
        out.append(Fix(source="unit", uid=rid, resource_id=rid, callsign=name[:64],
                       lat=lat + RADIUS_DEG * math.sin(angle), lon=lon + RADIUS_DEG * math.cos(angle),
                       at=now, stale=now + timedelta(minutes=2), speed=round(2 * math.pi * 2000 / LOOP_S, 1),
                       course=round((math.degrees(angle) + 90) % 360, 1)))
    return out


async def move_forever(db: Database, count: int, clock: Callable[[], datetime],
                       write: Callable[[list[Fix], Actor], Awaitable[list[bool]]]) -> None:
    teams = await asyncio.to_thread(demo_teams, db, count)
    log.info("demo mover: %d teams moving", len(teams))
    while teams:
        try:
            await write(fixes_at(teams, clock()), MOVER)
        except Exception:  # noqa: BLE001 - the demo keeps moving after a failed write
            log.exception("demo mover: storing positions failed")
        await asyncio.sleep(PERIOD_S)
