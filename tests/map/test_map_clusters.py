"""The map's clustering (widgets/map_view/web/points.js, cluster_worker.js) on the
real page: supercluster runs in the page's workers and only the view's clusters
are drawn, every point counted once; zooming in shows single markers with their
tooltips and clicks; moved, removed and hidden points redraw; without a worker
the page clusters itself and says so in the log."""

from __future__ import annotations

import logging
import random

import pytest

from tests.helpers import wait_until
from tests.map.helpers import js, js_value, ready_view
from widgets.map_view import MapView
from widgets.map_view.page import CSP
from widgets.map_view.view import _js_value

SETTLED = "wr.busy() === false && wr.drawn().draws > %d"


def spread(count: int, seed: int = 7, *, lat=(29.3, 29.8), lon=(106.2, 106.9), prefix="p") -> list[tuple]:
    rng = random.Random(seed)
    return [(f"{prefix}{n}", rng.uniform(*lat), rng.uniform(*lon), f"点{n}", "team") for n in range(count)]


def settled(view, draws_before: int = 0) -> dict:
    wait_until(lambda: js(view, SETTLED % draws_before), what="the clusters drawn")
    return js_value(view, "wr.drawn()")


@pytest.fixture
def view(qtbot):
    v = MapView(center=(29.55, 106.55), zoom=8)
    qtbot.addWidget(v)
    v.resize(900, 700)
    v.show()
    yield ready_view(v)


def test_the_worker_clusters_and_every_point_is_counted_once(view):
    view.set_points("team", spread(3000))  # two chunks: indexed once, after the last
    drawn = settled(view)
    assert js(view, "wr.clusterMode()") == "worker"
    assert js(view, "wr.count('team')") == 3000
    assert drawn["points"] == 3000  # all in view at zoom 8: every point in one bubble or alone
    assert 0 < drawn["clusters"] < 100 and drawn["clusters"] + drawn["singles"] < 300
    bubbles = js_value(view, "Object.values(wr.layerGroup('team')._layers)"
                             ".filter(function (m) { return m.wrCount; }).map(function (m) { return m.wrCount; })")
    assert sum(bubbles) + drawn["singles"] == 3000 and len(bubbles) == drawn["clusters"]
    assert js_value(view, "wr.violations()") == []  # the worker from a blob breaks no policy


def test_zoomed_in_every_point_is_its_own_marker_with_its_tooltip_and_click(view, qtbot):
    rows = spread(400, lat=(29.556, 29.564), lon=(106.544, 106.556))
    view.set_points("team", rows)
    draws = settled(view)["draws"]
    view.center_on(29.56, 106.55, 15)
    drawn = settled(view, draws)
    assert drawn["clusters"] == 0 and drawn["singles"] == drawn["points"] == 400
    assert js(view, "wr.layerGroup('team').getLayers().length") == 400
    tip = js(view, """(function () {
        var m = wr.layerGroup('team').getLayers().filter(function (x) { return x.wrId === 'p5'; })[0];
        m.fire('mouseover', {latlng: m.getLatLng()});
        return m.getTooltip().getElement().textContent; })()""")
    assert tip == "点5"
    with qtbot.waitSignal(view.sig_marker_clicked, timeout=5000) as clicked:
        js(view, "wr.click('team', 'p7'); true")
    assert clicked.args == ["team", "p7"]


def test_a_click_on_a_cluster_zooms_in_to_split_it(view):
    view.set_points("team", spread(500, lat=(29.5, 29.6), lon=(106.5, 106.6)))
    draws = settled(view)["draws"]
    zoom = js(view, "wr.map.getZoom()")
    js(view, "Object.values(wr.layerGroup('team')._layers)"
             ".filter(function (m) { return m.wrCount; })[0].fire('click'); true")
    wait_until(lambda: js(view, "wr.map.getZoom()") > zoom, what="the map zoomed in")
    assert settled(view, draws)["points"] > 0


def test_moved_removed_and_hidden_points_are_redrawn(view):
    view.center_on(29.56, 106.55, 15)
    view.set_points("team", spread(50, lat=(29.559, 29.561), lon=(106.549, 106.551)))
    draws = settled(view)["draws"]
    view.upsert_points("team", [("p1", 29.5601, 106.5501, "改名", "team")])
    view.remove_points("team", ["p2", "p3"])
    view.flush()
    wait_until(lambda: js(view, "wr.count('team')") == 48 and js(view, SETTLED % draws))
    assert js_value(view, "wr.position('team', 'p1')") == [29.5601, 106.5501]
    assert js_value(view, "wr.drawn('team')")["singles"] == 48
    assert js(view, "wr.layerGroup('team').getLayers().filter(function (m) { return m.wrId === 'p1'; })[0]"
                    ".wrLabel") == "改名"
    view.set_layer_visible("team", False)
    assert wait_until(lambda: js(view, "wr.map.hasLayer(wr.layerGroup('team'))") is False)
    view.set_layer_visible("team", True)
    assert wait_until(lambda: js(view, "wr.map.hasLayer(wr.layerGroup('team'))") is True)


def test_without_a_worker_the_page_clusters_itself_and_logs_it(view, caplog):
    view.set_points("team", spread(800))
    settled(view)
    with caplog.at_level(logging.WARNING, logger="widgets.map_view.guard"):
        draws = js(view, "wrPoints.inPage('as in a test'); wr.drawn().draws")
        drawn = settled(view, draws)
        wait_until(lambda: any("main thread" in r.getMessage() for r in caplog.records), 5,
                   what="the fallback in the log")
    assert js(view, "wr.clusterMode()") == "page"
    assert drawn["points"] == 800 and js(view, "wr.count('team')") == 800
    view.upsert_points("team", [("extra", 29.55, 106.55, "新", "team")])
    view.flush()
    wait_until(lambda: js(view, "wr.count('team')") == 801 and js_value(view, "wr.drawn()")["points"] == 801)


def test_the_policy_lets_workers_come_only_from_the_pages_blobs():
    assert "worker-src blob:;" in CSP and "unsafe" not in CSP


def test_a_string_orjson_refuses_still_reaches_the_page_as_json():
    assert _js_value(["a", 1.5, ("t", None)]) == '["a",1.5,["t",null]]'
    assert _js_value("\ud800x") == '"\ud800x"'  # a lone surrogate: json's way
