"""Applying client operations, one at a time, inside the caller's transaction.

Each op runs in its own SAVEPOINT so one bad op never blocks the rest of a batch;
a rejected op changes nothing (not even applied_ops: the client may fix and
re-send it under the same op_id). Every change appends a row to `changes`."""

from __future__ import annotations

import json
import logging
import math
import uuid
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.db import AppliedOpRow, ChangeRow, EntryRow, IncidentRow
from services.sync.wire import MAX_OP_BYTES, Op, OpResult

INCIDENT_FIELDS = (
    "id", "site_code", "code", "title", "category", "type_code", "type_name", "severity",
    "status", "occurred_at", "reported_at", "place", "lat", "lon", "division", "deaths",
    "injured", "missing", "trapped", "source", "reporter", "reporter_phone", "exercise",
    "summary", "created_by",
)  # fmt: skip
REQUIRED_ON_CREATE = ("id", "site_code", "code", "title", "category", "severity", "status",
                      "occurred_at", "reported_at", "source")  # fmt: skip
# Identity and provenance never change after creation.
IMMUTABLE = frozenset({"id", "site_code", "code", "reported_at", "created_by"})
UPDATABLE = tuple(f for f in INCIDENT_FIELDS if f not in IMMUTABLE)
ENTRY_FIELDS = ("id", "incident_id", "kind", "body", "data", "author", "created_at")
REQUIRED_ENTRY = ("id", "incident_id", "kind", "created_at")

CATEGORIES = frozenset({"natural", "accident", "public_health", "social_safety"})
SEVERITIES = frozenset({"I", "II", "III", "IV", "ungraded"})
STATUSES = frozenset({"received", "responding", "closed", "cancelled"})
SOURCES = frozenset({"phone", "superior", "subordinate", "department", "system", "media", "other"})
REPORT_KINDS = ("initial_report", "follow_up_report", "final_report")
ENTRY_KINDS = frozenset({*REPORT_KINDS, "note", "call", "status_change", "system", "dispatch", "conference",
                         "minutes", "decision"})
# Same lifecycle as the client's services.incidents.model.ALLOWED_TRANSITIONS.
ALLOWED_TRANSITIONS: dict[str, frozenset[str]] = {
    "received": frozenset({"responding", "closed", "cancelled"}),
    "responding": frozenset({"closed", "cancelled"}),
    "closed": frozenset(),
    "cancelled": frozenset(),
}

# Limits as in services/incidents/validation.py, plus column sizes.
CASUALTY_MAX = 1_000_000
BODY_MAX = 20_000
_TEXT_LIMITS = {
    "id": 36, "site_code": 32, "code": 32, "title": 200, "type_code": 64, "type_name": 64,
    "place": 500, "division": 100, "reporter": 100, "reporter_phone": 40, "summary": BODY_MAX,
    "created_by": 100,
}  # fmt: skip
_CHOICES = {"category": CATEGORIES, "severity": SEVERITIES, "status": STATUSES, "source": SOURCES}
SERVER_AUTHOR = "server"
log = logging.getLogger(__name__)


class Rejected(Exception):
    """An op the server refuses; the message is shown to the user (English)."""


# ---- validation -------------------------------------------------------------


def parse_time(value: Any, name: str) -> datetime:
    if not isinstance(value, str) or len(value) > 40:
        raise Rejected(f"{name} must be an ISO-8601 time text")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise Rejected(f"{name} is not an ISO-8601 time: {value[:40]!r}") from None
    if parsed.tzinfo is None:
        raise Rejected(f"{name} has no time zone")
    return parsed


def check_incident_value(name: str, value: Any) -> None:
    """Raises Rejected when `value` cannot be stored in incident field `name`."""
    if name in _CHOICES:
        if not isinstance(value, str) or value not in _CHOICES[name]:
            raise Rejected(f"{name}: {str(value)[:40]!r} is not one of {', '.join(sorted(_CHOICES[name]))}")
    elif name in _TEXT_LIMITS:
        if not isinstance(value, str):
            raise Rejected(f"{name} must be text")
        if len(value) > _TEXT_LIMITS[name]:
            raise Rejected(f"{name} is longer than {_TEXT_LIMITS[name]} characters")
        if name in ("id", "code", "title") and not value.strip():
            raise Rejected(f"{name} must not be empty")
    elif name in ("occurred_at", "reported_at"):
        parse_time(value, name)
    elif name in ("lat", "lon"):
        if value is None:
            return
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            raise Rejected(f"{name} must be a number or null")
        bound = 90 if name == "lat" else 180
        if not -bound <= value <= bound:
            raise Rejected(f"{name} is out of range")
    elif name in ("deaths", "injured", "missing", "trapped"):
        if isinstance(value, bool) or not isinstance(value, int):
            raise Rejected(f"{name} must be a whole number")
        if not 0 <= value <= CASUALTY_MAX:
            raise Rejected(f"{name} must be between 0 and {CASUALTY_MAX}")
    elif name == "exercise":
        if not isinstance(value, bool):
            raise Rejected("exercise must be true or false")
    else:
        raise Rejected(f"unknown incident field {name!r}")


