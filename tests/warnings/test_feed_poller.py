"""The platform's CAP feed poller against feeds served from this test on
loopback: alerts stored once however often the feed repeats them and synced
to a workstation, an Update in the feed superseding its Alert, a feed that
goes away reported (status endpoint, log) and picked up again by itself, and
a hostile document refused with its reason."""

from __future__ import annotations

import logging
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.early_warnings import WarningRow
from services.clock import ManualClock
from services.sync.wire import API_PREFIX
from services.warnings.store import WarningStore
from tests.helpers import wait_until
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client
from tests.warnings.records_helpers import T0

DATA = Path(__file__).with_name("data")


class Feed:
    """A CAP feed on a loopback port: `body` is what it serves; stop() and start() it."""

    def __init__(self, body: bytes):
        self.body, self.hits, self.port = body, 0, 0
        self.server: ThreadingHTTPServer | None = None

    def start(self) -> Feed:
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                feed.hits += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/atom+xml")
                self.send_header("Content-Length", str(len(feed.body)))
                self.end_headers()
                self.wfile.write(feed.body)

            def log_message(self, *_args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/cap/feed.xml"


@pytest.fixture
def feed():
    served = Feed((DATA / "feed_atom.xml").read_bytes()).start()
    yield served
    served.stop()


def live_with(tmp_path, *urls):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"), warning_feeds=tuple(urls),
                               warning_poll_s=0.2)
    add_users(server)
    return server


def platform(live) -> dict[str, WarningRow]:
    with Session(live.app.state.db.engine) as s:
        return {r.identifier: r for r in s.scalars(select(WarningRow))}


_TOKENS: dict[str, dict] = {}


def status(live) -> dict:
    """The one feed's line of GET /warning-feeds (logged in once per platform)."""
    if live.url not in _TOKENS:
        token = httpx.post(live.url + API_PREFIX + "/auth/login", json={"username": "duty", "password": "duty-pw"})
        _TOKENS[live.url] = {"Authorization": "Bearer " + token.json()["access_token"]}
    answer = httpx.get(live.url + API_PREFIX + "/warning-feeds", headers=_TOKENS[live.url])
    answer.raise_for_status()
    [one] = answer.json()["feeds"]
    return one


def test_a_polled_feed_is_stored_once_however_often_it_repeats_and_reaches_a_workstation(tmp_path, feed):
    live = live_with(tmp_path, feed.url)
    try:
        wait_until(lambda: feed.hits >= 4 and status(live)["repeated"] >= 4, what="the feed polled again and again")
        rows = platform(live)
        assert len(rows) == 2 and {r.created_by_account for r in rows.values()} == {""}
        original = rows["50000041600000_20240601100000_1"]
        update = rows["50000041600000_20240601130000_1"]
        assert original.standing == "superseded" and original.replaced_by == update.id
        assert update.source_name == feed.url and update.colour == "red"
        report = status(live)
        assert report["added"] == 2 and report["failures"] == 0 and report["last_success"]
        # The feed's broken entries (an open polygon, a link-only entry) are refused and named.
        assert report["refused"] >= 2 and "polygon" in report["last_error"]
        clock = ManualClock(T0)
        desk = make_client(tmp_path / "desk.db", [live.url], clock)
        try:
            assert desk.sync()
            got = WarningStore(desk.mirror).all(include_expired=True)
            assert sorted(w.identifier for w in got) == sorted(rows)
        finally:
            desk.close()
    finally:
        live.stop()


def test_a_feed_that_goes_away_is_reported_and_comes_back_by_itself(tmp_path, caplog):
    served = Feed((DATA / "valid_alert.xml").read_bytes()).start()
    live = live_with(tmp_path, served.url)
    try:
        wait_until(lambda: len(platform(live)) == 1, what="the first alert stored")
        caplog.set_level(logging.INFO, logger="server")
        served.stop()
        report = wait_until(lambda: (s := status(live))["failures"] >= 2 and s, what="the failures reported")
        assert report["last_error"] and report["last_error_at"] and report["last_success"]
        assert any("warning feed" in r.message and "failed" in r.message for r in caplog.records)
        served.body = (DATA / "update.xml").read_bytes()
        served.start()  # the same port: the feed is back
        wait_until(lambda: len(platform(live)) == 2, what="the update fetched once the feed is back")
        wait_until(lambda: status(live)["failures"] == 0, what="the feed reported healthy")
        assert status(live)["last_error"] == ""
        assert platform(live)["50000041600000_20240601100000_1"].standing == "superseded"
        assert any("is back" in r.message for r in caplog.records)
    finally:
        live.stop()
        served.stop()


def test_a_hostile_feed_is_refused_with_its_reason_and_stores_nothing(tmp_path):
    served = Feed((DATA / "billion_laughs.xml").read_bytes()).start()
    live = live_with(tmp_path, served.url)
    try:
        report = wait_until(lambda: (s := status(live))["refused"] >= 1 and s, what="the document refused")
        assert report["last_error"] and report["added"] == 0 and platform(live) == {}
    finally:
        live.stop()
        served.stop()


def test_backoff_grows_with_failures_and_is_capped():
    from server.warning_feeds import BACKOFF_CAP, FeedPoller, FeedStatus

    poller = FeedPoller([], 10.0, None, None, lambda: T0 + timedelta(0), lambda: None)
    status_ = FeedStatus("http://x")
    delays = [poller._failed(status_, "down") for _ in range(6)]
    assert delays[:3] == [20.0, 40.0, 80.0] and max(delays) == 10.0 * BACKOFF_CAP
