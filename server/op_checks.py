"""Checks every platform handler needs: the rejection of an op and the small
field checks built on it. Imports nothing of the project but the wire schemas,
so every feature and the batch orchestration can use it without a cycle."""

from __future__ import annotations

import json
import math
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from services.sync.wire import MAX_OP_BYTES, Op
from services.text_rules import text_problem, time_range_problem, value_problem


class OpRejected(Exception):
    """An op the platform refuses; the message (English) is shown to the user.
    A rejected op changes nothing, so the client may fix and re-send it."""


def parse_time(value: Any, name: str) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise OpRejected(f"{name} must be an ISO-8601 time text")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise OpRejected(f"{name} is not an ISO-8601 time: {value[:40]!r}") from None
    if parsed.tzinfo is None:
        raise OpRejected(f"{name} has no time zone")
    problem = time_range_problem(parsed)
    if problem:
        raise OpRejected(f"{name} {problem}")
    return parsed


def capped(at: str, now: str) -> str:
    """A site's time, no later than the platform's (a fast clock must not lead)."""
    return min(parse_time(at, "time"), parse_time(now, "server time")).isoformat()


def not_after(value: str, now: str, name: str) -> str:
    """A time a client claims, kept as it wrote it unless it is later than the
    platform's clock: then the platform's (a report is never from the future)."""
    return value if parse_time(value, name) <= parse_time(now, "server time") else now


def received(op: Op, now: str) -> str:
    """The op's time, no later than its receipt (a fast site clock must not always win)."""
    return capped(op.created_at, now)


def text_check(value: Any, name: str, limit: int, *, required: bool = False) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise OpRejected(f"{name} must be text of at most {limit} characters")
    if required and not value.strip():
        raise OpRejected(f"{name} must not be empty")
    problem = text_problem(value)
    if problem:
        raise OpRejected(f"{name} holds {problem}")
    return value


def coordinate_check(value: Any, name: str) -> float:
    limit = 90 if name == "lat" else 180
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
            or not -limit <= value <= limit:
        raise OpRejected(f"{name} must be a number between -{limit} and {limit}")
    return float(value)


def same_id(op: Op) -> None:
    """A create names its record twice (entity_id and payload id): they must agree."""
    if op.payload.get("id") != op.entity_id:
        raise OpRejected("payload id differs from entity_id")


def update_fields(op: Op) -> dict[str, Any]:
    """The fields of an update, whose payload is {"fields": {name: value, ...}}."""
    fields = op.payload.get("fields")
    if set(op.payload) != {"fields"} or not isinstance(fields, dict) or not fields:
        raise OpRejected('an update payload must be {"fields": {name: value, ...}} with at least one field')
    return fields


def parse_op(raw: Any, *, check_size: bool = True) -> Op:
    """The op of one batch item, or OpRejected with what is wrong with it.
    `check_size=False` when the whole request was smaller than the op limit."""
    if not isinstance(raw, dict):
        raise OpRejected("an operation must be a JSON object")
    # Before anything else reads it: text the database refuses or cannot encode,
    # numbers it cannot hold (services/text_rules.py), anywhere in the op.
    problem = value_problem(raw)
    if problem:
        raise OpRejected(f"operation refused: {problem}")
    size = len(json.dumps(raw, ensure_ascii=False).encode()) if check_size else 0
    if size > MAX_OP_BYTES:
        raise OpRejected(f"operation is {size} bytes, more than the limit of {MAX_OP_BYTES}")
    try:
        op = Op.model_validate(raw)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in e['loc']) or 'operation'}: {e['msg']}" for e in exc.errors()
        ]
        raise OpRejected("malformed operation: " + "; ".join(problems)[:500]) from None
    parse_time(op.created_at, "created_at")
    return op


def op_id_of(raw: Any) -> str:
    """The op_id to answer a rejected item under ("" when it has none)."""
    value = raw.get("op_id") if isinstance(raw, dict) else None
    return value if isinstance(value, str) else ""
