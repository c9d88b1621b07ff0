"""Ten times the markers (issue 20): 200,000 resources on the map page, from a new
map view to the first clustered draw (map_load.py: indexed in the page's worker,
the view's clusters drawn), then how long a move of the view takes to be drawn
again (panning and zooming across the province), and what the page then holds."""

from __future__ import annotations

import random

from tests.benchmarks.bench_map import KINDS, resources, rss_mb
from tests.benchmarks.fixtures import emit, p95, require

MARKERS = 200_000


def run() -> None:
    from PySide6.QtWidgets import QApplication

    from tests.benchmarks.map_load import load_page, redraw_ms
    from widgets.map_view import MapView, register_schemes

    register_schemes()
    app = QApplication.instance() or QApplication([])
    view, ready_s = load_page(MapView, resources(MARKERS), KINDS)
    app.processEvents()
    memory = rss_mb()
    rng = random.Random(3)
    places = [(rng.uniform(28.5, 32.0), rng.uniform(105.5, 110.0), (6, 8, 10, 12, 14, 16)[n % 6]) for n in range(60)]
    moves = redraw_ms(view, places)
    view.close()
    view.deleteLater()
    app.processEvents()
    emit("scale.map_ready_200k_s", ready_s, "s", "< 2.5")
    emit("scale.map_redraw_p95_ms_200k", p95(moves[6:]), "ms", "report")
    emit("scale.map_rss_mb_200k", memory, "MB", "report")
    require(ready_s < 2.5, f"scale.map_ready_200k_s: {ready_s:.2f} s, over its 2.5 s budget")
