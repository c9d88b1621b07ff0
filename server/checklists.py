"""Checklist steps (处置流程) on the platform: made from the platform's copy of
the plan when a response starts (server/responses.py), moved by watch rooms
under the rules both ends share (services/plans/checklist.py). The platform
has the last word: a forward move applies (the later forward move wins), a
stale one is answered `merged` with its reason and changes nothing, a reopen
needs a closed step and a reason. Every applied move is a timeline entry with
the account and workstation from the token."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import Index, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.actor import actor_of
from server.change_log import record_change, timeline_entry
from server.db import Base, account_column, workstation_column
from server.op_checks import OpRejected, parse_time, received, text_check
from server.plans import PlanRow
from server.record_kind import ServerKind
from services.plans.checklist import (
    ACTION_DONE_MAX,
    CLOSED,
    ENTITY,
    NOT_STARTED,
    REASON_MAX,
    REMARK_MAX,
    STATES,
    action_done_problem,
    entry_body,
    move_entry_id,
    refusal,
    reopen_refusal,
    template_steps,
)
from services.plans.contract import group_contacts, group_names
from services.sync.wire import Op, OpResult

FIELD_UNIT = "field_unit"
REFUSALS = {
    "unknown_state": "unknown step state",
    "reason_required": "a reason is required",
    "open_substeps": "the step has open sub-steps; it is complete only when they are",
    "stale": "the step is already at or past that state",
    "not_closed": "only a closed step can be reopened",
    "unknown_action_done": "a step's action is recorded as order:, notice:, conference: or entry: with the id",
    "bad_action_ref": "the record of a step's action must name a record id",
    "not_this_steps_action": "the record of the action is not of the kind of the step's action",
}


class ChecklistStepRow(Base):
    __tablename__ = "checklist_steps"
    __table_args__ = (Index("ix_checklist_steps_incident", "incident_id", "step_key", unique=True),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(36))
    plan_id: Mapped[str] = mapped_column(String(36), default="")
    plan_version: Mapped[str] = mapped_column(String(32), default="")
    step_key: Mapped[str] = mapped_column(String(36))
    parent_key: Mapped[str] = mapped_column(String(36), default="")
    phase: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500))
    responsible: Mapped[str] = mapped_column(String(100), default="")
    due_at: Mapped[str] = mapped_column(String(40), default="")
    state: Mapped[str] = mapped_column(String(16), default=NOT_STARTED)
    reason: Mapped[str] = mapped_column(String(300), default="")
    remark: Mapped[str] = mapped_column(String(1000), default="")
    action: Mapped[str] = mapped_column(Text, default="")  # the template's action, JSON ("" for none)
    action_done: Mapped[str] = mapped_column(String(200), default="")
    changed_by: Mapped[str] = mapped_column(String(100), default="")
    changed_at: Mapped[str] = mapped_column(String(40), default="")
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


COLUMNS = ("id", "incident_id", "plan_id", "plan_version", "step_key", "parent_key", "phase", "position", "title",
           "responsible", "due_at", "action", "state", "reason", "remark", "action_done", "changed_by", "changed_at",
           "updated_by_account", "updated_workstation", "updated_at", "version")


def _iso(value: datetime) -> str:
    return value.isoformat(timespec="milliseconds")


def create_checklist(s: Session, incident_id: str, plan_id: str, started_at: str, now: str, *,
                     plan_version: str = "", template: dict | None = None) -> str:
    """The checklist for the incident, from the plan version the response started
    with: the platform's copy when it holds that version (or when the start
    carries no template), else the template the workstation carried, checked
    like a plan's (services/plans/checklist.template_problems) by the caller.
    Returns the plan version the steps came from ("" when there are none)."""
    plan = s.get(PlanRow, plan_id)
    if plan is not None and (template is None or plan.plan_version == plan_version):
        command = json.loads(plan.command or "{}")
        checklist, groups, contacts = json.loads(plan.checklist or "[]"), group_names(command), group_contacts(command)
        plan_version = plan.plan_version
    elif template is not None:
        checklist, groups, contacts = template["checklist"], template["groups"], template.get("contacts", {})
    else:
        return ""
    steps = template_steps(checklist, incident_id, parse_time(started_at, "started_at"), groups, contacts)
    actor = actor_of(s)
    for step in steps:
        if s.get(ChecklistStepRow, step["id"]) is not None:
            continue
        due = step.pop("due_at")
        s.add(ChecklistStepRow(**step, plan_id=plan_id, plan_version=plan_version,
                               due_at=_iso(due) if due else "", state=NOT_STARTED,
                               updated_by_account=actor.account, updated_workstation=actor.workstation,
                               updated_at=now, version=1))
        s.flush()
        record_change(s, ENTITY, step["id"], now)
    return plan_version


def _action_kind(row: ChecklistStepRow) -> str | None:
    """The kind of the step's template action (None: the step has none)."""
    try:
        action = json.loads(row.action) if row.action else None
    except ValueError:
        return None
    return action.get("kind") if isinstance(action, dict) else None


