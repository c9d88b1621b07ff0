"""Clearance on the platform (services/clearance.py is the contract): what a
request may see, and the levels its writes may carry.

A request sees records up to the lower of its account's and its workstation's
clearance (read from the database, cached for a few seconds per replica like
the accounts, so an admin's change reaches every replica within CACHE_TTL).
The feed sends a record above that as a withdrawal (its id only), so a mirror
that holds it from before its level was raised drops it; the snapshot leaves
such records out. An entry goes no further than its incident.

Writes: an op may carry `level` in its payload on a leveled kind. The level
is taken out before the kind's handler sees the payload (the handlers know
nothing of levels), checked against the writer's clearance, and written after
the op applied; a changed level on an existing record bumps its version and
announces it, so every mirror learns (or withdraws) it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from server import pg_bulk
from server.actor import actor_of
from server.change_log import record_change
from server.db import AppliedOpRow, EntryRow, IncidentRow, UserRow, WorkstationRow
from server.op_checks import OpRejected
from services import clearance as contract
from services.sync.wire import Op, OpResult

CACHE_TTL = timedelta(seconds=5)
MAX_CACHED = 10_000
_CHUNK = 2000


class ClearanceCache:
    """(account, workstation) -> effective clearance, each read at most every CACHE_TTL."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime], ttl: timedelta = CACHE_TTL):
        self._engine, self._clock, self._ttl = engine, clock, ttl
        self._known: dict[tuple[str, str], tuple[datetime, int]] = {}
        self._lock = threading.Lock()

    def of(self, account: str, workstation: str) -> int:
        now = self._clock()
        key = (account, workstation)
        with self._lock:
            cached = self._known.get(key)
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        with Session(self._engine) as s:
            mine = s.scalar(select(UserRow.clearance).where(UserRow.username == account))
            station = s.scalar(select(WorkstationRow.clearance).where(WorkstationRow.name == workstation)) \
                if workstation else None
        value = contract.effective(contract.PUBLIC if mine is None else mine, station)
        with self._lock:
            if len(self._known) >= MAX_CACHED:
                self._known.clear()
            self._known[key] = (now, value)
        return value

    def forget(self) -> None:
        """Every clearance is read again on its next use (after a change made here)."""
        with self._lock:
            self._known.clear()


# ---- reading ------------------------------------------------------------------


def withdrawn(s: Session, entity: str, records: dict[str, dict[str, Any]], clearance: int) -> set[str]:
    """Ids of `records` (a feed page's, of one kind) this clearance may not see."""
    if not contract.is_leveled(entity) or clearance >= contract.TOP:
        return set()
    hidden = {rid for rid, r in records.items() if r.get(contract.LEVEL_FIELD, 0) > clearance}
    if entity == "entry":
        incidents = list({r["incident_id"] for rid, r in records.items() if rid not in hidden})
        above: set[str] = set()
        for start in range(0, len(incidents), _CHUNK):
            chunk = incidents[start:start + _CHUNK]
            above.update(s.scalars(select(IncidentRow.id).where(IncidentRow.id.in_(chunk),
                                                                IncidentRow.level > clearance)))
        hidden |= {rid for rid, r in records.items() if r["incident_id"] in above}
    return hidden


def snapshot_filter(entity: str, row: type, clearance: int) -> Any | None:
    """The where clause of a snapshot of this kind for this clearance (None: everything)."""
    if not contract.is_leveled(entity) or clearance >= contract.TOP:
        return None
    visible = row.__table__.c[contract.LEVEL_FIELD] <= clearance
    if entity == "entry":
        return visible & EntryRow.incident_id.in_(select(IncidentRow.id).where(IncidentRow.level <= clearance))
    return visible


# ---- writing ------------------------------------------------------------------


@dataclass(frozen=True)
class PendingLevel:
    """A level to write once its op has applied."""

    op_id: str
    entity: str
    entity_id: str
    level: int | None  # None: the op did not say (a new record gets its default, capped)
    existed: bool
    only: bool = False  # an update that changes the level alone ({"fields": {}, "level": n}): no handler


def _table(entity: str) -> str:
    return contract.TABLES[entity]


