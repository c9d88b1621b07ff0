"""A sparkline: a small line of recent values as a PNG, for a card that is rich
text (the map's station card embeds it as a data URL: no file, no markup from
records). Dashed lines mark thresholds inside the value range shown."""

from __future__ import annotations

import base64
import math
from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPolygonF

MAX_POINTS = 400  # more than the pixels across: the line is thinned first (min and max kept)


def sparkline_png(times: Sequence[float], values: Sequence[float], *, width: int = 220, height: int = 48,
                  colour: str = "#1f5fa8", thresholds: Sequence[tuple[float, str]] = ()) -> bytes:
    """PNG bytes; an empty (transparent) image when there is nothing to draw."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    pts = [(t, v) for t, v in zip(times, values, strict=False) if math.isfinite(t) and math.isfinite(v)]
    if pts:
        pts = _thin(pts, MAX_POINTS)
        t0, t1 = pts[0][0], pts[-1][0]
        lo = min(v for _, v in pts)
        hi = max(v for _, v in pts)
        near = [v for v, _ in thresholds if lo - (hi - lo) * 0.5 <= v <= hi + (hi - lo) * 0.5 + 1e-9]
        lo, hi = min([lo, *near]), max([hi, *near])
        if hi - lo < 1e-9:
            lo, hi = lo - 1, hi + 1
        pad = 3

        def xy(t: float, v: float) -> QPointF:
            x = pad + (width - 2 * pad) * ((t - t0) / (t1 - t0) if t1 > t0 else 1.0)
            y = pad + (height - 2 * pad) * (1 - (v - lo) / (hi - lo))
            return QPointF(x, y)

        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for value, line_colour in thresholds:
            if lo <= value <= hi:
                p.setPen(QPen(QColor(line_colour), 1, Qt.PenStyle.DashLine))
                y = xy(t0, value).y()
                p.drawLine(QPointF(0, y), QPointF(width, y))
        p.setPen(QPen(QColor(colour), 1.6))
        p.drawPolyline(QPolygonF([xy(t, v) for t, v in pts]))
        p.setBrush(QColor(colour))
        p.drawEllipse(xy(*pts[-1]), 2.5, 2.5)
        p.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def sparkline_img(times, values, **kwargs) -> str:
    """An <img> for rich text (base64 data URL: only digits and letters go in)."""
    png = base64.b64encode(sparkline_png(times, values, **kwargs)).decode("ascii")
    return f'<img src="data:image/png;base64,{png}"/>'


def _thin(pts: list[tuple[float, float]], most: int) -> list[tuple[float, float]]:
    if len(pts) <= most:
        return pts
    size = math.ceil(len(pts) / (most // 2))
    out = []
    for i in range(0, len(pts), size):
        chunk = pts[i:i + size]
        a = min(chunk, key=lambda p: p[1])
        b = max(chunk, key=lambda p: p[1])
        out.extend(sorted({a, b}))
    return out
