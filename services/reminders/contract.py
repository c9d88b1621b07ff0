"""值班提醒 as both ends describe them: a reminder (a timed task of one watch
room: the daily 08:00 report upward, the hourly check, the weather-warning
check) and its completions, one per occurrence. A completion's id is derived
from the reminder and the occurrence, so two workstations ticking off the
same 08:00 report make one record, not two. The field rules live here so the
platform and the client refuse the same things."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime
from typing import Any

KINDS = ("report_upward", "hourly_check", "weather_check", "other")
DAILY, HOURLY = "daily", "hourly"
SCHEDULES = (DAILY, HOURLY)
TITLE_MAX, NOTE_MAX, BY_MAX, SITE_MAX = 100, 200, 100, 32
MAX_TIMES = 24
WINDOW_MIN, WINDOW_MAX = 1, 720  # minutes after it falls due before it counts as missed
TIME_OF_DAY = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")
FIELDS = ("site_code", "title", "kind", "schedule", "times", "minute", "window_minutes", "active")
_NAMESPACE = uuid.UUID("8f6d2c1e-4b7a-4e39-9a51-0c3e7d2b6f18")


def field_problem(name: str, value: Any) -> str | None:
    """Why `value` cannot be the reminder's `name`, or None (text is checked for
    control characters by each end's own text rules as well)."""
    if name == "site_code":
        ok = isinstance(value, str) and 0 < len(value.strip()) and len(value) <= SITE_MAX
        return None if ok else f"site_code must be text of 1 to {SITE_MAX} characters"
    if name == "title":
        ok = isinstance(value, str) and value.strip() and len(value) <= TITLE_MAX
        return None if ok else f"title must be text of 1 to {TITLE_MAX} characters"
    if name == "kind":
        return None if value in KINDS else f"kind must be one of {', '.join(KINDS)}"
    if name == "schedule":
        return None if value in SCHEDULES else f"schedule must be one of {', '.join(SCHEDULES)}"
    if name == "times":
        ok = isinstance(value, list) and len(value) <= MAX_TIMES and \
            all(isinstance(t, str) and TIME_OF_DAY.match(t) for t in value) and len(set(value)) == len(value)
        return None if ok else f"times must be a list of at most {MAX_TIMES} different HH:MM times of day"
    if name == "minute":
        ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 59
        return None if ok else "minute must be a whole number from 0 to 59"
    if name == "window_minutes":
        ok = isinstance(value, int) and not isinstance(value, bool) and WINDOW_MIN <= value <= WINDOW_MAX
        return None if ok else f"window_minutes must be a whole number from {WINDOW_MIN} to {WINDOW_MAX}"
    if name == "active":
        return None if isinstance(value, bool) else "active must be true or false"
    return f"unknown reminder field {name[:32]!r}"


def schedule_problem(schedule: str, times: list[str]) -> str | None:
    """A daily reminder needs at least one time of day."""
    if schedule == DAILY and not times:
        return "a daily reminder needs at least one time of day"
    return None


def occurrence_key(due_at: datetime) -> str:
    """The occurrence as both ends write it: UTC, milliseconds."""
    return due_at.astimezone(UTC).isoformat(timespec="milliseconds")


def done_id(reminder_id: str, due_at: datetime) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{reminder_id}|{occurrence_key(due_at)}"))


def default_id(site_code: str, kind: str) -> str:
    """The usual reminders of a room have ids of their own making: added at two
    workstations, they are one record."""
    return str(uuid.uuid5(_NAMESPACE, f"default|{site_code}|{kind}"))
