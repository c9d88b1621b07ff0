"""The platform's alarm engine, run on every station's new readings in time
order as they are stored. Against alarm fatigue: a level is entered only after
the station's minimum duration above its threshold, left only below the
threshold minus the margin (hysteresis), one open alarm per station and rule
(a higher level escalates it, a condition coming back re-arms it), and a rate
alarm when the value rises faster than the station's limit per hour."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.monitoring_tables import AlarmRow, StationRow
from services.monitoring.contract import (
    OPEN_STATES,
    RANK,
    AlarmRules,
    AlarmState,
    Level,
    Rule,
    StationKind,
    alarm_rules,
    level_of,
    levels_of,
)

RATE_CLEAR = 0.8  # a rate alarm ends once the rise is below this share of the limit


@dataclass
class EngineState:
    """A station's row of station_states, as plain values (read and written with Core)."""

    station_id: str
    level: str = ""
    pending_level: str = ""
    pending_since: float = 0.0
    last_t: float | None = None
    last_value: float | None = None
    rate_on: int = 0


STATE_COLUMNS = ("level", "pending_level", "pending_since", "last_t", "last_value", "rate_on")


@dataclass
class Changes:
    """What an ingest changed, for the feed: alarms and stations, each once."""

    alarms: dict[str, None] = field(default_factory=dict)
    stations: dict[str, None] = field(default_factory=dict)


def _held_after(thresholds: dict, kind: StationKind, held: Level | None, value: float, margin: float) -> Level | None:
    """The highest level at or below `held` the value still stands at, with the margin."""
    found = None
    for level in levels_of(kind):
        if held is None or RANK[level] > RANK[held]:
            break
        threshold = thresholds.get(level.value)
        if threshold is not None and value >= threshold - margin:
            found = level
    return found


class StationEngine:
    """One station's evaluation within an ingest's transaction."""

    def __init__(self, s: Session, station: StationRow, state: EngineState, now: str, changes: Changes):
        self.s, self.station, self.state, self.now, self.changes = s, station, state, now, changes
        self.kind = StationKind(station.kind)
        self.thresholds: dict[str, float] = json.loads(station.thresholds or "{}")
        self.rules: AlarmRules = alarm_rules(self.kind, json.loads(station.rules or "{}"))
        self._open: dict[Rule, AlarmRow | None] = {}

    def run(self, readings: list[tuple[float, float, str]]) -> None:
        """(epoch seconds, value, ISO time) in time order; readings not newer than
        the last one evaluated are stored but do not move the engine."""
        state = self.state
        held = Level(state.level) if state.level else None
        for t, value, at in readings:
            if state.last_t is not None and t <= state.last_t:
                continue
            held = self._threshold(held, t, value, at)
            if self.rules.rate_per_h > 0 and state.last_t is not None:
                self._rate((value - state.last_value) / ((t - state.last_t) / 3600.0), value, at)
            if held is not None:
                self._peak(value)
            state.last_t, state.last_value = t, value
        new_level = held.value if held else ""
        if new_level != state.level:
            state.level = new_level
        if self.station.level != new_level:
            self.station.level = new_level
            self.station.version += 1
            self.station.updated_at = self.now
            self.changes.stations[self.station.id] = None

    def _threshold(self, held: Level | None, t: float, value: float, at: str) -> Level | None:
        state = self.state
        raw = level_of(self.thresholds, self.kind, value)
        if raw is not None and (held is None or RANK[raw] > RANK[held]):
            pending = Level(state.pending_level) if state.pending_level else None
            if pending is None:
                state.pending_since = t
            if pending is None or RANK[raw] > RANK[pending]:
                state.pending_level = raw.value
            if t - state.pending_since >= self.rules.min_duration_s:
                held = Level(state.pending_level)
                state.pending_level, state.pending_since = "", 0.0
                self._raise(Rule.THRESHOLD, held, value, self.thresholds[held.value], at)
            return held
        state.pending_level, state.pending_since = "", 0.0
        after = _held_after(self.thresholds, self.kind, held, value, self.rules.margin)
        if held is not None and after is None:
            self._clear(Rule.THRESHOLD, at)
        return after

    def _rate(self, per_hour: float, value: float, at: str) -> None:
        state = self.state
        if per_hour > self.rules.rate_per_h and not state.rate_on:
            state.rate_on = 1
            self._raise(Rule.RATE, self.rules.rate_level, per_hour, self.rules.rate_per_h, at)
        elif state.rate_on and per_hour <= self.rules.rate_per_h * RATE_CLEAR:
            state.rate_on = 0
            self._clear(Rule.RATE, at)

    def _open_alarm(self, rule: Rule) -> AlarmRow | None:
        if rule not in self._open:
            self._open[rule] = self.s.scalar(
                select(AlarmRow).where(AlarmRow.station_id == self.station.id, AlarmRow.rule == rule.value,
                                       AlarmRow.state.in_([x.value for x in OPEN_STATES]))
                .order_by(AlarmRow.raised_at.desc()).limit(1))
        return self._open[rule]

    def _raise(self, rule: Rule, level: Level, value: float, threshold: float, at: str) -> None:
        alarm = self._open_alarm(rule)
        if alarm is None:
            alarm = AlarmRow(id=str(uuid.uuid4()), station_id=self.station.id, station_name=self.station.name,
                             rule=rule.value, level=level.value, first_level=level.value, state=AlarmState.NEW.value,
                             value=value, peak_value=value, threshold=threshold, reading_at=at, raised_at=self.now,
                             updated_at=self.now, version=1)
            self.s.add(alarm)
            self._open[rule] = alarm
        else:
            if RANK[level] > RANK[Level(alarm.level)]:
                alarm.level, alarm.threshold, alarm.escalated_at = level.value, threshold, self.now
            elif not alarm.cleared_at:
                return  # the same condition, still open: nothing new to say
            if alarm.cleared_at:
                alarm.cleared_at, alarm.repeats = "", alarm.repeats + 1
            alarm.peak_value = max(alarm.peak_value, value)
            alarm.version += 1
            alarm.updated_at = self.now
        self.changes.alarms[alarm.id] = None

    def _clear(self, rule: Rule, at: str) -> None:
        alarm = self._open_alarm(rule)
        if alarm is None or alarm.cleared_at:
            return
        alarm.cleared_at = at
        alarm.version += 1
        alarm.updated_at = self.now
        self.changes.alarms[alarm.id] = None

    def _peak(self, value: float) -> None:
        """The highest value while the threshold alarm lasts, kept without a change
        of its own (it goes out with the alarm's next change)."""
        alarm = self._open_alarm(Rule.THRESHOLD)  # one query per station and batch at most
        if alarm is not None and not alarm.cleared_at and value > alarm.peak_value:
            alarm.peak_value = value
