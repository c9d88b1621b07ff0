"""排班: the watch room's shift patterns and roster, filled by hand, by repeating
a rota or from an imported sheet, and published. Every change is checked
(services/duty/checks.py) and written with its operations for the platform
in one transaction, all or nothing; only 值班长 and admin keep the roster (the
platform enforces it from the token; here it is refused early when the role
is known)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from offline_cache.duty_schema import RosterEntryRow, RosterPublicationRow, ShiftPatternRow
from services.duty.checks import Assignment, Placed, check_assignments, published_days
from services.duty.contract import (
    DEFAULT_POSTS,
    ROSTER_EDITORS,
    Pattern,
    Person,
    Post,
    pattern_problem,
)
from services.duty.model import Cell, Shift, cell_of, pattern_of
from services.duty.refusals import TIMES_FIXED, DutyRefused, Refusal
from services.duty.room import DutyBase
from services.events import RecordsChanged
from services.input_checks import clean_text
from services.outbox import BULK, RECORD, queue
from services.timefmt import to_db

PERSON_FIELDS = ("person_name", "phone", "contact_id", "note")
DEFAULT_PATTERNS = (("白班", "08:30", "17:30"), ("夜班", "17:30", "08:30"))


@dataclass(frozen=True)
class RosterMonth:
    """What the month and week views show: the shifts of the days, who fills each cell,
    and which days are published."""

    first: date
    last: date
    patterns: list[Pattern]
    shifts: list[Shift]
    cells: dict[tuple[date, str, str, int], Cell]  # (day, pattern id, post, slot)
    published: set[date]

    def vacancies(self) -> list[tuple[Shift, str, int]]:
        return [(shift, post, slot) for shift in self.shifts for post, count in shift.pattern.posts
                for slot in range(count)
                if (c := self.cells.get((shift.day, shift.pattern.id, post, slot))) is None or c.person.empty]


class RosterService(DutyBase):
    # ---- shift patterns --------------------------------------------------------------

    def save_pattern(self, name: str, start: str, end: str, *, posts: tuple[tuple[str, int], ...] | None = None,
                     position: int = 0, active: bool = True, pattern_id: str | None = None) -> Pattern:
        """A new shift pattern, or a change of one's name, posts, order or use. Its times are
        fixed once made (the roster's shifts were placed by them): retire it and add another."""
        self.require_role(ROSTER_EDITORS, "not_editor")
        posts = posts or tuple((p.value, n) for p, n in DEFAULT_POSTS)
        values = {"room": self.room.code, "name": clean_text(name, single_line=True), "start_time": start,
                  "end_time": end, "zone": self.room.zone.key, "posts": [list(p) for p in posts],
                  "position": position, "active": active}
        problem = pattern_problem(values, self.room.max_hours)
        if problem:
            raise DutyRefused([Refusal("pattern", values["name"], problem)])
        now = self.clock.now()
        with self.mirror.write() as s:
            row = s.scalar(select(ShiftPatternRow).where(ShiftPatternRow.id == pattern_id)) if pattern_id else None
            if row is None:
                pid = pattern_id or str(uuid.uuid4())
                s.add(ShiftPatternRow(id=pid, room=values["room"], name=values["name"], start_time=start, end_time=end,
                                      zone=values["zone"], posts=json.dumps(values["posts"]), position=position,
                                      active=active, updated_at=to_db(now), version=1, sync_state="pending"))
                queue(s, "shift_pattern", pid, "create", 0, {"id": pid, **values}, RECORD, now, pid)
            else:
                pid = row.id
                if (row.start_time, row.end_time) != (start, end):
                    raise DutyRefused([Refusal("pattern", row.name, TIMES_FIXED)])
                fields = {k: v for k, v in (("name", values["name"]), ("posts", values["posts"]),
                                            ("position", position), ("active", active))
                          if (json.loads(row.posts) if k == "posts" else getattr(row, k)) != v}
                if fields:
                    for k, v in fields.items():
                        setattr(row, k, json.dumps(v) if k == "posts" else v)
                    row.version, row.updated_at, row.sync_state = row.version + 1, to_db(now), "pending"
                    queue(s, "shift_pattern", pid, "update", row.version - 1, {"fields": fields}, RECORD, now, pid)
        self.events.publish(RecordsChanged("shift_pattern", (pid,)))
        with self.mirror.read() as s:
            return pattern_of(s.scalar(select(ShiftPatternRow).where(ShiftPatternRow.id == pid)))

    def add_default_patterns(self) -> list[Pattern]:
        """白班 08:30–17:30 and 夜班 17:30–08:30, each with the usual six posts, for a room without shifts."""
        if self.patterns():
            return self.patterns()
        return [self.save_pattern(name, start, end, position=n) for n, (name, start, end)
                in enumerate(DEFAULT_PATTERNS)]

    # ---- reading -----------------------------------------------------------------------

    def month(self, first: date, last: date) -> RosterMonth:
        """The roster from `first` to `last` (a month, a week)."""
        with self.mirror.read() as s:
            patterns = self.patterns_in(s)
            rows = s.scalars(select(RosterEntryRow).where(
                RosterEntryRow.room == self.room.code, RosterEntryRow.day >= first.isoformat(),
                RosterEntryRow.day <= last.isoformat())).all()
            published = published_days(s, self.room.code, first, last)
        cells = {(c.day, c.pattern_id, c.post.value, c.slot): c for c in map(cell_of, rows)}
        active = [p for p in patterns if p.active]
        return RosterMonth(first, last, patterns, self.shifts(first, last, active), cells, published)

    def cells_of(self, shift: Shift) -> list[Cell]:
        with self.mirror.read() as s:
            rows = s.scalars(select(RosterEntryRow).where(
                RosterEntryRow.room == self.room.code, RosterEntryRow.day == shift.day.isoformat(),
                RosterEntryRow.pattern_id == shift.pattern.id)).all()
        order = {p.value: n for n, p in enumerate(Post)}
        return sorted(map(cell_of, rows), key=lambda c: (order[c.post.value], c.slot))

    def cell(self, cell_id: str) -> Cell | None:
        with self.mirror.read() as s:
            row = s.scalar(select(RosterEntryRow).where(RosterEntryRow.id == cell_id))
        return cell_of(row) if row is not None else None

    # ---- writing -----------------------------------------------------------------------

    def assign(self, day: date, pattern_id: str, post: Post, slot: int, person: Person, note: str = "") -> Cell:
        """Who fills one cell (an empty name leaves the post vacant)."""
        change = Assignment(day, pattern_id, Post(post), slot, self._clean(person), clean_text(note, single_line=True))
        ids = self.assign_many([change])
        return self.cell(ids[0])

    def assign_many(self, changes: list[Assignment], *, bulk: bool = False) -> list[str]:
        """All the changes, or none with every refusal (DutyRefused). Returns the cells' ids."""
        return self._apply(changes, bulk)[0]

    def save_import(self, records: list[dict]) -> tuple[int, int]:
        """An imported sheet's cells (services/duty/roster_import.py), checked again as they are
        written: (created, changed)."""
        from services.duty.roster_import import assignments_of

        _ids, created, changed = self._apply(assignments_of(records), True)
        return created, changed

    def _apply(self, changes: list[Assignment], bulk: bool) -> tuple[list[str], int, int]:
        self.require_role(ROSTER_EDITORS, "not_editor")
        now = self.clock.now()
        with self.mirror.write() as s:
            placed, problems = check_assignments(s, self.room.code, changes, self.patterns_in(s),
                                                 self.room.local_day(now), self.room.max_hours)
            if problems:
                raise DutyRefused([r for n in sorted(problems) for r in problems[n]])
            created, changed = self.write_cells(s, placed, now, BULK if bulk else RECORD)
        ids = list(dict.fromkeys(p.id for p in placed))
        self.events.publish(RecordsChanged("roster_entry", tuple(ids)))
        return ids, created, changed

    def write_cells(self, s, placed: list[Placed], now, priority: int) -> tuple[int, int]:
        """Cells into the mirror with their operations, in the caller's transaction: (created, changed)."""
        latest = {p.id: p for p in placed}
        existing = {}
        ids = list(latest)
        for start in range(0, len(ids), 500):
            existing.update({r.id: r for r in s.scalars(select(RosterEntryRow).where(
                RosterEntryRow.id.in_(ids[start:start + 500])))})
        created = changed = 0
        for cid, p in latest.items():
            a = p.assignment
            values = {"person_name": a.person.name, "phone": a.person.phone, "contact_id": a.person.contact_id,
                      "note": a.note}
            row = existing.get(cid)
            if row is None:
                s.add(RosterEntryRow(id=cid, room=self.room.code, day=a.day.isoformat(), pattern_id=a.pattern_id,
                                     post=a.post.value, slot=a.slot, **values, starts_at=to_db(p.start),
                                     ends_at=to_db(p.end), updated_at=to_db(now), version=1, sync_state="pending"))
                queue(s, "roster_entry", cid, "create", 0,
                      {"id": cid, "room": self.room.code, "day": a.day.isoformat(), "pattern_id": a.pattern_id,
                       "post": a.post.value, "slot": a.slot, **values}, priority, now, cid)
                created += 1
                continue
            fields = {k: v for k, v in values.items() if getattr(row, k) != v}
            if not fields:
                continue
            for k, v in fields.items():
                setattr(row, k, v)
            row.version, row.updated_at, row.sync_state = row.version + 1, to_db(now), "pending"
            # the person's fields go together: the platform weighs them as one change
            queue(s, "roster_entry", cid, "update", row.version - 1,
                  {"fields": {k: values[k] for k in PERSON_FIELDS}}, priority, now, cid)
            changed += 1
        return created, changed

    def repeat_rota(self, source_first: date, cycle_days: int, first: date, last: date) -> list[str]:
        """按轮班周期填充: the cells of the `cycle_days` days from `source_first`, repeated from
        `first` to `last` (a four-team rota is a four-day cycle)."""
        if not 1 <= cycle_days <= 62 or last < first or (last - first).days > 366:
            raise DutyRefused([Refusal("rota", str(cycle_days))])
        source = self.month(source_first, source_first + timedelta(days=cycle_days - 1))
        changes = []
        day = first
        while day <= last:
            offset = (day - source_first).days % cycle_days
            from_day = source_first + timedelta(days=offset)
            if not source_first <= day < source_first + timedelta(days=cycle_days):
                for pattern in (p for p in source.patterns if p.active):
                    for post, count in pattern.posts:
                        for slot in range(count):
                            cell = source.cells.get((from_day, pattern.id, post, slot))
                            if cell is not None and not cell.person.empty:
                                changes.append(Assignment(day, pattern.id, Post(post), slot, cell.person, cell.note))
            day += timedelta(days=1)
        if not changes:
            raise DutyRefused([Refusal("rota_empty", source_first.isoformat())])
        return self.assign_many(changes, bulk=True)

    def publish(self, first: date, last: date, author: str) -> str:
        """发布: the roster of these days comes into force; refused while any post of any
        shift in them is vacant (each named)."""
        self.require_role(ROSTER_EDITORS, "not_editor")
        vacant = self.month(first, last).vacancies()
        if vacant:
            raise DutyRefused([Refusal("vacant", shift.label, f"{post}:{slot + 1}") for shift, post, slot in vacant])
        if not self.patterns(active_only=True):
            raise DutyRefused([Refusal("no_shift", self.room.code)])
        now = self.clock.now()
        pid = str(uuid.uuid4())
        values = {"room": self.room.code, "first_day": first.isoformat(), "last_day": last.isoformat(),
                  "published_by": clean_text(author, single_line=True)[:100]}
        with self.mirror.write() as s:
            s.add(RosterPublicationRow(id=pid, **values, published_at=to_db(now), updated_at=to_db(now), version=1,
                                       sync_state="pending"))
            queue(s, "roster_publish", pid, "create", 0, {"id": pid, **values}, RECORD, now, pid)
        self.events.publish(RecordsChanged("roster_publish", (pid,)))
        return pid

    @staticmethod
    def _clean(person: Person) -> Person:
        return Person(clean_text(person.name, single_line=True), clean_text(person.phone, single_line=True),
                      person.contact_id)
