"""What the platform knows of each synced record kind, declared once by its
feature (server/incidents.py, server/contacts.py ...) and registered in one
place (server/app.py). Apply, feed and snapshot loop over the registry, so a
new kind is one module plus one registration line (DESIGN.md, "Record kinds").
Imports nothing of the project but the wire schemas and the rejection."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column
from sqlalchemy.orm import Session

from server.op_checks import OpRejected
from services.clearance import LEVEL_FIELD, is_leveled
from services.sync.wire import Op, OpResult

# One op, inside the caller's savepoint: an answer, or OpRejected. Who it is by is
# server.actor.actor_of(session) (the token's account and workstation, never the
# payload's names): handlers stamp it on the rows they write, and every change
# row gets it (server/change_log.py). Values are checked against their columns
# (server/columns.py) before they are written.
Handler = Callable[[Session, Op, str], OpResult]
# A run of consecutive ops, set-based: the same answers as the handlers one by one.
SegmentApplier = Callable[[Session, list[Op], str], list[OpResult]]


@dataclass(frozen=True)
class ServerKind:
    """A record kind on the platform.

    `columns` are what the feed and the snapshot send, read straight from the
    row; `json_columns` holds the ones stored as JSON text (with the text an
    empty one is stored as), decoded on the way out. `versioned=False` for
    append-only records (entries), which the feed announces at version 1.
    `references` names the kinds whose records this one points at, so a
    snapshot bootstraps them first. `segment_ops` may go through `segment`
    (a set-based applier shared by the kinds it serves) in runs."""

    entity: str
    row: type  # ORM class, with an `id` column
    handlers: Mapping[str, Handler]
    columns: tuple[str, ...]
    json_columns: Mapping[str, str] = field(default_factory=dict)
    versioned: bool = True
    references: tuple[str, ...] = ()
    segment_ops: frozenset[str] = frozenset()
    segment: SegmentApplier | None = None
    # A where clause on what a new mirror bootstraps (readings: the recent window
    # only; the platform keeps them all and the feed sends every new one).
    snapshot_filter: Callable[[], Any] | None = None
    # Telemetry (positions, readings): the source a change id belongs to (a unit,
    # a station). A coalesced feed page keeps only each source's latest change
    # and sends the others as a gap to fetch later (server/feed.py).
    telemetry_source: Callable[[str], str] | None = None

    @property
    def table_columns(self) -> list[Column]:
        """`columns`, and a leveled kind's level (services/clearance.py) whether it names it or not."""
        names = self.columns
        if is_leveled(self.entity) and LEVEL_FIELD not in names:
            names = (*names, LEVEL_FIELD)
        return [self.row.__table__.c[name] for name in names]

    @property
    def id_column(self) -> Column:
        return self.row.__table__.c["id"]

    def to_record(self, mapping: Mapping[str, Any]) -> dict[str, Any]:
        """A row (Core mapping of `table_columns`) as the wire sends it."""
        record = dict(mapping)
        for name, empty in self.json_columns.items():
            raw = record[name]
            # Most stored JSON is the empty value: skip the parser for it.
            record[name] = json.loads(raw) if raw and raw != empty else json.loads(empty)
        return record

    def feed_version(self, record: Mapping[str, Any]) -> int:
        return record["version"] if self.versioned else 1


class Registry:
    """The kinds the platform syncs, looked up by entity name."""

    def __init__(self, kinds: Iterable[ServerKind]):
        self._kinds: dict[str, ServerKind] = {}
        for kind in kinds:
            if kind.entity in self._kinds:
                raise ValueError(f"record kind {kind.entity!r} registered twice")
            if (kind.segment is None) != (not kind.segment_ops):
                raise ValueError(f"{kind.entity}: segment_ops and segment go together")
            self._kinds[kind.entity] = kind
        for kind in self._kinds.values():
            unknown = [name for name in kind.references if name not in self._kinds]
            if unknown:
                raise ValueError(f"{kind.entity} references unregistered {', '.join(unknown)}")
        self.snapshot_order  # noqa: B018 - refuses kinds that reference each other in a circle

    def __iter__(self) -> Iterator[ServerKind]:
        return iter(self._kinds.values())

    def __contains__(self, entity: object) -> bool:
        return entity in self._kinds

    def kind(self, entity: str) -> ServerKind | None:
        return self._kinds.get(entity)

    def handler(self, entity: str, op: str) -> Handler:
        """The handler of an op, or OpRejected saying why there is none."""
        kind = self._kinds.get(entity)
        if kind is None:
            raise OpRejected(f"unknown entity {entity[:32]!r}: this platform syncs {', '.join(self._kinds)}")
        handler = kind.handlers.get(op)
        if handler is None:
            raise OpRejected(f"operation {op[:32]!r} is not supported for {entity!r}")
        return handler

    def segment_of(self, op: Op) -> SegmentApplier | None:
        """The set-based applier that may take this op in a run, if any."""
        kind = self._kinds.get(op.entity)
        if kind is None or op.op not in kind.segment_ops:
            return None
        return kind.segment

    @property
    def snapshot_order(self) -> tuple[str, ...]:
        """Entity names in the order a new mirror bootstraps them: a kind after
        the kinds it references, otherwise in registration order."""
        done: list[str] = []

        def visit(name: str, path: tuple[str, ...]) -> None:
            if name in done:
                return
            if name in path:
                raise ValueError(f"record kinds reference each other in a circle: {' -> '.join(path)}")
            for parent in self._kinds[name].references:
                visit(parent, (*path, name))
            done.append(name)

        for name in self._kinds:
            visit(name, ())
        return tuple(done)
