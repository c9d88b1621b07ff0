"""Driving the real map page (QtWebEngine, offscreen) from tests and benchmarks."""

from __future__ import annotations

import time

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication


def wait_until(predicate, timeout: float = 20.0, interval_ms: int = 5) -> bool:
    """Runs Qt's event loop (not sleeps: the page's requests are answered on
    this thread, as they are in the app) until predicate() holds. Benchmarks
    poll the page rarely (interval_ms): each poll interrupts its work."""
    QApplication.instance()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        loop = QEventLoop()
        QTimer.singleShot(interval_ms, loop.quit)
        loop.exec()
    return predicate()


def js(view, script: str, timeout: float = 20.0):
    """Evaluates `script` in the page and returns its value (JSON-able)."""
    out: list = []
    view.page().runJavaScript(script, 0, out.append)
    assert wait_until(lambda: bool(out), timeout), f"no answer from the page for: {script[:80]}"
    return out[0]


def ready_view(view, timeout: float = 20.0):
    assert wait_until(lambda: view.ready, timeout), "the map page did not load"
    return view


def js_value(view, expression: str, timeout: float = 20.0):
    """An expression's value through JSON (arrays and null arrive intact)."""
    import json

    text = js(view, f"JSON.stringify({expression})", timeout)
    return json.loads(text) if text else None
