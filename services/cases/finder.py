"""Finding cases in the mirror: the ten closed incidents most like a given one,
and a text search across closed incidents.

Fast on a 100,000-incident mirror without an index of its own: candidates are
read newest first along ix_incidents_status_reported (closed, same type, a
bounded number, plus the same type nearby within a bounded window; the same
category and then any type only when too few), scored in Python, and only the
leaders' 终报 and closing entries are read."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.orm import Session

from offline_cache.database import Mirror
from offline_cache.schema import IncidentRow
from services.cases import ranking
from services.cases.model import Case, Reason
from services.geo.distance import box_around
from services.incidents import repository, search_page
from services.incidents.model import Casualties, Category, EntryKind, Severity, Status
from services.timefmt import from_db

CLOSED = Status.CLOSED.value
SAME_TYPE_CANDIDATES = 300  # newest closed incidents of the same type that are scored
NEARBY_KM, NEARBY_WINDOW, NEARBY_CANDIDATES = 25.0, 20_000, 100
WIDER_CANDIDATES = 200  # of the same category, then of any type, when the type has too few
SECOND_ROUND = 60  # leaders whose report texts are read and compared
SEARCH_LIMIT = 200
REPORT_KINDS = (EntryKind.INITIAL_REPORT.value, EntryKind.FOLLOW_UP_REPORT.value)
ENDING_KINDS = (EntryKind.FINAL_REPORT.value, EntryKind.STATUS_CHANGE.value)
COLUMNS = (
    IncidentRow.pk, IncidentRow.id, IncidentRow.code, IncidentRow.title, IncidentRow.category,
    IncidentRow.type_code, IncidentRow.type_name, IncidentRow.severity, IncidentRow.status,
    IncidentRow.occurred_at, IncidentRow.place, IncidentRow.lat, IncidentRow.lon, IncidentRow.deaths,
    IncidentRow.injured, IncidentRow.missing, IncidentRow.trapped, IncidentRow.summary,
)  # fmt: skip


class UnknownIncident(LookupError):
    """The incident is not (or no longer) in this mirror."""


def _profile(row, text: str = "") -> ranking.Profile:
    return ranking.Profile(row.type_code or "", row.category or "", row.severity or "", row.lat, row.lon,
                           row.title or "", text)


def _closed(stmt, exclude_pk: int):
    return (stmt.where(IncidentRow.status == CLOSED, IncidentRow.pk != exclude_pk,
                       IncidentRow.exercise.is_(False))
            .order_by(IncidentRow.status, IncidentRow.reported_at.desc()))


def _nearby(session: Session, target) -> list:
    """Same type within NEARBY_KM among the newest NEARBY_WINDOW closed incidents: an older
    case next door is not lost behind the newest ones across the city (a few ms: the walk
    stops at NEARBY_CANDIDATES or at the window's edge)."""
    here = ranking.position(target.lat, target.lon)
    if here is None or not target.type_code:
        return []
    south, north, west, east = box_around(here[0], here[1], NEARBY_KM * 1000)
    edge = (select(IncidentRow.reported_at).where(IncidentRow.status == CLOSED)
            .order_by(IncidentRow.status, IncidentRow.reported_at.desc())
            .offset(NEARBY_WINDOW).limit(1).scalar_subquery())
    stmt = (_closed(select(*COLUMNS), target.pk)
            .where(IncidentRow.type_code == target.type_code,
                   IncidentRow.reported_at >= func.coalesce(edge, ""),
                   IncidentRow.lat.between(south, north), IncidentRow.lon.between(west, east))
            .limit(NEARBY_CANDIDATES))
    return list(session.execute(stmt))


def _candidates(session: Session, target, limit: int) -> list:
    """Same type first (the newest, and the nearby ones); wider circles only while
    there are fewer than `limit`."""
    rows = []
    if target.type_code:
        rows = list(session.execute(_closed(select(*COLUMNS), target.pk)
                                    .where(IncidentRow.type_code == target.type_code)
                                    .limit(SAME_TYPE_CANDIDATES)))
        seen = {r.pk for r in rows}
        rows += [r for r in _nearby(session, target) if r.pk not in seen]
    if len(rows) < limit and target.category:
        rows += session.execute(_closed(select(*COLUMNS), target.pk)
                                .where(IncidentRow.category == target.category,
                                       IncidentRow.type_code != target.type_code)
                                .limit(WIDER_CANDIDATES))
    if len(rows) < limit:
        seen = {r.pk for r in rows}
        rows += [r for r in session.execute(_closed(select(*COLUMNS), target.pk).limit(WIDER_CANDIDATES + limit))
                 if r.pk not in seen]
    return rows


# By incident, not by kind: left to itself SQLite walks every 终报 of the mirror.
ENTRIES_OF = text(
    "SELECT incident_pk, kind, body, data, created_at FROM entries INDEXED BY ix_entries_incident_created "
    "WHERE incident_pk IN :pks AND kind IN :kinds ORDER BY incident_pk, created_at"
).bindparams(bindparam("pks", expanding=True), bindparam("kinds", expanding=True))


def _entries(session: Session, pks: Iterable[int], kinds: Sequence[str]) -> dict[int, list]:
    pks = list(pks)
    found: dict[int, list] = {}
    if not pks:
        return found
    for e in session.execute(ENTRIES_OF, {"pks": pks, "kinds": list(kinds)}):
        found.setdefault(e.incident_pk, []).append(e)
    return found


def _closed_to(entry) -> bool:
    try:
        data = json.loads(entry.data or "{}")
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("to") == CLOSED


def _enum(kind, value):
    try:
        return kind(value)
    except ValueError:
        return None


def _case(row, endings: list, score: float = 0.0, reasons: tuple[Reason, ...] = (),
          km: float | None = None) -> Case:
    finals = [e for e in endings if e.kind == EntryKind.FINAL_REPORT.value]
    closings = [e for e in endings if e.kind == EntryKind.STATUS_CHANGE.value and _closed_to(e)]
    final = finals[-1] if finals else None
    closed = closings[-1] if closings else final
    return Case(
        incident_id=row.id, code=row.code, title=row.title or "", category=_enum(Category, row.category),
        type_name=row.type_name or "", severity=_enum(Severity, row.severity), place=row.place or "",
        occurred_at=from_db(row.occurred_at), closed_at=from_db(closed.created_at) if closed else None,
        casualties=Casualties(row.deaths or 0, row.injured or 0, row.missing or 0, row.trapped or 0),
        final_report=final.body if final else "", final_report_at=from_db(final.created_at) if final else None,
        score=round(score, 2), reasons=reasons, distance_km=km,
    )


def similar_in(session: Session, incident_id: str, limit: int = 10) -> list[Case]:
    target = session.execute(select(*COLUMNS).where(IncidentRow.id == incident_id)).first()
    if target is None:
        raise UnknownIncident(incident_id)
    reports = _entries(session, [target.pk], REPORT_KINDS).get(target.pk, [])
    target_text = reports[-1].body if reports else (target.summary or "")
    me = _profile(target, target_text)
    first = []
    for row in _candidates(session, target, limit):
        score, reasons, km = ranking.base_score(me, _profile(row))
        first.append((score, row.occurred_at or "", row, reasons, km))
    first.sort(key=lambda f: (f[0], f[1]), reverse=True)
    # Report texts can add at most REPORT_POINTS: only those within reach of the tenth are read.
    if len(first) > limit:
        floor = first[limit - 1][0] - ranking.REPORT_POINTS
        first = [f for f in first if f[0] >= floor][:SECOND_ROUND]
    endings = _entries(session, [f[2].pk for f in first], ENDING_KINDS)
    scored = []
    for score, occurred, row, reasons, km in first:
        mine = endings.get(row.pk, [])
        finals = [e.body for e in mine if e.kind == EntryKind.FINAL_REPORT.value]
        extra, alike = ranking.report_score(me, _profile(row, finals[-1] if finals else ""))
        why = tuple(reasons) + ((Reason.REPORT_ALIKE,) if alike else ())
        scored.append((score + extra, occurred, row, why, km, mine))
    scored.sort(key=lambda s: (s[0], s[1]), reverse=True)
    return [_case(row, mine, score, why, km) for score, _o, row, why, km, mine in scored[:limit]]


def search_in(session: Session, text: str, limit: int = SEARCH_LIMIT) -> list[Case]:
    """Closed incidents whose fields or entries hold every word of `text`, newest first:
    the incident log's own search (1-2 characters through the character index, 3+
    through the trigram index), narrowed to closed incidents."""
    if not text.strip():
        return []
    query = repository.IncidentQuery(statuses=frozenset({Status.CLOSED}), text=text)
    found = search_page.page(session, query, 0, limit)
    if not found:
        return []
    rows = list(session.execute(select(*COLUMNS).where(IncidentRow.id.in_([i.id for i in found]))))
    by_id = {r.id: r for r in rows}
    ordered = [by_id[i.id] for i in found if i.id in by_id]
    endings = _entries(session, [r.pk for r in ordered], ENDING_KINDS)
    return [_case(r, endings.get(r.pk, [])) for r in ordered]


class CaseFinder:
    """The use cases the 相似案例 panel calls (on a reader thread)."""

    def __init__(self, mirror: Mirror):
        self.mirror = mirror

    def similar(self, incident_id: str, limit: int = 10) -> list[Case]:
        with self.mirror.read() as s:
            return similar_in(s, incident_id, limit)

    def search(self, text: str, limit: int = SEARCH_LIMIT) -> list[Case]:
        with self.mirror.read() as s:
            return search_in(s, text, limit)
