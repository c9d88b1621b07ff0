"""Dispatch through a real platform on loopback: an order issued at one
workstation, acknowledged by the field unit through the platform's endpoint,
seen with its timeline at a second workstation; an order written offline goes
out first on reconnect."""

from __future__ import annotations

import httpx
import pytest

from server.app import add_user
from services.dispatch.lifecycle import OrderStatus, TargetKind, entry_id
from services.dispatch.service import OrderDraft
from services.incidents.model import EntryKind
from services.sync.wire import API_PREFIX
from tests.helpers import draft, wait_until
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    add_user(server.app.state.db, "unit7", "unit7-pw", "field_unit", unit_id="team-yz")  # reports for its unit only
    yield server
    server.stop()


def field_report(url: str, order_id: str, status: str) -> httpx.Response:
    with httpx.Client(base_url=url + API_PREFIX, timeout=10) as http:
        token = http.post("/auth/login", json={"username": "unit7", "password": "unit7-pw"}).json()["access_token"]
        return http.post(f"/orders/{order_id}/status", json={"status": status},
                         headers={"Authorization": f"Bearer {token}"})


def test_a_field_acknowledgement_reaches_the_other_workstation(qtbot, tmp_path, live, clock):
    a = make_client(tmp_path / "a.db", [live.url], clock, site="CQ")
    b = make_client(tmp_path / "b.db", [live.url], clock, site="WZ")
    try:
        incident = a.incidents.create_incident(draft(clock), "陈晓")
        order = a.dispatch.issue(OrderDraft(incident.id, TargetKind.TEAM, "渝中区消防救援站", "立即前往现场",
                                            target_id="team-yz"), "陈晓")
        assert a.sync()
        assert field_report(live.url, order.id, "acknowledged").json()["status"] == "applied"
        from views.common.event_relay import DomainEventRelay
        from views.common.task_runner import TaskRunner
        from views.dispatch.board import DispatchBoard

        relay, runner = DomainEventRelay(), TaskRunner()
        relay.attach(b.dispatch.events)
        board = DispatchBoard(b.dispatch, b.incidents, runner, relay)  # the second workstation's panel
        qtbot.addWidget(board)
        assert b.sync()
        assert wait_until(lambda: any(o.id == order.id and o.status == OrderStatus.ACKNOWLEDGED
                                      for _g, o in board.model.rows if o is not None), 5)
        runner.shutdown()
        relay.detach(b.dispatch.events)
        seen = b.dispatch.get(order.id)
        assert seen.status == OrderStatus.ACKNOWLEDGED and OrderStatus.ACKNOWLEDGED in seen.steps
        steps = [e.id for e in b.incidents.timeline(incident.id) if e.kind == EntryKind.DISPATCH]
        assert steps == [entry_id(order.id, OrderStatus.ISSUED), entry_id(order.id, OrderStatus.ACKNOWLEDGED)]
        assert a.sync()
        mine = a.incidents.timeline(incident.id)
        assert [e.id for e in mine if e.kind == EntryKind.DISPATCH] == steps  # one copy of each step
        assert not any(e.pending_sync for e in mine) and not a.dispatch.get(order.id).pending_sync
        a.dispatch.advance(order.id, OrderStatus.COMPLETED, "陈晓")
        # The platform has it acknowledged (the completion is not sent yet): departing is a step forward.
        assert field_report(live.url, order.id, "departed").json()["status"] == "applied"
        assert a.sync() and b.sync()
        assert b.dispatch.get(order.id).status == OrderStatus.COMPLETED  # forward only, on both ends
    finally:
        a.close()
        b.close()


def test_an_order_written_offline_goes_out_first(tmp_path, live, clock):
    a = make_client(tmp_path / "a.db", ["http://127.0.0.1:9"], clock)  # the link is down
    try:
        incident = a.incidents.create_incident(draft(clock), "a")
        assert a.sync() is False
        for n in range(30):
            a.incidents.append_entry(incident.id, EntryKind.NOTE, f"备注{n}", "a")
        order = a.dispatch.issue(OrderDraft(incident.id, TargetKind.TEAM, "一中队", "增援"), "a")
        assert a.dispatch.get(order.id).pending_sync
        a.engine.endpoints = [a.engine.endpoints[0].__class__(live.url, "duty", "duty-pw")]  # back
        assert a.sync()
        with httpx.Client(base_url=live.url + API_PREFIX, timeout=10) as http:
            token = http.post("/auth/login", json={"username": "duty", "password": "duty-pw"}).json()["access_token"]
            changes = http.get("/changes", params={"after": 0, "limit": 5000},
                               headers={"Authorization": f"Bearer {token}"}).json()["changes"]
        seq = {c["entity_id"]: c["seq"] for c in changes}
        notes = [c["seq"] for c in changes if c["entity"] == "entry" and c["data"]["body"].startswith("备注")]
        assert len(notes) == 30 and seq[order.id] < min(notes)  # the platform had the order before the notes
        assert not a.dispatch.get(order.id).pending_sync
    finally:
        a.close()
