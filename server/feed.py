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
                     clearance: int = TOP, level_names: dict[int, str] | None = None) -> bytes:  # fmt: skip
    """A ChangePage (services/sync/wire.py) as JSON bytes: each change carries
    the record's current state, in seq order. A change of a kind this platform
    no longer registers, or of a record gone since, is left out; one of a record
    above `clearance` is a withdrawal (its id, no data: server/clearance.py).
    The page says the clearance it was cut for, so a mirror whose clearance was
    lowered purges what it may no longer hold."""
    rows = s.connection().execute(
        select(ChangeRow.seq, ChangeRow.entity, ChangeRow.entity_id)
        .where(ChangeRow.seq > after)
        .order_by(ChangeRow.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
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
    page = {"cluster_id": cluster_id, "changes": changes,
            "next_after": rows[-1].seq if rows else after, "has_more": has_more, "clearance": min(clearance, TOP),
            "level_names": {str(k): v for k, v in (level_names or DEFAULT_NAMES).items()}}
    return pydantic_core.to_json(page)


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
