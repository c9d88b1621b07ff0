"""The change feed's writing side: every change appends a row to `changes`,
and the timeline entries the platform writes itself (an order's steps, a
conference opened, a notification sent, a conflict noted) go in with theirs.
Each change row names the account and workstation it came from (the session's
actor, server/actor.py), and appends its audit record in the same transaction
(server/audit.py). Imports nothing of the project but the schema and the audit, so
every feature can use it."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import insert, text
from sqlalchemy.orm import Session

from server import audit, pg_bulk
from server.actor import PLATFORM, actor_of
from server.db import ChangeRow, EntryRow


def record_change(s: Session, entity: str, entity_id: str, now: str) -> int:
    """Announces that a record changed; returns the change's seq."""
    actor = actor_of(s)
    row = ChangeRow(entity=entity, entity_id=entity_id, at=now, account=actor.account,
                    workstation=actor.workstation)
    s.add(row)
    s.flush()
    audit.append(s, audit.CHANGE, actor, entity, entity_id, {"change": row.seq}, at=now)
    return row.seq


def record_changes(s: Session, changes: list[tuple[str, str]], now: str) -> list[int]:
    """Feed rows for (entity, id) changes, in order; returns their seqs. On SQLite
    the writer holds the database lock (BEGIN IMMEDIATE), so the seqs are simply
    the next ones, inserted in one executemany: RETURNING with guaranteed order
    makes SQLAlchemy insert SQLite rows one at a time."""
    actor = actor_of(s)
    rows = [{"entity": entity, "entity_id": rid, "at": now, "account": actor.account,
             "workstation": actor.workstation} for entity, rid in changes]
    if pg_bulk.is_postgres(s):
        # The sequence's next values, ascending, written in the changes' order: one
        # statement for the lot (server/pg_bulk.py). Under the write lock, so they
        # also commit in order (server/app.py write_locked).
        seqs = pg_bulk.next_seqs(s, ChangeRow.__table__, "seq", len(rows))
        pg_bulk.insert_rows(s, ChangeRow.__table__, [{**row, "seq": seq} for row, seq in zip(rows, seqs, strict=True)])
        _audit_changes(s, changes, seqs, now)
        return seqs
    used = s.execute(text(
        "SELECT max(IFNULL((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0), "
        "IFNULL((SELECT max(seq) FROM changes), 0))")).scalar_one()
    seqs = list(range(used + 1, used + 1 + len(rows)))
    # Core executemany: the ORM's bulk insert path costs more than the rows themselves.
    s.connection().execute(insert(ChangeRow.__table__),
                           [{**row, "seq": seq} for row, seq in zip(rows, seqs, strict=True)])
    _audit_changes(s, changes, seqs, now)
    return seqs


def _audit_changes(s: Session, changes: list[tuple[str, str]], seqs: list[int], now: str) -> None:
    audit.append_many(s, [(audit.CHANGE, entity, rid, {"change": seq})
                          for (entity, rid), seq in zip(changes, seqs, strict=True)], at=now)


def timeline_entry(
    s: Session, *, entry_id: str, incident_id: str, kind: str, body: str, data: dict[str, Any],
    author: str, created_at: str, now: str, by_platform: bool = False,
) -> int | None:
    """Writes a platform-made entry with its change row; returns its seq, or None
    when an entry with that id is already there (ids derived from what happened
    make a retried step or a client's own copy the same entry). The entry's
    account is the actor's whose change made it, none for the platform's notes."""
    if s.get(EntryRow, entry_id) is not None:
        return None
    actor = PLATFORM if by_platform else actor_of(s)
    entry = EntryRow(id=entry_id, incident_id=incident_id, kind=kind, body=body,
                     data=json.dumps(data, ensure_ascii=False), author=author, created_at=created_at, seq=0,
                     **actor.stamp("author"))
    s.add(entry)
    s.flush()
    entry.seq = record_change(s, "entry", entry_id, now)
    return entry.seq
