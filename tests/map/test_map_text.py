"""Names, titles and codes from records reach the map page as text: a resource, a
camera and an incident with markup in their names show that markup as
characters in their tooltips (hovered as the pointer does) and in the card
beside the map; no element is made from them and nothing of theirs runs. The
same for the basemap's place names and an imported tile file's attribution."""

from __future__ import annotations

import json

import pytest

from services.resources.store import ResourceStore
from tests.helpers import draft, wait_until
from tests.map.helpers import js, js_value, ready_view
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.map import layers
from views.map.panel import MapPanel
from widgets.map_view import MapView

EVIL_NAME = '<img src=x onerror="window.__pwned=1">'
EVIL_TITLE = "<b>粗体</b><script>window.__pwned=2</script>"
EVIL_CODE = '<svg onload="window.__pwned=3">'

HOVER = """(function (layer, id) {
  var group = wr.layerGroup(layer);
  var m = group && group.getLayers().filter(function (x) { return x.wrId === id; })[0];
  if (!m || !m._map) return null;  // not drawn yet (clusters load in chunks)
  m.fire("mouseover", {latlng: m.getLatLng()});  // what the pointer does
  var t = m.getTooltip(), el = t && t.isOpen() ? t.getElement() : null;
  if (!el) return null;
  var out = {text: el.textContent, elements: el.querySelectorAll("*").length};
  m.fire("mouseout");
  return out;
})(%s, %s)"""

NOTHING_RAN = """JSON.stringify({pwned: window.__pwned === undefined ? null : window.__pwned,
  made: document.querySelectorAll('img[src="x"], svg[onload], script:not([src]) ~ b, body b').length})"""


def hover(view, layer: str, marker_id: str) -> dict:
    """The open tooltip of a marker: its text and how many elements it holds."""
    found: list = []
    script = HOVER % (json.dumps(layer), json.dumps(marker_id))
    wait_until(lambda: found.append(js_value(view, script)) or found[-1] is not None,
               what=f"the tooltip of {layer}/{marker_id}")
    return found[-1]


def nothing_ran(view) -> dict:
    return json.loads(js(view, NOTHING_RAN))


@pytest.fixture
def view(qtbot):
    v = MapView(zoom=15)
    qtbot.addWidget(v)
    v.resize(800, 600)
    v.show()
    yield ready_view(v)


def test_marker_tooltips_show_names_as_text(view):
    view.center_on(29.56, 106.55, 15)  # no clustering: every marker drawn
    view.set_points("team", [("r1", 29.560, 106.550, EVIL_NAME, "team")])
    view.set_points("cameras", [("c1", 29.561, 106.551, EVIL_NAME, "camera")])
    view.set_points("incidents", [("i1", 29.562, 106.552, f"{EVIL_CODE} {EVIL_TITLE}", "severity_I")])
    for layer, marker_id, label in (("team", "r1", EVIL_NAME), ("cameras", "c1", EVIL_NAME),
                                    ("incidents", "i1", f"{EVIL_CODE} {EVIL_TITLE}")):
        shown = hover(view, layer, marker_id)
        assert shown == {"text": label, "elements": 0}, layer
    # Moved by sync: the new name is text too.
    view.upsert_points("team", [("r1", 29.5605, 106.5505, EVIL_TITLE, "team")])
    view.flush()
    assert wait_until(lambda: (hover(view, "team", "r1") or {}).get("text") == EVIL_TITLE)
    assert nothing_ran(view) == {"pwned": None, "made": 0}
    assert js_value(view, "wr.violations()") == []  # the page's own doings break no policy


