"""A checklist step that opens a conference (召开会商): one call opens it on the
step's incident through ConferenceService, pre-filled with the action's title
(or "<incident title> 会商") and its invitees (contacts, a call group's members,
or the command group's contacts copied from the plan version the checklist
came from), and the step closes as 已完成 with `conference:<id>`. The contract
refuses conference and report actions it cannot use, on the plan and on the
feed's copy of a step."""

from __future__ import annotations

import copy
import json

import pytest

from services.conference.service import ConferenceService
from services.contacts.importing import contact_id
from services.contacts.store import ContactStore
from services.demo_contacts import demo_contacts
from services.dispatch.service import DispatchService
from services.incidents.model import Casualties, Category, Severity
from services.notifications.service import NotificationService
from services.plans.checklist import action_done_problem, step_record_id
from services.plans.checklists import ChecklistService, StepRefused
from services.plans.contract import check_plan
from services.plans.files import example_plans
from services.plans.record_kind import step_values
from services.plans.response import Action
from services.plans.responses import ResponseService
from services.plans.store import PlanStore
from services.records.feed_checks import FeedError
from services.timeline import EntryKind
from tests.helpers import draft
from views.plans.checklist_actions import run_action

FLOOD = "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a01"
CHEM = "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a02"
CENTRE = contact_id("org", "/重庆市应急管理局/指挥中心")
LEADERS = contact_id("group", "市级指挥长群")


def plan(plan_id: str) -> dict:
    return copy.deepcopy(next(p for p in example_plans() if p["id"] == plan_id))


@pytest.fixture
def scene(mirror, clock, events, incident_service):
    PlanStore(mirror, clock=clock).save_many(example_plans(), share=False)
    contacts = ContactStore(mirror, events, clock)
    contacts.save_many(demo_contacts(), share=False)
    services = {"checklists": ChecklistService(mirror, events, clock),
                "dispatch": DispatchService(mirror, events, clock),
                "notices": NotificationService(mirror, contacts, events, clock),
                "conferences": ConferenceService(mirror, incident_service.append_entry, events, clock,
                                                 site_code="CQ"),
                "contacts": contacts,
                "incident_title": lambda incident_id: incident_service.get(incident_id).title}
    return services


def respond(mirror, clock, events, incident_service, plan_id: str, **fields):
    flood = plan_id == FLOOD
    incident = incident_service.create_incident(draft(
        clock, category=Category.NATURAL if flood else Category.ACCIDENT,
        type_code="flood" if flood else "hazardous_chemicals", severity=Severity.IV,
        casualties=Casualties(deaths=3), **fields), "张三")
    ResponseService(mirror, events, clock).decide(incident.id, Action.START, level="II" if flood else "III",
                                                  reason="死亡 3 人", author="张三", plan_id=plan_id)
    return incident


def step(services, incident_id, key):
    return next(s for s in services["checklists"].steps(incident_id) if s.key == key)


def test_a_conference_opened_from_a_step_invites_the_command_group(scene, mirror, clock, events, incident_service):
    incident = respond(mirror, clock, events, incident_service, FLOOD)
    s4b = step(scene, incident.id, "s4b")
    assert s4b.action["kind"] == "conference" and s4b.action["group"] == "coord"
    assert CENTRE in s4b.action["group_contacts"]  # copied from the plan version the checklist came from
    # the plan edited afterwards: the running checklist still invites whom its version named
    edited = plan(FLOOD)
    edited["plan_version"] = "2026.2"
    edited["command"]["groups"][0]["contacts"] = []
    PlanStore(mirror, clock=clock).save_many([edited], share=False)
    done = run_action(step(scene, incident.id, "s4b"), author="李四", **scene)
    [conference] = scene["conferences"].for_incident(incident.id)
    assert conference.title == "城市内涝应急指挥部会商" and conference.is_open and conference.opened_by == "李四"
    assert [(p.kind, p.name) for p in conference.participants] == [
        ("site", "指挥中心"), ("site", "重庆市应急管理局"), ("site", "渝中区应急管理局")]
    assert (done.state, done.action_done) == ("done", f"conference:{conference.id}")
    timeline = incident_service.timeline(incident.id)
    assert [e.body for e in timeline if e.kind == EntryKind.CHECKLIST] == [
        f"处置流程「召开指挥部会商，研判灾情和处置力量」已完成（李四）。已召开会商（{conference.id[:8]}）"]
    assert any(e.kind == EntryKind.CONFERENCE and "城市内涝应急指挥部会商" in e.body for e in timeline)
    with pytest.raises(StepRefused) as refused:  # once done, a second key press opens nothing
        run_action(done, author="李四", **scene)
    assert refused.value.code == "stale" and len(scene["conferences"].for_incident(incident.id)) == 1


