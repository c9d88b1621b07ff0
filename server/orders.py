"""Dispatch orders on the platform: created by a watch room, moved along their
life (services/dispatch/lifecycle.py) by the watch room or by the field unit
through its own endpoint. Every step writes the incident's timeline entry,
with the id the issuing client already gave its local copy."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from server.change_log import record_change, timeline_entry
from server.db import IncidentRow, OrderRow
from server.op_checks import OpRejected, capped, parse_time, received, same_id, text_check
from server.record_kind import ServerKind
from services.dispatch.lifecycle import (
    STEP_COLUMN,
    OrderStatus,
    Priority,
    TargetKind,
    can_move,
    entry_body,
    entry_id,
)
from services.sync.wire import Op, OpResult

CREATE_FIELDS = ("id", "incident_id", "target_kind", "target_id", "target_name", "content", "priority",
                 "required_arrival", "ack_deadline", "issued_by", "issued_at")
REQUIRED = ("id", "incident_id", "target_kind", "target_name", "content", "priority", "ack_deadline", "issued_at")
RECORD_FIELDS = ("id", "incident_id", "target_kind", "target_id", "target_name", "content", "priority",
                 "required_arrival", "ack_deadline", "status", "issued_by", "issued_at", "acknowledged_at",
                 "departed_at", "arrived_at", "completed_at", "refused_at", "withdrawn_at", "reason",
                 "updated_at", "version")
LIMITS = {"id": 36, "incident_id": 36, "target_id": 64, "target_name": 200, "content": 4000, "issued_by": 100}


def _checked_create(op: Op) -> dict[str, Any]:
    payload = op.payload
    unknown = set(payload) - set(CREATE_FIELDS)
    missing = [k for k in REQUIRED if k not in payload]
    if unknown or missing:
        raise OpRejected(f"order: unknown {sorted(unknown)} / missing {missing}")
    same_id(op)
    values = {}
    for name in CREATE_FIELDS:
        value = payload.get(name, "")
        if name in LIMITS:
            value = text_check(value, name, LIMITS[name], required=name in REQUIRED)
        elif name == "target_kind" and value not in set(TargetKind):
            raise OpRejected(f"unknown target kind {str(value)[:20]!r}")
        elif name == "priority" and value not in set(Priority):
            raise OpRejected(f"unknown priority {str(value)[:20]!r}")
        elif name in ("ack_deadline", "issued_at") or (name == "required_arrival" and value):
            parse_time(value, name)
        values[name] = value
    return values


def create_order(s: Session, op: Op, now: str) -> OpResult:
    values = _checked_create(op)
    if s.get(OrderRow, op.entity_id) is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason="order already exists")
    if s.get(IncidentRow, values["incident_id"]) is None:
        raise OpRejected("incident unknown")
    values["issued_at"] = capped(values["issued_at"], now)
    order = OrderRow(**values, status=OrderStatus.ISSUED.value, updated_at=now, version=1)
    s.add(order)
    s.flush()
    step_entry(s, order, OrderStatus.ISSUED, order.issued_by, "", order.issued_at, now)
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "order", order.id, now))


def advance_order(s: Session, op: Op, now: str) -> OpResult:
    """{"status", "by", "reason"}: a step forward; a step the order is already past is
    answered `merged` and changes nothing (the platform keeps the furthest step)."""
    payload = op.payload
    if not set(payload) <= {"status", "by", "reason"} or "status" not in payload:
        raise OpRejected('an advance payload is {"status": ..., "by": ..., "reason": ...}')
    try:
        status = OrderStatus(payload["status"])
    except ValueError:
        raise OpRejected(f"unknown order status {str(payload['status'])[:20]!r}") from None
    by = text_check(payload.get("by", ""), "by", 100)
    reason = text_check(payload.get("reason", ""), "reason", 500)
    order = s.get(OrderRow, op.entity_id)
    if order is None:
        raise OpRejected("order unknown")
    return move(s, order, status, by, reason, received(op, now), now, op.op_id)


def move(s: Session, order: OrderRow, status: OrderStatus, by: str, reason: str, at: str, now: str,
         op_id: str) -> OpResult:
    current = OrderStatus(order.status)
    if not can_move(current, status):
        return OpResult(op_id=op_id, status="merged",
                        reason=f"order is {current.value}; {status.value} not applied")
    order.status = status.value
    setattr(order, STEP_COLUMN[status], at)
    if reason:
        order.reason = reason
    order.version += 1
    order.updated_at = now
    s.flush()
    step_entry(s, order, status, by, reason, at, now)
    return OpResult(op_id=op_id, status="applied", seq=record_change(s, "order", order.id, now))


def step_entry(s: Session, order: OrderRow, status: OrderStatus, by: str, reason: str, at: str, now: str) -> None:
    timeline_entry(s, entry_id=entry_id(order.id, status), incident_id=order.incident_id, kind="dispatch",
                   body=entry_body(status, order.target_name, order.content, by, reason),
                   data={"order_id": order.id, "order_status": status.value}, author=by or order.issued_by,
                   created_at=at, now=now)


ORDER = ServerKind("order", OrderRow, {"create": create_order, "advance": advance_order}, RECORD_FIELDS,
                   references=("incident",))
