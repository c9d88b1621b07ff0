"""Queries on the mirror that return domain objects.

This lives in services/ rather than offline_cache/ because the domain types do,
and offline_cache must not import services (DESIGN.md layer table)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import (
    Select,
    and_,
    bindparam,
    case,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy import table as sql_table
from sqlalchemy.orm import Session

from offline_cache import search_index
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
from services.incidents.numbering import is_legacy
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


def response_levels(session: Session, incident_ids: list[str]) -> dict[str, str]:
    """incident id -> the level of the response under way (services/plans decides them)."""
    if not incident_ids:
        return {}
    rows = session.execute(text("SELECT incident_id, level FROM responses WHERE state = 'active' AND incident_id IN "
                                "(SELECT value FROM json_each(:ids))"), {"ids": json.dumps(incident_ids)})
    return dict(rows.all())


def to_incident(row, response_level: str = "") -> Incident:
    """From an ORM object or a Core row with the same column names."""
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
        created_by_account=row.created_by_account,
        response_level=response_level,
        level=getattr(row, "level", 1),
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
        author_account=row.author_account,
        level=row.level,
    )


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _phrase(tokens: str | list[str]) -> str:
    if isinstance(tokens, list):
        tokens = " ".join(tokens)
    return '"' + tokens.replace('"', '""') + '"'


def _fts_rowids(table: str, phrase: str, from_rowid: int = 0):
    stmt = (
        select(literal_column("rowid"))
        .select_from(sql_table(table))
        .where(literal_column(table).op("MATCH")(bindparam(None, phrase)))
    )
    # FTS5 seeks to a rowid bound: the newest rows' hits cost what they are, not the table's.
    return stmt.where(literal_column("rowid") >= from_rowid) if from_rowid else stmt


def _entry_incidents(fts_table: str, phrase: str, from_rowid: int = 0):
    return select(EntryRow.incident_pk).where(EntryRow.pk.in_(_fts_rowids(fts_table, phrase, from_rowid)))


TEXT_FIELDS = (
    IncidentRow.title, IncidentRow.place, IncidentRow.code, IncidentRow.type_name,
    IncidentRow.division, IncidentRow.reporter, IncidentRow.summary,
)  # fmt: skip


def exact_term(term: str):
    """The term as a substring of an incident field or of one of its entries."""
    pattern = _like_pattern(term)
    in_entries = exists().where(
        EntryRow.incident_pk == IncidentRow.pk, EntryRow.body.like(pattern, escape="\\")
    )
    return or_(*[f.like(pattern, escape="\\") for f in TEXT_FIELDS], in_entries)


def needs_check(term: str) -> bool:
    """A 1-2 character term: the character index gives candidates, exact_term decides."""
    return len(term) < FTS_MIN_CHARS and any(c.isalnum() for c in term)


def indexed_term(term: str, from_pks: tuple[int, int] = (0, 0), checked: bool = True):
    """The term through the FTS5 indexes: trigram for 3+ characters (exact), the
    character index for shorter ones (candidates, then checked by exact_term unless
    `checked` is False: the caller checks them). `from_pks`: (incident, entry) pks
    below which no row can be wanted (a window)."""
    from_incident, from_entry = from_pks
    if len(term) >= FTS_MIN_CHARS:
        phrase = _phrase(term)
        return or_(
            IncidentRow.pk.in_(_fts_rowids("incident_fts", phrase, from_incident)),
            IncidentRow.pk.in_(_entry_incidents("entry_fts", phrase, from_entry)),
        )
    tokens = [c for c in term if c.isalnum()]
    if not tokens:  # punctuation only: nothing is indexed, so scan
        return exact_term(term)
    phrase = _phrase(tokens)
    candidates = or_(
        IncidentRow.pk.in_(_fts_rowids("incident_chars", phrase, from_incident)),
        IncidentRow.pk.in_(_entry_incidents("entry_chars", phrase, from_entry)),
    )
    return and_(candidates, exact_term(term)) if checked else candidates


def terms_of(text: str) -> list[str]:
    return text.split()


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
    return stmt


def unindexed_term(term: str, backlog: dict[str, int]):
    """The term among rows the background indexer has not reached yet (LIKE)."""
    pattern = _like_pattern(term)
    parts = []
    if "incidents" in backlog:
        parts.append(and_(IncidentRow.pk >= backlog["incidents"],
                          or_(*[f.like(pattern, escape="\\") for f in TEXT_FIELDS])))
    if "entries" in backlog:
        parts.append(exists().where(
            EntryRow.incident_pk == IncidentRow.pk, EntryRow.pk >= backlog["entries"],
            EntryRow.body.like(pattern, escape="\\")))
    return or_(*parts)


def with_text(session: Session, query: IncidentQuery, stmt: Select, from_pks: tuple[int, int] = (0, 0),
              checked: bool = True) -> Select:
    pending = search_index.backlog(session) if query.text.strip() else {}
    for term in terms_of(query.text):
        condition = indexed_term(term, from_pks, checked)
        if pending:
            condition = or_(condition, unindexed_term(term, pending))
        stmt = stmt.where(condition)
    return stmt


def _order(query: IncidentQuery) -> list:
    key = SORTABLE.get(query.sort, IncidentRow.reported_at)
    if query.descending:
        return [key.desc(), IncidentRow.pk.desc()]
    return [key.asc(), IncidentRow.pk.asc()]


# Pages are read as plain rows (Core), not ORM objects: less work per row.
INCIDENT_TABLE = IncidentRow.__table__


def count(session: Session, query: IncidentQuery) -> int:
    stmt = with_text(session, query, filtered(query, select(func.count()).select_from(IncidentRow)))
    return int(session.scalar(stmt) or 0)


def matching_reference(session: Session, ref: str) -> list[tuple[str, str]]:
    """(id, number) of the incidents an officer's reference names: an id or a whole
    number (CQ-2026-0042) names one; a number without its site (2026-0042) names
    every site's incident of that number."""
    ref = ref.strip()
    found = session.execute(select(IncidentRow.id, IncidentRow.code).where(
        or_(IncidentRow.id == ref, IncidentRow.code == ref.upper()))).all()
    if not found and is_legacy(ref):
        found = session.execute(select(IncidentRow.id, IncidentRow.code).where(
            or_(IncidentRow.code == ref, IncidentRow.code.like(f"%-{ref}")))).all()
    return sorted(((r.id, r.code) for r in found), key=lambda found: found[1])


def incident_row(session: Session, incident_id: str) -> IncidentRow | None:
    return session.scalar(select(IncidentRow).where(IncidentRow.id == incident_id))


def timeline(session: Session, row: IncidentRow) -> list[TimelineEntry]:
    stmt = (
        select(EntryRow)
        .where(EntryRow.incident_pk == row.pk)
        # The platform's order, not the sites' clocks; then our unconfirmed ones.
        .order_by(EntryRow.server_seq.is_(None), EntryRow.server_seq, EntryRow.pk)
    )
    return [to_entry(e, row.id) for e in session.scalars(stmt)]