def _check_keys(payload: dict, allowed: tuple[str, ...], required: tuple[str, ...], what: str) -> None:
    unknown = sorted(k for k in payload if k not in allowed)
    if unknown:
        raise Rejected(f"unknown {what} field(s): {', '.join(map(str, unknown))[:200]}")
    missing = [k for k in required if k not in payload]
    if missing:
        raise Rejected(f"missing {what} field(s): {', '.join(missing)}")


def parse_op(raw: Any, *, check_size: bool = True) -> Op:
    """The op of one batch item, or Rejected with what is wrong with it.
    `check_size=False` when the whole request was smaller than the op limit."""
    if not isinstance(raw, dict):
        raise Rejected("an operation must be a JSON object")
    size = len(json.dumps(raw, ensure_ascii=False).encode()) if check_size else 0
    if size > MAX_OP_BYTES:
        raise Rejected(f"operation is {size} bytes, more than the limit of {MAX_OP_BYTES}")
    try:
        op = Op.model_validate(raw)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in e['loc']) or 'operation'}: {e['msg']}" for e in exc.errors()
        ]
        raise Rejected("malformed operation: " + "; ".join(problems)[:500]) from None
    parse_time(op.created_at, "created_at")
    return op


def op_id_of(raw: Any) -> str:
    value = raw.get("op_id") if isinstance(raw, dict) else None
    return value if isinstance(value, str) else ""


# ---- applying ---------------------------------------------------------------


def record_change(s: Session, entity: str, entity_id: str, now: str) -> int:
    row = ChangeRow(entity=entity, entity_id=entity_id, at=now)
    s.add(row)
    s.flush()
    return row.seq


def apply_batch(s: Session, raw_ops: list[Any], now: str, body_bytes: int | None = None) -> list[OpResult]:
    """Applies a batch in order. Runs of creates and appends go through the
    set-based path (server/bulk_apply.py); everything else, and any run that
    fails there, one op at a time, each in its own savepoint. `body_bytes`, the
    request's size, spares measuring each op when the whole is under the limit."""
    check_size = body_bytes is None or body_bytes > MAX_OP_BYTES
    from server.bulk_apply import apply_segment, is_fast

    results: list[OpResult] = []
    run: list[Op] = []

    def flush_run() -> None:
        if not run:
            return
        savepoint = s.begin_nested()
        try:
            answers = apply_segment(s, run, now)
        except Exception:  # noqa: BLE001 - the per-op path gives the precise answer
            log.warning("set-based apply failed; applying %d ops one by one", len(run), exc_info=True)
            savepoint.rollback()
            s.expire_all()
            answers = [apply_one(s, op.model_dump(), now) for op in run]
        else:
            savepoint.commit()
        results.extend(answers)
        run.clear()

    for raw in raw_ops:
        try:
            op = parse_op(raw, check_size=check_size)
        except Rejected as exc:
            flush_run()
            results.append(OpResult(op_id=op_id_of(raw), status="rejected", reason=str(exc)))
            continue
        if is_fast(op):
            run.append(op)
            continue
        flush_run()
        results.append(apply_one(s, raw, now))
    flush_run()
    return results


def apply_one(s: Session, raw: Any, now: str) -> OpResult:
    """One op in its own savepoint: rejected ones change nothing."""
    savepoint = s.begin_nested()
    try:
        op = parse_op(raw)
        result = apply_op(s, op, now)
    except Rejected as exc:
        savepoint.rollback()
        return OpResult(op_id=op_id_of(raw), status="rejected", reason=str(exc))
    except Exception:
        savepoint.rollback()
        raise
    savepoint.commit()
    return result


def apply_op(s: Session, op: Op, now: str) -> OpResult:
    """Applies one valid op at most once; raises Rejected for a refused one."""
    seen = s.get(AppliedOpRow, op.op_id)
    if seen is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason=seen.reason, seq=seen.seq)
    handler = _HANDLERS.get((op.entity, op.op)) or _resource_handler(op)
    if handler is None:
        raise Rejected(f"operation {op.op!r} is not supported for {op.entity!r}")
    result: OpResult = handler(s, op, now)
    s.add(AppliedOpRow(op_id=op.op_id, status=result.status, reason=result.reason, seq=result.seq, at=now))
    s.flush()
    return result


