"""Saving records without a timeline (resources, cameras) into the mirror with
their operations for the platform, in one transaction: a new record is a
`create`, a changed one an `update` of just the fields that changed, an
unchanged one nothing at all (re-importing the same file is free)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from offline_cache.database import Mirror
from services.clearance import LEVEL_FIELD, mark_problem
from services.outbox import BULK, queue
from services.timefmt import to_db


@dataclass(frozen=True)
class RecordTable:
    entity: str
    row: type  # the mirror's ORM class
    fields: tuple[str, ...]
    defaults: dict = field(default_factory=dict)
    stored: Callable[[dict], dict] = dict  # a record's values as the columns hold them


def save_records(mirror: Mirror, table: RecordTable, records: list[dict], now: datetime, *,
                 share: bool = True, level: int | None = None) -> tuple[int, int, list[str]]:
    """(created, updated, ids that changed). `share=False`: this mirror only (a local demo).
    `level`: the 密级 (services/clearance.py) every record gets, sent with its op so
    the platform stores it (None: a new record keeps its kind's default, an existing
    one its level); ValueError for one that is not a level or is above this
    workstation's clearance (the platform would refuse every op)."""
    if level is not None:
        problem = mark_problem(level, mirror.meta)
        if problem:
            raise ValueError(problem)
    created = updated = 0
    changed: list[str] = []
    with mirror.write() as s:
        ids = [r["id"] for r in records]
        existing = {}
        for start in range(0, len(ids), 2000):
            existing.update({row.id: row for row in s.scalars(
                select(table.row).where(table.row.id.in_(ids[start:start + 2000])))})
        for record in records:
            values = {k: record[k] for k in table.fields if k in record}
            stored = table.stored(values)
            row = existing.get(record["id"])
            if row is None:
                marked = {} if level is None else {LEVEL_FIELD: level}
                row = table.row(id=record["id"], **{**table.defaults, **stored}, **marked, updated_at=to_db(now),
                                version=1, sync_state="pending" if share else "local")
                s.add(row)
                existing[row.id] = row
                if share:
                    queue(s, table.entity, row.id, "create", 0, {"id": row.id, **values, **marked}, BULK, now,
                          row.id)
                created += 1
            else:
                diff = {k: v for k, v in stored.items() if getattr(row, k) != v}
                relevel = {} if level is None or row.level == level else {LEVEL_FIELD: level}
                if not diff and not relevel:
                    continue
                for k, v in {**diff, **relevel}.items():
                    setattr(row, k, v)
                row.version += 1
                row.updated_at = to_db(now)
                if share:
                    row.sync_state = "pending"
                    queue(s, table.entity, row.id, "update", row.version - 1,
                          {"fields": {k: values[k] for k in diff}, **relevel}, BULK, now, row.id)
                updated += 1
            changed.append(record["id"])
    return created, updated, changed
