"""The plan library through a real platform: an admin's plans reach every
workstation (proposals work offline from the mirror), a duty officer's edit and
a plan with an unusable condition are refused with the reason, and the demo's
example plans are the platform's records."""

from __future__ import annotations

import copy
from datetime import timedelta

import pytest
from sqlalchemy.orm import Session

from server.app import add_user
from server.demo import seed_demo_plans
from services.clock import ManualClock
from services.incidents.model import Casualties, Category, Severity
from services.plans.files import example_plans
from services.plans.store import PlanStore
from services.sync import outbox_store
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client


@pytest.fixture
def clock():
    from datetime import UTC, datetime

    return ManualClock(datetime(2026, 12, 6, 8, 0, tzinfo=UTC))


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    add_user(server.app.state.db, "admin", "admin-pw", "admin")
    yield server
    server.stop()


@pytest.fixture
def admin(tmp_path, live, clock):
    client = make_client(tmp_path / "admin.db", [live.url], clock, user="admin", password="admin-pw")
    yield client
    client.close()


@pytest.fixture
def desk(tmp_path, live, clock):
    client = make_client(tmp_path / "desk.db", [live.url], clock)
    yield client
    client.close()


def test_an_admins_plans_reach_another_workstation_and_match_there(admin, desk, clock):
    PlanStore(admin.mirror, clock=clock).save_many(example_plans())
    assert admin.sync()
    assert outbox_store.rejected(admin.mirror) == []
    assert desk.sync()
    plans = PlanStore(desk.mirror, clock=clock)
    assert len(plans.list()) == 2
    assert plans.list(term="涝")[0].pending_sync is False
    chem = desk.incidents.create_incident(draft(clock, category=Category.ACCIDENT, type_code="hazardous_chemicals",
                                                severity=Severity.IV, casualties=Casualties(deaths=3)), "李四")
    [proposal] = plans.propose(chem)
    assert proposal.level == "III"
    # An edit by the admin reaches the desk too; the library it proposes from follows. (Later
    # than the plan's creation: the platform keeps the later edit of a field.)
    clock.advance(timedelta(minutes=5))
    edited = copy.deepcopy(example_plans()[0])
    edited["status"] = "abolished"
    clock.advance(timedelta(minutes=1))  # an edit made after the first save: same-instant edits tie
    PlanStore(admin.mirror, clock=clock).save_many([edited])
    assert admin.sync() and desk.sync()
    assert plans.propose(chem) == []
    assert plans.get(edited["id"]).status == "abolished"


def test_a_duty_officer_may_read_plans_but_not_change_them(admin, desk, clock):
    PlanStore(desk.mirror, clock=clock).save_many(example_plans()[:1])
    assert desk.sync()
    [refused] = outbox_store.rejected(desk.mirror)
    assert "may not change plans" in refused.reason and "admin" in refused.reason


def test_the_platform_refuses_a_plan_whose_condition_cannot_be_evaluated(admin, clock):
    plan = copy.deepcopy(example_plans()[0])
    plan["levels"][0]["conditions"] = {"field": "deaths", "op": "=~", "value": 3}
    # Saved past the client's own check (as an old or hostile client would send it).
    PlanStore(admin.mirror, clock=clock).save_many([plan])
    assert admin.sync()
    [refused] = outbox_store.rejected(admin.mirror)
    assert "levels[0].conditions.op" in refused.reason and "unknown_op" in refused.reason


def test_the_demo_seeds_the_example_plans_once(live, desk):
    assert seed_demo_plans(live.app.state.db) == 2
    assert seed_demo_plans(live.app.state.db) == 0
    from server.plans import PlanRow

    with Session(live.app.state.db.write) as s:
        assert s.get(PlanRow, example_plans()[0]["id"]).example is True
    assert desk.sync()
    assert {p.title for p in PlanStore(desk.mirror).list()} == {p["title"] for p in example_plans()}


def test_a_plan_for_a_centres_own_type_reaches_another_workstation(admin, desk, clock):
    """The platform checks a type code's shape, not the workstations' taxonomy
    files; a malformed code is still refused with the reason."""
    own = {**example_plans()[0], "types": ["11B01"], "levels": [
        {"level": "IV", "conditions": {"field": "type", "op": "==", "value": "11B01"}}]}
    bad = {**example_plans()[1], "types": ["两个 字"]}
    PlanStore(admin.mirror, clock=clock).save_many([own, bad])
    assert admin.sync() and desk.sync()
    [refused] = outbox_store.rejected(admin.mirror)
    assert "unknown_type" in refused.reason
    plan = PlanStore(desk.mirror, clock=clock).get(own["id"])
    assert plan is not None and plan.types == ("11B01",)
