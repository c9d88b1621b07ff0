"""Stations, readings and alarms as synced record kinds: platform records checked
into mirror rows (a hostile or broken server changes nothing: FeedError).
Readings are telemetry: inserted once by id (station and time), never updated,
and announced as RecordsChanged("reading", station ids) so a chart redraws the
stations that moved rather than hearing of every reading."""

from __future__ import annotations

import json
import math
import time
from datetime import datetime
from urllib.parse import quote

from sqlalchemy import text
from sqlalchemy.orm import Session

from offline_cache.monitoring_schema import AlarmRow, ReadingRow, StationRow
from services.events import Event, RecordsChanged
from services.monitoring.contract import (
    BY_MAX,
    CODE_MAX,
    DEFAULT_HISTORY_DAYS,
    NAME_MAX,
    NOTE_MAX,
    ORG_MAX,
    STATION_ID_MAX,
    AlarmState,
    Level,
    Rule,
    StationKind,
    number_problem,
    reading_id,
    rules_problem,
    thresholds_problem,
)
from services.records.feed_checks import (
    FeedError,
    feed_accounts,
    feed_coordinate,
    feed_id,
    feed_text,
    feed_time,
)
from services.records.kind import RecordKind

PLACE_MAX = 200
UNIT_MAX = 16
EPOCH_MAX = 32_503_680_000.0  # year 3000


def station_values(data: dict, version: int) -> dict:
    sid = feed_id(data, "station", STATION_ID_MAX)
    where = f"station {sid}"
    try:
        kind = StationKind(data.get("kind"))
    except ValueError:
        raise FeedError(f"{where}: bad kind") from None
    values: dict = {"id": sid, "kind": kind.value, "code": feed_text(data, "code", CODE_MAX, where),
                    "name": feed_text(data, "name", NAME_MAX, where, required=True),
                    "org": feed_text(data, "org", ORG_MAX, where), "place": feed_text(data, "place", PLACE_MAX, where),
                    "unit": feed_text(data, "unit", UNIT_MAX, where),
                    "lat": feed_coordinate(data.get("lat"), "lat", where),
                    "lon": feed_coordinate(data.get("lon"), "lon", where)}
    thresholds, rules = data.get("thresholds", {}), data.get("rules", {})
    problem = thresholds_problem(kind, thresholds) or rules_problem(kind, rules)
    if problem:
        raise FeedError(f"{where}: {problem}")
    values["thresholds"] = json.dumps(thresholds, sort_keys=True)
    values["rules"] = json.dumps(rules, sort_keys=True)
    level = data.get("level", "")
    if level and level not in {x.value for x in Level}:
        raise FeedError(f"{where}: bad level")
    values["level"] = level
    values["updated_at"] = feed_time(data.get("updated_at", ""), f"{where} updated_at")
    values["version"] = int(version)
    return values


def reading_values(data: dict, _version: int) -> dict:
    rid = feed_id(data, "reading", 64)
    station_id = data.get("station_id")
    if not isinstance(station_id, str) or not 0 < len(station_id) <= STATION_ID_MAX:
        raise FeedError(f"reading {rid}: bad station_id")
    at = feed_time(data.get("time", ""), f"reading {rid} time", required=True)
    value = data.get("value")
    if number_problem(value):
        raise FeedError(f"reading {rid}: value is not a finite number")
    t = datetime.fromisoformat(at).timestamp()
    if rid != reading_id(station_id, round(t * 1000)):
        raise FeedError(f"reading {rid}: id does not name its station and time")
    return {"id": rid, "station_id": station_id, "t": t, "value": float(value)}


def apply_readings(s: Session, _kind: RecordKind, rows: list[dict]) -> list[Event]:
    """New readings in; each station's latest follows its newest reading."""
    if not rows:
        return []
    s.execute(text("INSERT OR IGNORE INTO readings (id, station_id, t, value, sync_state) "
                   "VALUES (:id, :station_id, :t, :value, 'synced')"), rows)
    newest: dict[str, dict] = {}
    for row in rows:
        if row["station_id"] not in newest or row["t"] > newest[row["station_id"]]["t"]:
            newest[row["station_id"]] = row
    s.execute(text("UPDATE stations SET latest_t = :t, latest_value = :value "
                   "WHERE id = :station_id AND (latest_t IS NULL OR latest_t <= :t)"), list(newest.values()))
    return [RecordsChanged("reading", tuple(sorted(newest)))]


