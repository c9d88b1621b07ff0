"""Reading warnings from the mirror (no Qt): the active ones for the map, the
list, counts by colour for the dashboard, a reference's message, and what lies
inside a warning's areas. "Inside" is an R*Tree box prefilter per polygon or
circle (incident_rtree, resource_rtree, camera_rtree) and then the exact test
in Python (services/warnings/areas.py); division codes match the records'
`division` text. Incidents are the open ones (接报, 处置中)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select, text

from offline_cache.database import Mirror
from offline_cache.warnings_schema import WarningRow
from services.clock import Clock, SystemClock
from services.errors import NotFound
from services.warnings.areas import DIVISION_NAMES, PreparedAreas, boxes, code_prefix
from services.warnings.contract import COLOURS
from services.warnings.model import EarlyWarning, Reference
from services.warnings.rows import warning_of_row
from services.warnings.wire import reference_id, utc_text

Place = tuple[str, str, float | None, float | None]  # (id, name, lat, lon)
MAX_INSIDE = 2000  # per list: more than a panel can show; the count says so


@dataclass(frozen=True)
class Inside:
    incidents: list[Place] = field(default_factory=list)
    resources: list[Place] = field(default_factory=list)
    shelters: list[Place] = field(default_factory=list)
    cameras: list[Place] = field(default_factory=list)


# (rtree, table, name column, extra condition, has division)
_SOURCES = {
    # incident_rtree holds open incidents only (migration 0020); the status is checked again for the codes' path
    "incidents": ("incident_rtree", "incidents", "title", "t.status IN ('received', 'responding')", True),
    "resources": ("resource_rtree", "resources", "name", "t.kind != 'shelter'", True),
    "shelters": ("resource_rtree", "resources", "name", "t.kind = 'shelter'", True),
    "cameras": ("camera_rtree", "cameras", "name", "1 = 1", False),
}


class WarningStore:
    def __init__(self, db: Mirror, clock: Clock | None = None):
        self.db, self.clock = db, clock or SystemClock()

    def _select(self, *conditions) -> list[EarlyWarning]:
        with self.db.read() as s:
            rows = s.scalars(select(WarningRow).where(*conditions).order_by(WarningRow.sent.desc())).all()
            return [warning_of_row(r) for r in rows]

    def active(self, now: datetime) -> list[EarlyWarning]:
        """On the map: standing, received or issued, not expired; newest first."""
        at = utc_text(now)
        return self._select(WarningRow.standing == "standing", WarningRow.issue_state.in_(("received", "issued")),
                            or_(WarningRow.expires == "", WarningRow.expires > at))

    def all(self, include_expired: bool = False) -> list[EarlyWarning]:
        """Every warning, drafts included; without the expired, superseded and
        cancelled ones unless `include_expired`."""
        if include_expired:
            return self._select()
        at = utc_text(self.clock.now())
        return self._select(WarningRow.standing == "standing", or_(WarningRow.expires == "", WarningRow.expires > at))

    def get(self, warning_id: str) -> EarlyWarning:
        with self.db.read() as s:
            row = s.scalar(select(WarningRow).where(WarningRow.id == warning_id))
            if row is None:
                raise NotFound(f"warning {warning_id}")
            return warning_of_row(row)

    def by_reference(self, ref: Reference) -> EarlyWarning | None:
        """The message a `sender,identifier,sent` reference names, if this mirror has it."""
        try:
            return self.get(reference_id(ref))
        except NotFound:
            return None

    def known_ids(self) -> frozenset[str]:
        """The record ids of every message here (a reference is known when its id is in it)."""
        with self.db.read() as s:
            return frozenset(s.scalars(select(WarningRow.id)))

    def counts_by_colour(self, now: datetime) -> dict[str, int]:
        """Active warnings by colour, every colour present ("" for those without one)."""
        counts = dict.fromkeys(COLOURS, 0)
        for w in self.active(now):
            counts[w.colour] = counts.get(w.colour, 0) + 1
        return counts

    def inside(self, warning_id: str) -> Inside:
        w = self.get(warning_id)
        prepared = PreparedAreas(w.areas)
        return Inside(**{name: self._inside(w, prepared, *source) for name, source in _SOURCES.items()})

    def _inside(self, w: EarlyWarning, prepared: PreparedAreas, rtree: str, table: str, name: str, where: str,
                divided: bool) -> list[Place]:
        found: dict[str, Place] = {}
        division = "t.division" if divided else "''"
        cols = f"t.id, t.{name}, t.lat, t.lon, {division}"
        with self.db.read() as s:
            for box in boxes(w.areas):
                rows = s.execute(text(
                    # CROSS JOIN: the R*Tree first, then rows by pk (never a scan of an index on kind or status)
                    f"SELECT {cols} FROM {rtree} r CROSS JOIN {table} t ON t.pk = r.pk "  # noqa: S608 - fixed names
                    "WHERE r.max_lat >= :a AND r.min_lat <= :b AND r.max_lon >= :c AND r.min_lon <= :d "
                    f"AND {where}"), dict(zip("abcd", box, strict=True)))
                for rid, label, lat, lon, div in rows:
                    if rid not in found and prepared.contains(lat, lon, div):
                        found[rid] = (rid, label, lat, lon)
            prefixes = {code_prefix(g) for a in w.areas for g in a.geocodes}
            if divided and prefixes:
                likes = sorted({n for n, code in DIVISION_NAMES.items() if any(code.startswith(p) for p in prefixes)}
                               | prefixes)
                params = {f"p{k}": f"%{v}%" for k, v in enumerate(likes)}
                match = " OR ".join(f"t.division LIKE :p{k}" for k in range(len(likes)))
                rows = s.execute(text(f"SELECT {cols} FROM {table} t WHERE t.division != '' "  # noqa: S608
                                      f"AND ({match}) AND {where} LIMIT {MAX_INSIDE * 4}"), params)
                for rid, label, lat, lon, div in rows:
                    if rid not in found and prepared.contains(None, None, div):
                        found[rid] = (rid, label, lat, lon)
        return sorted(found.values(), key=lambda p: (p[1], p[0]))[:MAX_INSIDE]
