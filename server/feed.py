"""Building change-feed and snapshot pages. These are the hot read paths of a
catch-up (100,000 records in seconds), so rows are read with Core, not ORM
objects, and the page is serialised once, straight to JSON bytes, instead of
being built as pydantic models and validated again on the way out. What each
kind sends is its ServerKind's (server/record_kind.py)."""

from __future__ import annotations

from typing import Any

import pydantic_core
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.clearance import snapshot_filter, withdrawn
from server.db import ChangeRow, latest_seq
from server.record_kind import Registry, ServerKind
from services.clearance import DEFAULT_NAMES, TOP, is_leveled

# IN lists stay under SQLite's bound-parameter limit and PostgreSQL's sweet spot.
_CHUNK = 2000
# A coalesced page looks this many times its limit ahead, at most MAX_SCAN changes.
COALESCE_SCAN = 50
MAX_SCAN = 100_000


def _by_id(s: Session, kind: ServerKind, ids: list[str]) -> dict[str, dict[str, Any]]:
    con = s.connection()  # Core execution: no ORM result machinery per row
    columns, id_column = kind.table_columns, kind.id_column
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        for row in con.execute(select(*columns).where(id_column.in_(chunk))):
            found[row.id] = kind.to_record(row._mapping)
    return found


def change_page_json(s: Session, registry: Registry, cluster_id: str, after: int, limit: int,
                     coalesce: bool = False, clearance: int = TOP,
                     level_names: dict[int, str] | None = None) -> bytes:  # fmt: skip
    """A ChangePage (services/sync/wire.py) as JSON bytes: each change carries
    the record's current state, in seq order. A change of a kind this platform
    no longer registers, or of a record gone since, is left out. With
    `coalesce`, telemetry is a lower class: see _coalesced. A change of a record
    above `clearance` is a withdrawal (its id, no data: server/clearance.py); the
    page says the clearance it was cut for, so a mirror whose clearance was
    lowered purges what it may no longer hold."""
    if coalesce:
        rows, end, has_more, gaps = _coalesced(s, registry, after, limit)
    else:
        rows = s.connection().execute(
            select(ChangeRow.seq, ChangeRow.entity, ChangeRow.entity_id)
            .where(ChangeRow.seq > after)
            .order_by(ChangeRow.seq)
            .limit(limit + 1)
        ).all()
        has_more, gaps = len(rows) > limit, []
        rows = rows[:limit]
        end = rows[-1].seq if rows else after
    wanted: dict[str, set[str]] = {}
    for r in rows:
        wanted.setdefault(r.entity, set()).add(r.entity_id)
    kinds = {entity: kind for entity in wanted if (kind := registry.kind(entity)) is not None}
    records = {entity: _by_id(s, kind, list(wanted[entity])) for entity, kind in kinds.items()}
    hidden = {entity: withdrawn(s, entity, found, clearance) for entity, found in records.items()}
    hidden.update({entity: set() for entity in wanted if entity not in hidden})
    changes = []
    for r in rows:
        record = records.get(r.entity, {}).get(r.entity_id)
        if record is None and not is_leveled(r.entity):
            continue
        # A leveled record not found is above this clearance on PostgreSQL (row-level
        # security hides it, server/pg_rls.py) or gone: either way no mirror may keep it.
        if record is None or r.entity_id in hidden[r.entity]:
            changes.append({"seq": r.seq, "entity": r.entity, "entity_id": r.entity_id, "version": 0, "data": {},
                            "withdrawn": True})
        else:
            changes.append({"seq": r.seq, "entity": r.entity, "entity_id": r.entity_id,
                            "version": kinds[r.entity].feed_version(record), "data": record})
    page = {"cluster_id": cluster_id, "changes": changes, "next_after": end, "has_more": has_more,
            "clearance": min(clearance, TOP),
            "level_names": {str(k): v for k, v in (level_names or DEFAULT_NAMES).items()}}
    if coalesce:
        page["gaps"] = gaps
    return pydantic_core.to_json(page)


def _coalesced(s: Session, registry: Registry, after: int, limit: int) -> tuple[list[Any], int, bool, list[dict]]:
    """A page for a thin link: up to `limit` changes, but telemetry (a kind with
    a telemetry_source) is kept to its latest change per source among the next
    COALESCE_SCAN x limit changes, after every other change of the page, and
    what it skipped is answered as gaps the client fetches later. A burst of
    readings thus costs one change per station, and an incident behind it
    comes in the same page."""
    scan = min(limit * COALESCE_SCAN, MAX_SCAN)
    # Streamed: a page of incidents stops after `limit` rows, not after reading `scan`.
    result = s.connection().execute(
        select(ChangeRow.seq, ChangeRow.entity, ChangeRow.entity_id)
        .where(ChangeRow.seq > after).order_by(ChangeRow.seq).limit(scan + 1)
        .execution_options(yield_per=min(scan + 1, 2 * limit + 1)))
    plain: list[Any] = []
    latest: dict[tuple[str, str], Any] = {}
    skipped: dict[tuple[str, str], list[str]] = {}
    end, has_more = after, False
    try:
        for index, r in enumerate(result):
            if index == scan:
                has_more = True
                break
            kind = registry.kind(r.entity)
            source_of = kind.telemetry_source if kind is not None else None
            if source_of is None:
                plain.append(r)
            else:
                key = (r.entity, source_of(r.entity_id))
                if key in latest:
                    skipped.setdefault(key, []).append(latest[key].entity_id)
                latest[key] = r
            end = r.seq
            if len(plain) + len(latest) >= limit:
                has_more = next(iter(result), None) is not None
                break
    finally:
        result.close()
    gaps = [{"entity": entity, "source": source, "first_id": min(ids), "last_id": max(ids), "skipped": len(ids)}
            for (entity, source), ids in skipped.items()]
    telemetry = sorted(latest.values(), key=lambda r: r.seq)
    return plain + telemetry, end, has_more, gaps


def snapshot_page_json(
    s: Session, kind: ServerKind, cluster_id: str, after_id: str, limit: int, as_of: int | None,
    clearance: int = TOP,
) -> bytes:
    """A SnapshotPage as JSON bytes: records of one kind in id order, none above `clearance`."""
    id_column = kind.id_column
    start = as_of if as_of is not None else latest_seq(s)
    query = select(*kind.table_columns).where(id_column > after_id)
    if kind.snapshot_filter is not None:
        query = query.where(kind.snapshot_filter())
    visible = snapshot_filter(kind.entity, kind.row, clearance)
    if visible is not None:
        query = query.where(visible)
    rows = s.connection().execute(query.order_by(id_column).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    page = {"cluster_id": cluster_id, "entity": kind.entity, "as_of": start,
            "records": [kind.to_record(r._mapping) for r in rows],
            "next_after_id": rows[-1].id if more else None}
    return pydantic_core.to_json(page)
