"""Warning figures on the map page: 1,000 active warning areas (polygons of 24
vertices and circles, every colour, spread over Chongqing) from the layer's
rows to the page having drawn them all, measured on the real QtWebEngine page
offscreen. Budget (issue 16): warnings.map_1000_areas_ms < 500."""

from __future__ import annotations

import json
import math
import random
import time
from datetime import UTC, datetime, timedelta

from services.warnings.model import Area, Circle, EarlyWarning
from tests.benchmarks.fixtures import emit, require

COLOURS = ("red", "orange", "yellow", "blue")
NOW = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)


def warnings(count: int, seed: int = 16) -> list[EarlyWarning]:
    rng = random.Random(seed)
    out = []
    for n in range(count):
        lat, lon = rng.uniform(28.3, 32.0), rng.uniform(105.4, 110.0)
        if n % 4 == 3:
            area = Area(f"圈{n}", circles=(Circle(lat, lon, rng.uniform(2, 20)),))
        else:
            r = rng.uniform(0.03, 0.2)
            ring = [(lat + r * math.sin(k / 24 * 2 * math.pi), lon + r * math.cos(k / 24 * 2 * math.pi))
                    for k in range(24)]
            area = Area(f"区{n}", polygons=((*ring, ring[0]),))
        out.append(EarlyWarning(id=f"w{n}", identifier=f"B{n}", sender="bench", sent=NOW - timedelta(hours=1),
                                colour=COLOURS[n % 4], event="暴雨", headline=f"<b>预警{n}</b>", areas=(area,),
                                expires=NOW + timedelta(hours=6)))
    return out


def bench_areas(count: int = 1000, rounds: int = 5) -> tuple[float, float]:
    """(median wall-clock ms from set_areas to all drawn, median ms the page itself took)."""
    from PySide6.QtWidgets import QApplication

    from tests.helpers import wait_until
    from tests.map.helpers import js, js_value
    from views.warnings.map_layer import LAYER, area_rows, area_styles
    from widgets.map_view import MapView, register_schemes

    register_schemes()
    app = QApplication.instance() or QApplication([])
    view = MapView(center=(30.1, 107.7), zoom=7)
    view.resize(1600, 1000)
    view.show()
    assert wait_until(lambda: view.ready, 30)
    view.set_area_styles(area_styles())
    # After the areas are added, two animation frames: Leaflet's canvas redraw runs in the first.
    js(view, """window.timeAreas = function (round, t0) { L.Util.requestAnimFrame(function () {
      L.Util.requestAnimFrame(function () { window.areasMs = [round, performance.now() - t0]; }); }); };
      true""")
    rows, listed = area_rows(warnings(count), NOW)
    require(len(rows) == count and not listed, f"{len(rows)} rows of {count}")
    walls, pages = [], []
    for n in range(rounds):
        view.set_areas(LAYER, [] if n % 2 else rows[: count // 2])  # a different layer each time
        wait_until(lambda: js(view, f"wr.areasDrawn('{LAYER}')") >= 0, 30)
        started = time.perf_counter()
        # What MapView.set_areas sends, in one script with the timing around it.
        view.run_js(f"var t0 = performance.now(); wr.setAreas({json.dumps(LAYER)}, "
                    f"{json.dumps([list(r) for r in rows], ensure_ascii=False)}); window.timeAreas({n}, t0);")
        assert wait_until(lambda n=n: (js_value(view, "window.areasMs || [null]") or [None])[0] == n, 30,
                          interval_ms=5)
        walls.append((time.perf_counter() - started) * 1000)
        pages.append(js_value(view, "window.areasMs")[1])
        drawn = js(view, f"wr.areasDrawn('{LAYER}')")
        require(js(view, f"wr.areaCount('{LAYER}')") == count, "the page holds every area")
        require(drawn == count, f"the page drew {drawn} of {count} areas")
    view.close()
    view.deleteLater()
    app.processEvents()
    walls.sort()
    pages.sort()
    return walls[len(walls) // 2], pages[len(pages) // 2]


def run() -> None:
    wall, page = bench_areas()
    emit("warnings.map_1000_areas_ms", wall, "ms", "< 500")
    emit("warnings.map_1000_areas_page_ms", page, "ms", "report")
