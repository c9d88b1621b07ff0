"""The conference and report step actions through a real platform: what one
workstation did from a step (the conference it opened, the 终报 it sent) and
the step's record of it reach a second workstation; the platform refuses a plan
whose action it cannot use, a record of an action that is not the step's, and
an officer's entry posing as a response decision, each with its reason."""

from __future__ import annotations

import copy
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from server.demo import seed_demo_plans
from services.clock import ManualClock
from services.contacts.store import ContactStore
from services.demo_contacts import demo_contacts
from services.incidents.model import Casualties, Category, EntryKind, Severity, Status
from services.notifications.service import NotificationService
from services.outbox import TIMELINE, URGENT, queue
from services.plans.checklist import DONE, ENTITY
from services.plans.checklists import ChecklistService
from services.plans.files import example_plans
from services.plans.response import Action
from services.plans.responses import ResponseService
from services.plans.store import PlanStore
from services.sync import outbox_store
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client
from views.plans.checklist_actions import run_action

FLOOD = {"plan_id": "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a01", "plan_version": "2026.1",
         "plan_title": "城市内涝灾害应急预案（示例）"}


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    from server.app import add_user

    add_user(server.app.state.db, "boss", "boss-pw", "admin")
    seed_demo_plans(server.app.state.db)
    yield server
    server.stop()


@pytest.fixture
def pair(tmp_path, live):
    clock = ManualClock(datetime(2026, 12, 6, 8, 0, tzinfo=UTC))
    a = make_client(tmp_path / "a.db", [live.url], clock)
    b = make_client(tmp_path / "b.db", [live.url], clock, user="chief", password="chief-pw")
    yield a, b, clock
    a.close()
    b.close()


def keyed(client, clock, incident_id):
    return {s.key: s for s in ChecklistService(client.mirror, clock=clock).steps(incident_id)}


def flood_response(a, clock):
    assert a.sync()
    incident = a.incidents.create_incident(draft(clock, category=Category.NATURAL, type_code="flood",
                                                 severity=Severity.IV, casualties=Casualties(deaths=3)), "张三")
    ResponseService(a.mirror, clock=clock).decide(incident.id, Action.START, level="II", reason="死亡 3 人",
                                                  author="张三", **FLOOD)
    assert a.sync()
    return incident


def test_a_conference_and_a_report_from_steps_reach_the_other_workstation(pair):
    a, b, clock = pair
    incident = flood_response(a, clock)
    contacts = ContactStore(a.mirror, clock=clock)
    contacts.save_many(demo_contacts(), share=False)
    checklists = ChecklistService(a.mirror, clock=clock)
    conferences = a.conferences
    run_action(keyed(a, clock, incident.id)["s4b"], checklists=checklists, dispatch=a.dispatch,
               notices=NotificationService(a.mirror, contacts, clock=clock), conferences=conferences,
               contacts=contacts, author="张三", incident_title=lambda _id: incident.title)
    [conference] = conferences.for_incident(incident.id)
    # the report action as the dialog does it: the 终报 sent, then the step closed with its entry
    a.incidents.append_entry(incident.id, EntryKind.INITIAL_REPORT, "城区多处积水，3 人死亡。", "张三")
    a.incidents.change_status(incident.id, Status.RESPONDING, "张三")
    clock.advance(timedelta(hours=3))
    final = a.incidents.append_entry(incident.id, EntryKind.FINAL_REPORT, "积水已消退，响应结束。", "张三")
    checklists.move(keyed(a, clock, incident.id)["s10"].id, DONE, author="张三", action=f"entry:{final.id}")
    assert a.sync() and b.sync()
    assert outbox_store.rejected(a.mirror) == []
    at_b = keyed(b, clock, incident.id)
    assert (at_b["s4b"].state, at_b["s4b"].action_done) == ("done", f"conference:{conference.id}")
    assert (at_b["s10"].state, at_b["s10"].action_done) == ("done", f"entry:{final.id}")
    [seen] = b.conferences.for_incident(incident.id)
    assert seen.title == "城市内涝应急指挥部会商" and [p.name for p in seen.participants] == [
        "指挥中心", "重庆市应急管理局", "渝中区应急管理局"]
    timeline = b.incidents.timeline(incident.id)
    assert any(e.id == final.id and e.kind == EntryKind.FINAL_REPORT for e in timeline)
    bodies = [e.body for e in timeline if e.kind == EntryKind.CHECKLIST]
    assert f"处置流程「报送终报」已完成（张三）。已报送信息（{final.id[:8]}）" in bodies
    assert f"处置流程「召开指挥部会商，研判灾情和处置力量」已完成（张三）。已召开会商（{conference.id[:8]}）" in bodies


