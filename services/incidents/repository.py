"""Queries on the mirror that return domain objects.

This lives in services/ rather than offline_cache/ because the domain types do,
and offline_cache must not import services (DESIGN.md layer table)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Select, and_, bindparam, case, func, literal_column, or_, select
from sqlalchemy import table as sql_table
from sqlalchemy.orm import Session

from offline_cache.schema import EntryRow, IncidentRow
from services.incidents.model import (
    Casualties,
    Category,
    EntryKind,
    Incident,
    Severity,
    Source,
    Status,
    TimelineEntry,
)
from services.timefmt import from_db, to_db

SORTABLE = {
    "reported_at": IncidentRow.reported_at,
    "occurred_at": IncidentRow.occurred_at,
    "code": IncidentRow.code,
    "title": IncidentRow.title,
    "status": IncidentRow.status,
    "category": IncidentRow.category,
    "severity": case(
        {"I": 0, "II": 1, "III": 2, "IV": 3}, value=IncidentRow.severity, else_=4
    ),
    "casualties": IncidentRow.deaths + IncidentRow.injured + IncidentRow.missing + IncidentRow.trapped,
}
FTS_MIN_CHARS = 3  # the trigram tokenizer cannot match shorter terms


@dataclass(frozen=True)
class IncidentQuery:
    statuses: frozenset[Status] = frozenset()
    severities: frozenset[Severity] = frozenset()
    categories: frozenset[Category] = frozenset()
    reported_from: datetime | None = None
    reported_to: datetime | None = None
    text: str = ""
    exercise: bool | None = None
    sort: str = "reported_at"
    descending: bool = True
    exclude: tuple[str, ...] = field(default_factory=tuple)


def to_incident(row: IncidentRow) -> Incident:
    return Incident(
        id=row.id,
        code=row.code,
        site_code=row.site_code,
        title=row.title,
        category=Category(row.category),
        type_code=row.type_code,
        type_name=row.type_name,
        severity=Severity(row.severity),
        status=Status(row.status),
        occurred_at=from_db(row.occurred_at),
        reported_at=from_db(row.reported_at),
        place=row.place,
        lat=row.lat,
        lon=row.lon,
        division=row.division,
        casualties=Casualties(row.deaths, row.injured, row.missing, row.trapped),
        source=Source(row.source),
        reporter=row.reporter,
        reporter_phone=row.reporter_phone,
        exercise=bool(row.exercise),
        summary=row.summary,
        created_by=row.created_by,
        updated_at=from_db(row.updated_at),
        last_report_at=from_db(row.last_report_at),
        last_report_kind=EntryKind(row.last_report_kind) if row.last_report_kind else None,
        version=row.version,
        pending_sync=row.sync_state != "synced",
    )


def to_entry(row: EntryRow, incident_id: str) -> TimelineEntry:
    return TimelineEntry(
        id=row.id,
        incident_id=incident_id,
        kind=EntryKind(row.kind),
        body=row.body,
        author=row.author,
        created_at=from_db(row.created_at),
        data=json.loads(row.data or "{}"),
        pending_sync=row.sync_state != "synced",
    )


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def text_condition(text: str):
    """Every whitespace-separated term must match the incident or one of its entries.

    Terms of 3+ characters use the FTS5 trigram indexes; shorter ones (common in
    Chinese: 火灾, 渝) fall back to LIKE, which the trigram index cannot serve."""
    conditions = []
    for term in text.split():
        if len(term) >= FTS_MIN_CHARS:
            phrase = _fts_phrase(term)
            in_incident = IncidentRow.pk.in_(_fts_rowids("incident_fts", phrase))
            in_entries = IncidentRow.pk.in_(
                select(EntryRow.incident_pk).where(EntryRow.pk.in_(_fts_rowids("entry_fts", phrase)))
            )
            conditions.append(or_(in_incident, in_entries))
        else:
            pattern = _like_pattern(term)
            fields = [
                IncidentRow.title,
                IncidentRow.place,
                IncidentRow.code,
                IncidentRow.type_name,
                IncidentRow.division,
                IncidentRow.reporter,
                IncidentRow.summary,
            ]
            conditions.append(
                or_(
                    *[f.like(pattern, escape="\\") for f in fields],
                    IncidentRow.pk.in_(
                        select(EntryRow.incident_pk).where(EntryRow.body.like(pattern, escape="\\"))
                    ),
                )
            )
    return and_(*conditions) if conditions else None


def _fts_rowids(table: str, phrase: str):
    fts = sql_table(table)
    return (
        select(literal_column("rowid"))
        .select_from(fts)
        .where(literal_column(table).op("MATCH")(bindparam(None, phrase)))
    )


def filtered(query: IncidentQuery, stmt: Select) -> Select:
    if query.statuses:
        stmt = stmt.where(IncidentRow.status.in_([s.value for s in query.statuses]))
    if query.severities:
        stmt = stmt.where(IncidentRow.severity.in_([s.value for s in query.severities]))
    if query.categories:
        stmt = stmt.where(IncidentRow.category.in_([c.value for c in query.categories]))
    if query.reported_from is not None:
        stmt = stmt.where(IncidentRow.reported_at >= to_db(query.reported_from))
    if query.reported_to is not None:
        stmt = stmt.where(IncidentRow.reported_at < to_db(query.reported_to))
    if query.exercise is not None:
        stmt = stmt.where(IncidentRow.exercise == query.exercise)
    if query.text.strip():
        stmt = stmt.where(text_condition(query.text.strip()))
    return stmt


def page(session: Session, query: IncidentQuery, offset: int, limit: int) -> list[Incident]:
    key = SORTABLE.get(query.sort, IncidentRow.reported_at)
    order = [key.desc() if query.descending else key.asc()]
    order.append(IncidentRow.pk.desc() if query.descending else IncidentRow.pk.asc())
    stmt = filtered(query, select(IncidentRow)).order_by(*order).offset(offset).limit(limit)
    return [to_incident(r) for r in session.scalars(stmt)]


def count(session: Session, query: IncidentQuery) -> int:
    stmt = filtered(query, select(func.count()).select_from(IncidentRow))
    return int(session.scalar(stmt) or 0)


def incident_row(session: Session, incident_id: str) -> IncidentRow | None:
    return session.scalar(select(IncidentRow).where(IncidentRow.id == incident_id))


def timeline(session: Session, row: IncidentRow) -> list[TimelineEntry]:
    stmt = (
        select(EntryRow)
        .where(EntryRow.incident_pk == row.pk)
        .order_by(EntryRow.created_at, EntryRow.pk)
    )
    return [to_entry(e, row.id) for e in session.scalars(stmt)]
