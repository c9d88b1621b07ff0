"""An incident's checklist (处置流程) at this workstation. Starting a response
writes the plan version's steps (`create_for_response`, in the decision's own
transaction; the platform makes the same records from its copy of the plan).
A move, a reopen or a remark is checked by the shared rules (checklist.py),
then in one transaction the step row, its timeline entry (the id the platform
gives its copy) and the operation for the platform, which has the last word."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from offline_cache.checklist_schema import ChecklistStepRow
from offline_cache.database import Mirror
from offline_cache.plans_schema import PlanRow
from offline_cache.schema import IncidentRow
from services.clock import Clock, SystemClock
from services.errors import NotFound
from services.events import EntryAppended, EventBus, RecordsChanged
from services.input_checks import Problem, ValidationError, clean_text
from services.outbox import URGENT, queue
from services.plans.checklist import (
    CLOSED,
    ENTITY,
    NOT_STARTED,
    REASON_MAX,
    REMARK_MAX,
    carried_template,
    entry_body,
    is_overdue,
    move_entry_id,
    refusal,
    reopen_refusal,
    template_steps,
)
from services.plans.contract import group_contacts, group_names
from services.timefmt import from_db, to_db
from services.timeline import EntryKind, write_entry


@dataclass(frozen=True)
class Step:
    id: str
    incident_id: str
    plan_id: str
    plan_version: str
    key: str
    parent_key: str
    phase: str
    position: int
    title: str
    responsible: str
    due_at: datetime | None
    state: str
    reason: str
    remark: str
    action_done: str
    changed_by: str
    changed_at: datetime | None
    pending_sync: bool
    open_children: int = 0
    children: int = 0
    action: dict | None = None  # the template's one-click action (contract.check_action)

    def overdue(self, now: datetime) -> bool:
        return is_overdue(self.state, self.due_at, now)


class StepRefused(ValueError):
    """The rules refuse this move now; `code` says why (checklist.refusal)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def _action(text: str) -> dict | None:
    try:
        value = json.loads(text) if text else None
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _step(row: ChecklistStepRow, children: dict[str, list[str]]) -> Step:
    kids = children.get(row.step_key, [])
    return Step(row.id, row.incident_id, row.plan_id, row.plan_version, row.step_key, row.parent_key, row.phase,
                row.position, row.title, row.responsible, from_db(row.due_at) if row.due_at else None, row.state,
                row.reason, row.remark, row.action_done, row.changed_by,
                from_db(row.changed_at) if row.changed_at else None, row.sync_state == "pending",
                sum(k not in CLOSED for k in kids), len(kids), _action(row.action))


def create_for_response(s: Session, incident_id: str, plan_id: str,
                        started_at: datetime) -> tuple[str, list[str], dict[str, Any] | None]:
    """The plan's checklist for the incident, from the plan as this mirror holds it
    now (its version recorded on every step); returns (plan_version, step ids, the
    template the start carries to the platform). Steps already there (the
    platform's) are left as they are."""
    plan = s.scalar(select(PlanRow).where(PlanRow.id == plan_id))
    if plan is None:
        return "", [], None
    command = json.loads(plan.command or "{}")
    checklist, groups, contacts = json.loads(plan.checklist or "[]"), group_names(command), group_contacts(command)
    steps = template_steps(checklist, incident_id, started_at, groups, contacts)
    there = set(s.scalars(select(ChecklistStepRow.id).where(ChecklistStepRow.incident_id == incident_id)))
    for step in steps:
        if step["id"] in there:
            continue
        due = step.pop("due_at")
        s.add(ChecklistStepRow(**step, plan_id=plan.id, plan_version=plan.plan_version,
                               due_at=to_db(due) if due else "", state=NOT_STARTED, reason="", remark="",
                               action_done="", changed_by="", changed_at="", updated_at=to_db(started_at),
                               version=0, sync_state="synced"))
    s.flush()
    return plan.plan_version, [step["id"] for step in steps], carried_template(checklist, groups, contacts)


