"""Incidents and their timeline entries on the platform, one op at a time:
created once by id under a platform-wide number, updated field by field (the
later edit wins, the loss goes on the timeline, the status only moves forward),
entries appended once. Runs of creates and appends take the set-based path
(server/incidents_bulk.py) with the same answers."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.change_log import record_change, timeline_entry
from server.db import ChangeRow, EntryRow, IncidentRow
from server.incident_checks import checked_create, checked_entry, code_taken, create_clock
from server.incidents_bulk import apply_segment
from server.op_checks import OpRejected, parse_time, update_fields
from server.record_kind import ServerKind
from services.incidents import contract
from services.sync.wire import Op, OpResult

SERVER_AUTHOR = "server"


def create_incident(s: Session, op: Op, now: str) -> OpResult:
    payload = checked_create(op)
    if s.get(IncidentRow, op.entity_id) is not None:
        seq = s.scalar(
            select(func.max(ChangeRow.seq)).where(
                ChangeRow.entity == "incident", ChangeRow.entity_id == op.entity_id
            )
        )
        return OpResult(op_id=op.op_id, status="duplicate", reason="incident already exists", seq=seq)
    if s.scalar(select(IncidentRow.id).where(IncidentRow.code == payload["code"])) is not None:
        raise code_taken(payload["code"])
    row = IncidentRow(**payload, version=1, updated_at=now, field_clock=create_clock(op), last_report_seq=0)
    s.add(row)
    s.flush()
    seq = record_change(s, "incident", row.id, now)
    return OpResult(op_id=op.op_id, status="applied", seq=seq)


def append_entry(s: Session, op: Op, now: str) -> OpResult:
    """An entry, once; a report also moves the incident's last report, which
    the feed then announces (after the entry) so every mirror's deadlines agree."""
    values = checked_entry(op)
    existing = s.get(EntryRow, op.entity_id)
    if existing is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason="entry already exists", seq=existing.seq)
    incident = s.get(IncidentRow, values["incident_id"])
    if incident is None:
        raise OpRejected("incident unknown")
    entry = EntryRow(**values, seq=0)
    s.add(entry)
    s.flush()
    entry.seq = record_change(s, "entry", entry.id, now)
    if contract.report_moves(incident.last_report_kind, entry.kind):
        incident.last_report_at = entry.created_at
        incident.last_report_kind = entry.kind
        incident.last_report_seq = entry.seq
        incident.version += 1
        incident.updated_at = now
        s.flush()
        record_change(s, "incident", incident.id, now)
    return OpResult(op_id=op.op_id, status="applied", seq=entry.seq)


def system_entry(s: Session, incident_id: str, body: str, data: dict, now: str) -> int | None:
    """A platform-written timeline note (conflict, late transition); returns its seq."""
    return timeline_entry(s, entry_id=str(uuid.uuid4()), incident_id=incident_id, kind="system", body=body,
                          data=data, author=SERVER_AUTHOR, created_at=now, now=now)


def update_incident(s: Session, op: Op, now: str) -> OpResult:
    fields = update_fields(op)
    for name, value in fields.items():
        problem = contract.incident_change_problem(name, value)
        if problem:
            raise OpRejected(problem)
    incident = s.get(IncidentRow, op.entity_id)
    if incident is None:
        raise OpRejected("incident unknown")
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
        if name == "status" and not contract.can_move(current, value):
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


INCIDENT = ServerKind(
    "incident", IncidentRow, {"create": create_incident, "update": update_incident},
    (*contract.INCIDENT_FIELDS, *contract.DERIVED_FIELDS),
    segment_ops=frozenset({"create"}), segment=apply_segment,
)
ENTRY = ServerKind(
    "entry", EntryRow, {"append": append_entry},
    (*contract.ENTRY_FIELDS, "seq"), json_columns={"data": "{}"}, versioned=False,
    references=("incident",), segment_ops=frozenset({"append"}), segment=apply_segment,
)