ALARM_TEXT = {"station_id": STATION_ID_MAX, "station_name": NAME_MAX, "acknowledged_by": BY_MAX,
              "closed_by": BY_MAX, "incident_id": 36, "note": NOTE_MAX}
ALARM_TIMES = ("reading_at", "raised_at", "escalated_at", "cleared_at", "acknowledged_at", "closed_at", "updated_at")


def alarm_values(data: dict, version: int) -> dict:
    aid = feed_id(data, "alarm")
    where = f"alarm {aid}"
    values: dict = {"id": aid}
    for name, limit in ALARM_TEXT.items():
        values[name] = feed_text(data, name, limit, where, required=name == "station_id")
    for name, allowed in (("rule", Rule), ("level", Level), ("first_level", Level), ("state", AlarmState)):
        if data.get(name) not in {x.value for x in allowed}:
            raise FeedError(f"{where}: bad {name}")
        values[name] = data[name]
    for name in ("value", "peak_value", "threshold"):
        value = data.get(name)
        if number_problem(value) or not math.isfinite(float(value)):
            raise FeedError(f"{where}: bad {name}")
        values[name] = float(value)
    repeats = data.get("repeats", 0)
    if isinstance(repeats, bool) or not isinstance(repeats, int) or repeats < 0:
        raise FeedError(f"{where}: bad repeats")
    values["repeats"] = repeats
    for name in ALARM_TIMES:
        values[name] = feed_time(data.get(name, ""), f"{where} {name}",
                                 required=name in ("reading_at", "raised_at"))
    values.update(feed_accounts(data, ("acknowledged_by_account", "acknowledged_workstation", "closed_by_account",
                                       "closed_workstation"), where))
    values["version"] = int(version)
    return values


HISTORY_PATH = "/monitoring/stations/{}/readings"  # server/station_history.py
GAP_PAGE = 2000


def _ms(reading: str) -> int:
    try:
        return int(reading.rpartition("@")[2])
    except ValueError:
        raise FeedError(f"reading {reading[:64]!r}: no time in its id") from None


def gap_request(station_id: str, first_id: str, last_id: str, after_t: object) -> tuple[str, dict]:
    """The readings of a station a coalesced feed skipped, from the platform's history;
    only within the mirror's window (a month imported at once is the 30-day chart's
    to fetch, downsampled, not every workstation's to copy)."""
    end = _ms(last_id) / 1000
    start = min(end, max(_ms(first_id) / 1000, time.time() - DEFAULT_HISTORY_DAYS * 86_400))
    params: dict = {"start": start, "end": end, "limit": GAP_PAGE}
    if after_t is not None:
        params["after_t"] = after_t
    return HISTORY_PATH.format(quote(station_id, safe="")), params


def gap_answer(station_id: str, data: object) -> tuple[list[dict], object]:
    """A history page as reading rows, checked like the feed's; the next page's cursor."""
    if not isinstance(data, dict) or data.get("station_id") != station_id or not isinstance(
            data.get("readings"), list):
        raise FeedError(f"history of station {station_id[:40]}: not a history page")
    rows = []
    for pair in data["readings"]:
        if not isinstance(pair, list) or len(pair) != 2 or number_problem(pair[0]) or number_problem(pair[1]) \
                or not 0 <= pair[0] < EPOCH_MAX:
            raise FeedError(f"history of station {station_id[:40]}: a reading is not [time, value]")
        epoch_ms = round(pair[0] * 1000)
        rows.append({"id": reading_id(station_id, epoch_ms), "station_id": station_id, "t": epoch_ms / 1000,
                     "value": float(pair[1])})
    following = data.get("next_after_t")
    if following is not None and (number_problem(following) or not rows or following < rows[-1]["t"] - 1e-3):
        raise FeedError(f"history of station {station_id[:40]}: bad next_after_t")
    return rows, following


STATION = RecordKind("station", StationRow, station_values)
READING = RecordKind("reading", ReadingRow, reading_values, apply=apply_readings,
                     gap_request=gap_request, gap_answer=gap_answer)
ALARM = RecordKind("alarm", AlarmRow, alarm_values)