def test_place_names_and_a_tile_files_attribution_are_text(view, tmp_path):
    basemap = tmp_path / "places.geojson"
    basemap.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [
            [[106.5, 29.5], [106.6, 29.5], [106.6, 29.6], [106.5, 29.5]]]},
         "properties": {"name": EVIL_NAME, "level": 1, "cp": [106.55, 29.55]}}]}), encoding="utf-8")
    assert view.set_basemap_geojson(basemap)
    view.center_on(29.55, 106.55, 9)
    assert wait_until(lambda: js(view, "document.querySelectorAll('.wr-place').length") == 1)
    assert js(view, "document.querySelector('.wr-place').textContent") == EVIL_NAME
    view.set_tile_layer("city", 18, EVIL_NAME)  # an MBTiles file's metadata says so
    assert wait_until(lambda: EVIL_NAME in (js(view, "document.querySelector("
                                                     "'.leaflet-control-attribution').textContent") or ""))
    assert js(view, "document.querySelectorAll('.leaflet-control-attribution img').length") == 0
    assert nothing_ran(view) == {"pwned": None, "made": 0}


def test_the_map_panel_shows_hostile_names_as_text(qtbot, mirror, events, incident_service, clock):
    from PySide6.QtGui import QTextDocument

    from services.cameras.store import CameraStore

    store = ResourceStore(mirror, events, clock)
    store.save_many([{"id": "r-evil", "kind": "team", "name": EVIL_NAME, "lat": 29.560, "lon": 106.550,
                      "available": True, "contact": EVIL_TITLE, "address": EVIL_NAME,
                      "details": {EVIL_CODE: EVIL_TITLE}}])
    cameras = CameraStore(mirror, events, clock)
    cameras.save_many([{"id": "c-evil", "name": EVIL_NAME, "group_path": EVIL_TITLE, "lat": 29.561,
                        "lon": 106.551, "main_url": "rtsp://127.0.0.1/a", "sub_url": "", "ptz": False,
                        "platform": EVIL_CODE, "online": True}])
    incident = incident_service.create_incident(draft(clock, title=EVIL_TITLE, lat=29.562, lon=106.552), "a")
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    p = MapPanel(incident_service, store, runner, relay, cameras=cameras)
    qtbot.addWidget(p)
    p.resize(1400, 800)
    p.show()
    ready_view(p.map)

    def card_shows() -> str:  # what the officer reads in the card (a rich-text label)
        doc = QTextDocument()
        doc.setHtml(p.card.text())
        return doc.toPlainText()

    try:
        assert wait_until(lambda: js(p.map, "wr.count()") == 3)
        p.map.center_on(29.561, 106.551, 15)
        assert hover(p.map, "team", "r-evil") == {"text": EVIL_NAME, "elements": 0}
        assert hover(p.map, layers.CAMERA_LAYER, "c-evil") == {"text": EVIL_NAME, "elements": 0}
        assert hover(p.map, layers.INCIDENT_LAYER, incident.id) == {
            "text": f"{incident.code} {EVIL_TITLE}", "elements": 0}

        js(p.map, "wr.click('team', 'r-evil'); true")
        assert wait_until(lambda: EVIL_NAME in card_shows())
        assert EVIL_TITLE in card_shows() and EVIL_CODE in card_shows()
        js(p.map, "wr.click('cameras', 'c-evil'); true")
        assert wait_until(lambda: EVIL_NAME in card_shows() and EVIL_TITLE in card_shows())
        js(p.map, f"wr.click('incidents', '{incident.id}'); true")
        assert wait_until(lambda: EVIL_TITLE in card_shows())
        for tag in ("<img", "<b>", "<script", "<svg"):
            assert tag not in p.card.text()
        assert nothing_ran(p.map) == {"pwned": None, "made": 0}
    finally:
        runner.shutdown()
        relay.detach(events)


def test_a_tile_sets_odd_name_is_a_name_not_part_of_the_url(qtbot):
    asked: list[str] = []

    def provider(layer: str, z: int, x: int, y: int):
        asked.append(layer)
        return None

    v = MapView(provider)
    qtbot.addWidget(v)
    v.resize(400, 300)
    v.show()
    ready_view(v)
    odd = "城区/{z}?x=<b>#1"  # a file's name: a slash, a template brace, a query, markup
    v.set_tile_layer(odd, 18, "")
    assert wait_until(lambda: odd in asked, what=lambda: f"a tile asked for under the whole name: {asked[:3]}")
    assert set(asked) == {odd}
