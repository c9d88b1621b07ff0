"""Read-side view of the outbox, for the status bar and `watchroom status`."""

from __future__ import annotations

from sqlalchemy import func, select

from offline_cache.database import Mirror
from offline_cache.schema import OutboxRow


def pending_count(mirror: Mirror) -> int:
    with mirror.read() as s:
        return int(s.scalar(select(func.count()).select_from(OutboxRow).where(OutboxRow.state == "queued")) or 0)
