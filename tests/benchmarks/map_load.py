"""The map page under many markers, for bench_map and bench_scale_map: from a new
MapView to the first clustered draw of every resource (the page's clustering
in its worker, every layer indexed, what the view shows drawn), and the time
a move of the view takes to be drawn again."""

from __future__ import annotations

import json
import time

from tests.benchmarks.fixtures import require
from tests.helpers import wait_until
from tests.map.helpers import js, js_value

DRAWN = "wr.count() === %d && wr.busy() === false && wr.drawn().points > 0"


def load_page(view_factory, rows: list[dict], kinds: tuple[str, ...], timeout: float = 120) -> tuple:
    """(view, seconds): the view made, its layers set (in chunks, as the map panel
    does) and waited for until every marker is indexed and the first clusters drawn."""
    started = time.perf_counter()
    view = view_factory()
    view.resize(1600, 1000)
    view.show()
    view.start_page()  # as in the map panel, whose rows come from a reader while the page loads
    by_kind: dict[str, list] = {kind: [] for kind in kinds}
    for r in rows:  # one pass, as the map panel's _show_resources
        by_kind[r["kind"]].append((r["id"], r["lat"], r["lon"], r["name"], r["kind"]))
    for kind, layer_rows in by_kind.items():
        view.define_layer(kind, kind)
        view.set_points(kind, layer_rows)
    require(wait_until(lambda: view.ready, 60, what="the map page"), "the map page never loaded")
    require(wait_until(lambda: js(view, DRAWN % len(rows)), timeout, interval_ms=20,
                       what=f"{len(rows)} markers clustered and drawn"), "markers not drawn")
    seconds = time.perf_counter() - started
    require(js(view, "wr.clusterMode()") == "worker", "the clustering ran in the page, not in its worker")
    drawn = js_value(view, "wr.drawn()")
    require(drawn["clusters"] > 0, f"no cluster drawn: {drawn}")
    require(js_value(view, "wr.violations()") == [], "the page broke its own policy")
    return view, seconds


def redraw_ms(view, places: list[tuple[float, float, int]]) -> list[float]:
    """For each (lat, lon, zoom): the view moved there (at once, no animation), and
    the page's own time from the end of the move to its clusters drawn again."""
    out = []
    for lat, lon, zoom in places:
        before = js_value(view, "wr.drawn()")
        view.run_js(f"wr.map.setView([{lat}, {lon}], {zoom}, {{animate: false}});")
        require(wait_until(lambda b=before["draws"]: js(view, f"wr.drawn().draws > {b} && wr.busy() === false"),
                           30, what=f"the map redrawn at {lat},{lon} z{zoom}"), "not redrawn")
        after = js_value(view, "wr.drawn()")
        require(after["movedAt"] > before["drawnAt"] and after["drawnAt"] > after["movedAt"],
                f"no move and redraw seen: {before} {after}")
        out.append(after["drawnAt"] - after["movedAt"])
    require(len(out) == len(places), "a move was not timed")
    return out


def points_drawn(view) -> dict:
    return json.loads(js(view, "JSON.stringify(wr.drawn())"))
