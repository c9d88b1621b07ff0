"""监测预警 on the platform as record kinds: stations (created and edited by
ops like every record without a timeline, thresholds checked against the
station's kind), readings (written by server/readings.py only, sent by the
feed) and alarms (raised by server/alarm_engine.py; an officer moves them
forward, who from the token, when capped at receipt)."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy.orm import Session

from server.actor import actor_of
from server.change_log import record_change
from server.columns import text_limits
from server.merged_record import MergedRecord
from server.monitoring_tables import (
    ALARM_COLUMNS,
    READING_COLUMNS,
    STATION_COLUMNS,
    AlarmRow,
    ReadingRow,
    StationRow,
)
from server.op_checks import OpRejected, received, text_check
from server.record_kind import ServerKind
from services.monitoring.contract import (
    BY_MAX,
    DEFAULT_HISTORY_DAYS,
    NOTE_MAX,
    STATION_EDITORS,
    AlarmState,
    StationKind,
    can_move,
    number_problem,
    rules_problem,
    thresholds_problem,
)
from services.sync.wire import Op, OpResult

TEXT = text_limits(StationRow, "code", "name", "org", "place", "unit")
FIELDS = ("code", "name", "kind", "org", "place", "lat", "lon", "unit", "thresholds", "rules")


def check_value(name: str, value: Any) -> Any:
    if name in TEXT:
        return text_check(value, name, TEXT[name], required=name == "name")
    if name == "kind":
        if value not in {k.value for k in StationKind}:
            raise OpRejected(f"unknown station kind {str(value)[:20]!r}")
        return value
    if name in ("lat", "lon"):
        bound = 90 if name == "lat" else 180
        if number_problem(value) or abs(value) > bound:
            raise OpRejected(f"{name} must be a number within ±{bound}")
        return float(value)
    if name in ("thresholds", "rules"):
        if not isinstance(value, dict):
            raise OpRejected(f"{name} must be an object")
        return json.dumps(value, sort_keys=True)
    raise OpRejected(f"unknown station field {name!r}")


_RECORD = MergedRecord("station", StationRow, ("id", "name", "kind", "lat", "lon"), check_value,
                       {"thresholds": "{}", "rules": "{}", "level": ""})


def _checked_station(s: Session, station_id: str) -> None:
    """Thresholds and rules fit the station's kind (a whole-record check after a merge)."""
    row = s.get(StationRow, station_id)
    kind = StationKind(row.kind)
    problem = thresholds_problem(kind, json.loads(row.thresholds)) or rules_problem(kind, json.loads(row.rules))
    if problem:
        raise OpRejected(problem)


def _may_edit_stations(s: Session) -> None:
    """Only the roles of the contract (admin, 值班长) create or edit stations; the
    platform's own changes (seeding, the hydrology adapter) do not pass here."""
    actor = actor_of(s)
    if actor.account and actor.role not in STATION_EDITORS:
        raise OpRejected(f"只有管理员和值班长可以新建或修改监测站 (account {actor.account} (role {actor.role or 'none'}) "
                         f"may not create or edit stations: only {' and '.join(STATION_EDITORS)})")


def create_station(s: Session, op: Op, now: str) -> OpResult:
    _may_edit_stations(s)
    result = _RECORD.create(s, op, now)
    _checked_station(s, op.entity_id)
    return result


def update_station(s: Session, op: Op, now: str) -> OpResult:
    _may_edit_stations(s)
    result = _RECORD.update(s, op, now)
    _checked_station(s, op.entity_id)
    return result


def advance_alarm(s: Session, op: Op, now: str) -> OpResult:
    """{"state", "by", "note", "incident_id"}: a step forward; one the alarm is
    already past is answered `merged` and changes nothing."""
    payload = op.payload
    if not set(payload) <= {"state", "by", "note", "incident_id"} or "state" not in payload:
        raise OpRejected('an alarm step is {"state": ..., "by": ..., "note": ..., "incident_id": ...}')
    try:
        target = AlarmState(payload["state"])
    except ValueError:
        raise OpRejected(f"unknown alarm state {str(payload['state'])[:20]!r}") from None
    by = text_check(payload.get("by", ""), "by", BY_MAX)
    note = text_check(payload.get("note", ""), "note", NOTE_MAX)
    incident_id = text_check(payload.get("incident_id", ""), "incident_id", 36)
    if target == AlarmState.INCIDENT and not incident_id:
        raise OpRejected("an alarm turned into an incident names the incident")
    alarm = s.get(AlarmRow, op.entity_id)
    if alarm is None:
        raise OpRejected("alarm unknown")
    current = AlarmState(alarm.state)
    if not can_move(current, target):
        return OpResult(op_id=op.op_id, status="merged", reason=f"alarm is {current.value}; {target.value} not applied")
    actor = actor_of(s)
    at = received(op, now)
    alarm.state = target.value
    if target == AlarmState.ACKNOWLEDGED:
        alarm.acknowledged_at, alarm.acknowledged_by = at, by or actor.account
        alarm.acknowledged_by_account, alarm.acknowledged_workstation = actor.account, actor.workstation
    else:
        alarm.closed_at, alarm.closed_by = at, by or actor.account
        alarm.closed_by_account, alarm.closed_workstation = actor.account, actor.workstation
    if note:
        alarm.note = note
    if incident_id:
        alarm.incident_id = incident_id
    alarm.version += 1
    alarm.updated_at = now
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "alarm", alarm.id, now))


STATION = ServerKind("station", StationRow, {"create": create_station, "update": update_station}, STATION_COLUMNS,
                     json_columns={"thresholds": "{}", "rules": "{}"})


def _recent_readings() -> Any:
    return ReadingRow.t >= time.time() - DEFAULT_HISTORY_DAYS * 86_400


def _reading_station(reading_id: str) -> str:
    return reading_id.rpartition("@")[0]


READING = ServerKind("reading", ReadingRow, {}, READING_COLUMNS, versioned=False, references=("station",),
                     snapshot_filter=_recent_readings, telemetry_source=_reading_station)
ALARM = ServerKind("alarm", AlarmRow, {"advance": advance_alarm}, ALARM_COLUMNS, references=("station",))