Levels = dict[tuple[str, str], int | None]  # (entity, id) -> level held before the batch (None: none)


def batch_levels(s: Session, raw_ops: list[Any]) -> Levels:
    """The levels of the records a batch names (and of the incidents its entries
    name), read in one query per table, so a bulk upload stays bulk."""
    wanted: dict[str, set[str]] = {}
    for raw in raw_ops:
        if not isinstance(raw, dict) or not contract.is_leveled(str(raw.get("entity"))):
            continue
        if isinstance(raw.get("entity_id"), str):
            wanted.setdefault(raw["entity"], set()).add(raw["entity_id"])
        payload = raw.get("payload")
        if raw["entity"] == "entry" and isinstance(payload, dict) and isinstance(payload.get("incident_id"), str):
            wanted.setdefault("incident", set()).add(payload["incident_id"])
    found: Levels = {}
    for entity, ids in wanted.items():
        ordered = sorted(ids)
        if pg_bulk.is_postgres(s):  # one array parameter: short under the write lock (server/pg_bulk.py)
            rows = s.execute(text(f"SELECT id, level FROM {_table(entity)} WHERE id = ANY(:ids)"),  # noqa: S608 - fixed names
                             {"ids": ordered}).all()
            found.update({(entity, i): None for i in ordered})
            found.update({(entity, rid): level for rid, level in rows})
            continue
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start:start + _CHUNK]
            marks = {f"i{n}": v for n, v in enumerate(chunk)}
            rows = s.execute(text(f"SELECT id, level FROM {_table(entity)} WHERE id IN "
                                  f"({', '.join(':' + k for k in marks)})"), marks).all()
            found.update({(entity, i): None for i in chunk})
            found.update({(entity, rid): level for rid, level in rows})
    return found


def current_level(s: Session, entity: str, entity_id: str, known: Levels | None = None) -> int | None:
    if known is not None and (entity, entity_id) in known:
        return known[(entity, entity_id)]
    return s.execute(text(f"SELECT level FROM {_table(entity)} WHERE id = :id"), {"id": entity_id}).scalar()


def check_op(s: Session, op: Op, clearance: int, known: Levels | None = None) -> tuple[Op, PendingLevel | None]:
    """The op its handler gets (payload without `level`) and the level to write
    after it; OpRejected when the writer may not write it. A record above the
    writer's clearance is answered as unknown: it does not exist for them."""
    if not contract.is_leveled(op.entity):
        return op, None
    payload = dict(op.payload)
    asked = payload.pop(contract.LEVEL_FIELD, None)
    if asked is not None:
        problem = contract.level_problem(asked) or contract.write_problem(asked, clearance)
        if problem:
            raise OpRejected(f"{op.entity} {contract.LEVEL_FIELD}: {problem}")
    held = current_level(s, op.entity, op.entity_id, known)
    if held is not None and held > clearance:
        raise OpRejected(f"{op.entity} unknown")
    if op.entity == "entry":
        incident = payload.get("incident_id")
        level = current_level(s, "incident", incident, known) if isinstance(incident, str) else None
        if level is not None and level > clearance:
            raise OpRejected("incident unknown")
    only = op.op == "update" and asked is not None and payload in ({}, {"fields": {}})
    # An op that names no level is passed on as it is (a copy costs, under the write lock).
    checked = op.model_copy(update={"payload": payload}) if contract.LEVEL_FIELD in op.payload else op
    return checked, PendingLevel(op.op_id, op.entity, op.entity_id, asked, held is not None, only)


def apply_level_only(s: Session, pending: PendingLevel, now: str) -> OpResult:
    """An update that changes a record's level alone, at most once by op_id."""
    seen = s.get(AppliedOpRow, pending.op_id)
    if seen is not None:
        return OpResult(op_id=pending.op_id, status="duplicate", reason=seen.reason, seq=seen.seq)
    if pending.entity == "entry":
        raise OpRejected("an entry keeps the level it was written with")
    if current_level(s, pending.entity, pending.entity_id) is None:  # (made earlier in this batch counts)
        raise OpRejected(f"{pending.entity} unknown")
    changed = s.execute(text(f"UPDATE {_table(pending.entity)} SET level = :l, version = version + 1, "
                             "updated_at = :now WHERE id = :id AND level != :l"),
                        {"l": pending.level, "id": pending.entity_id, "now": now}).rowcount
    seq = record_change(s, pending.entity, pending.entity_id, now) if changed else None
    result = OpResult(op_id=pending.op_id, status="applied", seq=seq)
    s.add(AppliedOpRow(op_id=pending.op_id, status=result.status, reason="", seq=seq, at=now))
    s.flush()
    return result


