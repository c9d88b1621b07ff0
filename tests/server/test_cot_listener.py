"""Cursor-on-Target into the platform over real TCP, with the CoT sender written
for the tests (tests/cot_sender.py): uid is the identity, a newer event replaces
an older one, `stale` is kept; garbage, oversized events and XML with a DTD or
entities cut that connection (with a log line) while the listener serves others."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from server.app import add_user
from server.cot_listener import MAX_EVENT_BYTES
from services.positions.contract import record_id
from services.sync.wire import API_PREFIX
from tests.cot_sender import CotSender, cot_time, event
from tests.helpers import wait_until
from tests.server.conftest import PASSWORD
from tests.server.live_server import start_live_server


@pytest.fixture
def platform(db_url, key_file):
    live = start_live_server(db_url, key_file=key_file, cot_listen=("127.0.0.1", 0))
    add_user(live.app.state.db, "duty", PASSWORD, "duty_officer")
    token = httpx.post(live.url + API_PREFIX + "/auth/login",
                       json={"username": "duty", "password": PASSWORD}).json()["access_token"]
    live.headers = {"Authorization": "Bearer " + token}
    yield live
    live.stop()


def kept(live) -> dict[str, dict]:
    changes = httpx.get(live.url + API_PREFIX + "/changes", params={"after": 0, "limit": 5000},
                        headers=live.headers).json()["changes"]
    return {c["data"]["uid"]: c["data"] for c in changes if c["entity"] == "position"}


def sender(live) -> CotSender:
    return CotSender(live.app.state.cot_port)


NOW = datetime.now(UTC).replace(microsecond=0)


def test_events_become_positions_newest_per_uid(platform):
    a = sender(platform)
    first = event("ANDROID-a1", 29.50, 106.50, NOW - timedelta(seconds=20), callsign="渝中一队")
    newer = event("ANDROID-a1", 29.51, 106.51, NOW - timedelta(seconds=10), callsign="渝中一队",
                  speed=4.5, course=90)
    older = event("ANDROID-a1", 29.99, 106.99, NOW - timedelta(seconds=15))
    other = event("ANDROID-b2", 29.60, 106.60, NOW, stale_s=600, cot_type="a-f-G-E-V")
    # Several events in one write, one split over two writes, an XML declaration in front.
    a.send(first + b"\n" + newer)
    a.send(b'<?xml version="1.0" encoding="UTF-8"?>' + older[:40])
    a.send(older[40:] + other)
    wait_until(lambda: set(kept(platform)) == {"ANDROID-a1", "ANDROID-b2"}
               and kept(platform)["ANDROID-a1"]["lat"] == 29.51, what="both devices kept")
    unit = kept(platform)["ANDROID-a1"]
    assert unit["id"] == record_id("cot", "ANDROID-a1") and unit["callsign"] == "渝中一队"
    assert (unit["speed"], unit["course"]) == (4.5, 90.0)
    assert unit["source"] == "cot" and unit["reported_workstation"] == "cot-listener"
    assert kept(platform)["ANDROID-b2"]["stale"].startswith(cot_time(NOW + timedelta(seconds=600))[:19])
    assert not a.closed_by_peer(timeout=0.3)  # a well-behaved device stays connected
    a.close()


@pytest.mark.parametrize(("hostile", "why"), [
    (b"GET / HTTP/1.1\r\nHost: x\r\n\r\n", "garbage"),
    (b"<event " + b"a" * (MAX_EVENT_BYTES + 10), "over"),
    (b'<?xml version="1.0"?><!DOCTYPE e [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     b'<event uid="&b;" type="a-f-G" time="2026-01-01T00:00:00Z"><point lat="1" lon="1"/></event>', "DTD"),
    (b'<event uid="x" type="a-f-G"><point lat="1" lon="1"></event>', "not XML"),
    (b'<evt>' + b"</event>", "not XML"),
])
def test_hostile_input_cuts_that_connection_and_the_listener_serves_others(platform, caplog, hostile, why):
    caplog.set_level(logging.WARNING, logger="server.cot_listener")
    good = sender(platform)
    bad = sender(platform)
    bad.send(hostile)
    assert bad.closed_by_peer(), "the hostile connection stays open"
    assert any("cut" in r.getMessage() and why in r.getMessage() for r in caplog.records), caplog.text
    good.send(event("good-1", 29.5, 106.5, NOW))
    wait_until(lambda: "good-1" in kept(platform), what="the other connection still served")
    assert sender(platform).closed_by_peer(timeout=0.2) is False  # new connections are taken
    assert "x" not in kept(platform)
    good.close()
    bad.close()


def test_events_that_are_not_positions_or_have_bad_values_are_skipped(platform):
    a = sender(platform)
    ping = (b'<event version="2.0" uid="takPing" type="t-x-c-t" time="' + cot_time(NOW).encode()
            + b'" start="' + cot_time(NOW).encode() + b'" stale="' + cot_time(NOW).encode()
            + b'" how="h-g-i-g-o"><point lat="0" lon="0" hae="0" ce="0" le="0"/></event>')
    future = event("late-clock", 29.5, 106.5, NOW + timedelta(hours=1))
    a.send(ping + event("bad-lat", 95.0, 106.5, NOW) + future + event("fine", 29.5, 106.5, NOW))
    wait_until(lambda: "fine" in kept(platform), what="the good event after the bad ones")
    assert set(kept(platform)) == {"fine"}
    assert not a.closed_by_peer(timeout=0.3)
    a.close()
