"""Dispatch orders on the platform (SQLite and PostgreSQL): created once, moved
only forward by the watch room or the field unit's own endpoint, every step on
the incident's timeline under the id the issuing client gave it."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from server.app import add_user
from services.dispatch.lifecycle import OrderStatus, entry_id
from services.sync.wire import API_PREFIX
from tests.server.conftest import (
    PASSWORD,
    T0,
    all_changes,
    create_op,
    incident_payload,
    iso,
    login,
    op,
    send,
)


def order(incident_id: str, **over) -> dict:
    payload = {"id": str(uuid.uuid4()), "incident_id": incident_id, "target_kind": "team",
               "target_id": "r1", "target_name": "渝中区消防救援站", "content": "立即前往解放碑东口救援",
               "priority": "urgent", "required_arrival": iso(T0 + timedelta(minutes=20)),
               "ack_deadline": iso(T0 + timedelta(minutes=5)), "issued_by": "duty", "issued_at": iso(T0)}
    payload.update(over)
    return payload


@pytest.fixture
def incident(client, tokens) -> str:
    payload = incident_payload()
    assert send(client, tokens["duty_officer"], [create_op(payload)])[0]["status"] == "applied"
    return payload["id"]


@pytest.fixture
def field(client, app) -> dict:
    add_user(app.state.db, "unit7", PASSWORD, "field_unit", unit_id="r1")  # the orders' target
    return {"Authorization": "Bearer " + login(client, "unit7").json()["access_token"]}


def report(client, headers, order_id: str, status: str, **extra):
    return client.post(f"{API_PREFIX}/orders/{order_id}/status", headers=headers, json={"status": status, **extra})


def test_an_order_moves_forward_with_every_step_on_the_timeline(client, tokens, incident, field, server_clock):
    duty = tokens["duty_officer"]
    payload = order(incident)
    assert send(client, duty, [op("order", payload["id"], "create", payload)])[0]["status"] == "applied"
    server_clock.advance(minutes=2)
    acked = report(client, field, payload["id"], "acknowledged")
    assert acked.status_code == 200 and acked.json()["status"] == "applied"
    assert report(client, field, payload["id"], "arrived").json()["status"] == "applied"  # a skipped step is fine
    late = report(client, field, payload["id"], "departed")  # a step it is already past
    assert late.status_code == 200 and late.json()["status"] == "merged"
    [done] = send(client, duty, [op("order", payload["id"], "advance", {"status": "completed", "by": "duty"},
                                    at=T0 + timedelta(minutes=40))])
    assert done["status"] == "applied"
    changes = all_changes(client, duty)
    final = [c["data"] for c in changes if c["entity"] == "order"][-1]
    assert final["status"] == "completed" and final["acknowledged_at"].startswith("2026-11-22T08:02")
    assert final["departed_at"] == "" and final["version"] == 4
    steps = {c["data"]["id"]: c["data"] for c in changes if c["entity"] == "entry" and c["data"]["kind"] == "dispatch"}
    for status in ("issued", "acknowledged", "arrived", "completed"):
        entry = steps[entry_id(payload["id"], OrderStatus(status))]
        assert entry["incident_id"] == incident and entry["data"]["order_status"] == status
    assert steps[entry_id(payload["id"], OrderStatus.ACKNOWLEDGED)]["author"] == "unit7"
    assert "调度指令已下达：渝中区消防救援站" in steps[entry_id(payload["id"], OrderStatus.ISSUED)]["body"]
    assert report(client, field, payload["id"], "refused").json()["status"] == "merged"  # finished: stays so


def test_refusal_withdrawal_and_what_is_refused(client, tokens, incident, field):
    duty = tokens["duty_officer"]
    first, second = order(incident), order(incident)
    send(client, duty, [op("order", p["id"], "create", p) for p in (first, second)])
    refused = report(client, field, first["id"], "refused", reason="车辆故障")
    assert refused.json()["status"] == "applied"
    [withdrawn] = send(client, duty, [op("order", second["id"], "advance", {"status": "withdrawn", "by": "duty",
                                                                            "reason": "已由其他队伍处置"})])
    assert withdrawn["status"] == "applied"
    assert report(client, field, second["id"], "acknowledged").json()["status"] == "merged"
    assert report(client, field, "no-such-order", "acknowledged").status_code == 404
    assert report(client, field, first["id"], "issued").status_code == 422  # not a step a unit reports
    assert report(client, tokens["viewer"], first["id"], "acknowledged").status_code == 403
    # field units report steps through their endpoint only, never operations
    assert client.post(API_PREFIX + "/ops", headers=field, json={"client_id": "x", "ops": []}).status_code == 403
    bad = [order(incident, priority="whenever"), order(incident, target_kind="tank"),
           order("no-such-incident"), order(incident, content=""), order(incident, ack_deadline="tomorrow")]
    results = send(client, duty, [op("order", p["id"], "create", p) for p in bad])
    assert [r["status"] for r in results] == ["rejected"] * 5
    assert "incident unknown" in results[2]["reason"]
