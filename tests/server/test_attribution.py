"""Who did it is the token's to say (issue 19, class 3), on SQLite and PostgreSQL:
every change the platform applies records the authenticated account and the
workstation beside the client's display name; a field unit steps only its own
unit's orders; a site's invitations and close of another site's conference are
refused; an account bound to a site cannot write for another; times a client
claims are no later than their receipt."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.app import add_user
from server.db import ChangeRow
from services.dispatch.lifecycle import OrderStatus, entry_id
from services.sync.wire import API_PREFIX
from tests.server.conftest import (
    PASSWORD,
    T0,
    all_changes,
    create_op,
    entry_op,
    incident_payload,
    iso,
    op,
    send,
)
from tests.server.kinds import GOOD


def session(client, username: str, workstation: str = "") -> dict:
    body = {"username": username, "password": PASSWORD, **({"workstation": workstation} if workstation else {})}
    response = client.post(API_PREFIX + "/auth/login", json=body)
    assert response.status_code == 200, response.text
    return {"Authorization": "Bearer " + response.json()["access_token"]}


def latest(client, headers, entity: str) -> dict[str, dict]:
    return {c["entity_id"]: c["data"] for c in all_changes(client, headers) if c["entity"] == entity}


def test_the_account_and_workstation_are_recorded_beside_the_claimed_names(client, app):
    duty = session(client, "duty", workstation="ws-cq-01")
    payload = incident_payload(created_by="局长本人")  # a name the officer typed, or forged
    report = entry_op(payload["id"], "final_report", "终报：已处置完毕")
    report["payload"]["author"] = "王局长"
    assert [r["status"] for r in send(client, duty, [create_op(payload), report])] == ["applied", "applied"]
    incident = latest(client, duty, "incident")[payload["id"]]
    assert incident["created_by"] == "局长本人"  # display only
    assert (incident["created_by_account"], incident["created_workstation"]) == ("duty", "ws-cq-01")
    assert (incident["updated_by_account"], incident["updated_workstation"]) == ("duty", "ws-cq-01")
    entry = latest(client, duty, "entry")[report["entity_id"]]
    assert (entry["author"], entry["author_account"], entry["author_workstation"]) == ("王局长", "duty", "ws-cq-01")
    commander = session(client, "cmd")  # logged in without naming a workstation: the batch's client id
    send(client, commander, [op("incident", payload["id"], "update", {"fields": {"injured": 5}}, base_version=2)])
    incident = latest(client, duty, "incident")[payload["id"]]
    assert (incident["created_by_account"], incident["updated_by_account"]) == ("duty", "cmd")
    assert incident["updated_workstation"] == "site-a"
    with Session(app.state.db.engine) as s:  # every change row names its account
        rows = s.execute(select(ChangeRow.entity, ChangeRow.account, ChangeRow.workstation)).all()
    assert [r.account for r in rows] == ["duty", "duty", "duty", "cmd"]
    assert {r.workstation for r in rows} == {"ws-cq-01", "site-a"}


def test_every_kind_records_its_account(client, tokens):
    duty = session(client, "duty", workstation="ws-1")
    incident = incident_payload()
    send(client, duty, [create_op(incident)])
    ops = {entity: GOOD[entity](incident["id"]) for entity in ("resource", "camera", "contact", "order",
                                                                  "notification", "conference")}
    assert {r["status"] for r in send(client, duty, list(ops.values()))} == {"applied"}
    accounts = {"resource": "updated_by_account", "camera": "updated_by_account",
                "contact": "updated_by_account", "order": "issued_by_account", "notification": "sender_account",
                "conference": "opened_by_account"}
    workstations = {"order": "issued_workstation", "notification": "sender_workstation",
                    "conference": "opened_workstation"}
    for entity, built in ops.items():
        record = latest(client, duty, entity)[built["entity_id"]]
        assert record[accounts[entity]] == "duty", (entity, record)
        assert record[workstations.get(entity, "updated_workstation")] == "ws-1", (entity, record)


@pytest.fixture
def orders(client, tokens, app):
    """An incident with two orders, one for unit r1 and one for unit r2, and a field unit bound to r1."""
    add_user(app.state.db, "unit-r1", PASSWORD, "field_unit", unit_id="r1")
    duty = tokens["duty_officer"]
    incident = incident_payload()
    mine, theirs = GOOD["order"](incident["id"], target_id="r1"), GOOD["order"](incident["id"], target_id="r2")
    assert [r["status"] for r in send(client, duty, [create_op(incident), mine, theirs])] == ["applied"] * 3
    return mine["entity_id"], theirs["entity_id"]


def report(client, headers, order_id: str, status: str, **extra):
    return client.post(f"{API_PREFIX}/orders/{order_id}/status", headers=headers, json={"status": status, **extra})


def test_a_field_unit_steps_only_its_own_orders(client, tokens, orders):
    mine, theirs = orders
    unit = session(client, "unit-r1", workstation="pad-7")
    refused = report(client, unit, theirs, "completed", by="渝中区消防救援站")
    assert refused.status_code == 403 and "another unit" in refused.json()["detail"]
    done = report(client, unit, mine, "acknowledged", by="张队长")
    assert done.status_code == 200 and done.json()["status"] == "applied"
    duty = tokens["duty_officer"]
    orders_now = latest(client, duty, "order")
    assert orders_now[theirs]["status"] == "issued"  # untouched
    assert (orders_now[mine]["updated_by_account"], orders_now[mine]["updated_workstation"]) == ("unit-r1", "pad-7")
    step = latest(client, duty, "entry")[entry_id(mine, OrderStatus.ACKNOWLEDGED)]
    assert (step["author"], step["author_account"]) == ("张队长", "unit-r1")
    # the watch room takes a phone call for any unit: allowed, and recorded as its own
    assert report(client, duty, theirs, "acknowledged", by="电话：李队长").json()["status"] == "applied"
    assert latest(client, duty, "order")[theirs]["updated_by_account"] == "duty"


def test_a_field_unit_bound_to_no_unit_reports_nothing(client, orders, app):
    from sqlalchemy import update

    from server.db import UserRow

    add_user(app.state.db, "stray", PASSWORD, "field_unit", unit_id="r9")
    with Session(app.state.db.write) as s, s.begin():
        s.execute(update(UserRow).where(UserRow.username == "stray").values(unit_id=""))
    mine, _theirs = orders
    refused = report(client, session(client, "stray"), mine, "acknowledged")
    assert refused.status_code == 403 and "bound to no unit" in refused.json()["detail"]


def test_a_site_may_not_invite_to_or_close_another_sites_conference(client, tokens, app):
    add_user(app.state.db, "duty-wz", PASSWORD, "duty_officer", site_code="WZ")
    cq, wz = tokens["duty_officer"], session(client, "duty-wz")
    incident = incident_payload()
    opened = GOOD["conference"](incident["id"])  # from site CQ (op site_code)
    cid = opened["entity_id"]
    assert [r["status"] for r in send(client, cq, [create_op(incident), opened])] == ["applied", "applied"]
    invite = {"invite": [{"id": "site-ql", "kind": "site", "name": "黔江区应急局"}]}
    [refused_invite, refused_close] = send(client, wz, [op("conference", cid, "update", invite, site="WZ"),
                                                        op("conference", cid, "update", {"close": True}, site="WZ")])
    assert refused_invite["status"] == refused_close["status"] == "rejected"
    assert "held by site CQ" in refused_close["reason"]
    # participants' flags are theirs (and the bridge's), from any site
    flags = client.post(f"{API_PREFIX}/conferences/{cid}/participants/site-wz", headers=wz, json={"joined": True})
    assert flags.status_code == 200
    [closed] = send(client, cq, [op("conference", cid, "update", {"close": True, "by": "duty"})])
    assert closed["status"] == "applied"
    record = latest(client, cq, "conference")[cid]
    assert record["state"] == "closed" and record["opened_site"] == "CQ" and record["opened_by_account"] == "duty"
    assert [p["id"] for p in record["participants"]] == ["site-wz"] and record["participants"][0]["joined"]


def test_an_account_bound_to_a_site_writes_for_it_only(client, app):
    add_user(app.state.db, "duty-wz", PASSWORD, "duty_officer", site_code="WZ")
    wz = session(client, "duty-wz")
    [claimed, own] = send(client, wz, [create_op(incident_payload(code="2026-0001")),  # says CQ
                                       create_op(incident_payload(code="2026-0002", site_code="WZ"), site="WZ")])
    assert claimed["status"] == "rejected" and "writes for site WZ" in claimed["reason"]
    assert own["status"] == "applied"


def test_times_a_client_claims_are_no_later_than_their_receipt(client, tokens):
    duty = tokens["duty_officer"]
    future = T0 + timedelta(hours=3)
    payload = incident_payload(occurred_at=iso(future), reported_at=iso(future))
    early = entry_op(payload["id"], "initial_report", at=future)
    past = entry_op(payload["id"], "follow_up_report", at=T0 - timedelta(minutes=5))
    assert {r["status"] for r in send(client, duty, [create_op(payload), early, past])} == {"applied"}
    incident = latest(client, duty, "incident")[payload["id"]]
    now = iso(T0)
    assert incident["occurred_at"] == incident["reported_at"] == now
    entries = latest(client, duty, "entry")
    assert entries[early["entity_id"]]["created_at"] == now
    assert entries[past["entity_id"]]["created_at"] == iso(T0 - timedelta(minutes=5))  # as written
    assert incident["last_report_at"] == iso(T0 - timedelta(minutes=5))
