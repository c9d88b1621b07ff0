"""The status bar's warning-feed light against a real platform whose feed
poller has one feed that works and one on a closed port: red with the failing
feed named (its error as text), green once only working feeds remain, and
hidden when the platform has none; a malformed answer counts as none."""

from __future__ import annotations

import asyncio
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from app.warning_feed_light import WarningFeedLight
from services.sync.wire import API_PREFIX
from services.warnings.feed_status import summarize
from tests.helpers import wait_until
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users

ALERT = (Path(__file__).parents[1] / "warnings" / "data" / "valid_alert.xml").read_bytes()


def _serve(body: bytes) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _platform_request(url: str):
    """The sync engine's authenticated request, as the light gets it: a real log-in, a real GET."""
    token = httpx.post(url + API_PREFIX + "/auth/login", json={"username": "duty", "password": "duty-pw"}).json()

    async def request(method: str, path: str):
        async with httpx.AsyncClient() as http:
            return await http.request(method, url + API_PREFIX + path,
                                      headers={"Authorization": f"Bearer {token['access_token']}"})
    return request


def _ask(light: WarningFeedLight) -> None:
    asyncio.new_event_loop().run_until_complete(light._ask())


@pytest.fixture
def feed():
    server = _serve(ALERT)
    yield f"http://127.0.0.1:{server.server_address[1]}/cap.xml"
    server.shutdown()


def test_a_failing_feed_turns_the_light_red_and_names_it(qtbot, tmp_path, feed):
    dead = f"http://127.0.0.1:{_closed_port()}/<b>feed</b>"
    live = start_live_server("sqlite:///" + str(tmp_path / "p.db"), warning_feeds=(feed, dead), warning_poll_s=0.2)
    try:
        add_users(live)
        light = WarningFeedLight(lambda: _platform_request(live.url))
        qtbot.addWidget(light)
        assert wait_until(lambda: (_ask(light), light.summary.state == "failing")[1], timeout=15)
        assert not light.isHidden() and "1" in light.text() and "2" in light.text()
        assert "&lt;b&gt;feed&lt;/b&gt;" in light.toolTip() and "<b>feed" not in light.toolTip()
    finally:
        live.stop()


def test_working_feeds_are_green_and_no_feeds_hide_the_light(qtbot, tmp_path, feed):
    live = start_live_server("sqlite:///" + str(tmp_path / "p.db"), warning_feeds=(feed,), warning_poll_s=0.2)
    try:
        add_users(live)
        light = WarningFeedLight(lambda: _platform_request(live.url))
        qtbot.addWidget(light)
        assert wait_until(lambda: (_ask(light), light.summary.state == "ok")[1], timeout=15)
        assert not light.isHidden() and "#2e7d32" in light.styleSheet()
    finally:
        live.stop()
    bare = start_live_server("sqlite:///" + str(tmp_path / "q.db"))
    try:
        add_users(bare)
        light = WarningFeedLight(lambda: _platform_request(bare.url))
        qtbot.addWidget(light)
        _ask(light)
        assert light.summary.state == "none" and light.isHidden()
    finally:
        bare.stop()


def test_a_malformed_answer_counts_as_no_feeds():
    assert summarize([1, 2]).state == "none"
    assert summarize({"feeds": "x"}).state == "none"
    assert summarize({"feeds": [{"url": 5, "failures": True}, "junk"]}).state == "ok"
    assert summarize({"feeds": [{"url": "u", "failures": 3, "last_error": 7}]}).failing[0].last_error == ""