def checked_create(op: Op) -> dict[str, Any]:
    """The payload of a valid incident create, or Rejected."""
    payload = op.payload
    _check_keys(payload, INCIDENT_FIELDS, REQUIRED_ON_CREATE, "incident")
    for name, value in payload.items():
        check_incident_value(name, value)
    if payload["id"] != op.entity_id:
        raise Rejected("payload id differs from entity_id")
    return payload


def create_clock(op: Op) -> str:
    clock = {
        name: {"at": op.created_at, "op": op.op_id, "v": 1, "site": op.site_code}
        for name in op.payload
        if name in UPDATABLE
    }
    return json.dumps(clock)


def _create_incident(s: Session, op: Op, now: str) -> OpResult:
    payload = checked_create(op)
    if s.get(IncidentRow, op.entity_id) is not None:
        seq = s.scalar(
            select(func.max(ChangeRow.seq)).where(
                ChangeRow.entity == "incident", ChangeRow.entity_id == op.entity_id
            )
        )
        return OpResult(op_id=op.op_id, status="duplicate", reason="incident already exists", seq=seq)
    clash = s.scalar(
        select(IncidentRow.id).where(
            IncidentRow.site_code == payload["site_code"], IncidentRow.code == payload["code"]
        )
    )
    if clash is not None:
        raise Rejected(
            f"incident code {payload['site_code']}/{payload['code']} is already used by another incident"
        )
    row = IncidentRow(**payload, version=1, updated_at=now, field_clock=create_clock(op), last_report_seq=0)
    s.add(row)
    s.flush()
    seq = record_change(s, "incident", row.id, now)
    return OpResult(op_id=op.op_id, status="applied", seq=seq)


def checked_entry(op: Op) -> dict[str, Any]:
    """The column values of a valid entry append, or Rejected."""
    payload = op.payload
    _check_keys(payload, ENTRY_FIELDS, REQUIRED_ENTRY, "entry")
    for name in ("id", "incident_id"):
        value = payload[name]
        if not isinstance(value, str) or not value.strip() or len(value) > 36:
            raise Rejected(f"{name} must be an id of at most 36 characters")
    if payload["id"] != op.entity_id:
        raise Rejected("payload id differs from entity_id")
    kind = payload["kind"]
    if not isinstance(kind, str) or kind not in ENTRY_KINDS:
        raise Rejected(f"kind: {str(kind)[:40]!r} is not one of {', '.join(sorted(ENTRY_KINDS))}")
    body, author = payload.get("body", ""), payload.get("author", "")
    if not isinstance(body, str) or len(body) > BODY_MAX:
        raise Rejected(f"body must be text of at most {BODY_MAX} characters")
    if not isinstance(author, str) or len(author) > 100:
        raise Rejected("author must be text of at most 100 characters")
    data = payload.get("data", {})
    if not isinstance(data, dict):
        raise Rejected("data must be a JSON object")
    parse_time(payload["created_at"], "created_at")
    return {
        "id": payload["id"], "incident_id": payload["incident_id"], "kind": kind, "body": body,
        "data": json.dumps(data, ensure_ascii=False), "author": author,
        "created_at": payload["created_at"],
    }  # fmt: skip


def _append_entry(s: Session, op: Op, now: str) -> OpResult:
    values = checked_entry(op)
    payload, kind = op.payload, values["kind"]
    existing = s.get(EntryRow, op.entity_id)
    if existing is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason="entry already exists", seq=existing.seq)
    incident = s.get(IncidentRow, payload["incident_id"])
    if incident is None:
        raise Rejected("incident unknown")
    entry = EntryRow(**values, seq=0)
    s.add(entry)
    s.flush()
    entry.seq = record_change(s, "entry", entry.id, now)
    if kind in REPORT_KINDS and entry.seq > (incident.last_report_seq or 0):
        # A final report stays the last report: a late 续报 does not reopen it.
        if not (incident.last_report_kind == "final_report" and kind != "final_report"):
            incident.last_report_at = payload["created_at"]
            incident.last_report_kind = kind
            incident.last_report_seq = entry.seq
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=entry.seq)


def system_entry(s: Session, incident_id: str, body: str, data: dict, now: str) -> int:
    """A server-written timeline note (conflict, late transition); returns its seq."""
    entry = EntryRow(
        id=str(uuid.uuid4()), incident_id=incident_id, kind="system", body=body,
        data=json.dumps(data, ensure_ascii=False), author=SERVER_AUTHOR, created_at=now, seq=0,
    )  # fmt: skip
    s.add(entry)
    s.flush()
    entry.seq = record_change(s, "entry", entry.id, now)
    return entry.seq


