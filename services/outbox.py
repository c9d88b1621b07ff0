"""The outbox as services write it (in the same transaction as the record) and
the read-side view for the status bar and `watchroom status`."""

from __future__ import annotations

import json
import uuid
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from offline_cache.database import Mirror
from offline_cache.schema import OutboxRow
from services.timefmt import to_db

# Priority classes of outbox operations (DESIGN.md, "Record kinds"); lower goes first,
# and each record's operations still keep their order (services/sync/outbox_store.py).
URGENT = 1  # dispatch orders and their steps, notifications, conference moves, new incidents
TIMELINE = 3  # an incident's entries and edits
RECORD = 5  # other records edited here
BULK = 7  # imports, attachments
TELEMETRY = 9  # positions and readings: coalesced to the latest on a thin link


def queue(s: Session, entity: str, entity_id: str, op: str, base_version: int, payload: dict,
          priority: int, now: datetime, record_key: str) -> None:
    """One operation for the platform, written in the caller's transaction."""
    s.add(OutboxRow(
        op_id=str(uuid.uuid4()), entity=entity, entity_id=entity_id, op=op,
        base_version=base_version, payload=json.dumps(payload, ensure_ascii=False),
        priority=priority, created_at=to_db(now), state="queued", attempts=0, last_error="",
        record_key=record_key,
    ))


def queue_latest(s: Session, entity: str, entity_id: str, op: str, payload: dict, now: datetime) -> None:
    """A telemetry report (a unit's position) that replaces the same source's
    report still queued: on a thin link only the latest goes, never a backlog."""
    s.execute(delete(OutboxRow).where(OutboxRow.state == "queued", OutboxRow.entity == entity,
                                      OutboxRow.entity_id == entity_id, OutboxRow.priority == TELEMETRY))
    queue(s, entity, entity_id, op, 0, payload, TELEMETRY, now, entity_id)


def pending_count(mirror: Mirror) -> int:
    with mirror.read() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.state == "queued")) or 0)
