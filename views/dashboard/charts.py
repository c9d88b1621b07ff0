"""The dashboard's two bar charts (pyqtgraph): incidents reported per hour over
the last 24 hours, and open incidents by category."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont

BAR_COLOUR = "#1f5fa8"
CATEGORY_COLOURS = ("#2e7d32", "#c62828", "#6a1b9a", "#ef6c00")


class BarChart(pg.PlotWidget):
    """A bar chart with text labels under the bars; sized for a desk or a wall."""

    def __init__(self, title: str, *, point_size: int = 9, parent=None):
        super().__init__(parent=parent, background="w")
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.setMenuEnabled(False)
        self.point_size = point_size
        self.setTitle(title, color="#222", size=f"{point_size + 2}pt")
        font = QFont()
        font.setPointSize(point_size)
        for name in ("bottom", "left"):
            axis = self.getAxis(name)
            axis.setTickFont(font)
            axis.setTextPen("#333")
            axis.setPen("#888")
        self.bars: pg.BarGraphItem | None = None
        self.values: list[int] = []

    def show_bars(self, values: list[int], labels: list[str], colours: list[str] | None = None,
                  label_every: int = 1) -> None:
        self.values = list(values)
        xs = list(range(len(values)))
        brushes = [pg.mkBrush(c) for c in colours] if colours else [pg.mkBrush(BAR_COLOUR)] * len(values)
        if self.bars is not None:
            self.removeItem(self.bars)
        self.bars = pg.BarGraphItem(x=xs, height=values, width=0.7, brushes=brushes, pen=pg.mkPen(None))
        self.addItem(self.bars)
        ticks = [(x, text) for x, text in zip(xs, labels, strict=True) if x % label_every == 0]
        self.getAxis("bottom").setTicks([ticks, []])
        top = max(values, default=0)
        self.setYRange(0, max(1, top) * 1.15, padding=0)
        self.setXRange(-0.6, max(len(values), 1) - 0.4, padding=0)