class ChecklistService:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None):
        self.mirror, self.events, self.clock = mirror, events, clock or SystemClock()

    def steps(self, incident_id: str) -> list[Step]:
        """The incident's steps in the template's order, each with its sub-steps' roll-up."""
        with self.mirror.read() as s:
            rows = list(s.scalars(select(ChecklistStepRow).where(ChecklistStepRow.incident_id == incident_id)
                                  .order_by(ChecklistStepRow.position)))
        children: dict[str, list[str]] = {}
        for row in rows:
            if row.parent_key:
                children.setdefault(row.parent_key, []).append(row.state)
        return [_step(row, children) for row in rows]

    def count(self, incident_id: str) -> int:
        with self.mirror.read() as s:
            return int(s.scalar(select(func.count()).select_from(ChecklistStepRow)
                                .where(ChecklistStepRow.incident_id == incident_id)) or 0)

    def move(self, step_id: str, to: str, *, author: str, reason: str = "", action: str = "") -> Step:
        """A step forward (进行中, 已完成, 此前已完成, 不适用 with its reason);
        StepRefused when the rules forbid it now. `action`: what the step's action did."""
        reason = self._reason(reason)
        return self._write(step_id, author, "move", lambda row, open_children: refusal(
            row.state, to, reason, open_children), to, reason, action[:200])

    def reopen(self, step_id: str, *, author: str, reason: str) -> Step:
        """A closed step back to 未开始, with its reason (recorded on the timeline)."""
        reason = self._reason(reason)
        if not reason:
            raise ValidationError([Problem("reason", "required")])
        return self._write(step_id, author, "reopen", lambda row, _open: reopen_refusal(row.state, reason),
                           NOT_STARTED, reason, "")

    def set_remark(self, step_id: str, remark: str, *, author: str) -> Step:
        remark = clean_text(remark).strip()
        if len(remark) > REMARK_MAX:
            raise ValidationError([Problem("remark", "too_long", REMARK_MAX)])
        now = self.clock.now()
        with self.mirror.write() as s:
            row = self._row(s, step_id)
            row.remark, row.updated_at = remark, to_db(now)
            row.version, row.sync_state = row.version + 1, "pending"
            queue(s, ENTITY, row.id, "update", row.version - 1, {"remark": remark, "by": author[:100]}, URGENT,
                  now, row.incident_id)
            step = self._one(s, row)
        self._publish(step, None)
        return step

    @staticmethod
    def _reason(reason: str) -> str:
        reason = clean_text(reason, single_line=True).strip()
        if len(reason) > REASON_MAX:
            raise ValidationError([Problem("reason", "too_long", REASON_MAX)])
        return reason

    @staticmethod
    def _row(s: Session, step_id: str) -> ChecklistStepRow:
        row = s.scalar(select(ChecklistStepRow).where(ChecklistStepRow.id == step_id))
        if row is None:
            raise NotFound(f"checklist step {step_id}")
        return row

    @staticmethod
    def _one(s: Session, row: ChecklistStepRow) -> Step:
        kids = list(s.scalars(select(ChecklistStepRow.state).where(
            ChecklistStepRow.incident_id == row.incident_id, ChecklistStepRow.parent_key == row.step_key)))
        return _step(row, {row.step_key: kids})

    def _write(self, step_id: str, author: str, op: str, rule, to: str, reason: str, action: str) -> Step:
        now = self.clock.now()
        move_id = str(uuid.uuid4())
        with self.mirror.write() as s:
            row = self._row(s, step_id)
            open_children = int(s.scalar(select(func.count()).select_from(ChecklistStepRow).where(
                ChecklistStepRow.incident_id == row.incident_id, ChecklistStepRow.parent_key == row.step_key,
                ChecklistStepRow.state.not_in(CLOSED))) or 0)
            problem = rule(row, open_children)
            if problem:
                raise StepRefused(problem)
            row.state, row.reason, row.changed_by, row.changed_at = to, reason, author[:100], to_db(now)
            if action:
                row.action_done = action
            row.updated_at, row.version, row.sync_state = to_db(now), row.version + 1, "pending"
            s.flush()
            incident = s.scalar(select(IncidentRow).where(IncidentRow.id == row.incident_id))
            entry_id = None
            if incident is not None:
                entry_id = write_entry(s, incident, EntryKind.CHECKLIST,
                                       entry_body(row.title, to, author, reason, reopened=op == "reopen",
                                                  action=action),
                                       author, now, {"step_id": row.id, "state": to, "op": op},
                                       move_entry_id(move_id)).id
            payload = {"state": to, "reason": reason, "by": author[:100], "move_id": move_id}
            if op == "reopen":
                payload["reopen"] = True
            elif action:
                payload["action"] = action
            queue(s, ENTITY, row.id, "advance", row.version - 1, payload, URGENT, now, row.incident_id)
            step = self._one(s, row)
        self._publish(step, entry_id)
        return step

    def _publish(self, step: Step, entry_id: str | None) -> None:
        if self.events is None:
            return
        self.events.publish(RecordsChanged(ENTITY, (step.id,)))
        if entry_id:
            self.events.publish(EntryAppended(step.incident_id, entry_id))
