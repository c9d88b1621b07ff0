"""Field units on the real map page (QtWebEngine, offscreen): they appear and
move in batches with a short track, turn grey when stale, names stay text, the
layer can be hidden, and the nearest-resource list counts a team from its live
position."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from services.dispatch.lifecycle import TargetKind
from services.dispatch.service import DispatchService, OrderDraft
from services.positions.contract import record_id
from services.positions.store import PositionStore
from services.resources.store import ResourceStore
from tests.helpers import draft, wait_until
from tests.map.helpers import js, js_value, ready_view
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.map import units_layer
from views.map.panel import MapPanel


def team(rid: str, name: str, lat: float, lon: float) -> dict:
    return {"id": rid, "kind": "team", "name": name, "lat": lat, "lon": lon, "division": "", "address": "",
            "contact": "", "phone": "", "available": True, "details": {}}


@pytest.fixture
def panel(qtbot, mirror, events, incident_service, clock, monkeypatch):
    monkeypatch.setattr(units_layer, "BATCH_MS", 50)
    resources = ResourceStore(mirror, events, clock)
    # Team A's base is next to the incident, team B's far away; B is out on the road, near it.
    resources.save_many([team("team-a", "甲队", 29.60, 106.60), team("team-b", "乙队", 30.50, 107.50)])
    incident = incident_service.create_incident(draft(clock, lat=29.556, lon=106.568), "a")
    relay = DomainEventRelay()
    relay.attach(events)
    runner = TaskRunner()
    positions = PositionStore(mirror, events, clock)
    dispatch = DispatchService(mirror, events, clock)
    p = MapPanel(incident_service, resources, runner, relay, positions=positions,
                 orders_of=dispatch.active_for_target)
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    ready_view(p.map)
    p.positions_store, p.incident_id, p.clock, p.dispatch = positions, incident.id, clock, dispatch
    yield p
    runner.shutdown()
    relay.detach(events)


def test_units_appear_move_with_a_track_and_grey_when_stale(panel):
    store, clock = panel.positions_store, panel.clock
    store.report("team-b", "乙队", 29.50, 106.50, clock.now() - timedelta(seconds=30))
    store.report("team-c", "<img src=x onerror=alert(1)>", 29.52, 106.52, clock.now() - timedelta(seconds=30))
    b = record_id("room", "team-b")
    wait_until(lambda: js(panel.map, "wrUnits.count()") == 2, qt=True, what="two units on the map")
    store.report("team-b", "乙队", 29.55, 106.56, clock.now())
    wait_until(lambda: js_value(panel.map, f"wrUnits.where('{b}')")[:3] == [29.55, 106.56, 2], qt=True,
               what="team B moved, with a track of two fixes")
    assert js(panel.map, "wrUnits.count()") == 2  # moved, not added again
    assert js(panel.map, "document.querySelectorAll('img[src=x]').length") == 0
    clock.advance(timedelta(minutes=6))  # past the default stale time
    panel.units.reload()
    wait_until(lambda: js(panel.map, "wrUnits.staleCount()") == 2, qt=True, what="both units grey")
    assert js(panel.map, "wrUnits.visible()") is True
    panel.map.set_units_visible(False)
    wait_until(lambda: js(panel.map, "wrUnits.visible()") is False, qt=True, what="the layer hidden")


def test_the_nearest_list_counts_a_team_from_its_live_position(panel):
    store, clock = panel.positions_store, panel.clock
    by_base = panel._nearest_all(29.556, 106.568)["team"]
    assert [p.id for p, _ in by_base] == ["team-a", "team-b"]
    store.report("team-b", "乙队", 29.557, 106.569, clock.now())
    live = panel._nearest_all(29.556, 106.568)["team"]
    assert [p.id for p, _ in live] == ["team-b", "team-a"]
    assert live[0][1] < 200 and live[0][0].live_at
    clock.advance(timedelta(minutes=6))  # stale: back to its base
    assert [p.id for p, _ in panel._nearest_all(29.556, 106.568)["team"]] == ["team-a", "team-b"]


def test_clicking_a_unit_opens_its_card_with_its_order_and_text_as_text(panel, mirror):
    store, clock = panel.positions_store, panel.clock
    order = panel.dispatch.issue(OrderDraft(panel.incident_id, TargetKind.TEAM, "乙队", "<b>赶赴</b>现场排涝",
                                            target_id="team-b"), "陈晓")
    store.report("team-b", "乙队", 29.55, 106.56, clock.now() - timedelta(minutes=2))
    store.report("team-c", "<img src=x onerror=alert(1)>", 29.52, 106.52, clock.now())
    b, c = record_id("room", "team-b"), record_id("room", "team-c")
    with mirror.write() as s:  # a device that sends speed and course
        s.execute(text("UPDATE positions SET speed = 12.5, course = 92 WHERE id = :id"), {"id": b})
    wait_until(lambda: js(panel.map, "wrUnits.count()") == 2, qt=True, what="two units on the map")
    assert js(panel.map, f"wrUnits.click('{b}')") is True
    wait_until(lambda: "乙队" in panel.card.text(), qt=True, what="team B's card")
    card = panel.card.text()
    assert "45 km/h" in card and "92° E" in card and "2 min ago" in card
    assert order.incident_code in card and "&lt;b&gt;赶赴&lt;/b&gt;" in card  # the order's text, escaped
    js(panel.map, f"wrUnits.click('{c}')")
    wait_until(lambda: "&lt;img" in panel.card.text(), qt=True, what="team C's card, its callsign as text")
    assert "<img" not in panel.card.text() and "Not on an order" in panel.card.text()
    clock.advance(timedelta(minutes=6))
    js(panel.map, f"wrUnits.click('{b}')")
    wait_until(lambda: "No recent position" in panel.card.text(), qt=True, what="the stale state on the card")
