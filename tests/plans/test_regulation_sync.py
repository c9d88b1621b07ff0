"""Regulations through a real platform: an admin's regulation (with the plans
it is attached to) reaches a second workstation, which reads and searches it
offline; a duty officer's regulation is refused with the reason; a bad field
sent past the client's own check is refused by the platform's; the demo seeds
the two example regulations once."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from server.app import add_user
from server.demo import seed_demo_plans, seed_demo_regulations
from services.clock import ManualClock
from services.plans.files import example_plans
from services.plans.regulations import RegulationStore, example_regulations
from services.plans.store import PlanStore
from services.sync import outbox_store
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


def test_an_admins_regulation_reaches_another_workstation(admin, desk, clock):
    PlanStore(admin.mirror, clock=clock).save_many(example_plans())
    record = {"id": "0c1d2e3f-4a5b-4c6d-8e7f-901234567890", "title": "城市桥梁防汛管理规定（示例）",
              "issuer": "示例市城市管理局", "doc_number": "示例城管规〔2026〕7号", "effective_date": "2026-06-01",
              "plan_ids": [example_plans()[1]["id"]], "example": True,
              "full_text": "第一条 桥下积水超过警戒水位时，封闭桥下通道（示例）。"}
    RegulationStore(admin.mirror, clock=clock).save_many([record])
    assert admin.sync()
    assert outbox_store.rejected(admin.mirror) == []
    assert desk.sync()
    store = RegulationStore(desk.mirror, clock=clock)
    got = store.get(record["id"])
    assert got is not None and got.as_record() == record and got.pending_sync is False
    assert [r.title for r in store.for_plan(example_plans()[1]["id"])] == ["城市桥梁防汛管理规定（示例）"]
    assert [(h.kind, h.title) for h in store.search("桥下")] == [("regulation", "城市桥梁防汛管理规定（示例）")]
    assert [h.kind for h in store.search("封闭桥下通道")] == ["regulation"]


def test_a_duty_officer_may_read_regulations_but_not_change_them(admin, desk, clock):
    RegulationStore(desk.mirror, clock=clock).save_many(example_regulations()[:1])
    assert desk.sync()
    [refused] = outbox_store.rejected(desk.mirror)
    assert "may not change regulations" in refused.reason and "admin" in refused.reason


def test_the_platform_refuses_a_bad_field(admin, clock):
    bad = dict(example_regulations()[0], effective_date="2026-02-30")
    RegulationStore(admin.mirror, clock=clock).save_many([bad])  # past the client's own check
    assert admin.sync()
    [refused] = outbox_store.rejected(admin.mirror)
    assert "effective_date" in refused.reason and "bad_date" in refused.reason


def test_the_demo_seeds_the_example_regulations_once(live, desk):
    assert seed_demo_plans(live.app.state.db) == 2
    assert seed_demo_regulations(live.app.state.db) == 2
    assert seed_demo_regulations(live.app.state.db) == 0
    from server.regulations import RegulationRow

    with Session(live.app.state.db.write) as s:
        assert s.get(RegulationRow, example_regulations()[0]["id"]).example is True
    assert desk.sync()
    store = RegulationStore(desk.mirror)
    assert {r.title for r in store.list()} == {r["title"] for r in example_regulations()}
    assert {h.kind for h in store.search("涝")} == {"plan", "regulation"}
