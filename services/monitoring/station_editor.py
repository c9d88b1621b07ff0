"""监测站管理 in the client: a station created or corrected in the watch room is
one mirror transaction with its outbox op (create, or update of the fields that
changed), so it shows at once, survives a cut link and reaches the platform,
which checks it again by the same contract and decides who may (STATION_EDITORS).
Stations whose op the platform refused are read back with its reason."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field

from sqlalchemy import select

from offline_cache.database import Mirror
from offline_cache.monitoring_schema import StationRow
from offline_cache.schema import OutboxRow
from services.clock import Clock, SystemClock
from services.errors import NotFound
from services.events import EventBus, RecordsChanged
from services.input_checks import Problem, Region, check_coordinates, clean_text
from services.monitoring.contract import KINDS, StationKind, StationProblem, station_problems
from services.monitoring.store import Station, to_station
from services.outbox import RECORD, queue
from services.timefmt import to_db

FIELDS = ("code", "name", "kind", "org", "place", "lat", "lon", "unit", "thresholds", "rules")


class StationRefused(ValueError):
    """The station breaks the contract's rules; nothing was written."""

    def __init__(self, problems: list[StationProblem]):
        super().__init__(", ".join(f"{p.field}:{p.code}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class StationDraft:
    """What the form holds. `id` "" for a new station; the unit follows the kind."""

    name: str
    kind: str
    lat: float | None
    lon: float | None
    org: str = ""
    code: str = ""
    place: str = ""
    thresholds: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)
    id: str = ""

    def values(self) -> dict:
        kind = self.kind if self.kind in {k.value for k in StationKind} else ""
        return {"code": clean_text(self.code, single_line=True), "name": clean_text(self.name, single_line=True),
                "kind": self.kind, "org": clean_text(self.org, single_line=True),
                "place": clean_text(self.place, single_line=True), "lat": self.lat, "lon": self.lon,
                "unit": KINDS[StationKind(kind)].unit if kind else "",
                "thresholds": dict(self.thresholds), "rules": dict(self.rules)}


def draft_problems(draft: StationDraft, region: Region | None = None) -> list[StationProblem]:
    """The contract's verdict on a draft, then the room's region check (swapped or
    mistyped coordinates, services/input_checks.py): the form asks before saving."""
    problems = station_problems(draft.values())
    placed = [p for p in problems if p.field in ("lat", "lon")]
    if region is None or any(p.code != "out_of_range" for p in placed):
        return problems
    found: list[Problem] = []
    check_coordinates(found, draft.lat, draft.lon, region)
    if any(p.code == "swapped" for p in found):  # 106.45, 29.64: say so rather than "latitude too big"
        return [*(p for p in problems if p not in placed), StationProblem("coordinates", "swapped")]
    if not placed:
        problems += [StationProblem(p.field, p.code) for p in found]
    return problems


def draft_of(station: Station) -> StationDraft:
    return StationDraft(id=station.id, name=station.name, kind=station.kind.value, lat=station.lat, lon=station.lon,
                        org=station.org, code=station.code, place=station.place, thresholds=dict(station.thresholds),
                        rules=dict(station.rules))


class StationEditor:
    def __init__(self, mirror: Mirror, events: EventBus, clock: Clock | None = None, region: Region | None = None):
        self.mirror, self.events, self.region = mirror, events, region
        self.clock = clock or SystemClock()

    def save(self, draft: StationDraft) -> Station:
        """Creates (draft.id "") or updates the station; StationRefused for a bad
        draft, NotFound for a station no longer in the mirror."""
        problems = draft_problems(draft, self.region)
        if problems:
            raise StationRefused(problems)
        now = self.clock.now()
        with self.mirror.write() as s:
            row = None
            if draft.id:
                row = s.scalar(select(StationRow).where(StationRow.id == draft.id))
                if row is None:
                    raise NotFound(f"station {draft.id}")
            row, _created = _write(s, row, draft.values(), now)
            station = to_station(row)
        self.events.publish(RecordsChanged("station", (station.id,)))
        return station

    def import_records(self, records: list[dict]) -> tuple[int, int]:
        """A checked import (services/monitoring/importing.py) in one transaction:
        a station known by its code (or, without one, its name) is updated, the
        rest created. (created, updated); StationRefused if a record breaks the
        contract after all (nothing written)."""
        now = self.clock.now()
        created = updated = 0
        changed: list[str] = []
        with self.mirror.write() as s:
            rows = list(s.scalars(select(StationRow)))
            by_code = {r.code: r for r in rows if r.code}
            by_name = {r.name: r for r in rows if not r.code}
            for record in records:
                values = StationDraft(**{k: record.get(k, StationDraft.__dataclass_fields__[k].default)
                                         for k in ("name", "kind", "lat", "lon", "org", "code", "place")},
                                      thresholds=record.get("thresholds", {}), rules=record.get("rules", {})).values()
                problems = station_problems(values)
                if problems:
                    raise StationRefused(problems)
                known = by_code.get(values["code"]) if values["code"] else by_name.get(values["name"])
                before = known.version if known is not None else 0
                row, made = _write(s, known, values, now)
                created += made
                updated += not made and row.version != before
                if made or row.version != before:
                    changed.append(row.id)
        if changed:
            self.events.publish(RecordsChanged("station", tuple(changed)))
        return created, updated

    def pending(self) -> set[str]:
        """Stations with a change the platform has not taken yet."""
        with self.mirror.read() as s:
            return set(s.scalars(select(StationRow.id).where(StationRow.sync_state == "pending")))

    def refusals(self) -> dict[str, str]:
        """{station id: the platform's reason} of station ops it refused and the
        officer has not dropped yet (the sync panel's 被拒绝的操作 lists them too)."""
        with self.mirror.read() as s:
            rows = s.execute(select(OutboxRow.entity_id, OutboxRow.last_error)
                             .where(OutboxRow.entity == "station", OutboxRow.state == "rejected")
                             .order_by(OutboxRow.seq)).all()
        return {r.entity_id: r.last_error for r in rows}


def _write(s, row: StationRow | None, values: dict, now) -> tuple[StationRow, bool]:
    """The station's row and its op, in the caller's transaction: a new row and
    a create, or the changed fields and an update (nothing when nothing changed)."""
    stored = {**values, "thresholds": json.dumps(values["thresholds"], sort_keys=True),
              "rules": json.dumps(values["rules"], sort_keys=True)}
    if row is None:
        row = StationRow(id=str(uuid.uuid4()), **stored, level="", updated_at=to_db(now), version=1,
                         sync_state="pending")
        s.add(row)
        queue(s, "station", row.id, "create", 0, {"id": row.id, **values}, RECORD, now, row.id)
        s.flush()
        return row, True
    changed = [k for k in FIELDS if getattr(row, k) != stored[k]]
    if changed:
        if "kind" in changed:  # the other scheme's thresholds and rules go with the kind
            changed = sorted({*changed, "thresholds", "rules"})
        for k in changed:
            setattr(row, k, stored[k])
        row.version += 1
        row.updated_at = to_db(now)
        row.sync_state = "pending"
        queue(s, "station", row.id, "update", row.version - 1, {"fields": {k: values[k] for k in changed}}, RECORD,
              now, row.id)
        s.flush()
    return row, False
