"""The outbox as the sync engine sees it: batches in priority order that keep
each record's operations in the order they were made."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select, update

from offline_cache.database import Mirror
from offline_cache.schema import EntryRow, IncidentRow, OutboxRow
from services.sync.wire import Op, OpResult
from services.timefmt import to_db

CANDIDATES = 5000  # how far ahead to look when ordering a batch


@dataclass(frozen=True)
class RejectedOp:
    seq: int
    op_id: str
    entity: str
    entity_id: str
    op: str
    payload: dict
    reason: str
    created_at: str


def next_batch(mirror: Mirror, limit: int, site_code: str = "") -> list[Op]:
    """Queued operations, most urgent first. An operation's effective priority is
    the most urgent of its own and every later one of the same record, so a
    dispatch order queued behind a note on the same incident pulls the note
    forward instead of overtaking it."""
    with mirror.read() as s:
        rows = list(
            s.scalars(
                select(OutboxRow)
                .where(OutboxRow.state == "queued")
                .order_by(OutboxRow.seq)
                .limit(CANDIDATES)
            )
        )
    effective: dict[int, int] = {}
    best_after: dict[str, int] = {}
    for row in reversed(rows):
        key = row.record_key or row.entity_id
        best = min(row.priority, best_after.get(key, row.priority))
        best_after[key] = best
        effective[row.seq] = best
    ordered = sorted(rows, key=lambda r: (effective[r.seq], r.seq))[:limit]
    return [
        Op(
            op_id=r.op_id,
            entity=r.entity,
            entity_id=r.entity_id,
            op=r.op,
            base_version=r.base_version,
            payload=json.loads(r.payload),
            priority=r.priority,
            created_at=r.created_at,
            site_code=site_code,
        )
        for r in ordered
    ]


def record_results(mirror: Mirror, results: list[OpResult], now) -> None:
    """Marks acknowledged operations and the records that have nothing left to send."""
    by_id = {r.op_id: r for r in results}
    with mirror.write() as s:
        rows = list(s.scalars(select(OutboxRow).where(OutboxRow.op_id.in_(list(by_id)))))
        for row in rows:
            result = by_id[row.op_id]
            row.attempts += 1
            row.sent_at = to_db(now)
            if result.status == "rejected":
                row.state, row.last_error = "rejected", result.reason
            else:
                row.state, row.last_error = "acked", result.reason
        s.flush()
        for row in rows:
            _mark_synced_if_done(s, row)


def _mark_synced_if_done(s, row: OutboxRow) -> None:
    waiting = s.scalar(
        select(func.count())
        .select_from(OutboxRow)
        .where(OutboxRow.entity_id == row.entity_id, OutboxRow.state == "queued")
    )
    if waiting:
        return
    if row.entity == "incident" and row.state == "acked":
        s.execute(update(IncidentRow).where(IncidentRow.id == row.entity_id).values(sync_state="synced"))
    elif row.entity == "entry" and row.state == "acked":
        s.execute(update(EntryRow).where(EntryRow.id == row.entity_id).values(sync_state="synced"))


def count_by_state(mirror: Mirror) -> dict[str, int]:
    with mirror.read() as s:
        rows = s.execute(select(OutboxRow.state, func.count()).group_by(OutboxRow.state)).all()
    return {state: int(n) for state, n in rows}


def rejected(mirror: Mirror) -> list[RejectedOp]:
    with mirror.read() as s:
        rows = s.scalars(select(OutboxRow).where(OutboxRow.state == "rejected").order_by(OutboxRow.seq))
        return [
            RejectedOp(r.seq, r.op_id, r.entity, r.entity_id, r.op, json.loads(r.payload),
                       r.last_error, r.created_at)
            for r in rows
        ]


def discard_rejected(mirror: Mirror, op_id: str) -> None:
    """The officer has read the reason and drops the operation (with confirmation in the UI)."""
    with mirror.write() as s:
        s.execute(
            update(OutboxRow)
            .where(OutboxRow.op_id == op_id, OutboxRow.state == "rejected")
            .values(state="discarded")
        )


def requeue_rejected(mirror: Mirror, op_id: str) -> None:
    """Sends a refused operation again as it is (after the platform's cause was fixed)."""
    with mirror.write() as s:
        s.execute(
            update(OutboxRow)
            .where(OutboxRow.op_id == op_id, OutboxRow.state == "rejected")
            .values(state="queued", last_error="")
        )
