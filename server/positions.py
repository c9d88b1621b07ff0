"""Live positions on the platform: the latest fix of each unit with its short
track (services/positions/contract.py). Fixes come from a field unit's POST
(the unit is the token's), from Cursor-on-Target over TCP (server/cot_listener.py,
the uid is the identity) and from a workstation's `update` op (a fix phoned in).

Positions are the busiest records there are, so the feed keeps only a unit's
latest change: storing a fix deletes that unit's earlier change rows, and a
mirror catching up over a thin link fetches one change per unit, not every
fix it missed (DESIGN.md, telemetry is coalesced to the latest per source)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Float, Integer, String, delete
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.actor import actor_of
from server.change_log import record_change
from server.db import Base, ChangeRow, account_column, workstation_column
from server.op_checks import OpRejected, parse_time
from server.record_kind import ServerKind
from services.positions.contract import (
    CALLSIGN_MAX,
    COT_TYPE_MAX,
    ENTITY,
    UID_MAX,
    Fix,
    PositionProblem,
    check_fix,
)
from services.sync.wire import Op, OpResult

WRITER_ROLES = ("duty_officer", "duty_chief", "commander")
FIELDS = ("time", "lat", "lon", "stale", "speed", "course", "callsign")


class PositionRow(Base):
    __tablename__ = "positions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    source: Mapped[str] = mapped_column(String(8))
    uid: Mapped[str] = mapped_column(String(UID_MAX))
    resource_id: Mapped[str] = mapped_column(String(36), default="")
    callsign: Mapped[str] = mapped_column(String(CALLSIGN_MAX), default="")
    cot_type: Mapped[str] = mapped_column(String(COT_TYPE_MAX), default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    speed: Mapped[float | None] = mapped_column(Float, nullable=True)
    course: Mapped[float | None] = mapped_column(Float, nullable=True)
    at: Mapped[str] = mapped_column(String(40))
    stale: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[str] = mapped_column(String(40))
    reported_by_account: Mapped[str] = account_column()
    reported_workstation: Mapped[str] = workstation_column()


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="milliseconds")


def store_fix(s: Session, fix: Fix, now: str) -> bool:
    """Keeps `fix` as its unit's latest; False (nothing written) when the unit
    already has a fix as new or newer: a late or repeated report never moves
    a unit backwards."""
    row = s.get(PositionRow, fix.id)
    at = _iso(fix.at)
    if row is not None and row.at >= at:
        return False
    actor = actor_of(s)
    values: dict[str, Any] = {
        "source": fix.source, "uid": fix.uid, "resource_id": fix.resource_id, "callsign": fix.callsign,
        "cot_type": fix.cot_type, "lat": fix.lat, "lon": fix.lon, "speed": fix.speed,
        "course": fix.course, "at": at, "stale": _iso(fix.stale), "updated_at": now,
        "reported_by_account": actor.account, "reported_workstation": actor.workstation,
    }
    if row is None:
        row = PositionRow(id=fix.id, version=1, **values)
        s.add(row)
    else:
        for name, value in values.items():
            setattr(row, name, value)
        row.version += 1
    s.flush()
    # The feed keeps one change per unit: its latest.
    s.execute(delete(ChangeRow).where(ChangeRow.entity_id == fix.id, ChangeRow.entity == ENTITY))
    record_change(s, ENTITY, fix.id, now)
    return True


def _report(s: Session, op: Op, now: str) -> OpResult:
    actor = actor_of(s)
    payload = op.payload
    unknown = set(payload) - {*FIELDS, "resource_id"}
    if unknown:
        raise OpRejected(f"position: unknown fields {sorted(unknown)[:5]}")
    if actor.role == "field_unit":
        source, uid = "unit", actor.unit_id
    elif actor.role in WRITER_ROLES or actor.account == "":
        source, uid = "room", payload.get("resource_id", "")
    else:
        raise OpRejected("this account may not report positions")
    try:
        fix = check_fix(payload, parse_time(now, "server time"), source=source, uid=uid,
                        resource_id=uid if isinstance(uid, str) else "")
    except PositionProblem as exc:
        raise OpRejected(f"position: {exc}") from None
    if op.entity_id != fix.id:
        raise OpRejected("position: entity_id must be the unit's position record id")
    applied = store_fix(s, fix, now)
    return OpResult(op_id=op.op_id, status="applied" if applied else "duplicate",
                    reason="" if applied else "a newer fix of this unit is already kept")


POSITION = ServerKind(
    entity=ENTITY,
    row=PositionRow,
    handlers={"update": _report},
    # Not the track: on a thin link every byte of the busiest kind counts, and
    # each mirror draws the track of the fixes it received (services/positions/record_kind.py).
    columns=("id", "source", "uid", "resource_id", "callsign", "cot_type", "lat", "lon", "speed", "course",
             "at", "stale", "version", "updated_at", "reported_by_account", "reported_workstation"),
    telemetry_source=str,  # one record per unit, its change rows already coalesced on store
)
