"""A station's readings over time (pyqtgraph): one curve per station compared,
threshold lines, a 24 h / 7 d / 30 d window, live.

A month of minute readings is 43,200 points per curve, so the curves draw with
peak downsampling (a spike never disappears between pixels) and clip-to-view.
Readings that arrive are queued and drawn by the chart's own timer: a burst of
a thousand readings costs one redraw, never one per reading. Times are epoch
seconds (UTC); the axis shows them in the watch room's zone, daylight-saving
changes included, because each tick is converted on its own."""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, tzinfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont

REDRAW_MS = 250
CURVE_COLOURS = ("#1f5fa8", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037")
TICK_PX = 90  # room for one label
TICK_STEPS_S = (60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400, 2 * 86400, 7 * 86400)
SPANS_S = {"24h": 24 * 3600, "7d": 7 * 86400, "30d": 30 * 86400}


class ZoneDateAxis(pg.AxisItem):
    """Time ticks at the watch room's local boundaries (whole hours, local
    midnight), placed through the zone itself so a daylight-saving day has its
    23 or 25 hours; a tick at local midnight is labelled with the date."""

    def __init__(self, tz: tzinfo, **kwargs):
        super().__init__(**kwargs)
        self.tz = tz
        self.enableAutoSIPrefix(False)

    def tickValues(self, minVal, maxVal, size):  # noqa: N802 - pyqtgraph's name
        if not (math.isfinite(minVal) and math.isfinite(maxVal)) or maxVal <= minVal or size <= 0:
            return []
        most = max(2.0, size / TICK_PX)
        step = next((s for s in TICK_STEPS_S if (maxVal - minVal) / s <= most), None)
        if step is None:
            step = 86400 * math.ceil((maxVal - minVal) / most / 86400)
        return [(float(step), self._ticks(minVal, maxVal, step))]

    def _ticks(self, lo: float, hi: float, step: int) -> list[float]:
        if step < 3600:
            off = self._offset(lo)
            first = math.ceil((lo + off) / step) * step - off
            return [float(t) for t in np.arange(first, hi + 1, step)]
        try:
            day = datetime.fromtimestamp(lo, self.tz).date() - timedelta(days=1)
            last = datetime.fromtimestamp(hi, self.tz).date()
        except (OverflowError, OSError, ValueError):
            return []
        hours = range(0, 24, step // 3600) if step < 86400 else (0,)
        days = step // 86400
        out = []
        while day <= last:
            if step < 86400 or day.toordinal() % days == 0:
                for h in hours:
                    t = datetime(day.year, day.month, day.day, h, tzinfo=self.tz).timestamp()
                    if lo <= t <= hi:
                        out.append(t)
            day += timedelta(days=1)
        return out

    def _offset(self, t: float) -> float:
        try:
            return datetime.fromtimestamp(t, self.tz).utcoffset().total_seconds()
        except (OverflowError, OSError, ValueError):
            return 0.0

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph's name
        out = []
        for v in values:
            try:
                local = datetime.fromtimestamp(v, self.tz)
            except (OverflowError, OSError, ValueError):
                out.append("")
                continue
            out.append(local.strftime("%m-%d") if local.hour == 0 and local.minute == 0 else local.strftime("%H:%M"))
        return out


@dataclass(frozen=True)
class Threshold:
    value: float
    label: str  # already translated and plain (the caller's words: 警戒 / 红 ...)
    colour: str


@dataclass
class _Series:
    name: str
    curve: pg.PlotDataItem
    times: np.ndarray = field(default_factory=lambda: np.empty(0))
    values: np.ndarray = field(default_factory=lambda: np.empty(0))
    pending_t: list[np.ndarray] = field(default_factory=list)
    pending_v: list[np.ndarray] = field(default_factory=list)


class StationChart(pg.PlotWidget):
    sig_redrawn = Signal(int)  # how many readings the redraw took in

    def __init__(self, tz: tzinfo, *, now: Callable[[], float], empty_text: str = "",
                 redraw_ms: int = REDRAW_MS, point_size: int = 9, parent=None):
        self.axis = ZoneDateAxis(tz, orientation="bottom")
        super().__init__(parent=parent, background="w", axisItems={"bottom": self.axis})
        self.tz, self.now = tz, now
        self.redraws = 0
        self.span_s = SPANS_S["24h"]
        self.following = True  # the window moves with the clock until the officer pans
        item = self.getPlotItem()
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        # No grid: its lines cost more than the curve to pan (the threshold lines are the reference).
        item.setMenuEnabled(False)
        self.hideButtons()
        self.setMouseEnabled(x=True, y=False)
        font = QFont()
        font.setPointSize(point_size)
        for name in ("bottom", "left"):
            axis = self.getAxis(name)
            axis.setTickFont(font)
            axis.setTextPen("#333")
            axis.setPen("#888")
        self.legend = item.addLegend(offset=(-10, 10))  # top right: threshold labels are top left
        self.series: dict[str, _Series] = {}
        self.threshold_lines: list[pg.InfiniteLine] = []
        self.empty = pg.TextItem(empty_text, color="#777", anchor=(0.5, 0.5))
        self.empty.setFont(font)
        item.addItem(self.empty, ignoreBounds=True)
        self._timer = QTimer(self, interval=redraw_ms)
        self._timer.timeout.connect(self.redraw)
        self._timer.start()
        item.getViewBox().sigRangeChangedManually.connect(self._panned)
        self._dirty = True
        self._followed_end = 0.0
        self.redraw()  # the window and the empty hint from the start, not after the first tick

    # ---- what is shown ----------------------------------------------------

    def set_series(self, key: str, name: str, times: Sequence[float] | np.ndarray,
                   values: Sequence[float] | np.ndarray) -> None:
        """A station's history, replacing what the chart had of it (drawn on the next tick)."""
        t, v = _arrays(times, values)
        s = self.series.get(key)
        if s is None:
            colour = CURVE_COLOURS[len(self.series) % len(CURVE_COLOURS)]
            # A 1 px pen: wider pens are stroked as polygons, several times slower to pan.
            # The legend is rich text (LabelItem): a station's name goes in escaped, shown as it is.
            curve = self.plot([], [], pen=pg.mkPen(colour, width=1), name=html.escape(name), skipFiniteCheck=True)
            curve.setDownsampling(auto=True, method="peak")
            curve.opts["autoDownsampleFactor"] = 1.0  # min and max per pixel column: exact for a line
            curve.setClipToView(True)
            s = self.series[key] = _Series(name, curve)
        s.times, s.values, s.pending_t, s.pending_v = t, v, [], []
        self._dirty = True

    def remove_series(self, key: str) -> None:
        s = self.series.pop(key, None)
        if s is not None:
            self.removeItem(s.curve)
            self.legend.removeItem(s.curve)
            self._dirty = True

    def add_readings(self, key: str, times: Sequence[float], values: Sequence[float]) -> None:
        """Live readings: queued, drawn by the timer (never a redraw per reading)."""
        s = self.series.get(key)
        if s is None:
            return
        t, v = _arrays(times, values)
        if len(t):
            s.pending_t.append(t)
            s.pending_v.append(v)
            self._dirty = True

    def set_thresholds(self, thresholds: Sequence[Threshold]) -> None:
        for line in self.threshold_lines:
            self.removeItem(line)
        self.threshold_lines = []
        for th in thresholds:
            line = pg.InfiniteLine(pos=th.value, angle=0, movable=False,
                                   pen=pg.mkPen(th.colour, width=1.5, style=pg.QtCore.Qt.PenStyle.DashLine),
                                   label=th.label, labelOpts={"position": 0.03, "color": th.colour,
                                                              "anchors": [(0, 1), (0, 1)]})
            self.addItem(line)
            self.threshold_lines.append(line)
        self._dirty = True

    def set_span(self, key: str) -> None:
        """24h / 7d / 30d back from now; the window follows the clock again."""
        self.span_s = SPANS_S[key]
        self.following = True
        self._dirty = True
        self.redraw()

    # ---- drawing ----------------------------------------------------------

    def redraw(self) -> None:
        """Takes in the queued readings and moves the window; a no-op when nothing changed."""
        if self.getPlotItem().vb is None:  # closed (pyqtgraph let go of its view)
            self._timer.stop()
            return
        if not self._dirty:
            if self.following and self.isVisible():
                self._follow(moved_only=True)
            return
        self._dirty = False
        taken = 0
        for s in self.series.values():
            if s.pending_t:
                t = np.concatenate([s.times, *s.pending_t])
                v = np.concatenate([s.values, *s.pending_v])
                taken += sum(len(p) for p in s.pending_t)
                s.pending_t, s.pending_v = [], []
                if len(t) > 1 and np.any(np.diff(t) < 0):  # late readings: keep time order
                    order = np.argsort(t, kind="stable")
                    t, v = t[order], v[order]
                s.times, s.values = t, v
            s.curve.setData(s.times, s.values)
        has_points = any(len(s.times) for s in self.series.values())
        self.empty.setVisible(not has_points)
        if self.following:
            self._follow()
        self._fit_y()
        self.redraws += 1
        self.sig_redrawn.emit(taken)

    def _follow(self, moved_only: bool = False) -> None:
        """The window ends now; `moved_only`: unless now is still within a pixel of
        where it was (an idle chart repaints once a pixel's time has passed)."""
        end = self.now()
        if moved_only and abs(end - self._followed_end) < self.span_s / max(self.width(), 1):
            return
        self._followed_end = end
        self.setXRange(end - self.span_s, end, padding=0.01)
        if not any(len(s.times) for s in self.series.values()):
            self.empty.setPos(end - self.span_s / 2, 0.5)

    def _fit_y(self) -> None:
        """Y covers the readings in the window and every threshold line (so a line
        is never off the chart while the river is below it)."""
        end = self.now()
        lo_t = end - self.span_s
        lows, highs = [], []
        for s in self.series.values():
            if len(s.times):
                i = np.searchsorted(s.times, lo_t)
                seen = s.values[i:]
                if len(seen):
                    lows.append(float(np.nanmin(seen)))
                    highs.append(float(np.nanmax(seen)))
        for line in self.threshold_lines:
            lows.append(float(line.value()))
            highs.append(float(line.value()))
        if not lows:
            self.setYRange(0, 1, padding=0)
            return
        lo, hi = min(lows), max(highs)
        pad = max((hi - lo) * 0.08, abs(hi) * 0.01, 0.1)
        self.setYRange(lo - pad, hi + pad, padding=0)

    def _panned(self, *_args) -> None:
        self.following = False  # the officer looks back; set_span follows again

    def stop(self) -> None:
        self._timer.stop()

    def close(self) -> bool:
        self._timer.stop()
        return super().close()


def _arrays(times, values) -> tuple[np.ndarray, np.ndarray]:
    t = np.asarray(times, dtype=np.float64)
    v = np.asarray(values, dtype=np.float64)
    if t.shape != v.shape or t.ndim != 1:
        raise ValueError("times and values must be 1-D and of the same length")
    keep = np.isfinite(t) & np.isfinite(v)
    return t[keep], v[keep]
