"""Driving the real map page (QtWebEngine, offscreen) from tests and benchmarks."""

from __future__ import annotations

import json

from tests.helpers import wait_until


def js(view, script: str, timeout: float = 20.0):
    """Evaluates `script` in the page and returns its value (JSON-able)."""
    out: list = []
    view.page().runJavaScript(script, 0, out.append)
    wait_until(lambda: bool(out), timeout, what=f"an answer from the page for: {script[:80]}", qt=True)
    return out[0]


def ready_view(view, timeout: float = 20.0):
    wait_until(lambda: view.ready, timeout, what="the map page to load", qt=True)
    return view


def js_value(view, expression: str, timeout: float = 20.0):
    """An expression's value through JSON (arrays and null arrive intact)."""
    text = js(view, f"JSON.stringify({expression})", timeout)
    return json.loads(text) if text else None
