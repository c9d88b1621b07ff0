"""Small builders and waits shared by tests and benchmarks (not a test module:
test modules import from here, never from each other)."""

from __future__ import annotations

import asyncio
import inspect
import random
import threading
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from services.incidents.model import Category, IncidentDraft, Severity

CLIP_SECONDS = 4.0  # the length of the session's test clip (the `clip` fixture in tests/conftest.py)


# ---- waiting for observable state -----------------------------------------------


def _describe(predicate: Callable[[], Any], what: str | Callable[[], str] | None) -> str:
    if callable(what):  # told at the time of failure (e.g. the states things are in by then)
        return what()
    if what:
        return what
    try:
        return inspect.getsource(predicate).strip()
    except (OSError, TypeError):
        return repr(predicate)


def _qt_app_on_this_thread():
    """The QCoreApplication if one exists and this is its thread, else None."""
    try:
        from PySide6.QtCore import QCoreApplication, QThread
    except ImportError:  # pragma: no cover - PySide6 is a project dependency
        return None
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() != app.thread():
        return None
    return app


def _run_qt_events(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(predicate: Callable[[], Any], timeout: float = 20.0, *, what: str | Callable[[], str] | None = None,
               interval_ms: int = 5, qt: bool | None = None) -> Any:
    """Polls `predicate` until it returns something true and returns that; raises
    AssertionError naming what it waited for when `timeout` seconds pass first.

    With a QApplication on this thread (or qt=True), Qt's event loop runs between
    polls, so queued signals, timers and page callbacks are delivered (not sleeps:
    the map page's requests, for one, are answered on this thread). qt=False: a
    plain wait for threads and processes. Benchmarks poll rarely (interval_ms):
    each poll interrupts the work they measure."""
    use_qt = _qt_app_on_this_thread() is not None if qt is None else qt
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:  # looked once more after the time was up
            break
        if use_qt:
            _run_qt_events(interval_ms)
        else:
            time.sleep(interval_ms / 1000)
    raise AssertionError(f"timed out after {timeout:g} s waiting for: {_describe(predicate, what)}")


async def wait_until_async(predicate: Callable[[], Any], timeout: float = 10.0, *, what: str | Callable[[], str] | None = None,
                           interval_s: float = 0.02, qt_events: bool = False) -> Any:
    """`wait_until` inside a running asyncio loop (awaits instead of blocking it).
    qt_events: also process Qt's pending events between polls (an asyncio.run
    scenario that drives widgets without a Qt-integrated loop)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        if qt_events:
            from PySide6.QtCore import QCoreApplication

            QCoreApplication.processEvents()
        value = predicate()
        if value:
            return value
        if loop.time() >= deadline:
            break
        await asyncio.sleep(interval_s)
    raise AssertionError(f"timed out after {timeout:g} s waiting for: {_describe(predicate, what)}")


def run_qt_events_for(seconds: float, interval_ms: int = 20) -> None:
    """Keeps Qt's event loop running for a measuring window (benchmarks: frames
    counted over a fixed time). Not a way to wait for something: use wait_until."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _run_qt_events(max(1, min(interval_ms, int((deadline - time.monotonic()) * 1000))))


def join_all(threads: list[threading.Thread], timeout: float) -> None:
    """Joins every thread within `timeout` seconds in all; fails naming the ones still running."""
    deadline = time.monotonic() + timeout
    for t in threads:
        t.join(max(0.0, deadline - time.monotonic()))
    alive = [t.name for t in threads if t.is_alive()]
    assert not alive, f"threads still running after {timeout:g} s: {alive}"


# ---- builders ---------------------------------------------------------------------


def draft(clock, **overrides) -> IncidentDraft:
    values = dict(
        id=str(uuid.uuid4()),
        title="渝中区解放碑某商场火灾",
        category=Category.ACCIDENT,
        type_code="fire",
        severity=Severity.III,
        occurred_at=clock.now() - timedelta(minutes=5),
        place="渝中区解放碑",
        lat=29.557,
        lon=106.577,
    )
    values.update(overrides)
    return IncidentDraft(**values)


def client_kinds():
    """The client's registry of record kinds, as the app builds it."""
    from app.record_kinds import client_record_kinds

    return client_record_kinds()


KINDS = client_kinds()


def order_draft(incident_id: str, **over):
    """A dispatch order for `incident_id` (urgent, to a fire station)."""
    from services.dispatch.lifecycle import Priority, TargetKind
    from services.dispatch.service import OrderDraft

    values = {"incident_id": incident_id, "target_kind": TargetKind.TEAM, "target_name": "渝中区消防救援站",
              "content": "立即前往解放碑东口，搜救被困人员", "target_id": "r-1", "priority": Priority.URGENT}
    values.update(over)
    return OrderDraft(**values)


RESOURCE_KINDS = ["team", "supply", "shelter", "medical"]


def resource_record(rng: random.Random, n: int, **over) -> dict:
    """A resource as ResourceStore.save_many takes it, placed at random around Chongqing."""
    return {"id": str(uuid.UUID(int=rng.getrandbits(128))), "kind": RESOURCE_KINDS[n % 4], "name": f"资源{n}",
            "lat": rng.uniform(29.0, 30.5), "lon": rng.uniform(105.5, 108.5),
            "available": rng.random() < 0.7, "details": {"headcount": n % 40}, **over}


def remote_incident(n: int, version: int = 1, **overrides):
    """An incident as the platform's change feed sends it (from site WZ unless overridden)."""
    from services.sync.wire import Change

    data = {
        "id": f"00000000-0000-0000-0000-{n:012d}", "site_code": "WZ", "code": f"WZ-2026-{n:04d}",
        "title": f"万州区远程事件{n}", "category": "natural", "type_code": "flood",
        "type_name": "洪涝", "severity": "IV", "status": "received",
        "occurred_at": "2026-11-22T07:00:00.000+00:00", "reported_at": "2026-11-22T07:05:00.000+00:00",
        "source": "phone", "exercise": False,
    }
    data.update(overrides)
    return Change(seq=n, entity="incident", entity_id=data["id"], version=version, data=data)


CHONGQING = (29.4, 106.3, 29.8, 106.8)  # south, west, north, east


class TileServer:
    """An online tile server on loopback: each GET answers a small fake PNG naming its
    path (or 500 while `broken`); `hits` lists the paths asked for."""

    def __init__(self):
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        from tests.pg import free_port

        self.hits: list[str] = []
        self.broken = False
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                server.hits.append(self.path)
                if server.broken:
                    self.send_response(500)
                    self.end_headers()
                    return
                body = f"tile {self.path}".encode().ljust(800, b".")
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.port = free_port()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.httpd.handle_error = lambda *args: None  # clients hanging up are not failures here
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()

    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/t/{{z}}/{{x}}/{{y}}.png"

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()
        self._thread.join(5)
        assert not self._thread.is_alive(), "the tile server's thread did not stop"


def headless_config(path: Path, mirror: Path, url: str) -> Path:
    """A config for `watchroom mirror` (site K, the live server's duty account)."""
    path.write_text(
        f'config_version = 1\n[site]\ncode = "K"\n[mirror]\npath = "{mirror}"\n'
        f'[logging]\nfile = "{path.parent / "k.log"}"\n'
        f'[[sync.endpoint]]\nurl = "{url}"\nusername = "duty"\npassword = "duty-pw"\n',
        encoding="utf-8",
    )
    path.chmod(0o600)  # it holds a password
    return path
