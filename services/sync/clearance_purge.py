"""Keeping the mirror within its workstation's clearance (DESIGN.md, "Trust":
a mirror never holds what its workstation may not see).

The feed carries each record's level, a withdrawal for a record whose level
was raised above this workstation's clearance, and the clearance every page
was cut for (services/sync/wire.py). Inside the page's transaction this module
deletes the withdrawn records and, when the clearance went down, every row
above it; the search index rows go with them (the mirror's delete triggers
keep incident_fts/entry_fts and the character indexes in step), and so do the
queued operations of the records removed, whose text must not stay either.
Entries go with their incident."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from offline_cache.schema import MetaRow, SyncCursorRow
from services import clearance as contract
from services.events import Event, IncidentChanged, RecordsChanged
from services.records.feed_checks import FeedError
from services.sync.wire import Change

log = logging.getLogger(__name__)
CLEARANCE_KEY, NAMES_KEY = contract.MIRROR_CLEARANCE_KEY, contract.MIRROR_NAMES_KEY
_CHUNK = 500


@dataclass
class Purge:
    """What one page removed, per kind."""

    clearance: int | None = None
    lowered_from: int | None = None
    removed: dict[str, list[str]] = field(default_factory=dict)
    dropped_ops: int = 0
    raised: bool = False  # the clearance went up: the snapshot is fetched again for what was held back

    @property
    def count(self) -> int:
        return sum(len(ids) for ids in self.removed.values())


def level_from_feed(entity: str, data: dict) -> tuple[dict, int | None]:
    """The record without its level (what its kind checks) and the level; FeedError for a bad one."""
    if not contract.is_leveled(entity) or contract.LEVEL_FIELD not in data:
        return data, None
    rest = dict(data)
    level = rest.pop(contract.LEVEL_FIELD)
    problem = contract.level_problem(level)
    if problem:
        raise FeedError(f"{entity} {str(data.get('id', ''))[:40]}: {problem}")
    return rest, level


def stored_clearance(s: Session) -> int | None:
    row = s.get(MetaRow, CLEARANCE_KEY)
    return int(row.value) if row is not None and row.value.isdigit() else None


def _keep(s: Session, key: str, value: str) -> None:
    row = s.get(MetaRow, key)
    if row is None:
        s.add(MetaRow(key=key, value=value))
    elif row.value != value:
        row.value = value


def purge_page(s: Session, changes: Iterable[Change], clearance: int | None,
               names: dict[str, str] | None) -> Purge:  # fmt: skip
    """Withdrawn records and, when `clearance` is lower than the mirror's, every
    row above it, out of the mirror in the caller's transaction."""
    purge = Purge(clearance=clearance)
    withdrawn: dict[str, list[str]] = {}
    for c in changes:
        if c.withdrawn and contract.is_leveled(c.entity):
            withdrawn.setdefault(c.entity, []).append(c.entity_id)
    if names is not None and not contract.names_problem(names):
        _keep(s, NAMES_KEY, json.dumps(names, ensure_ascii=False, sort_keys=True))
    if clearance is not None and contract.level_problem(clearance) == "":
        before = stored_clearance(s)
        if before is None or clearance < before:
            purge.lowered_from = before
            for entity, ids in _above(s, clearance).items():
                withdrawn.setdefault(entity, []).extend(ids)
        purge.raised = before is not None and clearance > before
        _keep(s, CLEARANCE_KEY, str(clearance))
    if withdrawn:
        _remove(s, withdrawn, purge)
    return purge


def snapshot_again(s: Session, cluster_id: str, first_entity: str) -> None:
    """After a raised clearance: the next exchange loads the snapshot again (records
    already held are left as they are), so what was held back arrives at once."""
    row = s.get(SyncCursorRow, cluster_id)
    if row is not None:
        row.snapshot_done, row.snapshot_entity, row.snapshot_after_id, row.snapshot_as_of = \
            False, first_entity, "", None


def _above(s: Session, clearance: int) -> dict[str, list[str]]:
    found = {entity: list(s.scalars(text(f"SELECT id FROM {table} WHERE level > :c"), {"c": clearance}))
             for entity, table in contract.TABLES.items()}
    return {entity: ids for entity, ids in found.items() if ids}


def _chunks(ids: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def _in(ids: list[str]) -> tuple[str, dict[str, str]]:
    names = {f"i{n}": v for n, v in enumerate(ids)}
    return ", ".join(f":{k}" for k in names), names


def _remove(s: Session, withdrawn: dict[str, list[str]], purge: Purge) -> None:
    con = s.connection()
    incidents = sorted(set(withdrawn.pop("incident", [])))
    entries = set(withdrawn.pop("entry", []))
    for chunk in _chunks(incidents):
        marks, params = _in(chunk)
        entries.update(con.execute(text(
            f"SELECT e.id FROM entries e JOIN incidents i ON e.incident_pk = i.pk WHERE i.id IN ({marks})"),
            params).scalars())
    for entity, ids in (("entry", sorted(entries)), ("incident", incidents),
                        *((e, sorted(set(i))) for e, i in withdrawn.items())):
        table = contract.TABLES[entity]
        gone: list[str] = []
        for chunk in _chunks(ids):
            marks, params = _in(chunk)
            gone += con.execute(text(f"SELECT id FROM {table} WHERE id IN ({marks})"), params).scalars().all()
            con.execute(text(f"DELETE FROM {table} WHERE id IN ({marks})"), params)
            purge.dropped_ops += con.execute(text(
                f"DELETE FROM outbox WHERE state = 'queued' AND entity = :e AND entity_id IN ({marks})"),
                {**params, "e": entity}).rowcount
        if gone:
            purge.removed[entity] = gone


def events_of(purge: Purge) -> list[Event]:
    """What the views hear: the lists reload (incidents, entries) or drop the ids."""
    touched: list[Event] = []
    if purge.removed.get("incident") or purge.removed.get("entry"):
        touched.append(IncidentChanged("", "bulk"))
    touched += [RecordsChanged(entity, tuple(ids)) for entity, ids in purge.removed.items()
                if entity not in ("incident", "entry")]
    return touched


def log_purge(purge: Purge) -> None:
    if not purge.count and not purge.dropped_ops:
        return
    kinds = "，".join(f"{entity} {len(ids)} 条" for entity, ids in purge.removed.items())
    log.warning("密级调整：本工作站可见密级为 %s，已从本机镜像清除高于该密级的记录 %d 条（%s），"
                "连同其检索索引；另清除未上传的操作 %d 条。", purge.clearance, purge.count, kinds or "无",
                purge.dropped_ops)
