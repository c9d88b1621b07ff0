"""The wall-command channel on the platform (SQLite and PostgreSQL): who may push,
what a command must hold, a starting wall not replaying old pushes, a long poll
woken by a push, and the wall's report of what it shows."""

from __future__ import annotations

import threading
import time
import uuid

import httpx

from services.sync.wire import API_PREFIX
from tests.helpers import wait_until
from tests.server.conftest import PASSWORD, USERS

WALL = API_PREFIX + "/walls/main"


def command(kind: str = "focus_incident", **fields) -> dict:
    return {"id": str(uuid.uuid4()), "kind": kind, "incident_id": "inc-1", **fields}


def test_who_may_push_and_what_a_command_must_hold(client, tokens):
    ok = client.post(WALL + "/commands", json=command(), headers=tokens["duty_officer"])
    assert ok.status_code == 200 and ok.json()["seq"] >= 1 and ok.json()["issued_by"] == USERS["duty_officer"]
    assert client.post(WALL + "/commands", json=command(), headers=tokens["commander"]).status_code == 200
    assert client.post(WALL + "/commands", json=command(), headers=tokens["viewer"]).status_code == 403
    assert client.post(WALL + "/commands", json=command()).status_code == 401
    bad = [command("show_camera", camera_id="cam-1"),  # no tile
           command("show_camera", camera_id="cam-1", tile=37),
           command("switch_layout", layout="  "),
           command("focus_incident", incident_id=""),
           command("reboot"),
           {**command(), "extra": 1}]
    for body in bad:
        assert client.post(WALL + "/commands", json=body, headers=tokens["duty_officer"]).status_code == 422, body
    assert client.post(API_PREFIX + "/walls/bad wall!/commands", json=command(),
                       headers=tokens["duty_officer"]).status_code == 422  # the wall id's pattern


def test_a_starting_wall_does_not_replay_and_then_gets_each_push_once(client, tokens):
    for _ in range(3):
        client.post(WALL + "/commands", json=command(), headers=tokens["duty_officer"])
    start = client.get(WALL + "/commands", params={"after": -1}, headers=tokens["viewer"]).json()
    assert start["commands"] == [] and start["last_seq"] >= 3
    pushed = client.post(WALL + "/commands", json=command("show_camera", camera_id="cam-9", tile=4),
                         headers=tokens["duty_officer"]).json()
    page = client.get(WALL + "/commands", params={"after": start["last_seq"]}, headers=tokens["viewer"]).json()
    assert [c["id"] for c in page["commands"]] == [pushed["id"]] and page["last_seq"] == pushed["seq"]
    assert page["commands"][0]["tile"] == 4 and page["now"]
    again = client.get(WALL + "/commands", params={"after": page["last_seq"]}, headers=tokens["viewer"]).json()
    assert again["commands"] == [] and again["last_seq"] == page["last_seq"]
    other = client.get(API_PREFIX + "/walls/other/commands", params={"after": 0}, headers=tokens["viewer"]).json()
    assert other["commands"] == []  # walls are separate


def test_the_wall_reports_what_it_shows(client, tokens):
    assert client.get(WALL + "/report", headers=tokens["duty_officer"]).status_code == 204
    report = {"showing": {"map_incident_id": "inc-1", "tiles": {"4": "cam-9"}, "layout": "晚间"},
              "last_command_id": "c1", "last_command_seq": 7}
    stored = client.put(WALL + "/report", json=report, headers=tokens["viewer"]).json()
    assert stored["version"] == 1 and stored["reported_at"]
    got = client.get(WALL + "/report", params={"after_version": 0}, headers=tokens["duty_officer"]).json()
    assert got["showing"]["tiles"] == {"4": "cam-9"} and got["version"] == 1
    assert client.get(WALL + "/report", params={"after_version": 1}, headers=tokens["duty_officer"]).status_code == 204
    bad = {"showing": {"tiles": {str(n): "c" for n in range(40)}}}
    assert client.put(WALL + "/report", json=bad, headers=tokens["viewer"]).status_code == 422


def test_a_long_poll_wakes_at_once_on_a_push(live):
    def token(name: str) -> dict:
        r = httpx.post(live.url + API_PREFIX + "/auth/login", json={"username": name, "password": PASSWORD})
        return {"Authorization": "Bearer " + r.json()["access_token"]}

    viewer, duty = token(USERS["viewer"]), token(USERS["duty_officer"])
    last = httpx.get(live.url + WALL + "/commands", params={"after": -1}, headers=viewer).json()["last_seq"]
    got: dict = {}

    def poll() -> None:
        started = time.monotonic()
        got["page"] = httpx.get(live.url + WALL + "/commands", params={"after": last, "wait": 10},
                                headers=viewer, timeout=15).json()
        got["at"] = time.monotonic() - started

    waiter = threading.Thread(target=poll)
    waiter.start()
    # The poll is under way on the server before anything is pushed (else it would find the command at once).
    wait_until(lambda: live.app.state.wall_wakeups.waiting == 1, 10, what="the long poll to wait", qt=False)
    sent = time.monotonic()
    pushed = httpx.post(live.url + WALL + "/commands", json=command("switch_layout", layout="夜班"), headers=duty)
    assert pushed.status_code == 200, pushed.text
    waiter.join(15)
    assert not waiter.is_alive(), "the long poll did not return"
    assert [c["layout"] for c in got["page"]["commands"]] == ["夜班"]
    assert got["at"] < 5 and time.monotonic() - sent < 1.0  # woken by the push, not by the 10 s limit
