"""The map page reaches its own files and its tiles, nothing else: script in the
page (as if a name had become markup) cannot read a local file nor reach an
HTTP server on loopback, whatever it tries; the page scheme answers only the
files it was given; the request guard on the map's profile blocks other URLs
even for a page without the map's policy, and says so once."""

from __future__ import annotations

import json
import logging
import socketserver
import threading

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineSettings

from tests.helpers import wait_until
from tests.map.helpers import js, js_value, ready_view
from tests.pg import free_port
from widgets.map_view import MapView
from widgets.map_view.guard import GUARD_NAME, MapPage, RequestGuard


class CountingServer:
    """Counts every connection made to it (an HTTP request, a WebSocket, anything)."""

    def __init__(self):
        self.hits = 0
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                outer.hits += 1
                self.request.settimeout(2)
                try:
                    self.request.recv(4096)
                    self.request.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n"
                                         b"Access-Control-Allow-Origin: *\r\n\r\nroot:x:0:0")
                except OSError:
                    pass

        self.port = free_port()
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def server():
    s = CountingServer()
    yield s
    s.stop()


@pytest.fixture
def view(qtbot):
    v = MapView()
    qtbot.addWidget(v)
    v.resize(600, 400)
    v.show()
    yield ready_view(v)


# Every way a script has to reach a URL, each settling into window.__tries[name].
ATTEMPTS = """(function (base, ws) {
  window.__tries = {};
  function done(k, v) { if (!(k in window.__tries)) window.__tries[k] = v; }
  function element(tag, attr, url, key) {
    var el = document.createElement(tag);
    if (tag === "link") el.rel = "stylesheet";
    el.onload = function () { done(key, tag === "iframe" ? "settled" : "reached"); };
    el.onerror = function () { done(key, "refused"); };
    el[attr] = url;
    (tag === "iframe" ? document.body : document.head).appendChild(el);
  }
  fetch(base + "fetch").then(function (r) { return r.text(); })
    .then(function (t) { done("fetch", "read " + t); }, function () { done("fetch", "refused"); });
  var x = new XMLHttpRequest();
  x.onload = function () { done("xhr", "read " + x.responseText); };
  x.onerror = function () { done("xhr", "refused"); };
  try { x.open("GET", base + "xhr"); x.send(); } catch (e) { done("xhr", "refused"); }
  var i = new Image();
  i.onload = function () { done("img", "reached"); };
  i.onerror = function () { done("img", "refused"); };
  i.src = base + "img.png";
  element("script", "src", base + "script.js", "script");
  element("link", "href", base + "style.css", "link");
  element("iframe", "src", base + "frame", "iframe");
  if (ws) {
    try {
      var w = new WebSocket(ws + "socket");
      w.onopen = function () { done("websocket", "reached"); };
      w.onerror = function () { done("websocket", "refused"); };
    } catch (e) { done("websocket", "refused"); }
    try {
      var es = new EventSource(base + "events");
      es.onopen = function () { done("eventsource", "reached"); };
      es.onerror = function () { es.close(); done("eventsource", "refused"); };
    } catch (e) { done("eventsource", "refused"); }
    done("popup", window.open(base + "popup") ? "opened" : "refused");
  }
  return true;
})(%s, %s)"""


def attempt_all(view, base: str, ws: str | None) -> dict:
    js(view, ATTEMPTS % (json.dumps(base), json.dumps(ws)))
    expected = {"fetch", "xhr", "img", "script", "link", "iframe"} | (
        {"websocket", "eventsource", "popup"} if ws else set())
    assert wait_until(lambda: set(js_value(view, "window.__tries") or {}) >= expected,
                      what=lambda: f"every attempt to settle: {js_value(view, 'window.__tries')}")
    return js_value(view, "window.__tries")


def test_the_page_cannot_read_local_files(view):
    tries = attempt_all(view, "file:///etc/passwd?", None)
    assert {k: v for k, v in tries.items() if k != "iframe"} == {
        "fetch": "refused", "xhr": "refused", "img": "refused", "script": "refused", "link": "refused"}
    # And the frame, if any was made, shows nothing the page can read.
    assert js(view, "(function () { var f = document.querySelector('iframe');"
                    " try { return f.contentDocument ? f.contentDocument.body.textContent : ''; }"
                    " catch (e) { return ''; } })()") in ("", None)
    settings = view.page().settings()
    for attribute in (QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls,
                      QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls):
        assert settings.testAttribute(attribute) is False


def test_the_page_cannot_reach_a_server_on_loopback(view, server):
    js(view, "window.marker = 'kept'; true")
    tries = attempt_all(view, f"http://127.0.0.1:{server.port}/", f"ws://127.0.0.1:{server.port}/")
    assert all(v in ("refused", "settled") for v in tries.values()), tries
    refused_before = MapPage._once.count
    js(view, f"location.href = 'http://127.0.0.1:{server.port}/away'; true")  # leave the map
    assert wait_until(lambda: MapPage._once.count > refused_before, what="the navigation to be refused")
    assert js(view, "window.marker") == "kept"  # still the map, not an error page
    assert server.hits == 0


def test_the_page_scheme_answers_only_its_own_files(view):
    script = """(function (urls) {
      window.__answers = {};
      urls.forEach(function (u) {
        fetch(u).then(function (r) { window.__answers[u] = r.status; },
                      function () { window.__answers[u] = "failed"; });
      });
      return true; })(%s)"""
    good = ["wrpage://map/web/bridge.js", "wrpage://map/vendor/leaflet/leaflet.css", "../qwebchannel.js"]
    bad = ["wrpage://map/../../../../etc/passwd", "wrpage://map/web/../../../../../etc/passwd",
           "wrpage://map/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "wrpage://map/web/..%2f..%2f..%2fetc%2fpasswd",
           "wrpage://map//etc/passwd", "wrpage://map/web/", "wrpage://map/web/bridge.js%00.png",
           "wrpage://other/web/bridge.js", "wrpage://map/v999999/map.html", "wrpage://map/pyproject.toml"]
    js(view, script % json.dumps(good + bad))
    assert wait_until(lambda: len(js_value(view, "window.__answers") or {}) == len(good + bad))
    answers = js_value(view, "window.__answers")
    assert [answers[u] for u in good] == [200, 200, 200]
    assert all(answers[u] != 200 for u in bad), answers


def test_the_guard_blocks_pages_without_the_maps_policy_and_logs_once(qtbot, view, server, caplog):
    profile = QWebEngineProfile.defaultProfile()
    guard = profile.findChild(RequestGuard, GUARD_NAME)  # installed by the map view
    assert guard is not None
    before = guard.blocked
    page = QWebEnginePage(profile)  # a page of its own: no CSP, no navigation check
    try:
        with caplog.at_level(logging.WARNING, logger="widgets.map_view.guard"):
            for path in ("first", "second"):
                with qtbot.waitSignal(page.loadFinished, timeout=15000) as loaded:
                    page.load(QUrl(f"http://127.0.0.1:{server.port}/{path}"))
                assert loaded.args == [False]
        assert guard.blocked >= before + 2
        assert server.hits == 0
        said = [r for r in caplog.records if f"127.0.0.1:{server.port}" in r.getMessage()
                or "127.0.0.1" in r.getMessage()]
        assert len(said) == 1  # once per destination, not per request
    finally:
        page.deleteLater()