def _step_of(s: Session, op: Op) -> ChecklistStepRow:
    if actor_of(s).role == FIELD_UNIT:
        raise OpRejected("a field unit does not move checklist steps")
    row = s.get(ChecklistStepRow, op.entity_id)
    if row is None:
        raise OpRejected("checklist step unknown")
    return row


def _applied(s: Session, op: Op, row: ChecklistStepRow, now: str) -> OpResult:
    actor = actor_of(s)
    row.updated_by_account, row.updated_workstation = actor.account, actor.workstation
    row.updated_at, row.version = now, row.version + 1
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, ENTITY, row.id, now))


def advance_step(s: Session, op: Op, now: str) -> OpResult:
    """{"state", "reason", "by", "move_id", "action"} a move, or with "reopen": true a reopen."""
    p = op.payload
    if not set(p) <= {"state", "reason", "by", "move_id", "action", "reopen"}:
        raise OpRejected('an advance payload is {"state", "reason", "by", "move_id", "action", "reopen"}')
    if p.get("reopen") is True:
        return reopen_step(s, op, now)
    to = text_check(p.get("state"), "state", 16, required=True)
    if to not in STATES:
        raise OpRejected(REFUSALS["unknown_state"])
    reason = text_check(p.get("reason", ""), "reason", REASON_MAX)
    by = text_check(p.get("by", ""), "by", 100)
    move_id = text_check(p.get("move_id"), "move_id", 36, required=True)
    action = text_check(p.get("action", ""), "action", ACTION_DONE_MAX)
    row = _step_of(s, op)
    done_problem = action_done_problem(action, _action_kind(row))
    if done_problem:
        raise OpRejected(f"{REFUSALS[done_problem]}: {action[:60]}")
    open_children = int(s.scalar(select(func.count()).select_from(ChecklistStepRow).where(
        ChecklistStepRow.incident_id == row.incident_id, ChecklistStepRow.parent_key == row.step_key,
        ChecklistStepRow.state.not_in(CLOSED))) or 0)
    problem = refusal(row.state, to, reason, open_children)
    if problem == "stale":
        return OpResult(op_id=op.op_id, status="merged", reason=f"step is {row.state}; {to} not applied")
    if problem:
        raise OpRejected(REFUSALS[problem])
    at = received(op, now)
    row.state, row.reason, row.changed_by, row.changed_at = to, reason, by, at
    if action:
        row.action_done = action
    timeline_entry(s, entry_id=move_entry_id(move_id), incident_id=row.incident_id, kind="checklist",
                   body=entry_body(row.title, to, by, reason, action=action),
                   data={"step_id": row.id, "state": to, "op": "move"}, author=by, created_at=at, now=now)
    return _applied(s, op, row, now)


def reopen_step(s: Session, op: Op, now: str) -> OpResult:
    """A closed step back to 未开始, with its reason."""
    p = op.payload
    reason = text_check(p.get("reason", ""), "reason", REASON_MAX)
    by = text_check(p.get("by", ""), "by", 100)
    move_id = text_check(p.get("move_id"), "move_id", 36, required=True)
    row = _step_of(s, op)
    problem = reopen_refusal(row.state, reason)
    if problem == "not_closed":
        return OpResult(op_id=op.op_id, status="merged", reason=f"step is {row.state}; nothing to reopen")
    if problem:
        raise OpRejected(REFUSALS[problem])
    at = received(op, now)
    row.state, row.reason, row.changed_by, row.changed_at = NOT_STARTED, reason, by, at
    timeline_entry(s, entry_id=move_entry_id(move_id), incident_id=row.incident_id, kind="checklist",
                   body=entry_body(row.title, NOT_STARTED, by, reason, reopened=True),
                   data={"step_id": row.id, "state": NOT_STARTED, "op": "reopen"}, author=by, created_at=at,
                   now=now)
    return _applied(s, op, row, now)


def remark_step(s: Session, op: Op, now: str) -> OpResult:
    """{"remark", "by"}: the step's remark, the latest one kept."""
    p = op.payload
    if not set(p) <= {"remark", "by"}:
        raise OpRejected('a remark payload is {"remark", "by"}')
    remark = text_check(p.get("remark", ""), "remark", REMARK_MAX)
    text_check(p.get("by", ""), "by", 100)
    row = _step_of(s, op)
    row.remark = remark
    return _applied(s, op, row, now)


CHECKLIST_STEP = ServerKind(ENTITY, ChecklistStepRow, {"advance": advance_step, "update": remark_step},
                            COLUMNS, references=("incident",))
