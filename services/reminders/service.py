"""Duty reminders of this watch room: the timed tasks, when each falls due in
the room's zone, which occurrences were done (by whom, when), are due now or
were missed; ticking one off is an operation for the platform like any other
record. Missed is what the clock says once an occurrence's window has passed
without a completion from any workstation of the room."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import select

from offline_cache.database import Mirror
from offline_cache.duty_rollcall_schema import ReminderDoneRow, ReminderRow
from services.clock import Clock, SystemClock
from services.errors import NotFound
from services.events import EventBus, RecordsChanged
from services.input_checks import Problem, ValidationError, clean_text
from services.outbox import RECORD, queue
from services.reminders.contract import (
    BY_MAX,
    DAILY,
    HOURLY,
    NOTE_MAX,
    default_id,
    done_id,
    field_problem,
    occurrence_key,
    schedule_problem,
)
from services.reminders.schedule import OccurrenceState, occurrences, state_of
from services.timefmt import from_db, to_db

LOOKBACK, LOOKAHEAD = timedelta(hours=12), timedelta(hours=2)


@dataclass(frozen=True)
class Reminder:
    id: str
    site_code: str
    title: str
    kind: str
    schedule: str
    times: tuple[str, ...]
    minute: int
    window_minutes: int
    active: bool
    since: datetime | None
    pending_sync: bool = False

    @property
    def window(self) -> timedelta:
        return timedelta(minutes=self.window_minutes)


@dataclass(frozen=True)
class Occurrence:
    reminder: Reminder
    due_at: datetime
    state: OccurrenceState
    done_at: datetime | None = None
    done_by: str = ""
    done_by_account: str = ""
    note: str = ""

    @property
    def id(self) -> str:
        return done_id(self.reminder.id, self.due_at)


@dataclass(frozen=True)
class DefaultTitles:
    """The usual reminders' titles, in the officer's language (the view's to translate)."""

    report_upward: str
    hourly_check: str
    weather_check: str


_RANK = {OccurrenceState.DUE: 0, OccurrenceState.MISSED: 1, OccurrenceState.UPCOMING: 2,
         OccurrenceState.DONE_LATE: 3, OccurrenceState.DONE: 3}


def _board_order(o: Occurrence) -> tuple:
    """Due, missed and upcoming ones oldest first; done ones latest first."""
    rank = _RANK[o.state]
    return rank, o.due_at.timestamp() if rank < 3 else -o.due_at.timestamp(), o.reminder.title


def _reminder(row: ReminderRow) -> Reminder:
    return Reminder(row.id, row.site_code, row.title, row.kind, row.schedule, tuple(json.loads(row.times or "[]")),
                    row.minute, row.window_minutes, row.active, from_db(row.since or None),
                    row.sync_state == "pending")


class ReminderService:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None, *,
                 site_code: str = "", tz: tzinfo):
        """`tz`: the watch room's zone, in which daily times are read."""
        self.mirror, self.site_code, self.tz = mirror, site_code, tz
        self.events = events or EventBus()
        self.clock = clock or SystemClock()

    def reminders(self) -> list[Reminder]:
        with self.mirror.read() as s:
            rows = s.scalars(select(ReminderRow).where(ReminderRow.site_code == self.site_code)
                             .order_by(ReminderRow.title))
            return [_reminder(r) for r in rows]

    def add(self, title: str, kind: str, schedule: str, *, times: list[str] | None = None, minute: int = 0,
            window_minutes: int = 30, reminder_id: str | None = None) -> Reminder:
        values = {"site_code": self.site_code, "title": clean_text(title, single_line=True), "kind": kind,
                  "schedule": schedule, "times": sorted(times or []), "minute": minute,
                  "window_minutes": window_minutes, "active": True}
        problems = [Problem(name, "invalid") for name, value in values.items() if field_problem(name, value)]
        if not problems and schedule_problem(schedule, values["times"]):
            problems.append(Problem("times", "required"))
        if problems:
            raise ValidationError(problems)
        now = self.clock.now()
        rid = reminder_id or str(uuid.uuid4())
        with self.mirror.write() as s:
            if s.scalar(select(ReminderRow.id).where(ReminderRow.id == rid)) is not None:
                raise ValidationError([Problem("reminder", "exists")])
            s.add(ReminderRow(id=rid, **{**values, "times": json.dumps(values["times"])}, since=to_db(now),
                              updated_at=to_db(now), version=1, sync_state="pending"))
            queue(s, "reminder", rid, "create", 0, {"id": rid, **values, "since": to_db(now)}, RECORD, now, rid)
        self.events.publish(RecordsChanged("reminder", (rid,)))
        return self.get(rid)

    def add_defaults(self, titles: DefaultTitles) -> list[Reminder]:
        """The usual three (daily 08:00 report upward, hourly check, weather-warning
        checks at 07:00 and 16:00), each once: their ids are the room's own."""
        have = {r.id for r in self.reminders()}
        usual = (("report_upward", titles.report_upward, DAILY, ["08:00"], 0, 30),
                 ("hourly_check", titles.hourly_check, HOURLY, [], 0, 15),
                 ("weather_check", titles.weather_check, DAILY, ["07:00", "16:00"], 0, 30))
        added = []
        for kind, title, schedule, times, minute, window in usual:
            rid = default_id(self.site_code, kind)
            if rid not in have:
                added.append(self.add(title, kind, schedule, times=times, minute=minute, window_minutes=window,
                                      reminder_id=rid))
        return added

    def set_active(self, reminder_id: str, active: bool) -> Reminder:
        now = self.clock.now()
        with self.mirror.write() as s:
            row = self._row(s, reminder_id)
            if row.active == active:
                return _reminder(row)
            row.active, row.version, row.updated_at, row.sync_state = active, row.version + 1, to_db(now), "pending"
            queue(s, "reminder", reminder_id, "update", row.version - 1, {"fields": {"active": active}}, RECORD,
                  now, reminder_id)
        self.events.publish(RecordsChanged("reminder", (reminder_id,)))
        return self.get(reminder_id)

    def get(self, reminder_id: str) -> Reminder:
        with self.mirror.read() as s:
            return _reminder(self._row(s, reminder_id))

    def board(self) -> list[Occurrence]:
        """On a reader: the occurrences of the last LOOKBACK and the next LOOKAHEAD,
        the ones to act on first (due, then missed, upcoming, done), each by time."""
        now = self.clock.now()
        found = self.occurrences_between(now - LOOKBACK, now + LOOKAHEAD, now)
        return sorted(found, key=_board_order)

    def occurrences_between(self, start: datetime, end: datetime, now: datetime | None = None) -> list[Occurrence]:
        """Every occurrence due in [start, end) of this room's active reminders (not
        before a reminder was made), with its completion if any, in time order."""
        now = now or self.clock.now()
        reminders = [r for r in self.reminders() if r.active]
        with self.mirror.read() as s:
            done = {row.id: row for row in s.scalars(select(ReminderDoneRow).where(
                ReminderDoneRow.site_code == self.site_code, ReminderDoneRow.due_at >= to_db(start),
                ReminderDoneRow.due_at < to_db(end)))}
        out = []
        for reminder in reminders:
            for due in occurrences(reminder.schedule, reminder.times, reminder.minute, start, end, self.tz):
                if reminder.since is not None and due < reminder.since - reminder.window:
                    continue
                row = done.get(done_id(reminder.id, due))
                done_at = from_db(row.done_at) if row is not None else None
                out.append(Occurrence(reminder, due, state_of(due, reminder.window, done_at, now), done_at,
                                      row.done_by if row else "", row.done_by_account if row else "",
                                      row.note if row else ""))
        return sorted(out, key=lambda o: (o.due_at, o.reminder.title))

    def mark_done(self, reminder_id: str, due_at: datetime, by: str, note: str = "") -> Occurrence:
        """This occurrence done now, by `by` (the platform adds the account)."""
        by = clean_text(by, single_line=True)[:BY_MAX]
        note = clean_text(note, single_line=True)
        if len(note) > NOTE_MAX:
            raise ValidationError([Problem("note", "too_long", NOTE_MAX)])
        reminder = self.get(reminder_id)
        now = self.clock.now()
        did = done_id(reminder_id, due_at)
        with self.mirror.write() as s:
            if s.scalar(select(ReminderDoneRow.id).where(ReminderDoneRow.id == did)) is not None:
                raise ValidationError([Problem("reminder", "done")])
            s.add(ReminderDoneRow(id=did, reminder_id=reminder_id, site_code=reminder.site_code,
                                  due_at=occurrence_key(due_at), done_at=to_db(now), done_by=by, note=note,
                                  updated_at=to_db(now), version=1, sync_state="pending"))
            queue(s, "reminder_done", did, "create", 0, {"id": did, "reminder_id": reminder_id,
                                                          "due_at": occurrence_key(due_at), "done_at": to_db(now),
                                                          "done_by": by, "note": note}, RECORD, now, did)
        self.events.publish(RecordsChanged("reminder_done", (did,)))
        return Occurrence(reminder, due_at, state_of(due_at, reminder.window, now, now), now, by, "", note)

    @staticmethod
    def _row(s, reminder_id: str) -> ReminderRow:
        row = s.scalar(select(ReminderRow).where(ReminderRow.id == reminder_id))
        if row is None:
            raise NotFound(f"reminder {reminder_id}")
        return row