def test_the_platform_refuses_an_action_it_cannot_use(pair, live, tmp_path):
    a, b, clock = pair
    incident = flood_response(a, clock)
    s4b = keyed(a, clock, incident.id)["s4b"]
    # a record of an action that is not the step's (a report's entry on a conference step), past the client
    with a.mirror.write() as s:
        queue(s, ENTITY, s4b.id, "advance", 1, {"state": "done", "by": "张三", "move_id": str(uuid.uuid4()),
                                                 "action": f"entry:{uuid.uuid4()}"}, URGENT, clock.now(), incident.id)
        queue(s, "entry", str(uuid.uuid4()), "append", 0, {
            "id": str(uuid.uuid4()), "incident_id": incident.id, "kind": "decision", "body": "启动 I 级响应",
            "author": "张三", "created_at": clock.now().isoformat(), "data": {"response_id": "forged"}},
            TIMELINE, clock.now(), incident.id)
    assert a.sync()
    reasons = sorted(r.reason for r in outbox_store.rejected(a.mirror))
    assert len(reasons) == 2
    assert "not appended as an entry" in reasons[0] and "not of the kind of the step's action" in reasons[1]
    assert b.sync() and keyed(b, clock, incident.id)["s4b"].state == "not_started"
    # a plan whose step action the contract refuses, from an admin who may edit plans
    admin = make_client(tmp_path / "admin.db", [live.url], clock, user="boss", password="boss-pw")
    try:
        bad = copy.deepcopy(example_plans()[0])
        bad["id"] = str(uuid.uuid4())
        bad["checklist"][0]["action"] = {"kind": "report", "report": "weekly_report", "text": "周报"}
        PlanStore(admin.mirror, clock=clock).save_many([bad])
        assert admin.sync()
        [refused] = outbox_store.rejected(admin.mirror)
        assert refused.entity == "plan" and "action.report: bad_report_kind weekly_report" in refused.reason
    finally:
        admin.close()


def test_a_plan_the_platform_lacks_carries_whom_its_conference_invites(pair):
    """A plan only this workstation holds: the start carries its checklist with the
    command groups' contacts, so the platform's conference step invites the same
    people as the workstation's, and a second workstation opens it alike."""
    a, b, clock = pair
    assert a.sync() and b.sync()
    local = {**copy.deepcopy(example_plans()[1]), "id": str(uuid.uuid4()), "plan_version": "L-1"}
    assert local["title"].startswith("城市内涝")
    PlanStore(a.mirror, clock=clock).save_many([local], share=False)
    incident = a.incidents.create_incident(draft(clock, category=Category.NATURAL, type_code="flood",
                                                 severity=Severity.IV, casualties=Casualties(deaths=3)), "张三")
    ResponseService(a.mirror, clock=clock).decide(incident.id, Action.START, level="II", reason="死亡 3 人",
                                                  author="张三", plan_id=local["id"], plan_title=local["title"])
    assert a.sync() and b.sync()
    mine, theirs = keyed(a, clock, incident.id)["s4b"], keyed(b, clock, incident.id)["s4b"]
    assert theirs.plan_version == "L-1" and theirs.action == mine.action
    assert len(theirs.action["group_contacts"]) == 3
    assert outbox_store.rejected(a.mirror) == []
    # a carried template naming contacts of a group it does not have is refused with the reason
    from services.plans.checklist import template_problems

    assert template_problems({"checklist": [], "groups": {}, "contacts": {"ghost": ["x"]}}) == [
        "template.contacts: group id → at most 50 通讯录 ids, of the template's groups"]
