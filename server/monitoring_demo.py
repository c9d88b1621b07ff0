"""The demo's monitoring: stations around Chongqing with a day of readings, and
a feeder the platform runs (`--demo-monitoring`) that posts each station's next
reading every few seconds through the one ingest path, so the 寸滩 gauge on the
Yangtze crosses its 警戒 level a few minutes into the demo and raises an alarm."""

from __future__ import annotations

import asyncio
import json
import logging
import math
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from server.actor import PLATFORM
from server.change_log import record_changes
from server.monitoring_tables import StationRow
from server.readings import ingest

FEED_S = 5.0
HISTORY_H = 24
HISTORY_STEP_S = 600
CROSS_AFTER_S = 180.0  # the river reaches its 警戒 level this long after the feeder starts
log = logging.getLogger(__name__)
_NS = uuid.UUID("0b8f4f0e-4c43-4d0e-9a55-57a1c1e0d0a1")

# (code, name, kind, org, place, lat, lon, unit, thresholds, rules, base value, daily swing)
DEMO_STATIONS: list[tuple] = [
    ("60105400", "寸滩", "river", "重庆市水文监测总站", "江北区寸滩 长江", 29.6155, 106.6005, "m",
     {"alert": 180.5, "guarantee": 183.5}, {"margin": 0.2, "min_duration_s": 0, "rate_per_h": 40.0}, 179.2, 0.15),
    ("60202800", "北碚", "river", "重庆市水文监测总站", "北碚区 嘉陵江", 29.8256, 106.4372, "m",
     {"alert": 194.5, "guarantee": 198.0}, {"margin": 0.2}, 189.6, 0.2),
    ("60803000", "武隆", "river", "重庆市水文监测总站", "武隆区 乌江", 29.3251, 107.7602, "m",
     {"alert": 185.0, "guarantee": 190.0}, {"margin": 0.2}, 178.3, 0.25),
    ("60112400", "沙坪坝", "rain", "重庆市水文监测总站", "沙坪坝区", 29.5410, 106.4571, "mm",
     {"blue": 20.0, "yellow": 30.0, "orange": 50.0, "red": 80.0}, {"min_duration_s": 0}, 2.0, 3.0),
    ("60112500", "南山", "rain", "重庆市水文监测总站", "南岸区南山", 29.5530, 106.6230, "mm",
     {"blue": 20.0, "yellow": 30.0, "orange": 50.0, "red": 80.0}, {}, 1.0, 2.0),
    ("CQ-GAS-021", "长寿化工园区 3号罐区", "gas", "长寿经开区安监站", "长寿区晏家街道", 29.8120, 107.0720, "%LEL",
     {"blue": 10.0, "yellow": 20.0, "orange": 25.0, "red": 50.0}, {"margin": 2.0, "min_duration_s": 60}, 1.5, 1.0),
    ("CQ-DIS-007", "万州 四方碑滑坡体", "displacement", "万州区地质灾害监测站", "万州区四方碑", 30.8030, 108.3890,
     "mm", {"blue": 20.0, "yellow": 40.0, "orange": 60.0, "red": 100.0}, {"rate_per_h": 5.0}, 12.0, 0.5),
    ("CQ-DIS-031", "城口 尾矿库坝体", "displacement", "城口县应急管理局", "城口县修齐镇", 31.9480, 108.6640, "mm",
     {"blue": 15.0, "yellow": 30.0, "orange": 45.0, "red": 60.0}, {}, 4.0, 0.3),
]


def station_id(code: str) -> str:
    return str(uuid.uuid5(_NS, code))


def demo_value(index: int, at: datetime, started: datetime | None) -> float:
    """A station's made-up value at `at`: a daily swing around its base; the first
    river rises through its 警戒 level CROSS_AFTER_S after `started`."""
    code, _n, kind, *_rest, thresholds, _rules, base, swing = DEMO_STATIONS[index]
    t = at.timestamp()
    value = base + swing * math.sin(2 * math.pi * t / 86_400 + index)
    if kind == "rain":
        value = max(0.0, value)
    if index == 0 and started is not None:
        elapsed = (at - started).total_seconds()
        rise = thresholds["alert"] + 0.4 - base  # ends 0.4 m above 警戒
        value = base + rise * min(1.0, max(0.0, elapsed) / (CROSS_AFTER_S * 1.2)) + 0.02 * math.sin(t / 60)
    return round(value, 2)


def upsert_stations(s: Session, records: list[dict[str, Any]], now: str) -> int:
    """Stations by id, as the platform (the demo and the hydrology adapter): new ones
    created, changed fields written, each change in the feed. Returns how many changed."""
    changed = []
    existing = {r.id: r for r in s.scalars(select(StationRow).where(StationRow.id.in_([r["id"] for r in records])))}
    for record in records:
        values = {**record, "thresholds": json.dumps(record.get("thresholds", {}), sort_keys=True),
                  "rules": json.dumps(record.get("rules", {}), sort_keys=True)}
        row = existing.get(record["id"])
        if row is None:
            s.execute(insert(StationRow), [{**values, "level": "", "field_clock": "{}", "updated_at": now,
                                            "version": 1}])
            changed.append(("station", record["id"]))
            continue
        diff = {k: v for k, v in values.items() if getattr(row, k) != v}
        if diff:
            for k, v in diff.items():
                setattr(row, k, v)
            row.version += 1
            row.updated_at = now
            changed.append(("station", row.id))
    s.flush()
    if changed:
        record_changes(s, changed, now)
    return len(changed)


def demo_station_records() -> list[dict[str, Any]]:
    return [{"id": station_id(code), "code": code, "name": name, "kind": kind, "org": org, "place": place, "lat": lat,
             "lon": lon, "unit": unit, "thresholds": thresholds, "rules": rules}
            for code, name, kind, org, place, lat, lon, unit, thresholds, rules, _b, _s in DEMO_STATIONS]


def seed_demo_monitoring(write_locked: Callable, now: datetime) -> int:
    """The demo stations and a day of readings before `now` (none raise an alarm)."""
    stamp = now.isoformat(timespec="milliseconds")
    write_locked(PLATFORM, lambda s: upsert_stations(s, demo_station_records(), stamp))
    start = now - timedelta(hours=HISTORY_H)
    items = []
    for step in range(HISTORY_H * 3600 // HISTORY_STEP_S):
        at = start + timedelta(seconds=step * HISTORY_STEP_S)
        items += [{"station": station_id(row[0]), "time": at.isoformat(), "value": demo_value(i, at, None)}
                  for i, row in enumerate(DEMO_STATIONS)]
    answers = write_locked(PLATFORM, lambda s: ingest(s, items, now))[0]
    return sum(a["status"] == "applied" for a in answers)


async def feed_demo_forever(write_locked: Callable, clock: Callable[[], datetime], wake: Callable[[], None],
                            every_s: float = FEED_S) -> None:
    """Each station's reading of now, every `every_s`, as a sensor gateway would post them."""
    loop = asyncio.get_running_loop()
    started = clock()
    while True:
        now = clock()
        items = [{"station": station_id(row[0]), "time": now.astimezone(UTC).isoformat(),
                  "value": demo_value(i, now, started)} for i, row in enumerate(DEMO_STATIONS)]
        try:
            await loop.run_in_executor(None, write_locked, PLATFORM, lambda s, items=items, now=now:
                                       ingest(s, items, now))
            wake()
        except Exception:  # a database hiccup must not end the demo's feed
            log.exception("demo monitoring feed: readings not stored")
        await asyncio.sleep(every_s)
