"""Checklists (处置流程) at one workstation: made from the plan version when a
response starts, forward-only moves and the explicit reopen, the parent/sub-step
roll-up, overdue marking, and each move a timeline entry with who and when; a
plan edited later leaves the running checklist as it was."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest
from sqlalchemy import select

from offline_cache.schema import OutboxRow
from services.incidents.model import Casualties, Category, Severity
from services.input_checks import ValidationError
from services.plans import checklist as rules
from services.plans.checklists import ChecklistService, StepRefused
from services.plans.files import example_plans
from services.plans.response import Action
from services.plans.responses import ResponseService
from services.plans.store import PlanStore
from services.timeline import EntryKind
from tests.helpers import draft

CHEM = "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a02"


@pytest.fixture
def started(mirror, clock, events, incident_service):
    PlanStore(mirror, clock=clock).save_many(example_plans(), share=False)
    incident = incident_service.create_incident(draft(
        clock, category=Category.ACCIDENT, type_code="hazardous_chemicals", severity=Severity.IV,
        casualties=Casualties(deaths=3)), "张三")
    ResponseService(mirror, events, clock).decide(incident.id, Action.START, level="III", reason="死亡 3 人",
                                                  author="张三", plan_id=CHEM, plan_version="2026.1",
                                                  plan_title="危险化学品泄漏事故应急预案（示例）")
    return incident, ChecklistService(mirror, events, clock)


def by_key(service, incident_id):
    return {s.key: s for s in service.steps(incident_id)}


def test_the_rules_move_forward_only():
    assert rules.refusal("not_started", "in_progress", "", 0) is None
    assert rules.refusal("not_started", "done", "", 0) is None
    assert rules.refusal("done", "in_progress", "", 0) == "stale"
    assert rules.refusal("done", "done_before", "", 0) == "stale"
    assert rules.refusal("in_progress", "in_progress", "", 0) == "stale"
    assert rules.refusal("not_started", "not_started", "", 0) == "unknown_state"
    assert rules.refusal("not_started", "not_applicable", " ", 0) == "reason_required"
    assert rules.refusal("not_started", "done", "", 1) == "open_substeps"
    assert rules.refusal("not_started", "not_applicable", "无泄漏", 1) is None
    assert rules.reopen_refusal("done", "") == "reason_required"
    assert rules.reopen_refusal("in_progress", "误点") == "not_closed"
    assert rules.reopen_refusal("not_applicable", "误点") is None
    assert rules.rollup(["done", "not_started", "not_applicable"]) == (2, 3)
    assert rules.next_state("not_started") == "in_progress" and rules.next_state("done") is None


def test_starting_a_response_makes_the_plans_checklist(started, clock):
    incident, service = started
    steps = service.steps(incident.id)
    template = example_plans()[0]["checklist"]
    assert [s.key for s in steps][:3] == ["h1", "h1a", "h2"] and len(steps) == len(template)
    assert [s.phase for s in steps] == sorted((s.phase for s in steps), key=("initial", "activation",
                                                                              "operations", "closing").index)
    first = steps[0]
    assert (first.plan_id, first.plan_version, first.state, first.responsible) == (CHEM, "2026.1", "not_started",
                                                                                  "综合协调组")
    assert first.due_at == clock.now() + timedelta(minutes=10)
    assert (first.children, first.open_children) == (1, 1)
    assert steps[1].parent_key == "h1"


def test_a_parent_is_complete_only_when_its_substeps_are(started, mirror):
    incident, service = started
    steps = by_key(service, incident.id)
    with pytest.raises(StepRefused) as refused:
        service.move(steps["h1"].id, "done", author="张三")
    assert refused.value.code == "open_substeps"
    assert by_key(service, incident.id)["h1"].state == "not_started"  # as it was
    service.move(steps["h1a"].id, "done_before", author="张三")
    done = service.move(steps["h1"].id, "done", author="张三")
    assert (done.state, done.open_children, done.children) == ("done", 0, 1)


def test_moves_are_forward_only_and_a_reopen_is_recorded(started, incident_service, clock, mirror):
    incident, service = started
    step = by_key(service, incident.id)["h2"]
    service.move(step.id, "in_progress", author="张三")
    clock.advance(timedelta(minutes=2))
    service.move(step.id, "done", author="李四")
    with pytest.raises(StepRefused) as refused:
        service.move(step.id, "in_progress", author="张三")
    assert refused.value.code == "stale"
    with pytest.raises(ValidationError):
        service.reopen(step.id, author="张三", reason=" ")
    reopened = service.reopen(step.id, author="王五", reason="消防未确认接警")
    assert (reopened.state, reopened.reason, reopened.changed_by) == ("not_started", "消防未确认接警", "王五")
    with pytest.raises(StepRefused) as refused:
        service.move(step.id, "not_applicable", author="张三", reason=" ")
    assert refused.value.code == "reason_required"
    skipped = service.move(step.id, "not_applicable", author="张三", reason="消防已在现场")
    assert skipped.state == "not_applicable"
    service.set_remark(step.id, "119 指挥中心已回电", author="张三")
    assert by_key(service, incident.id)["h2"].remark == "119 指挥中心已回电"
    entries = [e for e in incident_service.timeline(incident.id) if e.kind == EntryKind.CHECKLIST]
    assert [e.body for e in entries] == [
        "处置流程「通知消防救援和属地应急管理部门」进行中（张三）",
        "处置流程「通知消防救援和属地应急管理部门」已完成（李四）",
        "处置流程「通知消防救援和属地应急管理部门」重新打开（王五）。原因：消防未确认接警",
        "处置流程「通知消防救援和属地应急管理部门」不适用（张三）。原因：消防已在现场"]
    with mirror.read() as s:
        ops = list(s.scalars(select(OutboxRow.op).where(OutboxRow.entity == rules.ENTITY).order_by(OutboxRow.seq)))
    assert ops == ["advance", "advance", "advance", "advance", "update"]


def test_overdue_steps_are_those_past_due_and_not_closed(started, clock):
    incident, service = started
    steps = by_key(service, incident.id)
    now = clock.now() + timedelta(minutes=7)
    assert steps["h2"].overdue(now) and not steps["h1"].overdue(now)
    service.move(steps["h2"].id, "done", author="张三")
    assert not by_key(service, incident.id)["h2"].overdue(now)


def test_a_plan_edit_leaves_a_running_checklist_as_it_was(started, mirror, clock):
    incident, service = started
    before = [(s.key, s.title, s.due_at) for s in service.steps(incident.id)]
    edited = copy.deepcopy(example_plans()[0])
    edited["plan_version"] = "2026.2"
    edited["checklist"][0]["title"] = "改过的步骤"
    edited["checklist"].append({"id": "h99", "phase": "closing", "title": "新增步骤", "due_minutes": 5})
    PlanStore(mirror, clock=clock).save_many([edited], share=False)
    after = service.steps(incident.id)
    assert [(s.key, s.title, s.due_at) for s in after] == before
    assert {s.plan_version for s in after} == {"2026.1"}
