"""查岗 on the platform (SQLite and PostgreSQL): posted by a commander or an admin
through the API or an op, answered by a person of that watch room with the
platform's time and the token's account, late after the deadline, and marked
missed by the platform's own clock (its sweeper), never by a client's."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.sync.wire import API_PREFIX
from tests.helpers import wait_until
from tests.server.conftest import T0, all_changes, iso, op, send

ROLLCALLS = API_PREFIX + "/rollcalls"


def post(client, headers, site: str = "CQ", **body):
    return client.post(ROLLCALLS, json={"site_code": site, **body}, headers=headers)


def answer(client, headers, rollcall_id: str, *, site: str = "CQ", by: str = "陈晓", at=T0):
    """The answer as a duty workstation's outbox sends it; `at` is its own clock, which the platform ignores."""
    return send(client, headers, [op("rollcall", rollcall_id, "advance", {"step": "answer", "by": by}, at=at,
                                     site=site)])[0]


def state(client, headers, rollcall_id: str) -> dict:
    response = client.get(f"{ROLLCALLS}/{rollcall_id}", headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).astimezone(UTC)


def test_a_commander_posts_and_the_room_answers_in_time(client, tokens, server_clock):
    posted = post(client, tokens["commander"], message="请值班员立即应答")
    assert posted.status_code == 201, posted.text
    record = posted.json()
    assert record["state"] == "pending" and record["allowed_s"] == 180 and record["created_by_account"] == "cmd"
    assert at(record["posted_at"]) == T0 and at(record["deadline"]) == T0 + timedelta(minutes=3)
    server_clock.advance(seconds=40)
    # the workstation's clock says an hour earlier: the platform stamps its own time
    result = answer(client, tokens["duty_officer"], record["id"], at=T0 - timedelta(hours=1))
    assert result["status"] == "applied", result
    answered = state(client, tokens["viewer"], record["id"])
    assert answered["state"] == "answered" and at(answered["answered_at"]) == T0 + timedelta(seconds=40)
    assert answered["answered_by"] == "陈晓" and answered["answered_by_account"] == "duty"
    again = answer(client, tokens["duty_officer"], record["id"])
    assert again["status"] == "merged" and "answered" in again["reason"]
    feed = [c for c in all_changes(client, tokens["viewer"]) if c["entity"] == "rollcall"]
    assert [c["data"]["state"] for c in feed] == ["answered", "answered"]  # each change carries the current state


def test_only_a_commander_or_an_admin_posts(client, tokens):
    assert post(client, tokens["duty_officer"]).status_code == 403
    assert post(client, tokens["viewer"]).status_code == 403
    assert post(client, tokens["admin"], allowed_s=60).status_code == 201
    assert post(client, tokens["commander"], allowed_s=5).status_code == 422  # below the least time to answer
    assert post(client, tokens["commander"], message="应答\x00").status_code == 422
    assert post(client, {}).status_code == 401
    rid = str(uuid.uuid4())
    by_op = send(client, tokens["duty_officer"], [op("rollcall", rid, "create", {"id": rid, "site_code": "CQ"})])[0]
    assert by_op["status"] == "rejected" and "commander" in by_op["reason"]


def test_an_answer_after_the_deadline_is_late(client, tokens, server_clock):
    record = post(client, tokens["commander"], allowed_s=60).json()
    server_clock.advance(seconds=61)
    assert answer(client, tokens["duty_officer"], record["id"])["status"] == "applied"
    late = state(client, tokens["duty_officer"], record["id"])
    assert late["state"] == "late" and at(late["answered_at"]) == T0 + timedelta(seconds=61)


def test_the_platforms_clock_decides_missed_and_a_late_answer_still_counts(client, tokens, server_clock):
    record = post(client, tokens["commander"], allowed_s=60).json()
    server_clock.advance(seconds=59)
    assert state(client, tokens["viewer"], record["id"])["state"] == "pending"
    server_clock.advance(seconds=2)  # past the deadline by the platform's clock: its sweeper marks it
    wait_until(lambda: state(client, tokens["viewer"], record["id"])["state"] == "missed", 10,
               what="the platform's sweeper to mark the roll call missed")
    missed = state(client, tokens["viewer"], record["id"])
    assert missed["answered_at"] == "" and missed["answered_by_account"] == ""
    server_clock.advance(minutes=10)
    assert answer(client, tokens["duty_officer"], record["id"])["status"] == "applied"
    assert state(client, tokens["viewer"], record["id"])["state"] == "late"


def test_no_client_may_declare_a_roll_call_missed(client, tokens, server_clock):
    record = post(client, tokens["commander"], allowed_s=60).json()
    server_clock.advance(minutes=5)
    refused = send(client, tokens["commander"], [op("rollcall", record["id"], "advance", {"step": "expire"})])[0]
    assert refused["status"] == "rejected" and "platform" in refused["reason"]


def test_only_the_watch_room_called_answers(client, tokens):
    record = post(client, tokens["commander"], site="CQ").json()
    other = answer(client, tokens["duty_officer"], record["id"], site="WZ")
    assert other["status"] == "rejected" and "CQ" in other["reason"]
    viewer = client.post(API_PREFIX + "/ops", headers=tokens["viewer"], json={"client_id": "wall", "ops": [
        op("rollcall", record["id"], "advance", {"step": "answer", "by": "大屏"})]})
    assert viewer.status_code == 403
    unknown = answer(client, tokens["duty_officer"], str(uuid.uuid4()))
    assert unknown["status"] == "rejected" and "unknown" in unknown["reason"]
    assert state(client, tokens["viewer"], record["id"])["state"] == "pending"


@pytest.mark.parametrize("payload", [{"step": "answer", "by": "x" * 101}, {"step": "answer", "by": 7},
                                     {"step": "answer", "extra": 1}, {"step": "leave"}, {}])
def test_bad_answers_are_refused_and_change_nothing(client, tokens, payload):
    record = post(client, tokens["commander"]).json()
    result = send(client, tokens["duty_officer"], [op("rollcall", record["id"], "advance", payload)])[0]
    assert result["status"] == "rejected"
    assert state(client, tokens["viewer"], record["id"])["state"] == "pending"


def test_unknown_roll_call_is_404(client, tokens):
    assert client.get(f"{ROLLCALLS}/{uuid.uuid4()}", headers=tokens["viewer"]).status_code == 404
    assert iso(T0)  # (the conftest's time format is the one the platform writes)
