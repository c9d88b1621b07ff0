"""排班 on the platform: shift patterns, roster cells and publications. Only the
值班长 (role duty_chief) and admin keep them: the role is the token's
(server/actor.py), never the payload's. Each cell change is checked by the
duty contract the workstation uses too (services/duty/contract.py): the same
person on overlapping shifts, more continuous duty than allowed (the
platform's --duty-max-hours), a cell the shift does not have, a day out of
range, a published shift left vacant; a publication with any vacant post."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from server.actor import actor_of
from server.change_log import record_change
from server.columns import check_columns
from server.duty_tables import RosterEntryRow, RosterPublicationRow, ShiftPatternRow
from server.merged_record import ACCOUNT_COLUMNS, MergedRecord
from server.op_checks import OpRejected, parse_time, received, same_id, text_check, update_fields
from server.record_kind import ServerKind
from services.duty import contract
from services.sync.wire import Op, OpResult

PERSON_FIELDS = ("person_name", "phone", "contact_id", "note")
CELL_FIELDS = ("id", "room", "day", "pattern_id", "post", "slot", *PERSON_FIELDS)
FIXED = frozenset({"room", "start_time", "end_time", "zone"})


def max_hours(s: Session) -> float:
    return float(s.info.get("duty_max_hours", contract.DEFAULT_MAX_HOURS))


def require_role(s: Session, allowed: frozenset[str], what: str) -> None:
    actor = actor_of(s)
    if actor.role not in allowed:
        raise OpRejected(f"account {actor.account or '(platform)'} (role {actor.role or 'none'}) may not {what}: "
                         f"only {' or '.join(sorted(allowed))}")


def iso(value: datetime) -> str:
    """Times as the platform writes them all (UTC, milliseconds), so they compare as text."""
    return value.astimezone(UTC).isoformat(timespec="milliseconds")


def today(now: str) -> date:
    return datetime.fromisoformat(now).date()


def pattern_of(row: ShiftPatternRow) -> contract.Pattern:
    return contract.Pattern(row.id, row.name, row.start_time, row.end_time, row.zone,
                            tuple((p, n) for p, n in json.loads(row.posts or "[]")), bool(row.active))


# ---- shift patterns ----------------------------------------------------------------------

def _pattern_field(name: str, value: Any) -> Any:
    if name in ("room", "name", "zone"):
        return text_check(value, name, {"room": contract.ROOM_MAX, "name": contract.LABEL_MAX,
                                        "zone": contract.ZONE_MAX}[name], required=True)
    if name in ("start_time", "end_time"):
        if not isinstance(value, str) or contract.parse_hhmm(value) is None:
            raise OpRejected(f"{name} must be a time of day as HH:MM")
        return value
    if name == "posts":
        problem = contract.posts_problem(value)
        if problem:
            raise OpRejected(problem)
        return json.dumps([list(p) for p in value])
    if name == "position":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10_000:
            raise OpRejected("position must be a whole number from 0 to 10000")
        return value
    if name == "active":
        if not isinstance(value, bool):
            raise OpRejected("active must be true or false")
        return value
    raise OpRejected(f"unknown shift pattern field {name!r}")


_PATTERN = MergedRecord("shift_pattern", ShiftPatternRow, ("id", "room", "name", "start_time", "end_time", "zone",
                                                            "posts"), _pattern_field, {"posts": "[]"})


def create_pattern(s: Session, op: Op, now: str) -> OpResult:
    require_role(s, contract.ROSTER_EDITORS, "change shift patterns")
    problem = contract.pattern_problem(op.payload, max_hours(s))
    if problem:
        raise OpRejected(problem)
    existing = s.get(ShiftPatternRow, op.entity_id)
    if existing is not None and any(getattr(existing, k) != op.payload.get(k) for k in FIXED):
        raise OpRejected("a shift pattern's room, times and zone are fixed once made: retire it and add another")
    return _PATTERN.create(s, op, now)


def update_pattern(s: Session, op: Op, now: str) -> OpResult:
    require_role(s, contract.ROSTER_EDITORS, "change shift patterns")
    if FIXED & set(update_fields(op)):
        raise OpRejected("a shift pattern's room, times and zone are fixed once made: retire it and add another")
    return _PATTERN.update(s, op, now)


# ---- roster cells ------------------------------------------------------------------------

def _checked_cell(op: Op, now: str) -> tuple[dict, date]:
    payload = op.payload
    unknown, missing = set(payload) - set(CELL_FIELDS), [k for k in CELL_FIELDS[:6] if k not in payload]
    if unknown or missing:
        raise OpRejected(f"roster entry: unknown {sorted(unknown)} / missing {missing}")
    same_id(op)
    values = {k: payload.get(k, "") for k in CELL_FIELDS}
    for name, limit in (("room", contract.ROOM_MAX), ("pattern_id", 36)):
        text_check(values[name], name, limit, required=True)
    day = contract.parse_day(values["day"])
    if day is None:
        raise OpRejected("day must be a date as YYYY-MM-DD")
    problem = contract.day_problem(day, today(now)) or contract.person_problem(values)
    if problem:
        raise OpRejected(problem)
    if values["post"] not in set(contract.Post):
        raise OpRejected(f"unknown post {str(values['post'])[:20]!r}")
    slot = values["slot"]
    if isinstance(slot, bool) or not isinstance(slot, int) or not 0 <= slot < contract.MAX_PER_POST:
        raise OpRejected(f"slot must be a whole number from 0 to {contract.MAX_PER_POST - 1}")
    if values["id"] != contract.cell_id(values["room"], values["day"], values["pattern_id"], values["post"],
                                        slot):
        raise OpRejected("a roster entry's id is its cell's (room, day, shift, post and place)")
    check_columns(RosterEntryRow, values)
    return values, day


def place_cell(s: Session, values: dict, day: date) -> tuple[datetime, datetime, str]:
    pattern = s.get(ShiftPatternRow, values["pattern_id"])
    if pattern is None or pattern.room != values["room"] or not pattern.active:
        raise OpRejected("the shift is not one of the room's (unknown or retired)")
    if not 0 <= values["slot"] < dict(pattern_of(pattern).posts).get(values["post"], 0):
        raise OpRejected(f"the shift {pattern.name} has no place {values['slot'] + 1} for the post {values['post']}")
    start, end = contract.shift_bounds(day, pattern.start_time, pattern.end_time, ZoneInfo(pattern.zone))
    return start, end, f"{values['day']} {pattern.name}"


def check_person(s: Session, cell_id: str, person: contract.Person, start: datetime, end: datetime,
                 label: str) -> None:
    """OpRejected when the person is on an overlapping shift, or on more continuous duty than allowed."""
    if person.empty:
        return
    margin = timedelta(hours=contract.MAX_HOURS_LIMIT)
    chosen = RosterEntryRow.person_name == person.name
    if person.contact_id:
        chosen = or_(chosen, RosterEntryRow.contact_id == person.contact_id)
    rows = s.execute(select(RosterEntryRow, ShiftPatternRow.name).join(
        ShiftPatternRow, ShiftPatternRow.id == RosterEntryRow.pattern_id, isouter=True).where(
        chosen, RosterEntryRow.id != cell_id, RosterEntryRow.starts_at < iso(end + margin),
        RosterEntryRow.ends_at > iso(start - margin))).all()
    others = [contract.Duty(r.id, parse_time(r.starts_at, "start"), parse_time(r.ends_at, "end"),
                            f"{r.day} {name or ''}".strip())
              for r, name in rows if contract.same_person(contract.Person(r.person_name, r.phone, r.contact_id), person)]
    found = contract.person_conflicts(contract.Duty(cell_id, start, end, label), others, max_hours(s))
    if found:
        raise OpRejected(contract.conflict_reason(found[0], person.name, max_hours(s)))


def published(s: Session, room: str, day: str) -> bool:
    return s.scalar(select(RosterPublicationRow.id).where(
        RosterPublicationRow.room == room, RosterPublicationRow.first_day <= day,
        RosterPublicationRow.last_day >= day).limit(1)) is not None


def set_person(s: Session, row: RosterEntryRow, values: dict, at: str, op_id: str, now: str) -> int | None:
    """The cell's person changed, checked; the later change wins. Returns the change's seq,
    None when a later change is already in."""
    clock = json.loads(row.person_clock or "{}")
    if clock and parse_time(clock["at"], "clock") > parse_time(at, "clock"):
        return None  # (at the same moment, the change that arrives later wins)
    person = contract.Person(values["person_name"], values["phone"], values["contact_id"])
    if person.empty and published(s, row.room, row.day):
        raise OpRejected(f"the roster of {row.day} is published: its posts may not be left vacant")
    check_person(s, row.id, person, parse_time(row.starts_at, "start"), parse_time(row.ends_at, "end"),
                 row.day)
    for name in PERSON_FIELDS:
        setattr(row, name, values[name])
    actor = actor_of(s)
    row.person_clock = json.dumps({"at": at, "op": op_id})
    row.version += 1
    row.updated_at, row.updated_by_account, row.updated_workstation = now, actor.account, actor.workstation
    s.flush()
    return record_change(s, "roster_entry", row.id, now)


def create_entry(s: Session, op: Op, now: str) -> OpResult:
    require_role(s, contract.ROSTER_EDITORS, "change the roster")
    values, day = _checked_cell(op, now)
    existing = s.get(RosterEntryRow, op.entity_id)
    if existing is not None:  # the same cell filled at two workstations: one cell, the later person wins
        return _person_result(op, set_person(s, existing, values, received(op, now), op.op_id, now))
    start, end, label = place_cell(s, values, day)
    person = contract.Person(values["person_name"], values["phone"], values["contact_id"])
    if person.empty and published(s, values["room"], values["day"]):
        raise OpRejected(f"the roster of {values['day']} is published: its posts may not be left vacant")
    check_person(s, op.entity_id, person, start, end, label)
    actor = actor_of(s)
    s.add(RosterEntryRow(**values, starts_at=iso(start), ends_at=iso(end), updated_at=now, version=1,
                         person_clock=json.dumps({"at": received(op, now), "op": op.op_id}),
                         updated_by_account=actor.account, updated_workstation=actor.workstation))
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "roster_entry", op.entity_id, now))


def update_entry(s: Session, op: Op, now: str) -> OpResult:
    require_role(s, contract.ROSTER_EDITORS, "change the roster")
    fields = update_fields(op)
    if set(fields) != set(PERSON_FIELDS):
        raise OpRejected(f"a roster entry's update gives its person whole: {', '.join(PERSON_FIELDS)}")
    problem = contract.person_problem(fields)
    if problem:
        raise OpRejected(problem)
    row = s.get(RosterEntryRow, op.entity_id)
    if row is None:
        raise OpRejected("roster entry unknown")
    return _person_result(op, set_person(s, row, fields, received(op, now), op.op_id, now))


def _person_result(op: Op, seq: int | None) -> OpResult:
    if seq is None:
        return OpResult(op_id=op.op_id, status="merged", reason="a later change of this roster cell is kept")
    return OpResult(op_id=op.op_id, status="applied", seq=seq)


# ---- publication -------------------------------------------------------------------------

def create_publication(s: Session, op: Op, now: str) -> OpResult:
    require_role(s, contract.ROSTER_EDITORS, "publish the roster")
    payload = op.payload
    if set(payload) != {"id", "room", "first_day", "last_day", "published_by"}:
        raise OpRejected("a publication is {id, room, first_day, last_day, published_by}")
    same_id(op)
    if s.get(RosterPublicationRow, op.entity_id) is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason="publication already recorded")
    room = text_check(payload["room"], "room", contract.ROOM_MAX, required=True)
    by = text_check(payload["published_by"], "published_by", contract.NAME_MAX)
    first, last = contract.parse_day(payload["first_day"]), contract.parse_day(payload["last_day"])
    if first is None or last is None or last < first or (last - first).days > 366:
        raise OpRejected("first_day and last_day must be dates in order, at most a year apart")
    patterns = [pattern_of(p) for p in s.scalars(select(ShiftPatternRow).where(ShiftPatternRow.room == room))]
    if not any(p.active for p in patterns):
        raise OpRejected(f"room {room} has no shifts to publish")
    filled = set(s.scalars(select(RosterEntryRow.id).where(
        RosterEntryRow.room == room, RosterEntryRow.day >= first.isoformat(), RosterEntryRow.day <= last.isoformat(),
        RosterEntryRow.person_name != "")))
    vacant = [f"{day.isoformat()} {p.name} {post} {slot + 1}"
              for _s, _e, day, p in contract.instances(patterns, first, last) for post, count in p.posts
              for slot in range(count) if contract.cell_id(room, day.isoformat(), p.id, post, slot) not in filled]
    if vacant:
        raise OpRejected(f"{len(vacant)} posts are vacant, first: {'; '.join(vacant[:5])}")
    actor = actor_of(s)
    s.add(RosterPublicationRow(id=op.entity_id, room=room, first_day=first.isoformat(), last_day=last.isoformat(),
                               published_by=by, published_at=received(op, now), updated_at=now, version=1,
                               updated_by_account=actor.account, updated_workstation=actor.workstation))
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "roster_publish", op.entity_id, now))


SHIFT_PATTERN = ServerKind("shift_pattern", ShiftPatternRow, {"create": create_pattern, "update": update_pattern},
                           ("id", "room", "name", "start_time", "end_time", "zone", "posts", "position", "active",
                            "updated_at", "version", *ACCOUNT_COLUMNS), json_columns={"posts": "[]"})
ROSTER_ENTRY = ServerKind("roster_entry", RosterEntryRow, {"create": create_entry, "update": update_entry},
                          (*CELL_FIELDS, "starts_at", "ends_at", "updated_at", "version", *ACCOUNT_COLUMNS),
                          references=("shift_pattern",))
ROSTER_PUBLICATION = ServerKind("roster_publish", RosterPublicationRow, {"create": create_publication},
                                ("id", "room", "first_day", "last_day", "published_by", "published_at", "updated_at",
                                 "version", *ACCOUNT_COLUMNS))
