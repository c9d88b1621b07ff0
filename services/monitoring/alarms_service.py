"""What an officer does with an alarm: 确认, 处置, 误报, or 转为事件. The platform
raised the alarm and keeps who and when from the token; here each step is one
mirror transaction with its outbox op (alarms travel with orders, first), so it
shows at once and survives a cut link. Steps only move forward."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select

from offline_cache.database import Mirror
from offline_cache.monitoring_schema import AlarmRow, ReadingRow, StationRow
from services.clock import Clock, SystemClock
from services.errors import NotFound
from services.events import EventBus, RecordsChanged
from services.incidents.model import Category, Incident, IncidentDraft, Severity, Source
from services.incidents.service import IncidentService
from services.monitoring.contract import (
    BY_MAX,
    INCIDENT_TYPE,
    KINDS,
    NOTE_MAX,
    AlarmState,
    Level,
    Rule,
    StationKind,
    alarm_title,
    can_move,
)
from services.monitoring.store import Alarm, to_alarm
from services.outbox import URGENT, queue
from services.timefmt import to_db

ALARM_NAMESPACE = uuid.UUID("5b0d3c1e-4f7a-4a59-9d7e-1d3c0a6f2b11")
READINGS_IN_SUMMARY = 6


class AlarmMoveRefused(ValueError):
    """The step does not follow from where the alarm stands (it only moves forward)."""


def incident_id_for(alarm_id: str) -> str:
    """The incident an alarm becomes: the same one however often 转为事件 is pressed."""
    return str(uuid.uuid5(ALARM_NAMESPACE, alarm_id))


class AlarmService:
    def __init__(self, mirror: Mirror, incidents: IncidentService, *, events: EventBus | None = None,
                 clock: Clock | None = None):
        self.mirror = mirror
        self.incidents = incidents
        self.events = events or incidents.events
        self.clock = clock or SystemClock()

    def acknowledge(self, alarm_id: str, by: str, note: str = "") -> Alarm:
        return self._move(alarm_id, AlarmState.ACKNOWLEDGED, by, note)

    def resolve(self, alarm_id: str, by: str, note: str = "") -> Alarm:
        return self._move(alarm_id, AlarmState.RESOLVED, by, note)

    def false_alarm(self, alarm_id: str, by: str, note: str = "") -> Alarm:
        return self._move(alarm_id, AlarmState.FALSE, by, note)

    def to_incident(self, alarm_id: str, author: str) -> Incident:
        """Logs the incident (source 系统监测) with the station, its place and the
        latest readings, then marks the alarm 已转事件 pointing at it."""
        draft = self.incident_draft(alarm_id)
        incident = self.incidents.create_incident(draft, author)
        current = self._row_state(alarm_id)
        if current != AlarmState.INCIDENT:
            self._move(alarm_id, AlarmState.INCIDENT, author, "", incident.id)
        return incident

    def incident_draft(self, alarm_id: str) -> IncidentDraft:
        """The intake form's values for this alarm (the panel opens the dialog with them)."""
        with self.mirror.read() as s:
            alarm = s.scalar(select(AlarmRow).where(AlarmRow.id == alarm_id))
            if alarm is None:
                raise NotFound(f"alarm {alarm_id}")
            station = s.scalar(select(StationRow).where(StationRow.id == alarm.station_id))
            if station is None:
                raise NotFound(f"station {alarm.station_id}")
            readings = s.execute(select(ReadingRow.t, ReadingRow.value)
                                 .where(ReadingRow.station_id == station.id)
                                 .order_by(ReadingRow.t.desc()).limit(READINGS_IN_SUMMARY)).all()
        kind = StationKind(station.kind)
        category, type_code = INCIDENT_TYPE[kind]
        unit = station.unit or KINDS[kind].unit
        lines = [f"监测站：{station.name}（{station.code or station.id}），{station.org}",
                 f"告警：{alarm_title(station.name, Level(alarm.level), Rule(alarm.rule))}，"
                 f"读数 {alarm.value:g}{unit}，阈值 {alarm.threshold:g}{unit}，峰值 {alarm.peak_value:g}{unit}",
                 "最近读数（UTC）："]
        lines += [f"{datetime.fromtimestamp(t, UTC):%Y-%m-%d %H:%M} {v:g}{unit}" for t, v in readings]
        occurred = datetime.fromisoformat(alarm.reading_at)
        now = self.clock.now()
        return IncidentDraft(
            id=incident_id_for(alarm_id), title=alarm_title(station.name, Level(alarm.level), Rule(alarm.rule)),
            category=Category(category), type_code=type_code, severity=Severity.UNGRADED,
            occurred_at=min(occurred, now), place=station.place or station.name, lat=station.lat, lon=station.lon,
            source=Source.SYSTEM, reporter=station.org[:100], summary="\n".join(lines))

    def _row_state(self, alarm_id: str) -> AlarmState:
        with self.mirror.read() as s:
            state = s.scalar(select(AlarmRow.state).where(AlarmRow.id == alarm_id))
        if state is None:
            raise NotFound(f"alarm {alarm_id}")
        return AlarmState(state)

    def _move(self, alarm_id: str, target: AlarmState, by: str, note: str, incident_id: str = "") -> Alarm:
        by, note = by.strip()[:BY_MAX], note.strip()[:NOTE_MAX]
        now = self.clock.now()
        with self.mirror.write() as s:
            row = s.scalar(select(AlarmRow).where(AlarmRow.id == alarm_id))
            if row is None:
                raise NotFound(f"alarm {alarm_id}")
            current = AlarmState(row.state)
            if not can_move(current, target):
                raise AlarmMoveRefused(f"alarm is {current.value}; {target.value} does not follow")
            row.state = target.value
            if target == AlarmState.ACKNOWLEDGED:
                row.acknowledged_at, row.acknowledged_by = to_db(now), by
            else:
                row.closed_at, row.closed_by = to_db(now), by
            if note:
                row.note = note
            if incident_id:
                row.incident_id = incident_id
            row.sync_state = "pending"
            payload = {"state": target.value, "by": by, "note": note, "incident_id": incident_id}
            queue(s, "alarm", row.id, "advance", row.version, payload, URGENT, now, row.id)
            alarm = to_alarm(row)
        self.events.publish(RecordsChanged("alarm", (alarm_id,)))
        return alarm
