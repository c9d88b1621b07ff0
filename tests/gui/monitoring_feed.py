"""Stations, readings and alarms as the platform's feed sends them, applied to a
mirror through the sync engine's own apply path (for the monitoring view tests)."""

from __future__ import annotations

import itertools
import uuid
from datetime import datetime, timedelta

from services.monitoring.contract import reading_id
from services.sync.apply import apply_page
from services.sync.wire import Change
from services.timefmt import to_db
from tests.helpers import KINDS

_seq = itertools.count(1)


def station(sid: str = "", *, name: str = "嘉陵江北碚站", kind: str = "river", level: str = "",
            thresholds: dict | None = None, **extra) -> dict:
    return {"id": sid or str(uuid.uuid4()), "kind": kind, "code": "60105400", "name": name, "org": "重庆市水文监测总站",
            "place": "北碚区嘉陵江北碚水文站", "unit": "m", "lat": 29.8261, "lon": 106.4352,
            "thresholds": {"alert": 186.0, "guarantee": 189.0} if thresholds is None else thresholds,
            "rules": {}, "level": level, "updated_at": "2026-11-22T07:00:00+00:00", **extra}


def alarm(station_data: dict, raised: datetime, *, level: str = "alert", state: str = "new", aid: str = "",
          value: float = 186.4, **extra) -> dict:
    return {"id": aid or str(uuid.uuid4()), "station_id": station_data["id"], "station_name": station_data["name"],
            "rule": "threshold", "level": level, "first_level": extra.pop("first_level", level), "state": state,
            "value": value, "peak_value": value, "threshold": station_data["thresholds"].get(level, 186.0),
            "repeats": 0, "reading_at": to_db(raised), "raised_at": to_db(raised), "escalated_at": "",
            "cleared_at": "", "acknowledged_at": "", "acknowledged_by": "", "closed_at": "", "closed_by": "",
            "incident_id": "", "note": "", "updated_at": to_db(raised), **extra}


def readings(station_id: str, start: datetime, values: list[float], step: timedelta = timedelta(minutes=1)):
    out = []
    for i, value in enumerate(values):
        at = start + i * step
        out.append({"id": reading_id(station_id, round(at.timestamp() * 1000)), "station_id": station_id,
                    "time": at.isoformat(), "value": value})
    return out


def feed(mirror, events, now: datetime, entity: str, records: list[dict], version: int = 1) -> None:
    changes = [Change(seq=next(_seq), entity=entity, entity_id=r["id"], version=r.get("version", version), data=r)
               for r in records]
    apply_page(mirror, KINDS, "cluster", changes, changes[-1].seq, now, events)
