"""Contacts on the platform (SQLite and PostgreSQL): created once, merged by
field, bad ones refused with reasons, members carried as a list."""

from __future__ import annotations

import uuid

from tests.server.conftest import all_changes, op, send


def contact(**over) -> dict:
    payload = {"id": str(uuid.uuid4()), "kind": "group", "name": "防汛值班群", "members": ["p1", "p2"]}
    payload.update(over)
    return payload


def test_contacts_are_records_of_the_feed(client, tokens):
    duty = tokens["duty_officer"]
    group = contact()
    person = contact(kind="person", name="王建国", members=[], mobile="139 0000 1111", role="主任")
    assert [r["status"] for r in send(client, duty, [op("contact", c["id"], "create", c) for c in (group, person)])] \
        == ["applied", "applied"]
    [edit] = send(client, duty, [op("contact", person["id"], "update", {"fields": {"duty_phone": "023-67700110"}})])
    assert edit["status"] == "applied"
    records = {c["data"]["id"]: c["data"] for c in all_changes(client, duty) if c["entity"] == "contact"}
    assert records[group["id"]]["members"] == ["p1", "p2"]
    assert records[person["id"]]["duty_phone"] == "023-67700110" and records[person["id"]]["role"] == "主任"
    bad = [contact(kind="robot"), contact(name=""), contact(mobile="call me"), contact(members="all")]
    results = send(client, duty, [op("contact", c["id"], "create", c) for c in bad])
    assert [r["status"] for r in results] == ["rejected"] * 4
