"""One bad operation never blocks the ones after it (issue 19, class 2), on SQLite
and PostgreSQL: a poisoned op of every kind between good ones is refused with a
reason, the good ones apply; numbers JSON can write but no column can hold
refuse their op only; a database error inside one op's savepoint is that op's
rejection, while a platform in trouble (a lost connection) fails the batch so
the client sends it again."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import exc as db_errors
from sqlalchemy import text

from server.app import add_user, build_registry, create_app
from server.db import IncidentRow
from server.record_kind import Registry, ServerKind
from services.sync.wire import API_PREFIX, OpResult
from services.text_rules import value_problem
from tests.server.conftest import (
    PASSWORD,
    USERS,
    all_changes,
    create_op,
    incident_payload,
    login,
    op,
    send,
)
from tests.server.kinds import GOOD


def deep(levels: int) -> dict:
    value: dict = {}
    for _ in range(levels):
        value = {"v": value}
    return value


POISONS = [
    ("incident", {"title": "山体滑坡\x00"}, "NUL"),
    ("incident", {"id": "i" * 40}, "36 characters"),  # longer than its column
    ("incident", {"place": "\ud800"}, "surrogate"),
    ("incident", {"summary": "bell\x07"}, "U+0007"),
    ("incident", {"deaths": 2**70}, "64 bits"),
    ("entry", {"body": "回访\x00"}, "NUL"),
    ("entry", {"data": {"note": ["ok", "x\x00"]}}, "data.note[1]: a NUL character"),
    ("entry", {"id": "e" * 50}, "36 characters"),
    ("entry", {"author": "\udfff"}, "surrogate"),
    ("entry", {"data": deep(40)}, "nested deeper"),
    ("resource", {"name": "消防站\x00"}, "NUL"),
    ("resource", {"details": {"k\x00": 1}}, "key"),
    ("resource", {"id": "r" * 40}, "36 characters"),
    ("resource", {"details": {"n": 2**64}}, "64 bits"),
    ("camera", {"name": "\x00"}, "NUL"),
    ("camera", {"main_url": "rtsp://h/\ud800"}, "surrogate"),
    ("contact", {"members": ["p1", "p\x00"]}, "NUL"),
    ("contact", {"notes": "\x1b[31m红\x1b[0m"}, "U+001B"),
    ("order", {"content": "立即前往\x00"}, "NUL"),
    ("order", {"target_id": "t" * 65}, "64 characters"),
    ("notification", {"text": "集合\x00"}, "NUL"),
    ("notification", {"recipients": [{"contact_id": "p1", "name": "王\x00", "phone": "139 0000 1111"}]}, "NUL"),
    ("conference", {"title": "会商\x00"}, "NUL"),
    ("conference", {"participants": [{"id": "s", "kind": "site", "name": "\ud83d"}]}, "surrogate"),
    # times every mirror must be able to turn into UTC
    ("entry", {"created_at": "0001-01-01T00:00:00+14:00"}, "out of range"),
    ("order", {"ack_deadline": "9999-12-31T23:59:59-14:00"}, "out of range"),
    ("incident", {"occurred_at": "1066-10-14T09:00:00+00:00"}, "between the years"),
]


def post_raw(client, headers, ops: list[dict]):
    """As a client would send them, JSON-escaped: the surrogates arrive as `\\udXXX`."""
    body = json.dumps({"client_id": "site-a", "ops": ops})
    return client.post(API_PREFIX + "/ops", content=body, headers={**headers, "Content-Type": "application/json"})


@pytest.fixture
def incident_id(client, tokens) -> str:
    payload = incident_payload(code="2026-9999")
    assert send(client, tokens["duty_officer"], [create_op(payload)])[0]["status"] == "applied"
    return payload["id"]


@pytest.mark.parametrize("entity,poison,reason", POISONS, ids=[f"{e}-{i}" for i, (e, _p, _r) in enumerate(POISONS)])
def test_a_poisoned_op_is_refused_and_the_rest_apply(client, tokens, incident_id, entity, poison, reason):
    duty = tokens["duty_officer"]
    build = GOOD[entity]
    before, bad, after = build(incident_id), build(incident_id, **poison), build(incident_id)
    report = GOOD["entry"](incident_id, kind="follow_up_report", body="later report still goes up")
    response = post_raw(client, duty, [before, bad, after, report])
    assert response.status_code == 200, response.text
    results = [OpResult.model_validate(r) for r in response.json()["results"]]
    assert [r.status for r in results] == ["applied", "rejected", "applied", "applied"], results
    assert reason in results[1].reason and results[1].op_id == bad["op_id"]
    changes = all_changes(client, duty)
    stored = {(c["entity"], c["entity_id"]) for c in changes}
    assert {(entity, before["entity_id"]), (entity, after["entity_id"]), ("entry", report["entity_id"])} <= stored
    assert (entity, bad["entity_id"]) not in stored
    assert all(value_problem(c["data"]) is None for c in changes)  # nothing unusable reaches the feed


def test_a_poisoned_op_inside_a_set_based_run(client, tokens, incident_id):
    """Runs of creates and appends go set-based: the poisoned one is refused in the run."""
    duty = tokens["duty_officer"]
    entries = [GOOD["entry"](incident_id, body=f"第{i}次回访") for i in range(6)]
    entries[3] = GOOD["entry"](incident_id, body="回访\x00")
    incidents = [GOOD["incident"]("") for _ in range(3)]
    incidents[1] = GOOD["incident"]("", title="\x00")
    response = post_raw(client, duty, [*incidents, *entries])
    statuses = [r["status"] for r in response.json()["results"]]
    assert statuses == ["applied", "rejected", "applied"] + ["applied"] * 3 + ["rejected"] + ["applied"] * 2


def test_a_camera_id_as_long_as_its_column_is_stored(client, tokens, incident_id):
    """Camera ids are up to 64 characters; the feed's entity_id column must hold them (PostgreSQL)."""
    duty = tokens["duty_officer"]
    long_id = GOOD["camera"]("", id="3" * 64)
    assert [r["status"] for r in send(client, duty, [long_id, GOOD["entry"](incident_id)])] == ["applied"] * 2
    assert any(c["entity_id"] == "3" * 64 for c in all_changes(client, duty))


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "123456789012345678901234",
                                    "9" * 5000])
