"""The outbox as the sync engine sees it: batches in priority order that keep
each record's operations in the order they were made."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select, text, update

from offline_cache.database import Mirror
from offline_cache.schema import OutboxRow
from services.outbox import TELEMETRY, URGENT
from services.records.kind import KindRegistry
from services.sync.wire import Op, OpResult
from services.timefmt import to_db

CANDIDATES = 2000  # how far ahead to look when ordering a batch (plain rows, not ORM objects)
# Telemetry (positions, readings) never rides in a batch with anything above it, and
# goes in small batches: an incident written meanwhile waits for one short request at most.
TELEMETRY_BATCH = 20


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


def next_batch(
    mirror: Mirror, limit: int, site_code: str = "", in_flight: frozenset[str] = frozenset()
) -> list[Op]:
    """Queued operations, most urgent first. An operation's effective priority is
    the most urgent of its own and every later one of the same record, so a
    dispatch order queued behind a note on the same incident pulls the note
    forward instead of overtaking it. Operations `in_flight` (sent, not yet
    answered) are left out: the engine prepares the next batch meanwhile."""
    columns = (OutboxRow.seq, OutboxRow.op_id, OutboxRow.entity, OutboxRow.entity_id, OutboxRow.op,
               OutboxRow.base_version, OutboxRow.payload, OutboxRow.priority,
               OutboxRow.created_at, OutboxRow.record_key)  # fmt: skip
    queued = OutboxRow.state == "queued"
    with mirror.read() as s:
        ahead = s.execute(
            select(*columns).where(queued).order_by(OutboxRow.seq).limit(max(CANDIDATES, 4 * limit))
        ).all()
        # Urgent operations deep in a long queue are candidates too, with every
        # operation queued before them for the same record. At most `limit`
        # records: a batch cannot hold more.
        urgent: list = []
        if ahead:
            deep = (
                select(OutboxRow.record_key.label("key"), func.max(OutboxRow.seq).label("last"))
                .where(queued, OutboxRow.priority <= URGENT, OutboxRow.seq > ahead[-1].seq)
                .group_by(OutboxRow.record_key)
                .order_by(func.min(OutboxRow.seq))
                .limit(limit)
                .subquery()
            )
            urgent = s.execute(
                select(*columns).join(deep, (OutboxRow.record_key == deep.c.key)
                                      & (OutboxRow.seq <= deep.c.last)).where(queued)
            ).all()
    rows = sorted({r.seq: r for r in (*ahead, *urgent) if r.op_id not in in_flight}.values(),
                  key=lambda r: r.seq)
    effective: dict[int, int] = {}
    best_after: dict[str, int] = {}
    for row in reversed(rows):
        key = row.record_key or row.entity_id
        best = min(row.priority, best_after.get(key, row.priority))
        best_after[key] = best
        effective[row.seq] = best
    ordered = sorted(rows, key=lambda r: (effective[r.seq], r.seq))[:limit]
    if ordered and effective[ordered[0].seq] < TELEMETRY:
        ordered = [r for r in ordered if effective[r.seq] < TELEMETRY]
    else:
        ordered = ordered[:TELEMETRY_BATCH]
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


def record_results(mirror: Mirror, kinds: KindRegistry, results: list[OpResult], now) -> None:
    """Marks acknowledged operations, and the records that have nothing left to
    send as synced: a few set-based statements, whatever the batch size."""
    sent = to_db(now)
    rows = [
        {"op": r.op_id, "state": "rejected" if r.status == "rejected" else "acked",
         "error": r.reason, "sent": sent}
        for r in results
    ]
    if not rows:
        return
    with mirror.write() as s:
        s.execute(
            text(
                "UPDATE outbox SET state = :state, last_error = :error, sent_at = :sent, "
                "attempts = attempts + 1 WHERE op_id = :op AND state = 'queued'"
            ),
            rows,
        )
        acked = [r.op_id for r in results if r.status != "rejected"]
        placed = [{"seq": r.seq, "op": r.op_id} for r in results
                  if r.status in ("applied", "duplicate") and r.seq is not None]
        if placed:  # an appended entry takes its place in the platform's order
            s.execute(text(
                "UPDATE entries SET server_seq = :seq WHERE server_seq IS NULL AND id = "
                "(SELECT entity_id FROM outbox WHERE op_id = :op AND entity = 'entry' AND op = 'append')"
            ), placed)
        for kind in kinds:
            table, entity = kind.table.__tablename__, kind.entity
            s.execute(
                text(
                    f"UPDATE {table} SET sync_state = 'synced' WHERE sync_state != 'synced' "
                    "AND id IN (SELECT entity_id FROM outbox WHERE entity = :entity "
                    "AND op_id IN (SELECT value FROM json_each(:acked))) "
                    "AND id NOT IN (SELECT entity_id FROM outbox WHERE state = 'queued')"
                ),
                {"entity": entity, "acked": json.dumps(acked)},
            )


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