def _update_incident(s: Session, op: Op, now: str) -> OpResult:
    payload = op.payload
    fields = payload.get("fields")
    if set(payload) != {"fields"} or not isinstance(fields, dict) or not fields:
        raise Rejected('an update payload must be {"fields": {name: value, ...}} with at least one field')
    for name, value in fields.items():
        if name in IMMUTABLE:
            raise Rejected(f"{name} cannot be changed")
        if name not in UPDATABLE:
            raise Rejected(f"unknown incident field {name!r}")
        check_incident_value(name, value)
    incident = s.get(IncidentRow, op.entity_id)
    if incident is None:
        raise Rejected("incident unknown")
    # A site clock running ahead must not win every conflict: its time counts
    # no later than the moment the platform received the operation.
    op_time = min(parse_time(op.created_at, "created_at"), parse_time(now, "server time"))
    clock: dict[str, dict] = json.loads(incident.field_clock or "{}")
    up_to_date = op.base_version == incident.version
    new_version = incident.version + 1
    applied: list[str] = []
    notes: list[str] = []
    last_seq: int | None = None

    for name, value in fields.items():
        current = getattr(incident, name)
        if value == current and type(value) is type(current):
            continue
        if name == "status" and value not in ALLOWED_TRANSITIONS.get(current, frozenset()):
            last_seq = system_entry(
                s, incident.id, f"Late status change {current} -> {value} not applied",
                {"event": "late_status", "field": "status", "kept": current, "lost": value,
                 "from_site": op.site_code, "op_id": op.op_id},
                now,
            )  # fmt: skip
            notes.append(f"status stays {current}: {value} would move it backwards")
            continue
        mark = clock.get(name)
        if not up_to_date and mark is not None and mark.get("v", 0) > op.base_version:
            # Another write changed this field since the client's base: the later
            # client time wins (op_id breaks exact ties so every replica agrees).
            theirs = (parse_time(mark["at"], "field clock"), str(mark.get("op", "")))
            ours_wins = (op_time, op.op_id) > theirs
            kept, lost = (value, current) if ours_wins else (current, value)
            lost_site = mark.get("site", "") if ours_wins else op.site_code
            last_seq = system_entry(
                s, incident.id, f"Conflicting edits of {name}: kept {kept!r}, not {lost!r}",
                {"event": "conflict", "field": name, "kept": kept, "lost": lost,
                 "from_site": lost_site, "op_id": op.op_id},
                now,
            )  # fmt: skip
            notes.append(f"{name}: kept {kept!r}, {lost!r} lost to a later edit" if not ours_wins
                         else f"{name}: replaced a concurrent earlier edit {lost!r}")  # fmt: skip
            if not ours_wins:
                continue
        setattr(incident, name, value)
        clock[name] = {"at": op_time.isoformat(), "op": op.op_id, "v": new_version,
                       "site": op.site_code}
        applied.append(name)

    if applied:
        incident.version = new_version
        incident.field_clock = json.dumps(clock)
        incident.updated_at = now
        s.flush()
        last_seq = record_change(s, "incident", incident.id, now)
    status = "merged" if notes else "applied"
    return OpResult(op_id=op.op_id, status=status, reason="; ".join(notes)[:1000], seq=last_seq)


_HANDLERS = {
    ("incident", "create"): _create_incident,
    ("entry", "append"): _append_entry,
    ("incident", "update"): _update_incident,
}


def _resource_handler(op: Op):
    """Records without a timeline (server/records.py), which build on this module."""
    from server.cameras import CAMERA
    from server.contacts import CONTACT
    from server.orders import advance_order, create_order
    from server.resources import RESOURCE

    if op.entity == "order":
        return {"create": create_order, "advance": advance_order}.get(op.op)
    if op.entity == "conference":
        from server.conferences import open_conference, update_conference

        return {"create": open_conference, "update": update_conference}.get(op.op)
    if op.entity == "notification":
        from server.notifications import create_notification

        return create_notification if op.op == "create" else None
    kind = {"resource": RESOURCE, "camera": CAMERA, "contact": CONTACT}.get(op.entity)
    if kind is None:
        return None
    return {"create": kind.create, "update": kind.update}.get(op.op)


# ---- reading ----------------------------------------------------------------


def incident_record(row: IncidentRow) -> dict[str, Any]:
    """An incident as the feed and snapshot send it (no field_clock: server-only)."""
    record = {name: getattr(row, name) for name in INCIDENT_FIELDS}
    record.update(
        updated_at=row.updated_at, last_report_at=row.last_report_at,
        last_report_kind=row.last_report_kind, version=row.version,
    )  # fmt: skip
    return record


def entry_record(row: EntryRow) -> dict[str, Any]:
    return {
        "id": row.id, "incident_id": row.incident_id, "kind": row.kind, "body": row.body,
        "data": json.loads(row.data or "{}"), "author": row.author, "created_at": row.created_at,
        "seq": row.seq,
    }  # fmt: skip