def test_a_call_group_is_invited_person_by_person(scene, mirror, clock, events, incident_service):
    incident = respond(mirror, clock, events, incident_service, CHEM)
    done = run_action(step(scene, incident.id, "h3c"), author="张三", **scene)
    [conference] = scene["conferences"].for_incident(incident.id)
    leaders = next(c for c in demo_contacts() if c["id"] == LEADERS)["members"]
    assert [p.id for p in conference.participants] == leaders
    assert {p.kind for p in conference.participants} == {"contact"}
    assert done.action_done == f"conference:{conference.id}"


def test_without_a_title_the_conference_is_named_after_the_incident(scene, mirror, clock, events,
                                                                     incident_service):
    untitled = plan(CHEM)
    h3c = next(s for s in untitled["checklist"] if s["id"] == "h3c")
    h3c["action"] = {"kind": "conference", "contacts": [CENTRE, "not-in-the-directory"]}
    assert check_plan(untitled) == []
    PlanStore(mirror, clock=clock).save_many([untitled], share=False)
    incident = respond(mirror, clock, events, incident_service, CHEM, title="江北区化工厂氯气泄漏")
    run_action(step(scene, incident.id, "h3c"), author="张三", **scene)
    [conference] = scene["conferences"].for_incident(incident.id)
    assert conference.title == "江北区化工厂氯气泄漏 会商"
    assert [p.name for p in conference.participants] == ["指挥中心"]  # an unknown id is left out


def test_a_report_step_is_not_done_without_the_officer(scene, mirror, clock, events, incident_service):
    incident = respond(mirror, clock, events, incident_service, CHEM)
    with pytest.raises(StepRefused) as refused:
        run_action(step(scene, incident.id, "h9"), author="张三", **scene)
    assert refused.value.code == "not_here" and step(scene, incident.id, "h9").state == "not_started"


@pytest.mark.parametrize(("action", "path", "code"), [
    ({"kind": "conference", "title": "会" * 201}, "checklist[3].action.title", "too_long"),
    ({"kind": "conference", "contacts": "全体"}, "checklist[3].action.contacts", "bad_contacts"),
    ({"kind": "conference", "group": "nobody"}, "checklist[3].action.group", "unknown_group"),
    ({"kind": "conference", "group_contacts": [CENTRE]}, "checklist[3].action", "unknown_key"),
    ({"kind": "conference", "title": "会商\x00"}, "checklist[3].action.title", "control_character"),
    ({"kind": "report", "report": "daily_report"}, "checklist[3].action.report", "bad_report_kind"),
    ({"kind": "report"}, "checklist[3].action.report", "bad_report_kind"),
    ({"kind": "report", "report": "final_report", "text": "终" * 2001}, "checklist[3].action.text", "too_long"),
    ({"kind": "report", "report": "final_report", "to": "省厅"}, "checklist[3].action", "unknown_key"),
    ({"kind": "broadcast"}, "checklist[3].action.kind", "bad_action"),
])
def test_the_contract_refuses_an_unusable_conference_or_report(action, path, code):
    bad = plan(CHEM)
    bad["checklist"][3]["action"] = action
    assert (path, code) in {(p.path, p.code) for p in check_plan(bad)}


def feed_step(incident_id: str, **fields) -> dict:
    step = {"id": step_record_id(incident_id, "h9"), "incident_id": incident_id, "step_key": "h9", "phase": "closing",
            "state": "done", "position": 9, "title": "报送终报",
            "action": json.dumps({"kind": "report", "report": "final_report"}),
            "action_done": "entry:1f0e0c6a-3a53-4d5e-9d43-8a3c3e1f2b10"}
    return {**step, **fields}


def test_the_feed_refuses_a_step_whose_action_does_not_fit():
    incident_id = "5b1c6c6e-93a3-4b8f-8d2d-6b0d0e2f9a11"
    assert step_values(feed_step(incident_id), 2)["action_done"].startswith("entry:")
    for fields in ({"action_done": "conference:1f0e0c6a-3a53-4d5e-9d43-8a3c3e1f2b10"},  # not this step's kind
                   {"action_done": "entry:<b>"},
                   {"action": json.dumps({"kind": "report", "report": "weekly"})},
                   {"action": json.dumps({"kind": "conference", "secret": 1})}):
        with pytest.raises(FeedError):
            step_values(feed_step(incident_id, **fields), 2)
    assert action_done_problem("order:1f0e0c6a-3a53-4d5e-9d43-8a3c3e1f2b10", "order") is None
    assert action_done_problem("minutes:1f0e0c6a-3a53-4d5e-9d43-8a3c3e1f2b10", None) == "unknown_action_done"
