"""The platform's current state of records into the mirror, set-based: new
records inserted, changed ones updated, records with local operations still
queued left alone (their merged state comes in a later page), and records
already as the mirror holds them not rewritten at all (a workstation's own
records come back through the feed)."""

from __future__ import annotations

from typing import Protocol

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from offline_cache.bulk_insert import insert_many
from offline_cache.schema import OutboxRow


class RecordKind(Protocol):  # services/records/kind.py, which builds on this module
    entity: str
    table: type
    held_by: str

# Columns that record where a row stands with the platform, not what it says:
# when only they differ, the row is brought up to date without telling anybody
# (a workstation's own record comes back with the platform's version, time and
# the account the platform recorded).
BOOKKEEPING = frozenset({"version", "updated_at", "created_by_account", "created_workstation",
                         "updated_by_account", "updated_workstation", "author_account", "author_workstation",
                         "issued_by_account", "issued_workstation", "opened_by_account", "opened_workstation",
                         "opened_site", "sender_account", "sender_workstation"})


def held_back(s: Session, kind: RecordKind, ids: list[str]) -> set[str]:
    """Records with operations of this workstation still queued."""
    column = getattr(OutboxRow, kind.held_by)
    query = select(column).where(OutboxRow.state == "queued", column.in_(ids))
    if kind.held_by == "entity_id":
        query = query.where(OutboxRow.entity == kind.entity)
    return set(s.scalars(query.distinct()))


def upsert(s: Session, kind: RecordKind, rows: list[dict]) -> tuple[list[str], list[str]]:
    """Writes the rows made by kind.from_platform; returns (created ids, changed ids).
    Rows of one page name each record once at most (its latest state)."""
    if not rows:
        return [], []
    table = kind.table.__table__
    latest = list({v["id"]: v for v in rows}.values())
    ids = [v["id"] for v in latest]
    columns = [table.c[k] for k in latest[0]]
    current = {r.id: r for r in s.execute(select(table.c.pk, *columns).where(table.c.id.in_(ids)))}
    pending = held_back(s, kind, ids)
    new = [{**v, "sync_state": "synced"} for v in latest if v["id"] not in current]
    if new:
        insert_many(s, table.name, new)
    changed: list[str] = []
    for v in latest:
        old = current.get(v["id"])
        if old is None or v["id"] in pending:
            continue
        differs = [c.name for c in columns if old._mapping[c.name] != v[c.name]]
        if not differs:
            continue
        s.execute(update(table).where(table.c.pk == old.pk)
                  .values(**{k: x for k, x in v.items() if k != "id"}, sync_state="synced"))
        if not BOOKKEEPING.issuperset(differs):
            changed.append(v["id"])
    return [v["id"] for v in new], changed