def test_numbers_no_column_can_hold_refuse_their_op_only(client, tokens, incident_id, number):
    duty = tokens["duty_officer"]
    good, bad, later = GOOD["entry"](incident_id), GOOD["incident"](""), GOOD["entry"](incident_id)
    body = json.dumps({"client_id": "site-a", "ops": [good, bad, later]})
    body = body.replace('"deaths": 0', f'"deaths": {number}', 1)
    response = client.post(API_PREFIX + "/ops", content=body,
                           headers={**duty, "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert "deaths" in results[1]["reason"]


# ---- the last line of defence: the database's own refusals -----------------------


def _duplicate_key(s, op, now) -> OpResult:
    """A handler whose write the database refuses (what no check foresaw)."""
    s.execute(text("INSERT INTO server_meta (key, value) VALUES ('cluster_id', 'again')"))
    raise AssertionError("the insert above must fail")


def _lost_connection(s, op, now) -> OpResult:
    raise db_errors.OperationalError("SELECT 1", {}, ConnectionError("server closed the connection"))


BOOM = ServerKind("boom", IncidentRow, {"create": _duplicate_key, "update": _lost_connection}, ("id",))


@pytest.fixture
def boom_client(db_url, server_clock, key_file):
    app = create_app(db_url, clock=server_clock, key_file=key_file, registry=Registry([*build_registry(), BOOM]))
    add_user(app.state.db, USERS["duty_officer"], PASSWORD, "duty_officer")
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, {"Authorization": "Bearer " + login(client, USERS["duty_officer"]).json()["access_token"]}


def test_a_database_error_in_one_op_is_its_rejection(boom_client):
    client, duty = boom_client
    first, later = create_op(incident_payload(code="2026-0001")), create_op(incident_payload(code="2026-0002"))
    results = send(client, duty, [first, op("boom", "b1", "create", {"id": "b1"}), later])
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert "could not store this operation" in results[1]["reason"] and "unique" in results[1]["reason"].lower()
    assert "INSERT" not in results[1]["reason"]  # the driver's first line, never the statement
    assert len(all_changes(client, duty)) == 2


def test_a_platform_in_trouble_fails_the_batch_for_a_retry(boom_client):
    client, duty = boom_client
    response = post_raw(client, duty, [create_op(incident_payload()), op("boom", "b1", "update", {"fields": {}})])
    # A lost connection is the database unreachable: 503 and when to come back (server/db_outage.py).
    assert response.status_code == 503 and response.headers["Retry-After"] == "5"
    assert all_changes(client, duty) == []  # nothing of the batch was kept: it comes again
