"""The roster's rules over a set of cell changes at once (one by hand, a rota, an
imported sheet, an approved swap): the same person on overlapping shifts, more
continuous duty than the room allows, a cell the shift does not have, a day
out of range, a published shift left with a vacant post. Each change gets its
refusals; the caller writes all or nothing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from offline_cache.duty_schema import RosterEntryRow, RosterPublicationRow, ShiftPatternRow
from services.duty.contract import (
    MAX_HOURS_LIMIT,
    Duty,
    Pattern,
    Person,
    Post,
    cell_id,
    day_problem,
    person_conflicts,
    person_problem,
    same_person,
    shift_bounds,
)
from services.duty.refusals import Refusal
from services.timefmt import from_db, to_db


@dataclass(frozen=True)
class Assignment:
    """Who fills one roster cell ("" name: leave it vacant)."""

    day: date
    pattern_id: str
    post: Post
    slot: int
    person: Person
    note: str = ""


@dataclass(frozen=True)
class Placed:
    assignment: Assignment
    id: str
    start: datetime
    end: datetime
    label: str


def name_key(name: str) -> str:
    return " ".join(name.split())


def place(room: str, assignment: Assignment, patterns: dict[str, Pattern]) -> Placed | Refusal:
    pattern = patterns.get(assignment.pattern_id)
    if pattern is None:
        return Refusal("unknown_pattern", assignment.pattern_id)
    slots = dict(pattern.posts).get(assignment.post.value, 0)
    if not 0 <= assignment.slot < slots:
        return Refusal("unknown_cell", pattern.name, assignment.post.value)
    start, end = shift_bounds(assignment.day, pattern.start, pattern.end, ZoneInfo(pattern.zone))
    day = assignment.day.isoformat()
    return Placed(assignment, cell_id(room, day, pattern.id, assignment.post.value, assignment.slot), start, end,
                  f"{day} {pattern.name}")


def published_days(s: Session, room: str, first: date, last: date) -> set[date]:
    rows = s.execute(select(RosterPublicationRow.first_day, RosterPublicationRow.last_day).where(
        RosterPublicationRow.room == room, RosterPublicationRow.first_day <= last.isoformat(),
        RosterPublicationRow.last_day >= first.isoformat())).all()
    days: set[date] = set()
    for a, b in rows:
        day = max(date.fromisoformat(a), first)
        while day <= min(date.fromisoformat(b), last):
            days.add(day)
            day += timedelta(days=1)
    return days


def check_assignments(s: Session, room: str, assignments: list[Assignment], patterns: list[Pattern],
                      today: date, max_hours: float) -> tuple[list[Placed], dict[int, list[Refusal]]]:
    """(the placed changes, {index: refusals}) of a batch, against the mirror and each other."""
    by_id = {p.id: p for p in patterns if p.active}
    placed: list[Placed | None] = []
    problems: dict[int, list[Refusal]] = defaultdict(list)
    for n, a in enumerate(assignments):
        where = place(room, a, by_id)
        if isinstance(where, Refusal):
            problems[n].append(where)
            placed.append(None)
            continue
        wrong = person_problem({"person_name": a.person.name, "phone": a.person.phone,
                                "contact_id": a.person.contact_id, "note": a.note})
        if wrong:
            problems[n].append(Refusal("person", a.person.name, wrong))
        range_problem = day_problem(a.day, today)
        if range_problem:
            problems[n].append(Refusal("day_range", a.day.isoformat()))
        placed.append(where)
    good = [p for p in placed if p is not None]
    if not good:
        return [], dict(problems)
    first, last = min(p.assignment.day for p in good), max(p.assignment.day for p in good)
    published = published_days(s, room, first, last)
    for n, p in enumerate(placed):
        if p is not None and p.assignment.person.empty and p.assignment.day in published:
            problems[n].append(Refusal("published_vacant", p.label, p.assignment.post.value))
    duties = _Duties(_duties_around(s, good))
    batch: dict[str, Placed] = {p.id: p for p in good}  # a later change of the same cell wins
    for p in batch.values():
        duties.drop(p.id)
        if not p.assignment.person.empty:
            duties.add(p.id, p.assignment.person, p.start, p.end, p.label)
    for n, p in enumerate(placed):
        if p is None or p.assignment.person.empty or batch.get(p.id) is not p:
            continue
        person = p.assignment.person
        others = [Duty(cid, start, end, label) for cid, (who, start, end, label) in duties.of(person).items()
                  if cid != p.id and same_person(who, person)]
        for conflict in person_conflicts(Duty(p.id, p.start, p.end, p.label), others, max_hours):
            problems[n].append(Refusal(conflict.code, person.name, conflict.other, conflict.hours))
    return good, dict(problems)


class _Duties:
    """Filled cells by name and by 通讯录 id: {cell id: (person, start, end, label)}."""

    def __init__(self, rows: list[tuple[str, Person, datetime, datetime, str]]):
        self.by_name: dict[str, dict[str, tuple]] = defaultdict(dict)
        self.by_contact: dict[str, dict[str, tuple]] = defaultdict(dict)
        self.where: dict[str, Person] = {}
        for cid, person, start, end, label in rows:
            self.add(cid, person, start, end, label)

    def add(self, cid: str, person: Person, start: datetime, end: datetime, label: str) -> None:
        value = (person, start, end, label)
        self.by_name[name_key(person.name)][cid] = value
        if person.contact_id:
            self.by_contact[person.contact_id][cid] = value
        self.where[cid] = person

    def drop(self, cid: str) -> None:
        person = self.where.pop(cid, None)
        if person is not None:
            self.by_name[name_key(person.name)].pop(cid, None)
            self.by_contact.get(person.contact_id, {}).pop(cid, None)

    def of(self, person: Person) -> dict[str, tuple]:
        return {**self.by_name.get(name_key(person.name), {}),
                **(self.by_contact.get(person.contact_id, {}) if person.contact_id else {})}


def _duties_around(s: Session, placed: list[Placed]) -> list[tuple[str, Person, datetime, datetime, str]]:
    """Every filled cell, in any room, of the people named, around the changes' times."""
    names = sorted({name_key(p.assignment.person.name) for p in placed if not p.assignment.person.empty})
    contacts = sorted({p.assignment.person.contact_id for p in placed if p.assignment.person.contact_id})
    if not names:
        return []
    margin = timedelta(hours=MAX_HOURS_LIMIT)
    since, until = to_db(min(p.start for p in placed) - margin), to_db(max(p.end for p in placed) + margin)
    columns = (RosterEntryRow.id, RosterEntryRow.person_name, RosterEntryRow.phone, RosterEntryRow.contact_id,
               RosterEntryRow.starts_at, RosterEntryRow.ends_at, RosterEntryRow.day, ShiftPatternRow.name)
    found: dict[str, tuple] = {}
    for column, values in ((RosterEntryRow.person_name, names), (RosterEntryRow.contact_id, contacts)):
        for start in range(0, len(values), 500):
            rows = s.execute(select(*columns).join(ShiftPatternRow, ShiftPatternRow.id == RosterEntryRow.pattern_id,
                                                   isouter=True)
                             .where(column.in_(values[start:start + 500]), RosterEntryRow.starts_at < until,
                                    RosterEntryRow.ends_at > since)).all()
            for cid, name, phone, contact, starts, ends, day, pattern in rows:
                if name.strip():
                    found[cid] = (cid, Person(name, phone, contact), from_db(starts), from_db(ends),
                                  f"{day} {pattern or ''}".strip())
    return list(found.values())
