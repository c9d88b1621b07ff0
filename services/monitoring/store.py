"""Reading monitoring from the mirror: stations with their latest value, a
station's history as arrays a chart draws directly, alarms, and the figures of
the alarm list (open alarms per level, alarms raised per hour)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
from sqlalchemy import func, select
from sqlalchemy import text as sql

from offline_cache.database import Mirror
from offline_cache.monitoring_schema import (
    AlarmPromptRow,
    AlarmRow,
    ReadingHourRow,
    ReadingRow,
    StationRow,
)
from services.monitoring.contract import OPEN_STATES, AlarmState, Level, Rule, StationKind
from services.timefmt import to_db


@dataclass(frozen=True)
class Station:
    id: str
    code: str
    name: str
    kind: StationKind
    org: str
    place: str
    lat: float
    lon: float
    unit: str
    thresholds: dict[str, float]  # {level: value}, contract.Level values
    rules: dict
    level: Level | None  # where the platform last saw it
    latest_t: float | None  # epoch seconds, UTC
    latest_value: float | None


@dataclass(frozen=True)
class History:
    """Times (epoch seconds, UTC) and values, in time order. Older than the
    mirror's raw window, each hour is two points: its lowest and its highest."""

    t: np.ndarray
    v: np.ndarray


@dataclass(frozen=True)
class Alarm:
    id: str
    station_id: str
    station_name: str
    rule: Rule
    level: Level
    first_level: Level
    state: AlarmState
    value: float
    peak_value: float
    threshold: float
    reading_at: str
    raised_at: str
    escalated_at: str
    cleared_at: str  # the condition ended (below threshold minus margin); "" while it lasts
    repeats: int  # times the condition came back while this alarm was open
    acknowledged_at: str
    acknowledged_by: str
    acknowledged_by_account: str
    closed_at: str
    closed_by: str
    closed_by_account: str
    incident_id: str
    note: str
    version: int


def to_station(r) -> Station:
    """From a StationRow or a plain row of the stations table."""
    return Station(id=r.id, code=r.code, name=r.name, kind=StationKind(r.kind), org=r.org, place=r.place,
                   lat=r.lat, lon=r.lon, unit=r.unit, thresholds=json.loads(r.thresholds or "{}"),
                   rules=json.loads(r.rules or "{}"), level=Level(r.level) if r.level else None,
                   latest_t=r.latest_t, latest_value=r.latest_value)


def to_alarm(r: AlarmRow) -> Alarm:
    return Alarm(id=r.id, station_id=r.station_id, station_name=r.station_name, rule=Rule(r.rule),
                 level=Level(r.level), first_level=Level(r.first_level), state=AlarmState(r.state),
                 value=r.value, peak_value=r.peak_value, threshold=r.threshold, reading_at=r.reading_at,
                 raised_at=r.raised_at, escalated_at=r.escalated_at, cleared_at=r.cleared_at, repeats=r.repeats,
                 acknowledged_at=r.acknowledged_at, acknowledged_by=r.acknowledged_by,
                 acknowledged_by_account=r.acknowledged_by_account, closed_at=r.closed_at, closed_by=r.closed_by,
                 closed_by_account=r.closed_by_account, incident_id=r.incident_id, note=r.note, version=r.version)


