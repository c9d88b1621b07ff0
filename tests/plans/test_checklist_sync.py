"""Checklists through a real platform: the platform makes the incident's steps
from its copy of the plan when the response starts; two officers ticking the
same step converge on one state (the later forward move wins, a stale one is a
no-op with its reason); a reopen and a remark reach the other workstation; each
applied move is one timeline entry, stamped with the token's account."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.demo import seed_demo_plans
from server.plans import PlanRow as ServerPlanRow
from services.clock import ManualClock
from services.incidents.model import Casualties, Category, Severity
from services.outbox import URGENT, queue
from services.plans.checklist import ENTITY
from services.plans.checklists import ChecklistService
from services.plans.files import example_plans
from services.plans.response import Action, response_id
from services.plans.responses import ResponseService
from services.plans.store import PlanStore
from services.sync import outbox_store
from services.timeline import EntryKind
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

PLAN = {"plan_id": "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a02", "plan_version": "2026.1",
        "plan_title": "危险化学品泄漏事故应急预案（示例）"}


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
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


def keyed(service, incident_id):
    return {s.key: s for s in service.steps(incident_id)}


def test_two_officers_ticking_the_same_step_converge(pair, live):
    a, b, clock = pair
    assert a.sync() and b.sync()  # both have the platform's plans
    incident = a.incidents.create_incident(draft(clock, category=Category.ACCIDENT, type_code="hazardous_chemicals",
                                                 severity=Severity.IV, casualties=Casualties(deaths=3)), "张三")
    ResponseService(a.mirror, clock=clock).decide(incident.id, Action.START, level="III", reason="死亡 3 人",
                                                  author="张三", **PLAN)
    at_a, at_b = ChecklistService(a.mirror, clock=clock), ChecklistService(b.mirror, clock=clock)
    assert a.sync() and b.sync()
    steps_b = keyed(at_b, incident.id)
    assert set(steps_b) == set(keyed(at_a, incident.id)) and len(steps_b) >= 8
    assert steps_b["h1"].plan_version == "2026.1" and steps_b["h1"].responsible == "综合协调组"
    assert not any(s.pending_sync for s in at_a.steps(incident.id))
    # both tick h2 offline: a starts it, b completes it; b's forward move wins wherever it lands
    at_a.move(steps_b["h2"].id, "in_progress", author="张三")
    at_b.move(steps_b["h2"].id, "done", author="值班长")
    clock.advance(timedelta(minutes=1))
    assert b.sync() and a.sync() and b.sync()
    assert keyed(at_a, incident.id)["h2"].state == keyed(at_b, incident.id)["h2"].state == "done"
    assert outbox_store.rejected(a.mirror) == []  # the stale move was a no-op, not a refusal
    # the other order: a ticks first, b's later stale start is answered as a no-op too
    at_a.move(steps_b["h3"].id, "done", author="张三")
    at_b.move(steps_b["h3"].id, "in_progress", author="值班长")
    assert a.sync() and b.sync() and a.sync()
    assert keyed(at_a, incident.id)["h3"].state == keyed(at_b, incident.id)["h3"].state == "done"
    # a reopen and a remark reach the other workstation
    at_b.reopen(steps_b["h3"].id, author="值班长", reason="专家组未到齐")
    at_b.set_remark(steps_b["h3"].id, "专家组预计 9 时到场", author="值班长")
    assert b.sync() and a.sync()
    h3 = keyed(at_a, incident.id)["h3"]
    assert (h3.state, h3.reason, h3.remark) == ("not_started", "专家组未到齐", "专家组预计 9 时到场")
    bodies = [e.body for e in a.incidents.timeline(incident.id) if e.kind == EntryKind.CHECKLIST]
    assert sorted(bodies) == sorted([
        "处置流程「通知消防救援和属地应急管理部门」进行中（张三）",
        "处置流程「通知消防救援和属地应急管理部门」已完成（值班长）",
        "处置流程「成立现场指挥部，专家组到场研判」已完成（张三）",
        "处置流程「成立现场指挥部，专家组到场研判」重新打开（值班长）。原因：专家组未到齐"])
    from server.checklists import ChecklistStepRow

    with Session(live.app.state.db.write) as s:
        row = s.scalar(select(ChecklistStepRow).where(ChecklistStepRow.id == steps_b["h3"].id))
        assert (row.updated_by_account, row.state) == ("chief", "not_started")


def test_the_platform_refuses_a_parent_with_open_substeps(pair):
    a, b, clock = pair
    assert a.sync()
    incident = a.incidents.create_incident(draft(clock, category=Category.ACCIDENT, type_code="hazardous_chemicals",
                                                 severity=Severity.IV, casualties=Casualties(deaths=3)), "张三")
    ResponseService(a.mirror, clock=clock).decide(incident.id, Action.START, level="III", reason="死亡 3 人",
                                                  author="张三", **PLAN)
    assert a.sync()
    h1 = keyed(ChecklistService(a.mirror, clock=clock), incident.id)["h1"]
    # sent past the client's own check, as an old or hostile client would
    with a.mirror.write() as s:
        queue(s, ENTITY, h1.id, "advance", 1, {"state": "done", "by": "张三", "move_id": str(uuid.uuid4())}, URGENT,
              clock.now(), incident.id)
    assert a.sync()
    [refused] = outbox_store.rejected(a.mirror)
    assert "open sub-steps" in refused.reason
    assert b.sync()
    assert keyed(ChecklistService(b.mirror, clock=clock), incident.id)["h1"].state == "not_started"


def _hazmat_plan() -> dict:
    return next(p for p in example_plans() if p["id"] == PLAN["plan_id"])


def _start(client, clock, plan_id, **plan):
    incident = client.incidents.create_incident(
        draft(clock, category=Category.ACCIDENT, type_code="hazardous_chemicals", severity=Severity.IV,
              casualties=Casualties(deaths=3)), "张三")
    ResponseService(client.mirror, clock=clock).decide(incident.id, Action.START, level="III", reason="死亡 3 人",
                                                       author="张三", plan_id=plan_id, **plan)
    return incident


def test_a_response_from_a_plan_the_platform_lacks_gets_its_steps_everywhere(pair):
    """A plan only this workstation holds (never shared, or refused by the platform):
    the start carries the checklist, so the platform makes the same steps and a
    second workstation ticks them; nothing is refused."""
    a, b, clock = pair
    assert a.sync() and b.sync()
    local = {**_hazmat_plan(), "id": str(uuid.uuid4()), "title": "本站自编预案", "plan_version": "L-1"}
    PlanStore(a.mirror, clock=clock).save_many([local], share=False)
    incident = _start(a, clock, local["id"], plan_title=local["title"], plan_version="ignored")
    assert a.sync() and b.sync()
    at_b = keyed(ChecklistService(b.mirror, clock=clock), incident.id)
    assert at_b and {s.plan_version for s in at_b.values()} == {"L-1"}
    ChecklistService(b.mirror, clock=clock).move(at_b["h2"].id, "done", author="值班长")
    assert b.sync() and a.sync()
    assert keyed(ChecklistService(a.mirror, clock=clock), incident.id)["h2"].state == "done"
    assert outbox_store.rejected(a.mirror) == [] and outbox_store.rejected(b.mirror) == []


def test_a_running_checklist_keeps_the_version_it_started_from(pair, live):
    """The platform's plan was edited since this workstation last synced: the
    response started from the version the officer saw, on both ends."""
    a, b, clock = pair
    assert a.sync()
    with Session(live.app.state.db.write) as s, s.begin():
        row = s.get(ServerPlanRow, PLAN["plan_id"])
        changed = json.loads(row.checklist)
        changed[0]["title"] = "新版步骤"
        row.plan_version, row.checklist = "2027.1", json.dumps(changed, ensure_ascii=False)
    incident = _start(a, clock, PLAN["plan_id"], plan_title=PLAN["plan_title"], plan_version=PLAN["plan_version"])
    assert a.sync() and b.sync()
    steps = ChecklistService(b.mirror, clock=clock).steps(incident.id)
    assert {s.plan_version for s in steps} == {"2026.1"}
    assert "新版步骤" not in {s.title for s in steps}
    assert ResponseService(b.mirror, clock=clock).current(incident.id).plan_version == "2026.1"


def test_a_carried_checklist_that_breaks_the_rules_is_refused(pair):
    a, _b, clock = pair
    assert a.sync()
    incident = a.incidents.create_incident(draft(clock, category=Category.ACCIDENT), "张三")
    circular = [{"id": "x", "phase": "initial", "title": "甲", "parent": "y"},
                {"id": "y", "phase": "initial", "title": "乙", "parent": "x"}]
    with a.mirror.write() as s:  # past the client's own checks, as a hostile client would send it
        queue(s, "response", response_id(incident.id), "advance", 0,
              {"incident_id": incident.id, "action": "start", "level": "IV", "decision_id": str(uuid.uuid4()),
               "reason": "测试", "plan_id": str(uuid.uuid4()), "template": {"checklist": circular, "groups": {}}},
              URGENT, clock.now(), incident.id)
    assert a.sync()
    [refused] = outbox_store.rejected(a.mirror)
    assert "circular" in refused.reason
