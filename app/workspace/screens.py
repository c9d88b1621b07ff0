"""Screens by name, a fallback when a saved one is missing, and rectangles kept
on screen."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication, QScreen


def screens_in_order() -> list[QScreen]:
    """The primary screen first, then the others left to right, top to bottom."""
    primary = QGuiApplication.primaryScreen()
    others = sorted((s for s in QGuiApplication.screens() if s is not primary),
                    key=lambda s: (s.geometry().x(), s.geometry().y()))
    return ([primary] if primary is not None else []) + others


def screen_named(name: str) -> QScreen | None:
    return next((s for s in QGuiApplication.screens() if s.name() == name), None)


def largest_screen() -> QScreen | None:
    return max(screens_in_order(), key=lambda s: s.geometry().width() * s.geometry().height(), default=None)


def pick_screen(spec: str) -> QScreen | None:
    """A screen from the config or command line: its name, or its number (1 = primary)."""
    spec = spec.strip()
    if not spec:
        return None
    found = screen_named(spec)
    if found is None and spec.isdigit():
        ordered = screens_in_order()
        index = int(spec) - 1
        found = ordered[index] if 0 <= index < len(ordered) else None
    return found


def fallback_screen(taken: set[str]) -> QScreen | None:
    """Where a window goes when its screen is missing: a screen no other window
    uses (the largest), else the primary."""
    free = [s for s in screens_in_order() if s.name() not in taken]
    if free:
        return max(free, key=lambda s: s.geometry().width() * s.geometry().height())
    return QGuiApplication.primaryScreen()


def screen_showing(rect: QRect) -> QScreen | None:
    """The screen holding the centre of `rect`, or None if it is off every screen."""
    return QGuiApplication.screenAt(rect.center())


def fit_rect(rect: QRect, area: QRect, old_area: QRect | None = None) -> QRect:
    """`rect` moved onto `area`: at the same place relative to `old_area` (its
    former screen) when given, shrunk to fit, never hanging off the edge."""
    if old_area is not None and not old_area.isEmpty():
        x = area.x() + (rect.x() - old_area.x()) * area.width() // max(1, old_area.width())
        y = area.y() + (rect.y() - old_area.y()) * area.height() // max(1, old_area.height())
        rect = QRect(x, y, rect.width(), rect.height())
    width, height = min(rect.width(), area.width()), min(rect.height(), area.height())
    x = min(max(rect.x(), area.x()), area.right() - width + 1)
    y = min(max(rect.y(), area.y()), area.bottom() - height + 1)
    return QRect(x, y, width, height)