class StationStore:
    def __init__(self, mirror: Mirror):
        self.mirror = mirror

    def stations(self) -> list[Station]:
        """Plain rows, not ORM objects: a few thousand stations read in a few tens of ms."""
        with self.mirror.read() as s:
            rows = s.execute(select(StationRow.__table__).order_by(StationRow.name)).all()
        return [to_station(r) for r in rows]

    def station(self, station_id: str) -> Station | None:
        with self.mirror.read() as s:
            row = s.scalar(select(StationRow).where(StationRow.id == station_id))
            return None if row is None else to_station(row)

    def latest(self) -> dict[str, tuple[float, float]]:
        """{station id: (time, value)} of the stations that have a reading."""
        with self.mirror.read() as s:
            rows = s.execute(select(StationRow.id, StationRow.latest_t, StationRow.latest_value)
                             .where(StationRow.latest_t.is_not(None))).all()
        return {r.id: (r.latest_t, r.latest_value) for r in rows}

    def history(self, station_id: str, since: float, until: float) -> History:
        """A station's readings with since <= t <= until (epoch seconds)."""
        with self.mirror.read() as s:
            con = s.connection()
            hours = con.execute(select(ReadingHourRow.t, ReadingHourRow.low, ReadingHourRow.high)
                                .where(ReadingHourRow.station_id == station_id,
                                       ReadingHourRow.t >= since - 3600, ReadingHourRow.t <= until)
                                .order_by(ReadingHourRow.t)).all()
            raw = con.execute(select(ReadingRow.t, ReadingRow.value)
                              .where(ReadingRow.station_id == station_id, ReadingRow.t >= since,
                                     ReadingRow.t <= until).order_by(ReadingRow.t)).all()
        first_raw = raw[0][0] if raw else np.inf
        ht: list[float] = []
        hv: list[float] = []
        for t, low, high in hours:
            if t + 3600 <= first_raw:  # an hour the raw readings do not cover
                ht += [max(t, since), min(t + 1800, until)]
                hv += [low, high]
        t = np.fromiter((r[0] for r in raw), dtype=np.float64, count=len(raw))
        v = np.fromiter((r[1] for r in raw), dtype=np.float64, count=len(raw))
        if ht:
            t = np.concatenate([np.asarray(ht, dtype=np.float64), t])
            v = np.concatenate([np.asarray(hv, dtype=np.float64), v])
        return History(t, v)

    def alarms(self, open_only: bool = False, limit: int = 1000) -> list[Alarm]:
        """Newest first; `open_only`: 新告警 and 已确认."""
        query = select(AlarmRow).order_by(AlarmRow.raised_at.desc()).limit(limit)
        if open_only:
            query = query.where(AlarmRow.state.in_([x.value for x in OPEN_STATES]))
        with self.mirror.read() as s:
            return [to_alarm(r) for r in s.scalars(query)]

    def alarm(self, alarm_id: str) -> Alarm | None:
        with self.mirror.read() as s:
            row = s.scalar(select(AlarmRow).where(AlarmRow.id == alarm_id))
            return None if row is None else to_alarm(row)

    def open_alarms_and_prompted(self) -> tuple[list[Alarm], set[tuple[str, str]]]:
        """Open alarms and which (alarm id, colour) this workstation popped up
        already, in one read: the pop-up's once per alarm survives a restart."""
        with self.mirror.read() as s:
            alarms = [to_alarm(r) for r in s.scalars(
                select(AlarmRow).where(AlarmRow.state.in_([x.value for x in OPEN_STATES]))
                .order_by(AlarmRow.raised_at.desc()).limit(1000))]
            ids = [a.id for a in alarms]
            shown = {(r.alarm_id, r.colour) for r in s.execute(
                select(AlarmPromptRow.alarm_id, AlarmPromptRow.colour).where(AlarmPromptRow.alarm_id.in_(ids)))}
        return alarms, shown

    def mark_prompted(self, keys: list[tuple[str, str]], now: datetime) -> None:
        """Remembers pop-ups shown (local to this mirror, never synced)."""
        if not keys:
            return
        with self.mirror.write() as s:
            s.execute(sql("INSERT OR IGNORE INTO alarm_prompts (alarm_id, colour, shown_at) "
                           "VALUES (:alarm_id, :colour, :at)"),
                      [{"alarm_id": a, "colour": c, "at": to_db(now)} for a, c in keys])

    def counts_by_level(self) -> dict[Level, int]:
        """Open alarms per level (levels without any are absent)."""
        with self.mirror.read() as s:
            rows = s.execute(select(AlarmRow.level, func.count()).where(
                AlarmRow.state.in_([x.value for x in OPEN_STATES])).group_by(AlarmRow.level)).all()
        return {Level(level): int(n) for level, n in rows}

    def rate_per_hour(self, hours: int = 24, now: datetime | None = None) -> list[tuple[float, int]]:
        """Alarms raised in each of the last `hours` whole hours up to now, oldest
        first: (the hour's start in epoch seconds, count)."""
        now = (now or datetime.now(UTC)).astimezone(UTC)
        end = now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
        start = end - timedelta(hours=hours)
        with self.mirror.read() as s:
            raised = s.scalars(select(AlarmRow.raised_at).where(AlarmRow.raised_at >= to_db(start),
                                                                AlarmRow.raised_at < to_db(end))).all()
        counts = [0] * hours
        for text in raised:
            at = datetime.fromisoformat(text)
            counts[int((at - start).total_seconds() // 3600)] += 1
        base = start.timestamp()
        return [(base + 3600 * i, n) for i, n in enumerate(counts)]
