"""The map widget on a real QtWebEngine page (offscreen): local assets only,
markers counted in the page, clicks and right-clicks reaching Python, tiles
served from MBTiles through the wrtile scheme, batched moves, tools."""

from __future__ import annotations

import base64
import re

import pytest

from offline_cache.tiles import TileStore
from services.maps.tile_library import TileLibrary
from services.paths import FALLBACK_BASEMAP
from tests.helpers import wait_until
from tests.map.helpers import js, js_value, ready_view
from widgets.map_view import MapView
from widgets.map_view.page import build_page

# A 1x1 PNG: the bytes the scheme must hand back unchanged.
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")


@pytest.fixture
def view(qtbot):
    v = MapView()
    qtbot.addWidget(v)
    v.resize(800, 600)
    v.show()
    yield ready_view(v)


def test_the_page_has_no_remote_references():
    html = build_page((29.5, 106.5), 8)
    assert not re.search(r"""(src|href)=["']https?://""", html)
    assert not re.search(r"""(src|href)=["']file:""", html)
    assert "leaflet.js" in html and "cluster_worker.js" in html and "points.js" in html


def test_markers_are_counted_in_the_page_and_clicks_reach_python(view, qtbot):
    rows = [(f"t{n}", 29.5 + n * 0.001, 106.5, f"队伍{n}", "team") for n in range(300)]
    view.define_layer("team", "team")
    view.set_points("team", rows)
    view.set_points("shelter", [("s1", 29.6, 106.6, "避难场所", "shelter")])
    assert wait_until(lambda: js(view, "wr.count()") == 301)
    assert js(view, "wr.count('team')") == 300
    with qtbot.waitSignal(view.sig_marker_clicked, timeout=5000) as clicked:
        assert js(view, "wr.click('shelter', 's1')") is True
    assert clicked.args == ["shelter", "s1"]
    with qtbot.waitSignal(view.sig_map_context, timeout=5000) as context:
        js(view, "wr.map.fire('contextmenu', {latlng: L.latLng(29.7, 106.8)}); true")
    assert context.args == pytest.approx([29.7, 106.8])


def test_a_batch_of_moves_is_applied_without_reloading(view):
    view.set_points("team", [(f"t{n}", 29.0, 106.0, "", "team") for n in range(1000)])
    assert wait_until(lambda: js(view, "wr.count('team')") == 1000)
    js(view, "window.marker = 'kept'; true")  # gone if the page reloads
    view.upsert_points("team", [(f"t{n}", 30.0, 107.0 + n * 1e-4, "", "team") for n in range(1000)])
    view.remove_points("team", ["t999"])
    view.flush()
    assert wait_until(lambda: js(view, "wr.count('team')") == 999)
    assert js_value(view, "wr.position('team', 't5')") == pytest.approx([30.0, 107.0005])
    assert js(view, "window.marker") == "kept"


def test_tiles_come_from_mbtiles_through_the_scheme(qtbot, tmp_path):
    store = TileStore(tmp_path / "tiles" / "city.mbtiles", writable=True,
                      metadata={"name": "city", "format": "png"})
    store.put_many([(5, 25, 13, PNG)])
    library = TileLibrary(tmp_path / "tiles")
    v = MapView(library.provide)
    qtbot.addWidget(v)
    ready_view(v)
    script = """(function () {
        window.tileResult = null;
        fetch('wrtile://tiles/city/5/25/13').then(r => r.arrayBuffer()).then(b => {
            window.tileResult = Array.from(new Uint8Array(b));
        }).catch(e => { window.tileResult = 'error ' + e; });
        return true; })()"""
    js(v, script)
    assert wait_until(lambda: js_value(v, "window.tileResult") is not None)
    assert bytes(js_value(v, "window.tileResult")) == PNG
    js(v, "var i = new Image(); i.onload = () => window.missing = 'loaded';"
          "i.onerror = () => window.missing = 'failed'; i.src = 'wrtile://tiles/city/5/0/0'; true")
    assert wait_until(lambda: js_value(v, "window.missing || null") == "failed")  # quickly, no tile


def test_measuring_and_drawing_an_area_report_to_python(view, qtbot):
    view.start_measure()
    with qtbot.waitSignal(view.sig_measured, timeout=5000) as measured:
        js(view, "wr.toolAdd(29.0, 106.0); wr.toolAdd(30.0, 106.0); wr.toolFinish(); true")
    assert measured.args[0] == pytest.approx(111_195, rel=0.01)  # one degree of latitude
    view.start_polygon()
    with qtbot.waitSignal(view.sig_polygon_drawn, timeout=5000) as drawn:
        js(view, "wr.toolAdd(29,106); wr.toolAdd(29,107); wr.toolAdd(30,107); wr.toolFinish(); true")
    assert drawn.args[0] == [(29.0, 106.0), (29.0, 107.0), (30.0, 107.0)]


def test_the_fallback_basemap_draws_places(view, tmp_path):
    assert view.set_basemap_geojson(FALLBACK_BASEMAP)
    view.center_on(29.56, 106.55, 9)
    assert wait_until(lambda: js(view, "document.querySelectorAll('.wr-place-2').length") > 100)
    view.show_rings(29.56, 106.55, [5000, 10000, 20000])
    assert wait_until(lambda: js(view, "document.querySelectorAll('.wr-ring-label').length") == 3)
    shot = tmp_path / "map.png"
    view.grab().save(str(shot))
    assert shot.stat().st_size > 5_000


def test_a_tile_downloaded_on_demand_reaches_the_page(qtbot, tmp_path):
    from services.maps.online import TileSourceConfig
    from tests.helpers import TileServer

    server = TileServer()
    try:
        library = TileLibrary(tmp_path / "tiles")
        library.add_online(TileSourceConfig("city", server.url()))
        v = MapView(library.provide)
        qtbot.addWidget(v)
        ready_view(v)
        js(v, "window.t = null; fetch('wrtile://tiles/city/9/400/200').then(r => r.text())"
              ".then(s => window.t = s.slice(0, 30)); true")
        assert wait_until(lambda: js_value(v, "window.t") is not None)
        assert js_value(v, "window.t").startswith("tile /t/9/400/200.png")
        assert library.store("city").get(9, 400, 200) is not None  # cached for the next time offline
    finally:
        server.stop()
