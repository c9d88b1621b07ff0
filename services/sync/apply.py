"""Applying the platform's change feed to the mirror: one transaction per page,
the cursor advanced in the same transaction, events published after commit.
Each record kind of the registry checks and applies its own rows."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from offline_cache import search_index
from offline_cache.database import Mirror
from offline_cache.schema import SyncCursorRow
from services.clearance import LEVEL_FIELD
from services.events import EntryAppended, Event, EventBus, IncidentChanged, RecordsChanged
from services.records.feed_checks import FeedError
from services.records.kind import KindRegistry
from services.sync import backfill, refusals
from services.sync.clearance_purge import (
    Purge,
    events_of,
    level_from_feed,
    log_purge,
    purge_page,
    snapshot_again,
)
from services.sync.refusals import Refusal
from services.sync.wire import Change, Gap
from services.timefmt import to_db

log = logging.getLogger(__name__)

# Pages this large are a catch-up: rows first, search indexing in the background
# (offline_cache/search_index.py). Live trickles are indexed as they arrive.
DEFER_INDEXING_FROM = 500
BULK_EVENT_FROM = 200
BULK_REASON = "bulk"  # IncidentChanged("", "bulk"): many records changed, reload


def cursor(mirror: Mirror, cluster_id: str) -> int:
    with mirror.read() as s:
        row = s.get(SyncCursorRow, cluster_id)
        return row.after_seq if row else 0


def checked_rows(kinds: KindRegistry, changes: list[Change]) -> tuple[dict[str, list[dict]], list[Refusal]]:
    """Every change checked by its kind before anything is written; those that do
    not pass are refused one by one. A kind this client does not know (a newer
    platform) is skipped and logged."""
    rows: dict[str, list[dict]] = {kind.entity: [] for kind in kinds}
    refused: list[Refusal] = []
    unknown = set()
    for c in changes:
        kind = kinds.get(c.entity)
        if kind is None:
            unknown.add(c.entity)
            continue
        if c.withdrawn:  # above this workstation's clearance now: clearance_purge removes it
            continue
        try:
            if c.version < 0:
                raise FeedError("bad version")
            data, level = level_from_feed(c.entity, c.data)
            values = kind.from_platform(data, c.version)
            if level is not None:
                values[LEVEL_FIELD] = level
            rows[kind.entity].append(values)
        except FeedError as exc:
            refused.append(Refusal(c.entity, c.entity_id, c.seq, str(exc)))
    if unknown:
        log.info("feed holds record kinds this client does not know: %s", ", ".join(sorted(unknown)))
    return rows, refused


def apply_rows(s, kinds: KindRegistry, rows: dict[str, list[dict]], refused: list[Refusal], *,
               snapshot: bool = False, seqs: dict[tuple[str, str], int] | None = None) -> list[Event]:
    """Each kind's rows in registration order (incidents before their entries);
    rows a kind cannot place (an entry of an unknown incident) are refused, with
    their feed seq from `seqs` when given."""
    touched: list[Event] = []
    for kind in kinds:
        mine = rows.get(kind.entity) or []
        if not mine:
            continue
        if kind.unplaceable is not None and not snapshot:
            bad = kind.unplaceable(s, mine)
            refused += [Refusal(kind.entity, rid, (seqs or {}).get((kind.entity, rid)), reason)
                        for rid, reason in bad.items()]
            mine = [r for r in mine if r["id"] not in bad]
        apply = kind.snapshot_apply() if snapshot else kind.apply
        touched += apply(s, kind, mine) if mine else []
    return touched


def apply_page(
    mirror: Mirror, kinds: KindRegistry, cluster_id: str, changes: list[Change], next_after: int,
    now: datetime, events: EventBus | None = None, gaps: list[Gap] | None = None, *,
    clearance: int | None = None, level_names: dict[str, str] | None = None,
    on_purge: Callable[[Purge], None] | None = None,
) -> int:
    """Applies a page; returns how many records it announced as changed.
    Idempotent: records take the platform's current state, entries are inserted
    once by id. Set-based: a few statements per kind, so catching up runs near
    raw SQLite speed. Records that do not pass their kind's checks are refused
    with the reason (services/sync/refusals.py); the rest applies. The gaps of
    a coalesced page are noted for later (services/sync/backfill.py)."""
    rows, refused = checked_rows(kinds, changes)
    with mirror.bulk_write() as s:
        if len(changes) >= DEFER_INDEXING_FROM:
            search_index.defer(s)
        touched = apply_rows(s, kinds, rows, refused, seqs={(c.entity, c.entity_id): c.seq for c in changes})
        purge = purge_page(s, changes, clearance, level_names)
        touched += events_of(purge)
        if purge.raised:
            snapshot_again(s, cluster_id, kinds.entities[0])
        refusals.keep(s, refused, now)
        if gaps:
            backfill.note(s, kinds, gaps, now)
        row = s.get(SyncCursorRow, cluster_id)
        if row is None:
            s.add(SyncCursorRow(cluster_id=cluster_id, after_seq=next_after, updated_at=to_db(now)))
        elif next_after > row.after_seq:
            row.after_seq, row.updated_at = next_after, to_db(now)
    if refused:
        log.warning("refused %d record(s) from the platform: %s", len(refused),
                    "; ".join(f"{r.entity} {r.record_id[:40]}: {r.reason}" for r in refused[:5]))
        touched.append(RecordsChanged(refusals.REFUSED, tuple(r.record_id for r in refused)))
    log_purge(purge)
    if on_purge is not None and (purge.count or purge.dropped_ops):
        on_purge(purge)
    publish(events, touched)
    return sum(len(getattr(e, "ids", (None,))) for e in touched)


def publish(events: EventBus | None, touched: list[Event]) -> None:
    """One event per incident or entry for live trickles; one "bulk" event for a
    catch-up page, which views answer with a single reload instead of thousands
    of refreshes. Other kinds announce their changed ids in one event each."""
    if events is None or not touched:
        return
    timeline = [e for e in touched if isinstance(e, IncidentChanged | EntryAppended)]
    others = [e for e in touched if not isinstance(e, IncidentChanged | EntryAppended)]
    if len(timeline) > BULK_EVENT_FROM:
        timeline = [IncidentChanged("", BULK_REASON)]
    for event in timeline + others:
        events.publish(event)
