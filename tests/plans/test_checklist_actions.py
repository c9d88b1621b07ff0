"""A checklist step's one-click action: an order issued or a call group
notified, pre-filled from the plan's template, and the step closed with what
was done recorded on it and on the timeline; a step that may not be completed
now does nothing at all; a template action the contract cannot use is refused."""

from __future__ import annotations

import copy

import pytest

from services.contacts.importing import contact_id
from services.contacts.store import ContactStore
from services.demo_contacts import demo_contacts
from services.dispatch.service import DispatchService
from services.incidents.model import Casualties, Category, Severity
from services.notifications.service import NotificationService
from services.plans.checklists import ChecklistService, StepRefused
from services.plans.contract import check_plan
from services.plans.files import example_plans
from services.plans.response import Action
from services.plans.responses import ResponseService
from services.plans.store import PlanStore
from services.timeline import EntryKind
from tests.helpers import draft
from views.plans.checklist_actions import run_action

CHEM = "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a02"
GROUP = contact_id("group", "区县值班群")
ORDER = {"kind": "order", "target_kind": "team", "target_name": "危化品救援队", "content": "携带堵漏器材赶赴现场",
         "priority": "urgent"}


def plan_with_actions() -> dict:
    plan = copy.deepcopy(next(p for p in example_plans() if p["id"] == CHEM))
    steps = {s["id"]: s for s in plan["checklist"]}
    steps["h2"]["action"] = ORDER
    steps["h4"]["action"] = {"kind": "notify", "group": GROUP, "text": "请各区县值班员关注危化品泄漏事故"}
    steps["h1"]["action"] = ORDER
    return plan


@pytest.fixture
def scene(mirror, clock, events, incident_service):
    assert check_plan(plan_with_actions()) == []
    PlanStore(mirror, clock=clock).save_many([plan_with_actions()], share=False)
    contacts = ContactStore(mirror, events, clock)
    contacts.save_many(demo_contacts(), share=False)
    incident = incident_service.create_incident(draft(
        clock, category=Category.ACCIDENT, type_code="hazardous_chemicals", severity=Severity.IV,
        casualties=Casualties(deaths=3)), "张三")
    ResponseService(mirror, events, clock).decide(incident.id, Action.START, level="III", reason="死亡 3 人",
                                                  author="张三", plan_id=CHEM)
    services = {"checklists": ChecklistService(mirror, events, clock), "dispatch": DispatchService(mirror, events, clock),
                "notices": NotificationService(mirror, contacts, events, clock)}
    return incident, services


def step(services, incident_id, key):
    return next(s for s in services["checklists"].steps(incident_id) if s.key == key)


def test_an_order_issued_from_a_step_is_recorded_on_it(scene, incident_service):
    incident, services = scene
    h2 = step(services, incident.id, "h2")
    assert h2.action == ORDER
    done = run_action(h2, author="张三", **services)
    [order] = services["dispatch"].for_incident(incident.id)
    assert (order.target_name, order.content, order.priority) == ("危化品救援队", "携带堵漏器材赶赴现场", "urgent")
    assert (done.state, done.action_done) == ("done", f"order:{order.id}")
    bodies = [e.body for e in incident_service.timeline(incident.id) if e.kind == EntryKind.CHECKLIST]
    assert bodies == [f"处置流程「通知消防救援和属地应急管理部门」已完成（张三）。已下达调度指令（{order.id[:8]}）"]
    with pytest.raises(StepRefused) as refused:  # once done, a second click issues nothing
        run_action(done, author="张三", **services)
    assert refused.value.code == "stale" and len(services["dispatch"].for_incident(incident.id)) == 1


def test_a_call_group_notified_from_a_step_is_recorded_on_it(scene):
    incident, services = scene
    done = run_action(step(services, incident.id, "h4"), author="李四", **services)
    [notice] = services["notices"].recent(incident.id)
    assert notice.text == "请各区县值班员关注危化品泄漏事故" and len(notice.recipients) >= 2
    assert (done.state, done.action_done) == ("done", f"notice:{notice.id}")


def test_a_step_that_may_not_close_does_nothing(scene):
    incident, services = scene
    with pytest.raises(StepRefused) as refused:  # h1 still has its open sub-step
        run_action(step(services, incident.id, "h1"), author="张三", **services)
    assert refused.value.code == "open_substeps"
    assert services["dispatch"].for_incident(incident.id) == []
    with pytest.raises(StepRefused) as refused:
        run_action(step(services, incident.id, "h3"), author="张三", **services)
    assert refused.value.code == "no_action"


def test_the_contract_refuses_an_unusable_action():
    plan = plan_with_actions()
    plan["checklist"][0]["action"] = {"kind": "launch", "x": 1}
    plan["checklist"][2]["action"] = {"kind": "order", "target_kind": "army", "target_name": "", "content": "去"}
    codes = {(p.path, p.code) for p in check_plan(plan)}
    assert ("checklist[0].action.kind", "bad_action") in codes
    assert ("checklist[2].action.target_kind", "bad_target") in codes
    assert ("checklist[2].action.target_name", "required") in codes
