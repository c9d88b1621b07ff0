"""A synced record kind as this client handles it, declared once by its feature
(DESIGN.md, "Record kinds: one registry on each side"). The composition root
builds the registry (app/record_kinds.py); the feed, the snapshot, the outbox
and the relay loop over it, so a new kind is one module and one line there."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy.orm import Session

from services.events import Event, RecordsChanged
from services.records.upsert import upsert

# (session, kind, checked rows of one page) -> the events to publish after commit
Apply = Callable[[Session, "RecordKind", list[dict]], list[Event]]


def upsert_records(s: Session, kind: RecordKind, rows: list[dict]) -> list[Event]:
    """The usual kind: rows upserted, one RecordsChanged for those created or changed."""
    created, changed = upsert(s, kind, rows)
    ids = created + changed
    return [RecordsChanged(kind.entity, tuple(ids))] if ids else []


@dataclass(frozen=True)
class RecordKind:
    entity: str  # its name on the wire and in the outbox
    table: type  # the mirror's ORM class: pk, id, version, sync_state and the fields
    from_platform: Callable[[dict, int], dict]  # a platform record -> mirror row values; FeedError
    apply: Apply = upsert_records  # a feed page's rows into the mirror
    apply_snapshot: Apply | None = None  # a bootstrap page's rows (default: apply)
    held_by: str = "entity_id"  # outbox column whose queued operations hold platform updates back
    # {record id: reason} of feed rows that cannot be placed in this mirror (an entry of
    # an unknown incident): refused one by one instead of failing the page
    unplaceable: Callable[[Session, list[dict]], dict[str, str]] | None = None
    # Telemetry a coalesced feed page skipped (services/sync/backfill.py): the GET for
    # a gap's next page, (source, first_id, last_id, cursor) -> (path, params), and
    # its JSON answer -> (mirror rows, cursor of the next page or None); FeedError
    gap_request: Callable[[str, str, str, object], tuple[str, dict]] | None = None
    gap_answer: Callable[[str, object], tuple[list[dict], object]] | None = None

    def snapshot_apply(self) -> Apply:
        return self.apply_snapshot or self.apply


class KindRegistry:
    """The kinds in registration order, which is the order a page is applied and a
    snapshot is loaded in (incidents before their entries)."""

    def __init__(self, kinds: Iterable[RecordKind]):
        self._kinds: dict[str, RecordKind] = {}
        for kind in kinds:
            if kind.entity in self._kinds:
                raise ValueError(f"record kind {kind.entity!r} registered twice")
            self._kinds[kind.entity] = kind

    def get(self, entity: str) -> RecordKind | None:
        return self._kinds.get(entity)

    def __iter__(self) -> Iterator[RecordKind]:
        return iter(self._kinds.values())

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(self._kinds)
