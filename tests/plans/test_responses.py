"""Response decisions at one workstation and through the platform: started from
a plan, raised, lowered, ended, each a timeline entry with who and when; an
ended response stays ended on both ends; another workstation sees a response
started at the first, and the platform stamps the account from the token."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from services.clock import ManualClock
from services.incidents.model import Casualties, Category, Severity
from services.input_checks import ValidationError
from services.plans.response import Action, Current, decision_entry_id, refusal
from services.plans.responses import ResponseRefused, ResponseService
from services.sync import outbox_store
from services.timeline import EntryKind
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

PLAN = {"plan_id": "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a02", "plan_version": "2026.1",
        "plan_title": "危险化学品泄漏事故应急预案（示例）"}


def chem(service, clock):
    return service.create_incident(draft(clock, category=Category.ACCIDENT, type_code="hazardous_chemicals",
                                         severity=Severity.IV, casualties=Casualties(deaths=3)), "张三")


def test_the_rules_move_forward_only():
    none, active, ended = Current(), Current("active", "III"), Current("ended", "III")
    assert refusal(none, "start", "III") is None
    assert refusal(none, "raise", "II") == "not_active"
    assert refusal(none, "start", "V") == "bad_level"
    assert refusal(none, "pause", "III") == "unknown_action"
    assert refusal(active, "start", "II") == "already_active"
    assert refusal(active, "raise", "II") is None and refusal(active, "raise", "IV") == "not_graver"
    assert refusal(active, "lower", "IV") is None and refusal(active, "lower", "I") == "not_lighter"
    assert refusal(active, "end", "") is None
    for action in ("start", "raise", "lower", "end"):
        assert refusal(ended, action, "I") == "ended"


def test_start_raise_lower_end_each_on_the_timeline(mirror, clock, events, incident_service):
    responses = ResponseService(mirror, events, clock)
    incident = chem(incident_service, clock)
    assert responses.current(incident.id) is None
    with pytest.raises(ValidationError):
        responses.decide(incident.id, Action.START, level="III", reason=" ", author="张三", **PLAN)
    started = responses.decide(incident.id, Action.START, level="III", reason="死亡 3 人，达到 III 级响应条件",
                               author="张三", **PLAN)
    assert (started.level, started.state, started.plan_version, started.pending_sync) == ("III", "active",
                                                                                          "2026.1", True)
    clock.advance(timedelta(minutes=20))
    responses.decide(incident.id, Action.RAISE, level="II", reason="又有 3 人死亡", author="李四")
    with pytest.raises(ResponseRefused) as refused:
        responses.decide(incident.id, Action.RAISE, level="III", reason="误操作", author="李四")
    assert refused.value.code == "not_graver"
    responses.decide(incident.id, Action.LOWER, level="IV", reason="泄漏已控制", author="李四")
    assert responses.active_by_level() == {"IV": 1}
    assert responses.levels_of([incident.id, "other"]) == {incident.id: ("IV", "active")}
    ended = responses.decide(incident.id, Action.END, reason="现场处置完毕", author="王五")
    assert (ended.state, ended.level) == ("ended", "IV") and ended.ended_at is not None
    assert ended.started_at == started.started_at
    with pytest.raises(ResponseRefused) as refused:
        responses.decide(incident.id, Action.START, level="I", reason="再次启动", author="王五", **PLAN)
    assert refused.value.code == "ended"
    assert responses.active_by_level() == {}
    decisions = [e for e in incident_service.timeline(incident.id) if e.kind == EntryKind.DECISION]
    assert [e.body for e in decisions] == [
        "启动 III 级响应（《危险化学品泄漏事故应急预案（示例）》 2026.1 版）。理由：死亡 3 人，达到 III 级响应条件（张三）",
        "提升为 II 级响应（《危险化学品泄漏事故应急预案（示例）》 2026.1 版）。理由：又有 3 人死亡（李四）",
        "降低为 IV 级响应（《危险化学品泄漏事故应急预案（示例）》 2026.1 版）。理由：泄漏已控制（李四）",
        "结束 IV 级响应（《危险化学品泄漏事故应急预案（示例）》 2026.1 版）。理由：现场处置完毕（王五）"]
    assert [e.author for e in decisions] == ["张三", "李四", "李四", "王五"]
    # the incident's own severity is untouched: a plan's levels are its own
    assert incident_service.get(incident.id).severity == Severity.IV


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    yield server
    server.stop()


def test_a_response_started_at_one_workstation_is_seen_at_the_other(tmp_path, live):
    clock = ManualClock(datetime(2026, 12, 6, 8, 0, tzinfo=UTC))
    a = make_client(tmp_path / "a.db", [live.url], clock)
    b = make_client(tmp_path / "b.db", [live.url], clock, user="chief", password="chief-pw")
    try:
        incident = chem(a.incidents, clock)
        at_a, at_b = ResponseService(a.mirror, clock=clock), ResponseService(b.mirror, clock=clock)
        at_a.decide(incident.id, Action.START, level="III", reason="死亡 3 人", author="张三", **PLAN)
        assert a.sync() and b.sync()
        assert outbox_store.rejected(a.mirror) == []
        seen = at_b.current(incident.id)
        assert (seen.level, seen.state, seen.plan_id, seen.pending_sync) == ("III", "active", PLAN["plan_id"], False)
        entries = [e for e in b.incidents.timeline(incident.id) if e.kind == EntryKind.DECISION]
        assert len(entries) == 1 and entries[0].body.startswith("启动 III 级响应")
        # the platform recorded the account of the token, not the payload's name
        from server.responses import ResponseRow

        with Session(live.app.state.db.write) as s:
            row = s.scalar(select(ResponseRow))
            assert (row.decided_by_account, row.decided_by) == ("duty", "张三")
        # b raises and ends; a, offline meanwhile, lowers: its late decision is refused, not applied
        at_b.decide(incident.id, Action.RAISE, level="I", reason="伤亡扩大", author="值班长")
        at_b.decide(incident.id, Action.END, reason="处置完毕", author="值班长")
        at_a.decide(incident.id, Action.LOWER, level="IV", reason="情况好转", author="张三")
        assert b.sync() and a.sync()
        [refused] = outbox_store.rejected(a.mirror)
        assert "ended" in refused.reason
        assert a.sync()
        final = at_a.current(incident.id)
        assert (final.state, final.level) == ("ended", "I")
        bodies = [e.body for e in a.incidents.timeline(incident.id) if e.kind == EntryKind.DECISION]
        assert sum(body.startswith("结束 I 级响应") for body in bodies) == 1
        assert decision_entry_id("x") != decision_entry_id("y")
    finally:
        a.close()
        b.close()


def test_the_list_card_and_dashboard_carry_the_response_level(mirror, clock, events, incident_service):
    from zoneinfo import ZoneInfo

    from services.dashboard.figures import DashboardService
    from services.incidents.deadlines import load_rules
    from services.incidents.repository import IncidentQuery

    responses = ResponseService(mirror, events, clock)
    first, second = chem(incident_service, clock), chem(incident_service, clock)
    responses.decide(first.id, Action.START, level="III", reason="死亡 3 人", author="张三", **PLAN)
    responses.decide(second.id, Action.START, level="I", reason="爆炸", author="张三", **PLAN)
    responses.decide(second.id, Action.END, reason="处置完毕", author="张三")
    assert incident_service.get(first.id).response_level == "III"
    assert incident_service.get(second.id).response_level == ""  # ended: no response under way
    page = {i.id: i.response_level for i in incident_service.list_page(IncidentQuery(), 0, 10)}
    assert page == {first.id: "III", second.id: ""}
    figures = DashboardService(mirror, load_rules(), clock, ZoneInfo("Asia/Shanghai")).figures()
    assert figures.responses_by_level == {"III": 1}
    assert incident_service.get(first.id).severity == Severity.IV
