"""Resource operations on the platform (SQLite and PostgreSQL): created once,
merged by field with the later edit winning, bad ones refused with reasons."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from tests.server.conftest import T0, all_changes, op, send


def resource(**over) -> dict:
    payload = {"id": str(uuid.uuid4()), "kind": "team", "name": "渝中区消防救援站", "lat": 29.55,
               "lon": 106.57, "contact": "王队长", "phone": "023-6000000", "available": True,
               "details": {"headcount": 35, "specialty": "城市搜救"}}
    payload.update(over)
    return payload


def create(payload: dict, **kw) -> dict:
    return op("resource", payload["id"], "create", payload, **kw)


def update(rid: str, fields: dict, **kw) -> dict:
    return op("resource", rid, "update", {"fields": fields}, **kw)


def test_created_once_and_in_the_feed(client, tokens):
    duty = tokens["duty_officer"]
    payload = resource()
    first = create(payload)
    assert [r["status"] for r in send(client, duty, [first, create(payload), first])] == [
        "applied", "applied", "duplicate"]  # the same resource imported twice: no second record
    [change] = [c for c in all_changes(client, duty) if c["entity"] == "resource"]
    assert change["data"]["details"] == {"headcount": 35, "specialty": "城市搜救"}
    assert change["data"]["name"] == "渝中区消防救援站"


def test_later_edit_wins_per_field(client, tokens, server_clock):
    server_clock.advance(hours=1)
    duty = tokens["duty_officer"]
    payload = resource()
    send(client, duty, [create(payload)])
    send(client, duty, [update(payload["id"], {"available": False}, at=T0 + timedelta(minutes=9))])
    [late] = send(client, duty, [update(payload["id"], {"available": True, "phone": "110"},
                                        at=T0 + timedelta(minutes=5))])
    assert late["status"] == "merged" and "available" in late["reason"]
    [change] = [c for c in all_changes(client, duty) if c["entity"] == "resource"][-1:]
    assert (change["data"]["available"], change["data"]["phone"]) == (False, "110")


@pytest.mark.parametrize("payload,reason", [
    (resource(kind="tank"), "unknown resource kind"),
    (resource(lat=91), "lat must be"),
    (resource(lon="106"), "lon must be"),
    (resource(name=" "), "name must not be empty"),
    (resource(details=[1]), "details must be an object"),
    (resource(details={"x": "长" * 30_000}), "details larger"),
    (resource(colour="red"), "unknown resource field"),
    ({"id": "x", "kind": "team"}, "missing resource field"),
])
def test_bad_resources_are_refused_with_reasons(client, tokens, payload, reason):
    [result] = send(client, tokens["duty_officer"], [create(payload)])
    assert result["status"] == "rejected" and reason in result["reason"]


def test_updating_an_unknown_resource_or_its_id_is_refused(client, tokens):
    duty = tokens["duty_officer"]
    payload = resource()
    send(client, duty, [create(payload)])
    assert send(client, duty, [update(str(uuid.uuid4()), {"name": "x"})])[0]["reason"] == "resource unknown"
    assert "cannot be changed" in send(client, duty, [update(payload["id"], {"id": "y"})])[0]["reason"]


def test_the_wall_display_cannot_write_resources(client, tokens):
    response = client.post("/api/v1/ops", json={"client_id": "w", "ops": [create(resource())]},
                           headers=tokens["viewer"])
    assert response.status_code == 403
