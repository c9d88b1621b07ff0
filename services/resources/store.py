"""Resources in the mirror: saving (with their outbox operations, one
transaction), the points for the map, and the spatial questions the officer
asks: what is nearest and available, what lies inside this area."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from sqlalchemy import func, select, text

from offline_cache.database import Mirror
from offline_cache.schema import ResourceRow
from services.clearance import workstation_levels
from services.clock import Clock, SystemClock
from services.events import EventBus, RecordsChanged
from services.geo.distance import box_around, haversine_m
from services.records.writer import RecordTable, save_records
from services.text_match import like_pattern

FIELDS = ("kind", "name", "lat", "lon", "division", "address", "contact", "phone", "available",
          "details")


@dataclass(frozen=True)
class ResourcePoint:
    id: str
    kind: str
    name: str
    lat: float
    lon: float
    available: bool
    division: str = ""
    address: str = ""
    contact: str = ""
    phone: str = ""
    details: dict = field(default_factory=dict)
    pending_sync: bool = False
    live_at: str = ""  # the time of the live position lat/lon come from; "" for the resource's own place
    level: int = 1  # 密级 (services/clearance.py)


def inside(lat: float, lon: float, polygon: list[tuple[float, float]]) -> bool:
    """Ray casting over (lat, lon) vertices; fine for areas of a city's size."""
    hit = False
    j = len(polygon) - 1
    for i, (yi, xi) in enumerate(polygon):
        yj, xj = polygon[j]
        if (yi > lat) != (yj > lat) and lon < (xj - xi) * (lat - yi) / (yj - yi) + xi:
            hit = not hit
        j = i
    return hit


_COLUMNS = [ResourceRow.__table__.c[n] for n in ("id", *FIELDS, "sync_state", "level")]


def _stored(values: dict) -> dict:
    stored = dict(values)
    if "details" in values:  # a partial record (a move) leaves the details alone
        stored["details"] = json.dumps(values["details"], ensure_ascii=False)
    return stored


TABLE = RecordTable("resource", ResourceRow, FIELDS, {"division": "", "address": "", "contact": "",
                                                      "phone": "", "available": True, "details": "{}"},
                    _stored)
# Nearest-first search grows its window from here until enough candidates are in.
FIRST_RADIUS_M = 5_000
MAX_RADIUS_M = 2_000_000


def _point(row) -> ResourcePoint:
    return ResourcePoint(
        id=row.id, kind=row.kind, name=row.name, lat=row.lat, lon=row.lon,
        available=bool(row.available), division=row.division, address=row.address,
        contact=row.contact, phone=row.phone, details=json.loads(row.details or "{}"),
        pending_sync=row.sync_state == "pending", level=getattr(row, "level", 1),
    )  # fmt: skip


