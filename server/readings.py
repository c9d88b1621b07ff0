"""Storing a batch of readings: each item checked on its own (a refused one is
answered with its reason, the rest stored), idempotent on station + time (a
reading posted again is answered `duplicate`), announced in the feed, then
run through the alarm engine per station in time order. Used by the bulk
endpoint, the hydrology adapter and the demo feeder alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from server.alarm_engine import STATE_COLUMNS, Changes, EngineState, StationEngine
from server.change_log import record_changes
from server.monitoring_tables import ReadingRow, StationRow, StationStateRow
from services.monitoring.contract import (
    FUTURE_SKEW_S,
    STATION_ID_MAX,
    StationKind,
    number_problem,
    range_problem,
    reading_id,
)
from services.text_rules import Unusable

_CHUNK = 2000
ITEM_KEYS = frozenset({"station", "time", "value"})


def _time(value: Any) -> datetime | str:
    if not isinstance(value, str) or len(value) > 40:
        return "time must be an ISO-8601 text with a time zone"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return "time is not an ISO-8601 time"
    if parsed.tzinfo is None:
        return "time has no time zone"
    return parsed.astimezone(UTC)


def _stations(s: Session, keys: set[str]) -> dict[str, StationRow]:
    """Stations named by id or by code (STCD), as the hydrology tables name them."""
    found: dict[str, StationRow] = {}
    keys_list = sorted(keys)
    for start in range(0, len(keys_list), _CHUNK):
        chunk = keys_list[start:start + _CHUNK]
        for row in s.scalars(select(StationRow).where(StationRow.id.in_(chunk) | StationRow.code.in_(chunk))):
            if row.id in keys:
                found[row.id] = row
            if row.code and row.code in keys:
                found.setdefault(row.code, row)
    return found


def ingest(s: Session, items: list[Any], now: datetime) -> list[dict[str, Any]]:
    """One answer per item, in order: {"status": "applied" | "duplicate" | "refused", "reason"}."""
    now = now.astimezone(UTC)
    now_text = now.isoformat(timespec="milliseconds")
    latest_allowed = now + timedelta(seconds=FUTURE_SKEW_S)
    keys = {item["station"] for item in items
            if isinstance(item, dict) and isinstance(item.get("station"), str) and 0 < len(item["station"]) <= STATION_ID_MAX}
    stations = _stations(s, keys)
    answers: list[dict[str, Any]] = []
    candidates: dict[str, tuple[int, dict[str, Any]]] = {}
    for index, item in enumerate(items):
        problem, row = _check(item, stations, latest_allowed)
        if problem:
            answers.append({"status": "refused", "reason": problem})
            continue
        if row["id"] in candidates:
            answers.append({"status": "duplicate", "reason": "the same station and time earlier in this batch"})
            continue
        candidates[row["id"]] = (index, row)
        answers.append({"status": "applied", "reason": ""})
    ids = list(candidates)
    stored: set[str] = set()
    for start in range(0, len(ids), _CHUNK):
        stored.update(s.scalars(select(ReadingRow.id).where(ReadingRow.id.in_(ids[start:start + _CHUNK]))))
    new = []
    for rid, (index, row) in candidates.items():
        if rid in stored:
            answers[index] = {"status": "duplicate", "reason": "a reading of this station at this time is stored"}
        else:
            new.append({**row, "received_at": now_text})
    if not new:
        return answers
    con = s.connection()  # Core executemany: the ORM's bulk path costs more than the rows
    con.execute(insert(ReadingRow.__table__), new)
    changes = Changes()
    by_station: dict[str, list[tuple[float, float, str]]] = {}
    for row in new:
        by_station.setdefault(row["station_id"], []).append((row["t"], row["value"], row["time"]))
    rows = {r.id: r for r in stations.values()}
    table = StationStateRow.__table__
    states = {r.station_id: EngineState(**r._mapping) for r in con.execute(
        select(table).where(table.c.station_id.in_(list(by_station))))}
    fresh = []
    for station_id, readings in by_station.items():
        state = states.get(station_id)
        if state is None:
            state = states[station_id] = EngineState(station_id)
            fresh.append(station_id)
        readings.sort()
        StationEngine(s, rows[station_id], state, now_text, changes).run(readings)
    if fresh:
        con.execute(insert(table), [vars(states[sid]) for sid in fresh])
    kept = [{**vars(st), "sid": st.station_id} for sid, st in states.items() if sid not in fresh]
    if kept:
        con.execute(update(table).where(table.c.station_id == bindparam("sid")).values(
            {c: bindparam(c) for c in STATE_COLUMNS}), kept)
    s.flush()
    record_changes(s, [("reading", row["id"]) for row in new]
                   + [("alarm", aid) for aid in changes.alarms] + [("station", sid) for sid in changes.stations],
                   now_text)
    return answers


def list_stations(engine: Any) -> list[dict[str, Any]]:
    """Every station as a gateway names it (GET /monitoring/stations), by id."""
    table = StationRow.__table__
    with engine.connect() as con:
        rows = con.execute(select(table.c.id, table.c.code, table.c.name, table.c.kind, table.c.unit, table.c.org)
                           .order_by(table.c.id)).all()
    return [dict(row._mapping) for row in rows]


def _check(item: Any, stations: dict[str, StationRow], latest_allowed: datetime) -> tuple[str, dict[str, Any]]:
    if not isinstance(item, dict) or set(item) != ITEM_KEYS:
        return 'a reading is {"station": ..., "time": ..., "value": ...}', {}
    station = stations.get(item["station"]) if isinstance(item["station"], str) else None
    if station is None:
        return f"unknown station {str(item['station'])[:40]!r}", {}
    at = _time(item["time"])
    if isinstance(at, str):
        return at, {}
    if at > latest_allowed:
        return f"time {item['time'][:40]} is in the future (more than {FUTURE_SKEW_S:g} s ahead of the platform)", {}
    value = item["value"]
    if isinstance(value, Unusable):
        return f"value is {value.reason}", {}
    problem = number_problem(value) or range_problem(StationKind(station.kind), float(value))
    if problem:
        return f"value: {problem}", {}
    epoch_ms = round(at.timestamp() * 1000)
    t = epoch_ms / 1000.0
    time_text = (at.replace(microsecond=(epoch_ms % 1000) * 1000) if at.microsecond % 1000 == 0 and
                 at.microsecond // 1000 == epoch_ms % 1000 else datetime.fromtimestamp(t, UTC)).isoformat(
        timespec="milliseconds")
    return "", {"id": reading_id(station.id, epoch_ms), "station_id": station.id, "time": time_text, "t": t,
                "value": float(value)}
