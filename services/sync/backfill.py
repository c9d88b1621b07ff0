"""Filling the gaps a coalesced feed page left (server/feed.py): on a thin link
the feed sends a station's latest reading at once and names the readings it
skipped; they are fetched here after the pull, page by page from the kind's
history endpoint, and stop the moment the officer writes something (that goes
up first; the gap stays and resumes next exchange, inserts being idempotent)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, text
from sqlalchemy.orm import Session

from offline_cache.database import Mirror
from offline_cache.feed_gaps_schema import FeedGapRow
from services.events import EventBus
from services.records.kind import KindRegistry, RecordKind
from services.sync.wire import Gap
from services.timefmt import to_db

GAPS_PER_EXCHANGE = 20


@dataclass(frozen=True)
class PendingGap:
    entity: str
    source: str
    first_id: str
    last_id: str


def note(s: Session, kinds: KindRegistry, gaps: list[Gap], now: datetime) -> None:
    """Keeps a page's gaps (in its transaction) for kinds that can fetch them;
    a gap noted again widens to cover both."""
    for gap in gaps:
        kind = kinds.get(gap.entity)
        if kind is None or kind.gap_request is None:
            continue
        s.execute(text(
            "INSERT INTO feed_gaps (entity, source, first_id, last_id, skipped, noted_at) "
            "VALUES (:entity, :source, :first_id, :last_id, :skipped, :now) "
            "ON CONFLICT (entity, source, first_id) DO UPDATE SET last_id = max(last_id, excluded.last_id), "
            "skipped = skipped + excluded.skipped"),
            {**gap.model_dump(), "now": to_db(now)})


def pending(mirror: Mirror, limit: int = GAPS_PER_EXCHANGE) -> list[PendingGap]:
    with mirror.read() as s:
        rows = s.execute(select(FeedGapRow.entity, FeedGapRow.source, FeedGapRow.first_id, FeedGapRow.last_id)
                         .order_by(FeedGapRow.noted_at.desc()).limit(limit)).all()
    return [PendingGap(*row) for row in rows]


def apply_rows(mirror: Mirror, kind: RecordKind, gap: PendingGap, rows: list[dict], done: bool,
               events: EventBus | None) -> None:
    """One page of a gap into the mirror; the gap is forgotten with its last page."""
    with mirror.write() as s:
        touched = kind.apply(s, kind, rows) if rows else []
        if done:
            forget(s, gap)
    if events is not None:
        for event in touched:
            events.publish(event)


def forget(s: Session, gap: PendingGap) -> None:
    s.execute(delete(FeedGapRow).where(FeedGapRow.entity == gap.entity, FeedGapRow.source == gap.source,
                                       FeedGapRow.first_id == gap.first_id))


def drop(mirror: Mirror, gap: PendingGap) -> None:
    """A gap the platform cannot fill (the station is gone): not asked again."""
    with mirror.write() as s:
        forget(s, gap)
