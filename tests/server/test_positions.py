"""Live positions on the platform (SQLite and PostgreSQL): a field unit's POST
(the unit from its token), a workstation's phoned-in fix, newer replaces older,
bad fixes refused with a reason, and the feed coalesced to one change per unit."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server.app import add_user
from services.positions.contract import record_id
from services.sync.wire import API_PREFIX
from tests.server.conftest import PASSWORD, T0, all_changes, iso, login, op, send


@pytest.fixture
def field(client, app) -> dict:
    add_user(app.state.db, "unit7", PASSWORD, "field_unit", unit_id="team-7")
    return {"Authorization": "Bearer " + login(client, "unit7").json()["access_token"]}


def fix(at=T0, **over) -> dict:
    return {"time": iso(at), "lat": 29.56, "lon": 106.55, **over}


def post(client, headers, body):
    return client.post(API_PREFIX + "/positions", headers=headers, json=body)


def positions(client, headers) -> list[dict]:
    return [c["data"] for c in all_changes(client, headers) if c["entity"] == "position"]


def test_a_field_unit_reports_for_the_unit_its_token_names(client, tokens, field):
    answer = post(client, field, fix(callsign="渝中一队"))
    assert answer.status_code == 200, answer.text
    assert answer.json() == {"status": "applied", "id": record_id("unit", "team-7")}
    [kept] = positions(client, tokens["duty_officer"])
    assert (kept["uid"], kept["resource_id"], kept["source"]) == ("team-7", "team-7", "unit")
    assert kept["reported_by_account"] == "unit7" and kept["callsign"] == "渝中一队"
    assert kept["stale"] == iso(T0 + timedelta(minutes=5))  # the default time to grey out


def test_the_unit_in_the_payload_is_not_taken(client, field):
    answer = post(client, field, {**fix(), "resource_id": "someone-else"})
    assert answer.status_code == 422


def test_only_field_units_post_positions(client, tokens):
    assert post(client, tokens["duty_officer"], fix()).status_code == 403
    assert post(client, {}, fix()).status_code == 401


def test_a_newer_fix_replaces_an_older_one_and_a_late_one_changes_nothing(client, tokens, field,
                                                                          server_clock):
    server_clock.advance(minutes=10)
    assert post(client, field, fix(T0 + timedelta(minutes=2), lat=29.57)).json()["status"] == "applied"
    assert post(client, field, fix(T0 + timedelta(minutes=4), lat=29.58)).json()["status"] == "applied"
    assert post(client, field, fix(T0 + timedelta(minutes=3), lat=29.99)).json()["status"] == "older"
    assert post(client, field, fix(T0 + timedelta(minutes=4), lat=29.99)).json()["status"] == "older"
    [kept] = positions(client, tokens["duty_officer"])  # the feed keeps one change per unit
    assert kept["lat"] == 29.58 and kept["version"] == 2 and "track" not in kept  # mirrors draw their own


@pytest.mark.parametrize(("body", "reason"), [
    (fix(T0 + timedelta(minutes=5)), "future"),
    (fix(lat=91), "lat"),
    (fix(lon=-180.5), "lon"),
    (fix(time="yesterday"), "ISO-8601"),
    (fix(time="2026-11-22T08:00:00"), "time zone"),
    (fix(stale=iso(T0 - timedelta(seconds=1))), "stale"),
    (fix(speed=5000), "speed"),
    (fix(course=-1), "course"),
    (fix(callsign="a\x00b"), "NUL"),
])
def test_bad_fixes_are_refused_with_the_reason(client, tokens, field, body, reason):
    answer = post(client, field, body)
    assert answer.status_code == 422 and reason in answer.text, answer.text
    assert positions(client, tokens["duty_officer"]) == []


def test_a_watch_room_records_a_phoned_in_fix_and_other_changes_keep_their_place(client, tokens):
    duty = tokens["duty_officer"]
    rid = record_id("room", "team-3")
    first = op("position", rid, "update", {"resource_id": "team-3", **fix()})
    second = op("position", rid, "update", {"resource_id": "team-3", **fix(T0 + timedelta(seconds=30))})
    results = send(client, duty, [first, second])
    assert [r["status"] for r in results] == ["applied", "applied"], results
    wrong = op("position", record_id("room", "team-4"), "update", {"resource_id": "team-3", **fix()})
    [refused] = send(client, duty, [wrong])
    assert refused["status"] == "rejected" and "entity_id" in refused["reason"]
    changes = all_changes(client, duty)
    assert [c["entity_id"] for c in changes if c["entity"] == "position"] == [rid]
