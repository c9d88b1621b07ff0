"""Warnings (预警信息) on the platform. `create` stores an external warning
(imported at a workstation or fetched by the feed poller, server/warning_feeds.py)
or saves a draft drafted here; `advance` moves a draft along ISSUE_MOVES
(草稿 → 待审核 → 已签发, forward only; 签发 and 退回 by a commander or admin);
`update` ties the incident opened from it. Every record is checked by the
contract the client uses (services/warnings/wire.py); an issued or received
warning never changes except by a new Update or Cancel message, whose chain
(services/warnings/chains.py) is applied here and reaches every mirror
through the feed. Who did it is the token's account, never the payload's."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Float, Index, Integer, String, Text, and_, or_, select, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.actor import actor_of
from server.change_log import record_change
from server.columns import check_columns
from server.db import Base, account_column, level_column, workstation_column
from server.op_checks import OpRejected, capped, parse_time, same_id, text_check, update_fields
from server.record_kind import ServerKind
from services.sync.wire import Op, OpResult
from services.warnings.areas import bbox
from services.warnings.chains import arrival_standing, chain_moves
from services.warnings.contract import ISSUE_MOVES, WARNING_FIELDS
from services.warnings.model import EarlyWarning, Reference
from services.warnings.wire import (
    JSON_FIELDS,
    RecordProblem,
    record_of,
    reference_id,
    triplet_id,
    utc_text,
    warning_of,
)

APPROVERS = frozenset({"commander", "admin"})
REASON_MAX = 500


def _text(length: int) -> Mapped[str]:
    return mapped_column(String(length), default="", server_default="")


class WarningRow(Base):
    __tablename__ = "warnings"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    identifier: Mapped[str] = mapped_column(String(200))
    sender: Mapped[str] = mapped_column(String(200))
    sender_name: Mapped[str] = _text(200)
    sent: Mapped[str] = mapped_column(String(40))
    cap_status: Mapped[str] = mapped_column(String(16))
    msg_type: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(16))
    references: Mapped[str] = mapped_column(Text, default="[]")
    reference_ids: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16))
    event: Mapped[str] = _text(200)
    event_code: Mapped[str] = _text(16)
    cap_category: Mapped[str] = mapped_column(String(16))
    colour: Mapped[str] = _text(8)
    urgency: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    certainty: Mapped[str] = mapped_column(String(16))
    headline: Mapped[str] = _text(300)
    description: Mapped[str] = mapped_column(Text, default="")
    instruction: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = _text(16)
    english: Mapped[str] = mapped_column(Text, default="null")
    areas: Mapped[str] = mapped_column(Text, default="[]")
    min_lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    min_lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    effective: Mapped[str] = _text(40)
    onset: Mapped[str] = _text(40)
    expires: Mapped[str] = _text(40)
    issue_state: Mapped[str] = mapped_column(String(16))
    standing: Mapped[str] = mapped_column(String(16))
    replaced_by: Mapped[str] = _text(36)
    incident_id: Mapped[str] = _text(36)
    signed_by: Mapped[str] = _text(400)
    signature: Mapped[str] = _text(8)
    source_name: Mapped[str] = _text(200)
    checks: Mapped[str] = mapped_column(Text, default="[]")
    return_reason: Mapped[str] = _text(REASON_MAX)
    created_by_account: Mapped[str] = account_column()
    created_workstation: Mapped[str] = workstation_column()
    approved_by_account: Mapped[str] = account_column()
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    level: Mapped[int] = level_column("warning")

    __table_args__ = (
        Index("ix_warnings_triplet", "sender", "identifier"),
        Index("ix_warnings_refs", "reference_ids", sqlite_where=text("reference_ids != ''"),
              postgresql_where=text("reference_ids != ''")),
    )


ACCOUNTS = ("created_by_account", "created_workstation", "approved_by_account", "updated_by_account",
            "updated_workstation")
RECORD_COLUMNS = (*WARNING_FIELDS, "return_reason", *ACCOUNTS, "updated_at", "version")


def checked(payload: Any) -> EarlyWarning:
    try:
        return warning_of(payload)
    except RecordProblem as exc:
        raise OpRejected(f"warning: {exc}"[:300]) from None


def _columns(w: EarlyWarning) -> dict[str, Any]:
    record = record_of(w)
    values = {k: json.dumps(v, ensure_ascii=False) if k in JSON_FIELDS else v for k, v in record.items()}
    box = bbox(w.areas) or (None, None, None, None)
    values.update(zip(("min_lat", "max_lat", "min_lon", "max_lon"), box, strict=True))
    values["reference_ids"] = " ".join(reference_id(r) for r in w.references)
    check_columns(WarningRow, values)
    return values


def resolve(s: Session, ref: Reference) -> WarningRow | None:
    return s.scalar(select(WarningRow).where(or_(
        WarningRow.id == reference_id(ref),
        and_(WarningRow.sender == ref.sender, WarningRow.identifier == ref.identifier,
             WarningRow.sent == utc_text(ref.sent)))).limit(1))


def _apply_chain(s: Session, w: EarlyWarning, now: str) -> list[str]:
    """Ends what an Update or Cancel in force references (those still standing); their ids."""
    changed = []
    stamp = actor_of(s).stamp("updated")
    for ref, (_rid, standing, by) in zip(w.references, chain_moves(w), strict=False):
        row = resolve(s, ref)
        if row is None or row.standing != "standing" or row.id == w.id:
            continue
        row.standing, row.replaced_by, row.updated_at, row.version = standing, by, now, row.version + 1
        for k, v in stamp.items():
            setattr(row, k, v)
        s.flush()
        record_change(s, "warning", row.id, now)
        changed.append(row.id)
    return changed


def store_external(s: Session, w: EarlyWarning, now: str, op_id: str) -> OpResult:
    """An external message, once: a repeat (same sender, identifier, sent) adds nothing."""
    if w.origin != "external" or w.issue_state != "received":
        raise OpRejected("warning: an imported warning is external and received")
    if w.id != triplet_id(w.sender, w.identifier, w.sent):
        raise OpRejected("warning: an external warning's id is that of its sender, identifier and sent")
    if s.get(WarningRow, w.id) is not None:
        return OpResult(op_id=op_id, status="duplicate", reason="warning already known")
    key = triplet_id(w.sender, w.identifier, w.sent)
    referrers = [(r.id, r.msg_type) for r in s.execute(select(WarningRow.id, WarningRow.msg_type).where(
        WarningRow.reference_ids != "", WarningRow.reference_ids.contains(key), WarningRow.issue_state.in_(("received", "issued"))))]
    standing, by = arrival_standing(w, referrers)
    values = _columns(w)
    values.update(standing=standing, replaced_by=by)
    actor = actor_of(s)
    s.add(WarningRow(**values, updated_at=now, version=1, **actor.stamp("created"), **actor.stamp("updated")))
    s.flush()
    seq = record_change(s, "warning", w.id, now)
    _apply_chain(s, w, now)
    return OpResult(op_id=op_id, status="applied", seq=seq)


def create_warning(s: Session, op: Op, now: str) -> OpResult:
    """An external warning (import) or a draft saved here (new, or edited while still a draft)."""
    same_id(op)
    w = checked(op.payload)
    if w.origin == "external":
        return store_external(s, w, now, op.op_id)
    if w.issue_state != "draft" or w.standing != "standing" or w.replaced_by:
        raise OpRejected("warning: a draft is saved as a draft; it is submitted and issued by advance")
    values = _columns(w)
    actor = actor_of(s)
    row = s.get(WarningRow, w.id)
    if row is None:
        s.add(WarningRow(**values, updated_at=now, version=1, **actor.stamp("created"), **actor.stamp("updated")))
    else:
        if row.origin != "local" or row.issue_state != "draft":
            raise OpRejected(f"warning is {row.issue_state}: only a draft changes; an issued warning changes "
                             "only by a new Update or Cancel message")
        values["incident_id"] = values["incident_id"] or row.incident_id
        for k, v in {**values, **actor.stamp("updated")}.items():
            setattr(row, k, v)
        row.return_reason, row.updated_at, row.version = "", now, row.version + 1
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "warning", w.id, now))


def advance_warning(s: Session, op: Op, now: str) -> OpResult:
    """{"to", "reason", "at"}: submit (any writer), issue or return (commander, admin)."""
    payload = op.payload
    if not set(payload) <= {"to", "reason", "at"} or "to" not in payload:
        raise OpRejected('an advance payload is {"to": ..., "reason": ..., "at": ...}')
    to = payload["to"]
    reason = text_check(payload.get("reason", ""), "reason", REASON_MAX)
    row = s.get(WarningRow, op.entity_id)
    if row is None:
        raise OpRejected("warning unknown")
    if to not in ("pending", "issued", "draft"):
        raise OpRejected(f"unknown issue state {str(to)[:20]!r}")
    actor = actor_of(s)
    if (to == "issued" or (to == "draft" and row.issue_state == "pending")) and actor.role not in APPROVERS:
        raise OpRejected(f"account {actor.account or '(platform)'} (role {actor.role or 'none'}) may not "
                         "issue or return a warning: only a commander or admin")
    if to == "draft" and not reason.strip():
        raise OpRejected("a returned warning needs a reason")
    if to not in ISSUE_MOVES.get(row.issue_state, ()):
        if row.issue_state in ("issued", "received") or row.issue_state == to:
            return OpResult(op_id=op.op_id, status="merged", reason=f"warning is {row.issue_state}; {to} not applied")
        raise OpRejected(f"warning is {row.issue_state}; it cannot move to {to}")
    row.issue_state, row.return_reason = to, reason if to == "draft" else ""
    if to == "issued":
        row.sent = capped(parse_time(payload.get("at") or now, "at").isoformat(), now)
        row.sent = utc_text(parse_time(row.sent, "sent"))
        row.approved_by_account = actor.account
    for k, v in actor.stamp("updated").items():
        setattr(row, k, v)
    row.updated_at, row.version = now, row.version + 1
    s.flush()
    seq = record_change(s, "warning", row.id, now)
    if to == "issued":
        _apply_chain(s, checked(record_of_row(row)), now)
    return OpResult(op_id=op.op_id, status="applied", seq=seq)


def link_warning(s: Session, op: Op, now: str) -> OpResult:
    """{"fields": {"incident_id"}}: the incident opened from a warning; nothing else changes."""
    fields = update_fields(op)
    if set(fields) != {"incident_id"}:
        raise OpRejected("a warning's update sets incident_id only; its content changes by a new message")
    incident_id = text_check(fields["incident_id"], "incident_id", 36, required=True)
    row = s.get(WarningRow, op.entity_id)
    if row is None:
        raise OpRejected("warning unknown")
    row.incident_id = incident_id
    for k, v in actor_of(s).stamp("updated").items():
        setattr(row, k, v)
    row.updated_at, row.version = now, row.version + 1
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "warning", row.id, now))


def record_of_row(row: WarningRow) -> dict[str, Any]:
    return {k: json.loads(getattr(row, k)) if k in JSON_FIELDS else getattr(row, k) for k in WARNING_FIELDS}


WARNING = ServerKind("warning", WarningRow, {"create": create_warning, "advance": advance_warning,
                                             "update": link_warning}, RECORD_COLUMNS,
                     json_columns=JSON_FIELDS)
