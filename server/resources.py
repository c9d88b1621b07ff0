"""Resource operations on the platform: create (idempotent by id; a second site
importing the same file creates nothing twice) and update, merged field by
field, the later write winning, a site's clock capped at the moment of receipt.
Resources have no timeline, so a lost edit is answered `merged` with the reason."""

from __future__ import annotations

import json
import math
from typing import Any

from sqlalchemy.orm import Session

from server.apply import Rejected, parse_time, record_change
from server.db import ResourceRow
from services.sync.wire import Op, OpResult

KINDS = frozenset({"team", "supply", "equipment", "shelter", "medical", "expert", "hazard",
                   "protected_target"})
TEXT_LIMITS = {"name": 200, "division": 100, "address": 500, "contact": 100, "phone": 40}
FIELDS = ("kind", "name", "lat", "lon", "division", "address", "contact", "phone", "available",
          "details")
REQUIRED = ("id", "kind", "name", "lat", "lon")
MAX_DETAILS_BYTES = 64_000


def check_value(name: str, value: Any) -> Any:
    """The stored form of one field, or Rejected."""
    if name == "kind":
        if value not in KINDS:
            raise Rejected(f"unknown resource kind {str(value)[:40]!r}")
    elif name in TEXT_LIMITS:
        if not isinstance(value, str) or len(value) > TEXT_LIMITS[name]:
            raise Rejected(f"{name} must be text of at most {TEXT_LIMITS[name]} characters")
        if name == "name" and not value.strip():
            raise Rejected("name must not be empty")
    elif name in ("lat", "lon"):
        limit = 90 if name == "lat" else 180
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                or not -limit <= value <= limit:
            raise Rejected(f"{name} must be a number between -{limit} and {limit}")
        return float(value)
    elif name == "available":
        if not isinstance(value, bool):
            raise Rejected("available must be true or false")
    elif name == "details":
        if not isinstance(value, dict):
            raise Rejected("details must be an object")
        text = json.dumps(value, ensure_ascii=False)
        if len(text.encode()) > MAX_DETAILS_BYTES:
            raise Rejected(f"details larger than {MAX_DETAILS_BYTES} bytes")
        return text
    else:
        raise Rejected(f"unknown resource field {name!r}")
    return value


def _checked(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: check_value(name, value) for name, value in fields.items()}


def create_resource(s: Session, op: Op, now: str) -> OpResult:
    payload = dict(op.payload)
    missing = [k for k in REQUIRED if k not in payload]
    if missing:
        raise Rejected(f"missing resource field(s): {', '.join(missing)}")
    if payload.pop("id") != op.entity_id:
        raise Rejected("payload id differs from entity_id")
    values = _checked(payload)
    if s.get(ResourceRow, op.entity_id) is not None:  # the same resource imported elsewhere
        return _merge(s, op, values, now)
    op_time = _received(op, now)
    clock = {name: {"at": op_time, "op": op.op_id, "v": 1} for name in values}
    s.add(ResourceRow(id=op.entity_id, **{"details": "{}", **values}, updated_at=now, version=1,
                      field_clock=json.dumps(clock)))
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "resource", op.entity_id, now))


def update_resource(s: Session, op: Op, now: str) -> OpResult:
    fields = op.payload.get("fields")
    if set(op.payload) != {"fields"} or not isinstance(fields, dict) or not fields:
        raise Rejected('an update payload must be {"fields": {name: value, ...}} with at least one field')
    if "id" in fields:
        raise Rejected("id cannot be changed")
    values = _checked(fields)
    if s.get(ResourceRow, op.entity_id) is None:
        raise Rejected("resource unknown")
    return _merge(s, op, values, now)


def _received(op: Op, now: str) -> str:
    """The op's time, no later than its receipt (a fast site clock must not always win)."""
    return min(parse_time(op.created_at, "created_at"), parse_time(now, "server time")).isoformat()


def _merge(s: Session, op: Op, values: dict[str, Any], now: str) -> OpResult:
    row = s.get(ResourceRow, op.entity_id)
    clock: dict[str, dict] = json.loads(row.field_clock or "{}")
    op_time = _received(op, now)
    applied, lost = [], []
    for name, value in values.items():
        if getattr(row, name) == value:
            continue
        mark = clock.get(name)
        if mark is not None and (parse_time(mark["at"], "clock"), mark["op"]) > (
                parse_time(op_time, "clock"), op.op_id):
            lost.append(name)  # a later edit of this field is already in
            continue
        setattr(row, name, value)
        clock[name] = {"at": op_time, "op": op.op_id, "v": row.version + 1}
        applied.append(name)
    seq = None
    if applied:
        row.version += 1
        row.field_clock, row.updated_at = json.dumps(clock), now
        s.flush()
        seq = record_change(s, "resource", row.id, now)
    if lost:
        return OpResult(op_id=op.op_id, status="merged", seq=seq,
                        reason=f"later edits kept for: {', '.join(lost)}")
    return OpResult(op_id=op.op_id, status="applied", seq=seq)


def resource_record(row) -> dict[str, Any]:
    """A resource as the feed and snapshot send it (no field clock)."""
    return {"id": row.id, **{name: getattr(row, name) for name in FIELDS if name != "details"},
            "details": json.loads(row.details or "{}"), "updated_at": row.updated_at,
            "version": row.version}
