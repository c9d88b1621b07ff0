"""Bootstrapping an empty mirror from the platform's snapshot rather than by
replaying the whole change feed: each record once, in its current state.

The snapshot is read in id order, incidents first, then entries, starting at
the server's `as_of` sequence number; the feed then continues from `as_of`. A
record created during the snapshot may be missed by it, but it is then in the
feed after `as_of`, so entries whose incident is not known yet are skipped
here and arrive later. Progress is saved with every page (resumable)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from offline_cache import search_index
from offline_cache.database import Mirror
from offline_cache.schema import SyncCursorRow
from services.clearance import LEVEL_FIELD
from services.events import EventBus, RecordsChanged
from services.records.feed_checks import FeedError, feed_version
from services.records.kind import KindRegistry
from services.sync import apply, refusals
from services.sync.clearance_purge import level_from_feed
from services.sync.refusals import Refusal
from services.sync.wire import SnapshotPage
from services.timefmt import to_db


@dataclass(frozen=True)
class Progress:
    entity: str
    after_id: str
    as_of: int | None  # None until the first page has told us


def pending(mirror: Mirror, kinds: KindRegistry, cluster_id: str) -> Progress | None:
    """Where the bootstrap of this cluster stands; None when it is done (or was
    not needed: a mirror that has followed the feed before)."""
    with mirror.read() as s:
        row = s.get(SyncCursorRow, cluster_id)
    first = kinds.entities[0]
    if row is None:
        return Progress(first, "", None)
    if row.snapshot_done or (row.after_seq > 0 and row.snapshot_entity is None):
        return None
    return Progress(row.snapshot_entity or first, row.snapshot_after_id or "", row.snapshot_as_of)


def apply_snapshot_page(
    mirror: Mirror, kinds: KindRegistry, cluster_id: str, page: SnapshotPage, now: datetime,
    events: EventBus | None = None,
) -> Progress | None:
    """Applies one page and records how far the bootstrap got, in one transaction.
    Returns where to continue, or None when the snapshot is complete."""
    kind = kinds.get(page.entity)
    if kind is None:
        raise FeedError(f"snapshot of a record kind this client does not know: {page.entity}")
    rows, refused = [], []
    for record in page.records:
        try:
            data, level = level_from_feed(page.entity, record)
            values = kind.from_platform(data, feed_version(record.get("version", 1)))
            if level is not None:
                values[LEVEL_FIELD] = level
            rows.append(values)
        except FeedError as exc:
            refused.append(Refusal(page.entity, str(record.get("id", "?")), None, str(exc)))
    following = next_position(kinds, page)
    with mirror.bulk_write() as s:
        search_index.defer(s)
        touched = apply.apply_rows(s, kinds, {page.entity: rows}, refused, snapshot=True)
        refusals.keep(s, refused, now)
        row = s.get(SyncCursorRow, cluster_id)
        if row is None:
            row = SyncCursorRow(cluster_id=cluster_id, after_seq=0, updated_at=to_db(now))
            s.add(row)
        row.updated_at = to_db(now)
        row.snapshot_as_of = page.as_of
        if following is None:
            row.snapshot_done, row.after_seq = True, max(row.after_seq, page.as_of)
            row.snapshot_entity = row.snapshot_after_id = None
        else:
            row.snapshot_entity, row.snapshot_after_id = following.entity, following.after_id
    if refused:
        touched.append(RecordsChanged(refusals.REFUSED, tuple(r.record_id for r in refused)))
    apply.publish(events, touched)
    return following


def next_position(kinds: KindRegistry, page: SnapshotPage) -> Progress | None:
    """Where the snapshot continues after this page; None at its end."""
    if page.next_after_id is not None:
        return Progress(page.entity, page.next_after_id, page.as_of)
    entities = kinds.entities
    position = entities.index(page.entity)
    if position + 1 < len(entities):
        return Progress(entities[position + 1], "", page.as_of)
    return None
