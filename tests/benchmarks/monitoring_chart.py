"""monitoring.chart_30d_pan_p95_ms (called by tests/benchmarks/bench_monitoring.py):
a station chart (widgets/station_chart.py) holding 30 days of minute readings
(43,200 points) with its two threshold lines (警戒, 保证), shown offscreen at a
desk size; the view pans across the month in steps of a fortieth of the window,
each step timed from the range change until the chart has repainted (one
synchronous paint of the viewport: what a frame of a drag costs). Done once
with the whole month in view (every point in the window: the downsampling's work)
and once at 24 h (clip-to-view's), all steps in one sample set."""

from __future__ import annotations

import time
from zoneinfo import ZoneInfo

import numpy as np

from tests.benchmarks.fixtures import emit, p95, require

POINTS = 43_200
STEPS = 200


def run() -> None:
    from PySide6.QtWidgets import QApplication

    from widgets.station_chart import StationChart, Threshold

    app = QApplication.instance() or QApplication([])
    end = 1_795_000_000.0
    times = end - 60.0 * np.arange(POINTS)[::-1]
    rng = np.random.default_rng(17)
    values = 180 + 3 * np.sin(times / 86400 * 2 * np.pi / 3) + rng.normal(0, 0.2, POINTS)
    chart = StationChart(ZoneInfo("Asia/Shanghai"), now=lambda: end, redraw_ms=10_000)
    chart.resize(1280, 520)
    chart.set_series("river", "bench", times, values)
    chart.set_thresholds([Threshold(186.0, "警戒", "#e65100"), Threshold(189.0, "保证", "#c62828")])
    chart.show()
    samples: list[float] = []
    for span in ("30d", "24h"):
        chart.set_span(span)
        app.processEvents()
        chart.repaint()
        require(len(chart.series["river"].curve.xData) == POINTS, "the chart does not hold the month")
        width = chart.span_s
        step = width / 40
        start = end - width
        for i in range(STEPS):
            lo = start - step * (i % 40) if span == "24h" else start + step * ((i % 20) - 10)
            t0 = time.perf_counter()
            chart.setXRange(lo, lo + width, padding=0)
            chart.viewport().repaint()  # the frame: the axes, the downsampled curve, the lines
            samples.append((time.perf_counter() - t0) * 1000)
            app.processEvents()  # what the range change queued, outside the frame's time
    require(chart.getPlotItem().listDataItems()[0].isVisible(), "the curve is not drawn")
    chart.stop()
    chart.close()
    emit("monitoring.chart_30d_pan_p95_ms", p95(samples), "ms", "< 16")
    # The median beside it: on a shared machine the p95 is mostly the other processes' time slices.
    emit("monitoring.chart_30d_pan_median_ms", sorted(samples)[len(samples) // 2], "ms", None)
