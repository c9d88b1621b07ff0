"""Live positions (AVL) as both ends check them: one fix of one unit. The
platform (server/positions.py: a field unit's POST, Cursor-on-Target over TCP,
a workstation's op) and the mirror (services/positions/record_kind.py) apply
the same rules, so a fix refused on one side is refused on the other.

Identity: a unit reporting with its field_unit token is its resource id; a
CoT sender is its `uid`. The record id is derived from that identity, so the
newest fix of a unit replaces the older one everywhere (a fix older than the
one kept is ignored, never applied backwards). Imports nothing of the project
but the text rules."""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from services.text_rules import text_problem, time_range_problem

ENTITY = "position"
FUTURE_SKEW = timedelta(minutes=2)  # a device clock this far ahead is still believed
DEFAULT_STALE = timedelta(minutes=5)  # a field unit's fix without its own stale time
MAX_STALE = timedelta(hours=24)
MAX_SPEED = 400.0  # m/s: faster than any rescue helicopter is a broken device
TRACK_POINTS = 8  # the short track each unit carries: its latest fixes, newest last
UID_MAX = 120  # CoT uids are often long ("ANDROID-..."), ids stay UUIDs
CALLSIGN_MAX = 64
COT_TYPE_MAX = 40
SOURCES = ("unit", "cot", "room")  # field unit token, CoT stream, a workstation (phoned-in fix)
_NAMESPACE = uuid.UUID("6f1c3c1e-7a52-4f0e-9b1e-2d7c51a0b0a5")


class PositionProblem(ValueError):
    """A fix refused, with the reason (English, shown to whoever sent it)."""


@dataclass(frozen=True)
class Fix:
    """One checked position report."""

    source: str
    uid: str  # resource id (unit, room) or CoT uid
    lat: float
    lon: float
    at: datetime  # when the device took it (UTC)
    stale: datetime  # after this the marker is greyed out (CoT's `stale`)
    callsign: str = ""
    cot_type: str = ""  # CoT `type`, e.g. a-f-G-U-C; "" for field units
    speed: float | None = None  # m/s
    course: float | None = None  # degrees from north
    resource_id: str = ""  # the team this is, when known

    @property
    def id(self) -> str:
        return record_id(self.source, self.uid)


def record_id(source: str, uid: str) -> str:
    """The record a unit's fixes replace each other in (a field unit and a CoT
    device with the same name are different identities)."""
    return str(uuid.uuid5(_NAMESPACE, f"{source}:{uid}"))


def _number(value: Any, name: str, low: float, high: float, *, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or not low <= value <= high:
        raise PositionProblem(f"{name} must be a number between {low:g} and {high:g}")
    return float(value)


def _text(value: Any, name: str, limit: int, *, required: bool = False) -> str:
    if not isinstance(value, str) or len(value) > limit or (required and not value.strip()):
        raise PositionProblem(f"{name} must be text of 1 to {limit} characters" if required
                              else f"{name} must be text of at most {limit} characters")
    problem = text_problem(value)
    if problem:
        raise PositionProblem(f"{name} holds {problem}")
    return value


def parse_time(value: Any, name: str) -> datetime:
    if isinstance(value, datetime):
        parsed = value
    else:
        if not isinstance(value, str) or len(value) > 40:
            raise PositionProblem(f"{name} must be an ISO-8601 time")
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise PositionProblem(f"{name} is not an ISO-8601 time: {value[:40]!r}") from None
    if parsed.tzinfo is None:
        raise PositionProblem(f"{name} has no time zone")
    problem = time_range_problem(parsed)
    if problem:
        raise PositionProblem(f"{name} {problem}")
    return parsed.astimezone(UTC)


def check_fix(raw: dict[str, Any], now: datetime | None, *, source: str, uid: str,
              resource_id: str = "") -> Fix:
    """A report's fields (time, lat, lon; optional stale, speed, course,
    callsign, cot_type) checked against `now` (None: a record the platform
    already took, whatever this clock says); the identity comes from the
    caller (the token, the CoT uid), never from the payload."""
    if source not in SOURCES:
        raise PositionProblem(f"unknown source {source[:16]!r}")
    uid = _text(uid, "uid", UID_MAX, required=True)
    at = parse_time(raw.get("time"), "time")
    if now is not None and at > now + FUTURE_SKEW:
        raise PositionProblem("time is in the future (more than 2 minutes ahead of the platform)")
    stale_raw = raw.get("stale")
    stale = at + DEFAULT_STALE if stale_raw in (None, "") else parse_time(stale_raw, "stale")
    if stale <= at:
        raise PositionProblem("stale must be later than time")
    stale = min(stale, at + MAX_STALE)
    return Fix(
        source=source, uid=uid,
        lat=_number(raw.get("lat"), "lat", -90, 90), lon=_number(raw.get("lon"), "lon", -180, 180),
        at=at, stale=stale,
        callsign=_text(raw.get("callsign", ""), "callsign", CALLSIGN_MAX),
        cot_type=_text(raw.get("cot_type", ""), "cot_type", COT_TYPE_MAX),
        speed=_number(raw.get("speed"), "speed", 0, MAX_SPEED, optional=True),
        course=_number(raw.get("course"), "course", 0, 360, optional=True),
        resource_id=_text(resource_id, "resource_id", 36),
    )


def add_to_track(track: list[list[Any]], point: list[Any]) -> list[list[Any]]:
    """A unit's short track with one more [time, lat, lon] point (times as the
    mirror stores them), newest last; a point not newer than the last is dropped."""
    return [*[p for p in track if p[0] < point[0]], point][-TRACK_POINTS:]


def is_stale(stale: datetime, now: datetime) -> bool:
    return now >= stale
