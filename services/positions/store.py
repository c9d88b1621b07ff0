"""Live positions in the mirror: what the map draws (every unit with its short
track, stale ones flagged), where the teams are now for the nearest-resource
list and the dispatch dialog, and a fix a watch room takes down by phone,
queued as telemetry that replaces the same team's fix still waiting to go."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from offline_cache.database import Mirror
from offline_cache.positions_schema import PositionRow
from services.clock import Clock, SystemClock
from services.events import EventBus, RecordsChanged
from services.outbox import queue_latest
from services.positions.contract import ENTITY, add_to_track, check_fix, is_stale
from services.timefmt import from_db, to_db


@dataclass(frozen=True)
class UnitPosition:
    id: str
    source: str
    uid: str
    resource_id: str
    callsign: str
    lat: float
    lon: float
    at: datetime
    stale_at: datetime
    stale: bool
    speed: float | None = None
    course: float | None = None
    track: tuple[tuple[float, float], ...] = ()  # (lat, lon), oldest first, ending at the current fix


def _unit(row, now: datetime) -> UnitPosition:
    stale_at = from_db(row.stale)
    track = tuple((p[1], p[2]) for p in json.loads(row.track or "[]"))
    return UnitPosition(id=row.id, source=row.source, uid=row.uid, resource_id=row.resource_id,
                        callsign=row.callsign, lat=row.lat, lon=row.lon, at=from_db(row.at),
                        stale_at=stale_at, stale=is_stale(stale_at, now), speed=row.speed,
                        course=row.course, track=track or ((row.lat, row.lon),))


_COLUMNS = [PositionRow.__table__.c[n] for n in ("id", "source", "uid", "resource_id", "callsign", "lat",
                                                 "lon", "at", "stale", "speed", "course", "track")]


class PositionStore:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None):
        self.mirror = mirror
        self.events = events
        self.clock = clock or SystemClock()

    def units(self, ids: Iterable[str] | None = None) -> list[UnitPosition]:
        """Every unit the mirror knows (or these records), stale ones flagged."""
        now = self.clock.now()
        stmt = select(*_COLUMNS)
        with self.mirror.read() as s:
            if ids is None:
                return [_unit(r, now) for r in s.execute(stmt)]
            wanted, out = list(ids), []
            for start in range(0, len(wanted), 2000):
                out += [_unit(r, now) for r in s.execute(stmt.where(PositionRow.id.in_(wanted[start:start + 2000])))]
            return out

    def live_by_resource(self) -> dict[str, tuple[float, float, str]]:
        """resource id -> (lat, lon, time) of each team's newest fix that is not
        stale: where the nearest-resource list and the dispatch dialog count from."""
        now = to_db(self.clock.now())
        with self.mirror.read() as s:
            rows = s.execute(select(PositionRow.resource_id, PositionRow.lat, PositionRow.lon, PositionRow.at)
                             .where(PositionRow.resource_id != "", PositionRow.stale > now)
                             .order_by(PositionRow.at))
            return {r.resource_id: (r.lat, r.lon, r.at) for r in rows}

    def report(self, resource_id: str, callsign: str, lat: float, lon: float, at: datetime) -> str:
        """A team's position taken down by the watch room (a phone call, a radio
        report): in the mirror at once, sent to the platform as telemetry that
        replaces this team's report still queued. PositionProblem for a bad fix."""
        now = self.clock.now()
        fix = check_fix({"time": at.isoformat(), "lat": lat, "lon": lon, "callsign": callsign}, now,
                        source="room", uid=resource_id, resource_id=resource_id)
        with self.mirror.write() as s:
            row = s.scalar(select(PositionRow).where(PositionRow.id == fix.id))
            if row is not None and from_db(row.at) >= fix.at:
                return fix.id
            track = add_to_track(json.loads(row.track) if row is not None else [],
                                 [to_db(fix.at), fix.lat, fix.lon])
            values = {"source": fix.source, "uid": fix.uid, "resource_id": fix.resource_id,
                      "callsign": fix.callsign, "cot_type": "", "lat": fix.lat, "lon": fix.lon, "speed": None,
                      "course": None, "at": to_db(fix.at), "stale": to_db(fix.stale),
                      "track": json.dumps(track), "updated_at": to_db(now), "sync_state": "pending"}
            if row is None:
                s.add(PositionRow(id=fix.id, version=0, **values))
            else:
                for name, value in values.items():
                    setattr(row, name, value)
            queue_latest(s, ENTITY, fix.id, "update",
                         {"resource_id": resource_id, "time": to_db(fix.at), "lat": fix.lat, "lon": fix.lon,
                          "callsign": fix.callsign}, now)
        if self.events is not None:
            self.events.publish(RecordsChanged(ENTITY, (fix.id,)))
        return fix.id
