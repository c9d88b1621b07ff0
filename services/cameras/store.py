"""The camera catalog in the mirror: saving (queued for the platform), the
tree of groups with online counts, search, and the cameras nearest a point
(for "附近摄像头" and the map)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, text

from offline_cache.database import Mirror
from offline_cache.schema import CameraRow
from services.clearance import workstation_levels
from services.clock import Clock, SystemClock
from services.events import EventBus, RecordsChanged
from services.geo.distance import box_around, haversine_m
from services.records.writer import RecordTable, save_records
from services.text_match import like_pattern

FIELDS = ("name", "group_path", "lat", "lon", "main_url", "sub_url", "ptz", "platform", "online")
TABLE = RecordTable("camera", CameraRow, FIELDS, {"group_path": "", "main_url": "", "sub_url": "",
                                                  "ptz": False, "platform": "", "online": True})
_COLUMNS = [CameraRow.__table__.c[n] for n in ("id", *FIELDS, "sync_state", "level")]


@dataclass(frozen=True)
class Camera:
    id: str
    name: str
    group_path: str
    lat: float | None
    lon: float | None
    main_url: str
    sub_url: str
    ptz: bool
    platform: str
    online: bool
    pending_sync: bool = False
    level: int = 1  # 密级 (services/clearance.py)

    @property
    def protocol(self) -> str:
        return stream_protocol(self.sub_url or self.main_url)


def stream_protocol(url: str) -> str:
    """rtsp, hls, http-flv, http-ts or file: which decoder can open it is the tile's business."""
    lower = url.lower().split("?", 1)[0]
    if lower.startswith(("rtsp://", "rtsps://")):
        return "rtsp"
    if lower.startswith("file://"):
        return "file"
    if lower.endswith(".m3u8"):
        return "hls"
    if lower.endswith(".flv"):
        return "http-flv"
    return "http-ts" if lower.startswith(("http://", "https://")) else ""


def _camera(row) -> Camera:
    return Camera(row.id, row.name, row.group_path, row.lat, row.lon, row.main_url, row.sub_url,
                  bool(row.ptz), row.platform, bool(row.online), row.sync_state == "pending",
                  getattr(row, "level", 1))


class CameraStore:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None):
        self.mirror = mirror
        self.events = events
        self.clock = clock or SystemClock()

    def levels(self) -> tuple[int, dict[int, str]]:
        """This workstation's clearance and the level names (what the editor offers)."""
        return workstation_levels(self.mirror.meta)

    def save_many(self, records: Iterable[dict], *, share: bool = True, level: int | None = None) -> tuple[int, int]:
        created, updated, changed = save_records(self.mirror, TABLE, list(records), self.clock.now(),
                                                 share=share, level=level)
        if changed and self.events is not None:
            self.events.publish(RecordsChanged("camera", tuple(changed)))
        return created, updated

    def all(self, ids: Iterable[str] | None = None) -> list[Camera]:
        stmt = select(*_COLUMNS).order_by(CameraRow.group_path, CameraRow.name)
        with self.mirror.read() as s:
            if ids is None:
                return [_camera(r) for r in s.execute(stmt)]
            wanted = list(ids)
            return [_camera(r) for start in range(0, len(wanted), 2000)
                    for r in s.execute(stmt.where(CameraRow.id.in_(wanted[start:start + 2000])))]

    def groups(self) -> dict[str, tuple[int, int]]:
        """group path -> (cameras, online) including every parent path: the tree's counts."""
        counts: dict[str, list[int]] = {}
        with self.mirror.read() as s:
            rows = s.execute(select(CameraRow.group_path, CameraRow.online)).all()
        for path, online in rows:
            parts = [p for p in path.split("/") if p]
            for depth in range(len(parts) + 1):
                key = "/".join(parts[:depth])
                entry = counts.setdefault(key, [0, 0])
                entry[0] += 1
                entry[1] += int(bool(online))
        return {k: (v[0], v[1]) for k, v in counts.items()}

    def in_group(self, path: str, *, online_only: bool = True) -> list[Camera]:
        """The cameras of a group and its subgroups, in the tree's order (for 轮巡)."""
        path = "/".join(p for p in path.split("/") if p)
        stmt = select(*_COLUMNS).order_by(CameraRow.group_path, CameraRow.name)
        if path:
            below = like_pattern(path + "/").removeprefix("%")
            stmt = stmt.where((CameraRow.group_path == path) | CameraRow.group_path.like(below, escape="\\"))
        if online_only:
            stmt = stmt.where(CameraRow.online)
        with self.mirror.read() as s:
            return [_camera(r) for r in s.execute(stmt)]

    def search(self, term: str, limit: int = 100) -> list[Camera]:
        pattern = like_pattern(term)
        with self.mirror.read() as s:
            rows = s.execute(select(*_COLUMNS).where(
                CameraRow.name.like(pattern, escape="\\") | CameraRow.group_path.like(pattern, escape="\\")
            ).order_by(CameraRow.name).limit(limit))
            return [_camera(r) for r in rows]

    def nearest(self, lat: float, lon: float, limit: int = 9, *, online_only: bool = True) -> list[tuple[Camera, float]]:
        """The `limit` cameras nearest the point, by great-circle distance (R*Tree window first)."""
        radius = 2_000.0
        with self.mirror.read() as s:
            while True:
                south, north, west, east = box_around(lat, lon, radius)
                sql = ("SELECT c.* FROM camera_rtree t CROSS JOIN cameras c ON c.pk = t.pk "
                       "WHERE t.min_lat <= :n AND t.max_lat >= :s AND t.min_lon <= :e AND t.max_lon >= :w")
                if online_only:
                    sql += " AND c.online"
                rows = s.execute(text(sql), {"n": north, "s": south, "e": east, "w": west}).all()
                found = [(_camera(r), haversine_m(lat, lon, r.lat, r.lon)) for r in rows]
                inside = sorted((f for f in found if f[1] <= radius), key=lambda f: f[1])
                if len(inside) >= limit or radius >= 2_000_000:
                    return inside[:limit]
                radius *= 3
