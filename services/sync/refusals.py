"""Records the platform sent that this mirror could not use. Each is left out
with its reason and the rest of its page applies: one hostile or broken record
must not stop a workstation from learning everything after it. The officer
sees them beside the operations the platform refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from offline_cache.database import Mirror
from offline_cache.schema import RefusedRecordRow
from services.timefmt import from_db, to_db

REFUSED = "refused_record"  # RecordsChanged("refused_record", ids): the list grew


@dataclass(frozen=True)
class Refusal:
    entity: str
    record_id: str
    seq: int | None  # None: from a snapshot page
    reason: str
    received_at: datetime | None = None


def keep(s: Session, refusals: list[Refusal], now: datetime) -> None:
    if refusals:
        s.execute(insert(RefusedRecordRow), [
            {"entity": r.entity[:32], "record_id": r.record_id[:64], "seq": r.seq, "reason": r.reason[:500],
             "received_at": to_db(now)} for r in refusals])


def recent(mirror: Mirror, limit: int = 500) -> list[Refusal]:
    with mirror.read() as s:
        rows = s.execute(select(RefusedRecordRow).order_by(RefusedRecordRow.pk.desc()).limit(limit)).scalars()
        return [Refusal(r.entity, r.record_id, r.seq, r.reason, from_db(r.received_at)) for r in rows]


def count(mirror: Mirror) -> int:
    with mirror.read() as s:
        return int(s.scalar(select(func.count()).select_from(RefusedRecordRow)) or 0)
