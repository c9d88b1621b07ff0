"""The station chart (widgets/station_chart.py) and its panel: readings drawn on
the chart's own timer (a burst is one redraw, never one per reading), peak
downsampling and clip-to-view on, threshold lines, ticks at the watch room's
local hours across a daylight-saving change, 24 h / 7 d / 30 d, stations
compared, and live readings from the feed reaching the curve."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from services.monitoring.store import StationStore
from tests.gui.monitoring_feed import feed, readings, station
from tests.helpers import wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.monitoring.station_panel import StationPanel
from widgets.station_chart import SPANS_S, StationChart, Threshold, ZoneDateAxis

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")
END = 1_795_000_000.0


@pytest.fixture
def chart(qtbot):
    c = StationChart(TZ, now=lambda: END, redraw_ms=60_000)  # redraws only when the test says
    qtbot.addWidget(c)
    c.resize(900, 400)
    c.show()
    yield c
    c.stop()


def test_a_burst_of_readings_is_one_redraw_on_the_timer(chart, qtbot):
    chart.set_series("r", "北碚", [END - 120, END - 60], [180.0, 180.1])
    chart.redraw()
    before = chart.redraws
    for i in range(1000):
        chart.add_readings("r", [END + i], [180.0 + i / 1000])
    assert chart.redraws == before and len(chart.series["r"].curve.xData) == 2  # nothing drawn per reading
    with qtbot.waitSignal(chart.sig_redrawn, timeout=2000) as redrawn:
        chart._timer.setInterval(20)
    assert redrawn.args == [1000] and chart.redraws == before + 1
    assert len(chart.series["r"].curve.xData) == 1002
    chart.redraw()  # nothing new: nothing redrawn
    assert chart.redraws == before + 1


def test_peak_downsampling_and_clip_to_view_keep_a_spike(chart, qtbot):
    t = END - 60.0 * np.arange(43_200)[::-1]
    v = np.full(len(t), 180.0)
    v[20_000] = 195.0  # one minute's spike in a month
    chart.set_series("r", "北碚", t, v)
    chart.set_span("30d")
    qtbot.wait(50)
    item = chart.series["r"].curve
    assert item.opts["autoDownsample"] and item.opts["downsampleMethod"] == "peak" and item.opts["clipToView"]
    shown_x, shown_y = item.getData()
    assert len(shown_x) < 5000 and shown_y.max() == 195.0  # fewer points, the spike still drawn


def test_threshold_lines_stay_in_view_and_late_and_broken_readings(chart):
    chart.set_series("r", "北碚", [END - 600, END - 300], [180.0, 181.0])
    chart.set_thresholds([Threshold(186.0, "警戒 186 m", "#e65100"), Threshold(189.0, "保证 189 m", "#c62828")])
    chart.add_readings("r", [END - 450, END - 100, END - 50], [180.5, float("nan"), 181.5])
    chart.redraw()
    s = chart.series["r"]
    assert list(s.times) == [END - 600, END - 450, END - 300, END - 50]  # in time order, the NaN left out
    lo, hi = chart.getPlotItem().getViewBox().viewRange()[1]
    assert lo < 180.0 and hi > 189.0
    assert [line.value() for line in chart.threshold_lines] == [186.0, 189.0]
    with pytest.raises(ValueError):
        chart.set_series("x", "坏", [1.0, 2.0], [1.0])


def test_span_buttons_and_panning_stops_following(chart):
    chart.set_series("r", "北碚", [END - 10 * 86400, END], [1.0, 2.0])
    for key in ("24h", "7d", "30d"):
        chart.set_span(key)
        x0, x1 = chart.getPlotItem().getViewBox().viewRange()[0]
        assert abs((x1 - x0) - SPANS_S[key] * 1.02) < SPANS_S[key] * 0.02
        assert x1 >= END
    chart._panned()
    assert not chart.following
    chart.set_span("24h")
    assert chart.following


def test_ticks_fall_on_local_hours_through_a_daylight_saving_change():
    axis = ZoneDateAxis(ZoneInfo("Europe/Berlin"), orientation="bottom")
    # 2026-10-25: clocks go back at 03:00 CEST -> 02:00 CET; the day has 25 hours.
    lo = datetime(2026, 10, 24, 22, 0, tzinfo=UTC).timestamp()
    hi = datetime(2026, 10, 26, 2, 0, tzinfo=UTC).timestamp()
    [(step, ticks)] = axis.tickValues(lo, hi, 800)
    assert step == 6 * 3600
    local = [datetime.fromtimestamp(t, ZoneInfo("Europe/Berlin")) for t in ticks]
    assert all(x.minute == 0 and x.hour % 6 == 0 for x in local)
    midnights = [t for t, x in zip(ticks, local, strict=True) if x.hour == 0]
    assert midnights[1] - midnights[0] == 25 * 3600  # the long day, measured between local midnights
    labels = axis.tickStrings(ticks, 1, step)
    assert labels[local.index(next(x for x in local if x.hour == 0))] == "10-25"
    shanghai = ZoneDateAxis(TZ, orientation="bottom")
    [(_, ticks)] = shanghai.tickValues(END - 86400, END, 900)
    assert all(datetime.fromtimestamp(t, TZ).minute == 0 for t in ticks)


@pytest.fixture
def panel(qtbot, mirror, events, clock):
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    p = StationPanel(StationStore(mirror), runner, relay, tz=TZ, now=lambda: clock.now().timestamp())
    qtbot.addWidget(p)
    p.resize(1100, 500)
    p.show()
    yield p
    p.chart.stop()
    runner.shutdown()
    relay.detach(events)


def test_the_panel_shows_a_station_with_its_thresholds_and_live_readings(panel, mirror, events, clock, qtbot):
    river = station(name="嘉陵江北碚站", level="alert")
    other = station(name="长江寸滩站", thresholds={"alert": 183.5})
    feed(mirror, events, clock.now(), "station", [river, other])
    start = clock.now() - timedelta(hours=2)
    feed(mirror, events, clock.now(), "reading", readings(river["id"], start, [180 + i / 100 for i in range(120)]))
    wait_until(lambda: panel.list.count() == 2 and panel.stations, 5, what="the station list")
    assert panel.list.item(0).text().startswith("嘉陵江北碚站")  # in alarm: listed first
    with qtbot.waitSignal(panel.sig_shown, timeout=5000):
        panel.show_station(river["id"])
    assert len(panel.chart.series[river["id"]].times) == 120
    assert [line.value() for line in panel.chart.threshold_lines] == [186.0, 189.0]
    assert "嘉陵江北碚站" in panel.title.text()
    feed(mirror, events, clock.now(), "reading", readings(river["id"], clock.now(), [181.3, 181.4, 181.6]))
    wait_until(lambda: len(panel.chart.series[river["id"]].times) == 123, 5, what="live readings on the curve")
    wait_until(lambda: "181.6 m" in panel.list.item(0).text(), 5, what="the latest value in the list")
    with qtbot.waitSignal(panel.sig_shown, timeout=5000):
        panel.list.selectAll()
    assert set(panel.chart.series) == {river["id"], other["id"]}
    assert panel.chart.threshold_lines == []  # compared: each station has its own thresholds
    with qtbot.waitSignal(panel.sig_shown, timeout=5000):
        panel.set_span("7d")
    assert panel.chart.span_s == SPANS_S["7d"]


def test_a_station_name_in_the_legend_is_text(chart):
    evil = "<b>北碚</b><img src=x>"
    chart.set_series("r", evil, [END - 60, END], [1.0, 2.0])
    chart.redraw()
    [(_sample, label)] = chart.legend.items
    assert label.item.toPlainText() == evil


def test_no_stations_says_so(panel, qtbot):
    panel.reload()
    wait_until(lambda: panel.list.count() == 1, 5, what="the empty hint")
    assert panel.chart.empty.isVisible()
