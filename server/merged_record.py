"""Records without a timeline (resources, cameras, contacts): created once by id
(the same record imported at two sites is one record), updated field by field,
the later edit winning and a site's clock capped at the moment of receipt. A
lost edit is answered `merged` with the fields it lost. A feature describes its
fields once in a `MergedRecord` and registers its handlers as its kind's."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from server.change_log import record_change
from server.op_checks import OpRejected, parse_time, received, same_id, update_fields
from server.record_kind import Handler
from services.sync.wire import Op, OpResult


@dataclass(frozen=True)
class MergedRecord:
    entity: str
    row: type  # ORM class: id, version, updated_at, field_clock and the fields
    required: tuple[str, ...]
    check: Callable[[str, Any], Any]  # a field's stored value, or OpRejected
    defaults: dict[str, Any]

    @property
    def handlers(self) -> dict[str, Handler]:
        return {"create": self.create, "update": self.update}

    def checked(self, fields: dict[str, Any]) -> dict[str, Any]:
        return {name: self.check(name, value) for name, value in fields.items()}

    def create(self, s: Session, op: Op, now: str) -> OpResult:
        missing = [k for k in self.required if k not in op.payload]
        if missing:
            raise OpRejected(f"missing {self.entity} field(s): {', '.join(missing)}")
        same_id(op)
        values = self.checked({k: v for k, v in op.payload.items() if k != "id"})
        if s.get(self.row, op.entity_id) is not None:  # the same record imported elsewhere
            return self._merge(s, op, values, now)
        at = received(op, now)
        clock = {name: {"at": at, "op": op.op_id, "v": 1} for name in values}
        s.add(self.row(id=op.entity_id, **{**self.defaults, **values}, updated_at=now, version=1,
                       field_clock=json.dumps(clock)))
        s.flush()
        return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, self.entity, op.entity_id, now))

    def update(self, s: Session, op: Op, now: str) -> OpResult:
        fields = update_fields(op)
        if "id" in fields:
            raise OpRejected("id cannot be changed")
        values = self.checked(fields)
        if s.get(self.row, op.entity_id) is None:
            raise OpRejected(f"{self.entity} unknown")
        return self._merge(s, op, values, now)

    def _merge(self, s: Session, op: Op, values: dict[str, Any], now: str) -> OpResult:
        row = s.get(self.row, op.entity_id)
        clock: dict[str, dict] = json.loads(row.field_clock or "{}")
        at = received(op, now)
        applied, lost = [], []
        for name, value in values.items():
            if getattr(row, name) == value:
                continue
            mark = clock.get(name)
            if mark is not None and (parse_time(mark["at"], "clock"), mark["op"]) > (
                    parse_time(at, "clock"), op.op_id):
                lost.append(name)  # a later edit of this field is already in
                continue
            setattr(row, name, value)
            clock[name] = {"at": at, "op": op.op_id, "v": row.version + 1}
            applied.append(name)
        seq = None
        if applied:
            row.version += 1
            row.field_clock, row.updated_at = json.dumps(clock), now
            s.flush()
            seq = record_change(s, self.entity, row.id, now)
        if lost:
            return OpResult(op_id=op.op_id, status="merged", seq=seq,
                            reason=f"later edits kept for: {', '.join(lost)}")
        return OpResult(op_id=op.op_id, status="applied", seq=seq)
