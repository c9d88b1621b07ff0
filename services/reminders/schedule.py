"""When a reminder falls due, in the watch room's own zone, and whether each
occurrence was done, is due, or was missed. Pure functions of the times given
(the clock is the caller's), so a day boundary and a daylight-saving change
are tested at any moment.

- Daily reminders fall due at their wall-clock times on every local date. A
  time the clocks skip (02:30 on a spring-forward night) falls due when the
  clocks say it would have been (03:30); a time that happens twice (01:30 on
  a fall-back night) falls due once, the first time.
- Hourly reminders fall due every real hour, at their minute of the local
  hour: the fall-back night has one more hour and so one more check, the
  spring-forward night one fewer."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from services.reminders.contract import HOURLY


class OccurrenceState(StrEnum):
    UPCOMING = "upcoming"  # 未到
    DUE = "due"  # 待办: fallen due, within its window
    DONE = "done"  # 已完成 within the window
    DONE_LATE = "done_late"  # 已完成, after the window
    MISSED = "missed"  # 已错过: the window passed without it


def daily_occurrences(times: tuple[str, ...] | list[str], start: datetime, end: datetime,
                      tz: tzinfo) -> list[datetime]:
    """UTC instants in [start, end) at which a daily reminder falls due."""
    first = start.astimezone(tz).date() - timedelta(days=1)
    last = end.astimezone(tz).date() + timedelta(days=1)
    found: set[datetime] = set()
    day: date = first
    while day <= last:
        for text in times:
            hour, minute = int(text[:2]), int(text[3:5])
            local = datetime.combine(day, time(hour, minute), tzinfo=tz)  # fold=0: the first of two
            instant = local.astimezone(UTC)
            if start <= instant < end:
                found.add(instant)
        day += timedelta(days=1)
    return sorted(found)


def hourly_occurrences(minute: int, start: datetime, end: datetime, tz: tzinfo) -> list[datetime]:
    """UTC instants in [start, end) whose local minute is `minute`, one per real hour."""
    hour = start.astimezone(UTC).replace(minute=0, second=0, microsecond=0) - timedelta(hours=1)
    stop = end.astimezone(UTC)
    found: set[datetime] = set()
    while hour < stop:
        offset = hour.astimezone(tz).utcoffset() or timedelta(0)
        shift = (minute - int(offset.total_seconds() // 60)) % 60
        candidate = hour + timedelta(minutes=shift)
        if candidate.astimezone(tz).minute == minute and start <= candidate < end:
            found.add(candidate)
        hour += timedelta(hours=1)
    return sorted(found)


def occurrences(schedule: str, times: tuple[str, ...] | list[str], minute: int, start: datetime, end: datetime,
                tz: tzinfo) -> list[datetime]:
    if schedule == HOURLY:
        return hourly_occurrences(minute, start, end, tz)
    return daily_occurrences(times, start, end, tz)


def state_of(due_at: datetime, window: timedelta, done_at: datetime | None, now: datetime) -> OccurrenceState:
    if done_at is not None:
        return OccurrenceState.DONE if done_at <= due_at + window else OccurrenceState.DONE_LATE
    if now < due_at:
        return OccurrenceState.UPCOMING
    if now <= due_at + window:
        return OccurrenceState.DUE
    return OccurrenceState.MISSED


@dataclass(frozen=True)
class LocalDay:
    """A calendar day of the watch room as a UTC range: 23 or 25 hours long on
    the days the clocks change."""

    day: date
    start: datetime
    end: datetime


def local_day(day: date, tz: tzinfo) -> LocalDay:
    start = datetime.combine(day, time(0, 0), tzinfo=tz).astimezone(UTC)
    end = datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=tz).astimezone(UTC)
    return LocalDay(day, start, end)
