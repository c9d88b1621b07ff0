"""Records without a timeline (resources, cameras): created once by id (the
same record imported at two sites is one record), updated field by field, the
later edit winning and a site's clock capped at the moment of receipt. A lost
edit is answered `merged` with the fields it lost."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from server.apply import Rejected, parse_time, record_change
from services.sync.wire import Op, OpResult


@dataclass(frozen=True)
class RecordKind:
    entity: str
    row: type  # ORM class: id, version, updated_at, field_clock and the fields
    required: tuple[str, ...]
    check: Callable[[str, Any], Any]  # a field's stored value, or Rejected
    defaults: dict[str, Any]

    def checked(self, fields: dict[str, Any]) -> dict[str, Any]:
        return {name: self.check(name, value) for name, value in fields.items()}

    def create(self, s: Session, op: Op, now: str) -> OpResult:
        payload = dict(op.payload)
        missing = [k for k in self.required if k not in payload]
        if missing:
            raise Rejected(f"missing {self.entity} field(s): {', '.join(missing)}")
        if payload.pop("id") != op.entity_id:
            raise Rejected("payload id differs from entity_id")
        values = self.checked(payload)
        if s.get(self.row, op.entity_id) is not None:  # the same record imported elsewhere
            return self._merge(s, op, values, now)
        at = received(op, now)
        clock = {name: {"at": at, "op": op.op_id, "v": 1} for name in values}
        s.add(self.row(id=op.entity_id, **{**self.defaults, **values}, updated_at=now, version=1,
                       field_clock=json.dumps(clock)))
        s.flush()
        return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, self.entity, op.entity_id, now))

    def update(self, s: Session, op: Op, now: str) -> OpResult:
        fields = op.payload.get("fields")
        if set(op.payload) != {"fields"} or not isinstance(fields, dict) or not fields:
            raise Rejected('an update payload must be {"fields": {name: value, ...}} with at least one field')
        if "id" in fields:
            raise Rejected("id cannot be changed")
        values = self.checked(fields)
        if s.get(self.row, op.entity_id) is None:
            raise Rejected(f"{self.entity} unknown")
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


def received(op: Op, now: str) -> str:
    """The op's time, no later than its receipt (a fast site clock must not always win)."""
    return capped(op.created_at, now)


def capped(at: str, now: str) -> str:
    """A site's time, no later than the platform's (a fast clock must not lead)."""
    return min(parse_time(at, "time"), parse_time(now, "server time")).isoformat()


def text_check(value: Any, name: str, limit: int, *, required: bool = False) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise Rejected(f"{name} must be text of at most {limit} characters")
    if required and not value.strip():
        raise Rejected(f"{name} must not be empty")
    return value


def coordinate_check(value: Any, name: str) -> float:
    limit = 90 if name == "lat" else 180
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or not -limit <= value <= limit:
        raise Rejected(f"{name} must be a number between -{limit} and {limit}")
    return float(value)