def write_levels(s: Session, pending: Iterable[PendingLevel], results: list[OpResult], clearance: int,
                 now: str) -> None:  # fmt: skip
    """The levels of the ops that applied: a new record's as asked (or its
    kind's default, no higher than its writer may see); an existing one's only
    when asked and different, announced as a change of the record."""
    done = {r.op_id for r in results if r.status in ("applied", "merged")}
    new: dict[str, list[dict[str, Any]]] = {}
    for p in pending:
        if p.op_id not in done:
            continue
        table = _table(p.entity)
        if not p.existed:
            level = p.level if p.level is not None else min(contract.DEFAULT_LEVEL[p.entity], clearance)
            if level != contract.DEFAULT_LEVEL[p.entity]:
                new.setdefault(table, []).append({"l": level, "id": p.entity_id})
            continue
        if p.level is None or p.entity == "entry":  # entries are append-only: their level is their first
            continue
        changed = s.execute(text(f"UPDATE {table} SET level = :l, version = version + 1, updated_at = :now "
                                 "WHERE id = :id AND level != :l"),
                            {"l": p.level, "id": p.entity_id, "now": now}).rowcount
        if changed:
            record_change(s, p.entity, p.entity_id, now)
    for table, rows in new.items():  # one executemany per table: a bulk upload stays bulk
        s.execute(text(f"UPDATE {table} SET level = :l WHERE id = :id"), rows)


def writer_clearance(s: Session) -> int:
    """The clearance of the session's writer (the platform itself: everything)."""
    return actor_of(s).clearance


# ---- the wall channel ----------------------------------------------------------


def _above(s: Session, entity: str, ids: set[str], clearance: int) -> set[str]:
    ids = {i for i in ids if i}
    if not ids or clearance >= contract.TOP:
        return set()
    table = _table(entity)
    marks = {f"i{n}": v for n, v in enumerate(sorted(ids))}
    # Known and above: the session must see them (pg_rls.scope(TOP) on PostgreSQL).
    return set(s.scalars(text(f"SELECT id FROM {table} WHERE level > :c AND id IN "
                              f"({', '.join(':' + k for k in marks)})"), {"c": clearance, **marks}))


def wall_commands(s: Session, commands: list[Any], clearance: int) -> list[Any]:
    """Wall commands (services/wall/wire.py) a wall of this clearance may carry out:
    one naming an incident or camera above it is left out (the wall's mirror has not
    got it either, and its id alone says something)."""
    incidents = _above(s, "incident", {c.incident_id for c in commands}, clearance)
    cameras = _above(s, "camera", {c.camera_id for c in commands} | {v for c in commands for v in c.cameras.values()},
                     clearance)
    return [c for c in commands if c.incident_id not in incidents and c.camera_id not in cameras
            and not cameras.intersection(c.cameras.values())]


def wall_report(s: Session, report: Any, clearance: int) -> Any:
    """A wall's report as a reader of this clearance may see it: what it shows of
    records above that clearance is blanked (the title of a 秘密 incident on the
    wall must not reach a 内部 workstation through the report)."""
    showing = report.showing
    incidents = _above(s, "incident", {showing.map_incident_id, showing.card_incident_id}, clearance)
    cameras = _above(s, "camera", set(showing.tiles.values()), clearance)
    if not incidents and not cameras:
        return report
    changes: dict[str, Any] = {"tiles": {k: v for k, v in showing.tiles.items() if v not in cameras}}
    if showing.map_incident_id in incidents:
        changes.update(map_incident_id="", map_incident_title="")
    if showing.card_incident_id in incidents:
        changes.update(card_incident_id="", card_incident_title="")
    return report.model_copy(update={"showing": showing.model_copy(update=changes)})
