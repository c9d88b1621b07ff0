"""Monitoring stations on the one map (views/monitoring/map_layer.py) against the
real page: a marker per station coloured by its level, recoloured when the feed
moves it; the layer's line in the tree; the card with the latest reading and a
sparkline image, every record value as text; the card's link asks for the chart."""

from __future__ import annotations

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from services.monitoring.store import StationStore
from services.resources.store import ResourceStore
from tests.gui.monitoring_feed import feed, readings, station
from tests.helpers import wait_until
from tests.map.helpers import js_value, ready_view
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.map.panel import MapPanel
from views.monitoring.map_layer import LAYER, StationLayer

TZ = ZoneInfo("Asia/Shanghai")
COLOURS = "wr.layerGroup('stations').getLayers().map(function (m) { return [m.wrId, m.options.fillColor]; })"


@pytest.fixture
def mapped(qtbot, mirror, events, incident_service, clock):
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    panel = MapPanel(incident_service, ResourceStore(mirror, events, clock), runner, relay)
    layer = StationLayer(panel, StationStore(mirror), runner, relay, tz=TZ, now=lambda: clock.now().timestamp())
    qtbot.addWidget(panel)
    panel.resize(1300, 800)
    panel.show()
    ready_view(panel.map)
    yield panel, layer
    runner.shutdown()
    relay.detach(events)


def colours(panel) -> dict[str, str]:
    return dict(js_value(panel.map, COLOURS) or [])


def test_stations_are_coloured_by_level_and_recoloured_by_the_feed(mapped, mirror, events, clock, qtbot):
    panel, layer = mapped
    normal, alarmed = station(name="长江寸滩站"), station(name="嘉陵江北碚站", level="alert", lat=29.83, lon=106.44)
    feed(mirror, events, clock.now(), "station", [normal, alarmed])
    wait_until(lambda: len(colours(panel)) == 2, what="two station markers")
    assert colours(panel) == {normal["id"]: "#2e7d32", alarmed["id"]: "#e65100"}
    assert any("Monitoring stations (2, 1 alarmed)" == panel.layer_tree.topLevelItem(i).text(0)
               for i in range(panel.layer_tree.topLevelItemCount()))
    feed(mirror, events, clock.now(), "station", [dict(normal, level="guarantee", version=2)])
    wait_until(lambda: colours(panel).get(normal["id"]) == "#c62828", what="the station recoloured red")


def test_the_card_has_the_latest_reading_a_sparkline_and_text_only(mapped, mirror, events, clock, qtbot):
    panel, layer = mapped
    evil = station(name="<img src=x onerror=alert(1)>北碚", org="<b>水文站</b>")
    feed(mirror, events, clock.now(), "station", [evil])
    feed(mirror, events, clock.now(), "reading",
         readings(evil["id"], clock.now() - timedelta(hours=3), [180 + i / 30 for i in range(180)]))
    wait_until(lambda: evil["id"] in layer.stations and layer.stations[evil["id"]].latest_value, 5,
               what="the station with its reading")
    panel.on_marker_clicked(LAYER, evil["id"])
    wait_until(lambda: "base64" in panel.card.text(), 5, what="the card with its sparkline")
    card = panel.card.text()
    assert "&lt;img src=x onerror=alert(1)&gt;北碚" in card and "&lt;b&gt;水文站&lt;/b&gt;" in card
    assert len(re.findall(r"<img ", card)) == 1 and 'src="data:image/png;base64,' in card
    assert "185.967" in card  # the latest value
    with qtbot.waitSignal(layer.sig_station_wanted, timeout=2000) as wanted:
        panel._on_card_link(f"station:{evil['id']}")
    assert wanted.args == [evil["id"]]
