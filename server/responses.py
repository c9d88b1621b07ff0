"""Incidents' responses (响应) on the platform: one record per incident, moved
by decisions (start, raise, lower, end) under the rules both ends share
(services/plans/response.py): forward-only, an ended response stays ended.
Each applied decision writes its timeline entry with the account and
workstation from the token; a decision the rules refuse is answered with the
reason and changes nothing."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.actor import actor_of
from server.change_log import record_change, timeline_entry
from server.checklists import create_checklist
from server.db import Base, IncidentRow, account_column, workstation_column
from server.op_checks import OpRejected, received, text_check
from server.record_kind import ServerKind
from services.plans.checklist import template_problems
from services.plans.response import (
    ACTIVE,
    REASON_MAX,
    Current,
    after,
    decision_entry_id,
    entry_body,
    refusal,
    response_id,
)
from services.sync.wire import Op, OpResult

REFUSALS = {
    "unknown_action": "unknown decision (start, raise, lower or end)",
    "bad_level": "the level must be I, II, III or IV",
    "already_active": "a response is already under way for this incident",
    "ended": "the response has ended; an ended response stays ended",
    "not_active": "no response is under way for this incident",
    "not_graver": "raising must go to a graver level",
    "not_lighter": "lowering must go to a lighter level",
}


class ResponseRow(Base):
    __tablename__ = "responses"
    __table_args__ = (Index("ix_responses_incident", "incident_id", unique=True),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(36))
    plan_id: Mapped[str] = mapped_column(String(36))
    plan_version: Mapped[str] = mapped_column(String(32), default="")
    plan_title: Mapped[str] = mapped_column(String(200), default="")
    level: Mapped[str] = mapped_column(String(4))
    state: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(String(500), default="")
    started_at: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[str] = mapped_column(String(40))
    ended_at: Mapped[str] = mapped_column(String(40), default="")
    decided_by: Mapped[str] = mapped_column(String(100), default="")
    decided_by_account: Mapped[str] = account_column()
    decided_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


COLUMNS = ("id", "incident_id", "plan_id", "plan_version", "plan_title", "level", "state", "reason", "started_at",
           "changed_at", "ended_at", "decided_by", "decided_by_account", "decided_workstation", "updated_at",
           "version")


def decide(s: Session, op: Op, now: str) -> OpResult:
    p = op.payload
    incident_id = text_check(p.get("incident_id"), "incident_id", 36, required=True)
    if op.entity_id != response_id(incident_id):
        raise OpRejected("a response's id is derived from its incident's")
    if s.scalar(select(IncidentRow.id).where(IncidentRow.id == incident_id)) is None:
        raise OpRejected("incident unknown")
    action = text_check(p.get("action"), "action", 8, required=True)
    level = text_check(p.get("level", ""), "level", 4)
    decision_id = text_check(p.get("decision_id"), "decision_id", 36, required=True)
    reason = text_check(p.get("reason", ""), "reason", REASON_MAX)
    by = text_check(p.get("decided_by", ""), "decided_by", 100)
    row = s.get(ResponseRow, op.entity_id)
    current = Current(row.state, row.level) if row is not None else Current()
    problem = refusal(current, action, level)
    if problem:
        raise OpRejected(REFUSALS[problem])
    at = received(op, now)
    actor = actor_of(s)
    if row is None:
        plan_id = text_check(p.get("plan_id"), "plan_id", 36, required=True)
        plan_version = text_check(p.get("plan_version", ""), "plan_version", 32)
        template = p.get("template")
        if template is not None and (problems := template_problems(template)):
            raise OpRejected("; ".join(problems[:5]))
        # before the row, which is not complete yet
        plan_version = create_checklist(s, incident_id, plan_id, at, now, plan_version=plan_version,
                                        template=template) or plan_version
        row = ResponseRow(id=op.entity_id, incident_id=incident_id, plan_id=plan_id, plan_version=plan_version,
                          plan_title=text_check(p.get("plan_title", ""), "plan_title", 200),
                          started_at=at, ended_at="", version=0)
        s.add(row)
    state = after(current, action, level)
    row.level, row.state, row.reason, row.changed_at = state.level, state.state, reason, at
    if state.state != ACTIVE:
        row.ended_at = at
    row.decided_by, row.decided_by_account, row.decided_workstation = by, actor.account, actor.workstation
    row.updated_at, row.version = now, row.version + 1
    s.flush()
    timeline_entry(s, entry_id=decision_entry_id(decision_id), incident_id=incident_id, kind="decision",
                   body=entry_body(action, row.plan_title, row.plan_version, state.level, reason, by),
                   data={"response_id": row.id, "action": action, "level": state.level, "plan_id": row.plan_id,
                         "plan_version": row.plan_version},
                   author=by, created_at=at, now=now)
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "response", row.id, now))


RESPONSE = ServerKind("response", ResponseRow, {"advance": decide}, COLUMNS, references=("incident",))
