"""Failed unlocks of the encrypted mirror reach the platform's audit: after a
successful unlock, the failures kept beside the mirror (offline_cache/unlock_failures.py)
are queued as audit events in one mirror transaction, then taken out of that file.

A crash between the commit and the file's clean-up must not queue them twice: the
ids queued are remembered in mirror_meta in the same transaction and skipped next
time (and then cleared from the file)."""

from __future__ import annotations

import json
import logging

from sqlalchemy import text

from offline_cache.database import Mirror
from offline_cache.unlock_failures import MAX_KEPT, forget_failures, pending_failures
from services.audit.contract import MIRROR_UNLOCK_FAILED, UNLOCK_REASONS
from services.audit.local_events import event_payload, queue_event
from services.clock import Clock, SystemClock

log = logging.getLogger(__name__)
QUEUED_META = "unlock_failures_queued"  # ids of the failures already in the outbox


def queue_unlock_failures(mirror: Mirror, clock: Clock | None = None) -> int:
    """Queues the failed unlocks kept beside `mirror`; returns how many events were queued."""
    failures = pending_failures(mirror.path)
    if not failures:
        return 0
    try:
        queued_before = set(json.loads(mirror.meta(QUEUED_META) or "[]"))
    except ValueError:
        queued_before = set()
    fresh = [f for f in failures if f.id not in queued_before]
    now = (clock or SystemClock()).now()
    if fresh:
        with mirror.write() as s:
            for f in fresh:
                reason = f.reason if f.reason in UNLOCK_REASONS else UNLOCK_REASONS[0]
                payload = event_payload(MIRROR_UNLOCK_FAILED, reason, target=mirror.path.name,
                                        count=f.count, at=f.at)
                queue_event(s, payload, now)
            ids = [f.id for f in failures][-MAX_KEPT:]
            s.execute(text("INSERT OR REPLACE INTO mirror_meta(key, value) VALUES (:k, :v)"),
                      {"k": QUEUED_META, "v": json.dumps(ids)})
        log.warning("%d failed unlock(s) of %s queued for the platform's audit",
                    sum(f.count for f in fresh), mirror.path)
    forget_failures(mirror.path, [f.id for f in failures])  # only after the commit
    return len(fresh)