class ResourceStore:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None):
        self.mirror = mirror
        self.events = events
        self.clock = clock or SystemClock()

    def levels(self) -> tuple[int, dict[int, str]]:
        """This workstation's clearance and the level names (what the editor offers)."""
        return workstation_levels(self.mirror.meta)

    # ---- writing -------------------------------------------------------------

    def save_many(self, records: Iterable[dict], *, share: bool = True, level: int | None = None) -> tuple[int, int]:
        """Creates or updates resources (validated records: id plus FIELDS) with
        their operations for the platform (`share=False`: this mirror only, as
        for a local demo). Returns (created, updated)."""
        created, updated, changed = save_records(self.mirror, TABLE, list(records), self.clock.now(),
                                                 share=share, level=level)
        if changed and self.events is not None:
            self.events.publish(RecordsChanged("resource", tuple(changed)))
        return created, updated

    # ---- reading -------------------------------------------------------------

    def get(self, resource_id: str) -> ResourcePoint | None:
        with self.mirror.read() as s:
            row = s.execute(select(*_COLUMNS).where(ResourceRow.id == resource_id)).first()
        return _point(row) if row else None

    def points(self, ids: Iterable[str] | None = None) -> list[ResourcePoint]:
        """All resources (or these ones) for the map."""
        stmt = select(*_COLUMNS)
        with self.mirror.read() as s:
            if ids is None:
                return [_point(r) for r in s.execute(stmt)]
            wanted = list(ids)
            out = []
            for start in range(0, len(wanted), 2000):
                out += [_point(r) for r in s.execute(stmt.where(ResourceRow.id.in_(wanted[start:start + 2000])))]
            return out

    def counts(self) -> dict[str, tuple[int, int]]:
        """kind -> (total, available), for the layer tree."""
        with self.mirror.read() as s:
            # count(...).filter: a sum over the Boolean column would come back as a bool
            rows = s.execute(select(ResourceRow.kind, func.count(),
                                    func.count().filter(ResourceRow.available))
                             .group_by(ResourceRow.kind))
            return {kind: (int(total), int(avail or 0)) for kind, total, avail in rows}

    def search(self, term: str, limit: int = 50) -> list[ResourcePoint]:
        pattern = like_pattern(term)
        with self.mirror.read() as s:
            rows = s.execute(select(*_COLUMNS).where(ResourceRow.name.like(pattern, escape="\\"))
                             .order_by(ResourceRow.name).limit(limit))
            return [_point(r) for r in rows]

    def nearest(self, lat: float, lon: float, *, kind: str | None = None, limit: int = 10,
                available_only: bool = True,
                live: Mapping[str, tuple[float, float, str]] | None = None) -> list[tuple[ResourcePoint, float]]:
        """The `limit` nearest resources with their distances in metres: an R*Tree
        window that doubles until it holds enough candidates, then exact
        great-circle distances; a candidate counts only if it is inside the
        circle the window guarantees, so nothing nearer is ever missed.
        `live`: resource id -> (lat, lon, time) of the teams reporting where they
        are now (services/positions/store.py); they count from there, not from base."""
        if live:
            return self._nearest_live(lat, lon, kind, limit, available_only, live)
        radius = FIRST_RADIUS_M
        with self.mirror.read() as s:
            while True:
                found = self._within(s, lat, lon, radius, kind, available_only)
                inside_circle = [(p, d) for p, d in found if d <= radius]
                if len(inside_circle) >= limit or radius >= MAX_RADIUS_M:
                    return sorted(inside_circle, key=lambda pd: pd[1])[:limit]
                radius *= 2 if len(found) >= limit else 4

    def _nearest_live(self, lat, lon, kind, limit, available_only,
                      live: Mapping[str, tuple[float, float, str]]) -> list[tuple[ResourcePoint, float]]:
        # The nearest `limit` of those without a live position are among the nearest
        # `limit + len(live)` by base; every one with a live position is measured from it.
        by_base = self.nearest(lat, lon, kind=kind, limit=limit + len(live), available_only=available_only)
        hits = [(p, d) for p, d in by_base if p.id not in live]
        for point in self.points(live):
            if (kind is not None and point.kind != kind) or (available_only and not point.available):
                continue
            at_lat, at_lon, at = live[point.id]
            hits.append((replace(point, lat=at_lat, lon=at_lon, live_at=at), haversine_m(lat, lon, at_lat, at_lon)))
        return sorted(hits, key=lambda pd: pd[1])[:limit]

    def within_polygon(self, polygon: list[tuple[float, float]], *, kind: str | None = None) -> list[ResourcePoint]:
        if len(polygon) < 3:
            return []
        lats, lons = [p[0] for p in polygon], [p[1] for p in polygon]
        with self.mirror.read() as s:
            rows = self._in_box(s, (min(lats), max(lats), min(lons), max(lons)), kind, False)
        return [_point(r) for r in rows if inside(r.lat, r.lon, polygon)]

    def _within(self, s, lat, lon, radius, kind, available_only) -> list[tuple[ResourcePoint, float]]:
        rows = self._in_box(s, box_around(lat, lon, radius), kind, available_only)
        return [(_point(r), haversine_m(lat, lon, r.lat, r.lon)) for r in rows]

    @staticmethod
    def _in_box(s, box, kind, available_only):
        # CROSS JOIN keeps the R*Tree as the outer loop: otherwise SQLite may walk
        # every available team by the kind index and probe the tree for each.
        sql = ("SELECT r.id, r.kind, r.name, r.lat, r.lon, r.division, r.address, r.contact, r.phone, "
               "r.available, r.details, r.sync_state FROM resource_rtree t CROSS JOIN resources r ON r.pk = t.pk "
               "WHERE t.min_lat <= :max_lat AND t.max_lat >= :min_lat "
               "AND t.min_lon <= :max_lon AND t.max_lon >= :min_lon")
        params = dict(zip(("min_lat", "max_lat", "min_lon", "max_lon"), box, strict=True))
        if kind is not None:
            sql += " AND r.kind = :kind"
            params["kind"] = kind
        if available_only:
            sql += " AND r.available"
        return list(s.execute(text(sql), params))
