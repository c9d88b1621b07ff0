"""What every duty service shares: the watch room (the site code, its zone and
the longest continuous duty it allows), the mirror, events and clock, and the
platform role this workstation logged in with (None until known: the platform
then decides, and says why it refused)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from offline_cache.database import Mirror
from offline_cache.duty_schema import ShiftPatternRow
from services.clock import Clock, SystemClock
from services.duty.contract import DEFAULT_MAX_HOURS, Pattern, instances
from services.duty.model import Shift, pattern_of
from services.duty.refusals import DutyRefused, Refusal
from services.events import EventBus


@dataclass(frozen=True)
class Room:
    code: str  # the site code: one watch room per site
    zone: ZoneInfo
    max_hours: float = DEFAULT_MAX_HOURS

    def local_day(self, at: datetime) -> date:
        return at.astimezone(self.zone).date()


class Identity:
    """Who this workstation is on the platform: its account and role, as the last
    log-in said (shared by the duty services; the app sets it)."""

    def __init__(self) -> None:
        self.account = ""
        self.role: str | None = None
        self.workstation = ""


class DutyBase:
    def __init__(self, mirror: Mirror, room: Room, events: EventBus | None = None, clock: Clock | None = None,
                 identity: Identity | None = None):
        self.mirror, self.room = mirror, room
        self.events = events or EventBus()
        self.clock = clock or SystemClock()
        self.identity = identity or Identity()

    def require_role(self, allowed: frozenset[str], code: str) -> None:
        """Refuses here what the platform would refuse for this account; an unknown role
        (never logged in) is left to the platform."""
        if self.identity.role is not None and self.identity.role not in allowed:
            raise DutyRefused([Refusal(code, self.identity.account, self.identity.role)])

    def patterns_in(self, s: Session, *, active_only: bool = False) -> list[Pattern]:
        query = select(ShiftPatternRow).where(ShiftPatternRow.room == self.room.code)
        rows = s.scalars(query.order_by(ShiftPatternRow.position, ShiftPatternRow.name)).all()
        return [p for p in map(pattern_of, rows) if p.active or not active_only]

    def patterns(self, *, active_only: bool = False) -> list[Pattern]:
        with self.mirror.read() as s:
            return self.patterns_in(s, active_only=active_only)

    def shifts(self, first: date, last: date, patterns: list[Pattern] | None = None) -> list[Shift]:
        """The room's shifts starting from `first` to `last`, in order."""
        patterns = self.patterns(active_only=True) if patterns is None else patterns
        return [Shift(day, pattern, start, end) for start, end, day, pattern in instances(patterns, first, last)]

    def shift_at(self, at: datetime, patterns: list[Pattern] | None = None) -> Shift | None:
        """The shift under way at `at` (the latest started, when shifts overlap)."""
        day = self.room.local_day(at)
        running = [s for s in self.shifts(day - timedelta(days=1), day, patterns) if s.start <= at < s.end]
        return running[-1] if running else None

    def next_shift(self, at: datetime, patterns: list[Pattern] | None = None) -> Shift | None:
        day = self.room.local_day(at)
        coming = [s for s in self.shifts(day, day + timedelta(days=2), patterns) if s.start > at]
        return coming[0] if coming else None

    def shift_of(self, day: date, pattern_id: str, patterns: list[Pattern] | None = None) -> Shift | None:
        return next((s for s in self.shifts(day, day, patterns) if s.pattern.id == pattern_id), None)
