"""The sensor-gateway role (传感网关, issue 17's trust gap), on SQLite and
PostgreSQL: readings are accepted from a sensor_gateway or an admin account
only; a duty officer or commander posting them gets 403 with a reason in
Chinese and English, recorded in the audit; a gateway lists the stations and
is refused everything else (the ops batch, the feed, the admin API)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from services.sync.wire import API_PREFIX
from tests.server.conftest import T0, USERS, create_op, incident_payload, iso, login, op, send

READINGS, STATIONS = API_PREFIX + "/monitoring/readings", API_PREFIX + "/monitoring/stations"
STURDY = "Sturdy-Pass-2026"  # the default password policy
POSTS = {None: 401, "duty_officer": 403, "duty_chief": 403, "commander": 403, "viewer": 403,
         "sensor_gateway": 200, "admin": 200}


def _station(client, headers) -> str:
    payload = {"id": "st-cuntan", "code": "60105400", "name": "寸滩", "kind": "river", "org": "重庆市水文监测总站",
               "place": "江北区寸滩", "lat": 29.61, "lon": 106.60, "unit": "m",
               "thresholds": {"alert": 175.0, "guarantee": 183.5}, "rules": {}}
    assert send(client, headers, [op("station", payload["id"], "create", payload)])[0]["status"] == "applied"
    return payload["id"]


def refused(app) -> list[dict]:
    with app.state.db.engine.connect() as conn:
        rows = conn.execute(text("SELECT account, detail FROM audit_log WHERE action = 'refused' ORDER BY seq")).all()
    return [{"account": r[0], **json.loads(r[1])} for r in rows]


@pytest.mark.parametrize("role", list(POSTS))
def test_readings_are_taken_from_a_gateway_or_an_admin_only(client, tokens, role):
    sid = _station(client, tokens["duty_chief"])
    minute = list(POSTS).index(role)
    reading = {"station": sid, "time": iso(T0 - timedelta(minutes=minute)), "value": 171.0}
    response = client.post(READINGS, json={"readings": [reading]}, headers=tokens.get(role, {}))
    assert response.status_code == POSTS[role], response.text
    if response.status_code == 200:
        assert response.json()["applied"] == 1
    elif response.status_code == 403:
        assert "只有传感网关账号可以上报监测数据" in response.json()["detail"]
        assert f"role {role} may not post readings" in response.json()["detail"]


def test_a_refused_post_is_in_the_audit_with_the_account(app, client, tokens):
    response = client.post(READINGS, json={"readings": []}, headers=tokens["commander"])
    assert response.status_code == 403
    record = [r for r in refused(app) if r.get("path") == READINGS][-1]
    assert record["status"] == 403 and record["account"] == USERS["commander"] and record["method"] == "POST"
    assert "传感网关" in record["reason"]


def test_a_gateway_lists_stations_and_may_do_nothing_else(app, client, tokens):
    gauge = tokens["sensor_gateway"]
    sid = _station(client, tokens["duty_chief"])
    listed = client.get(STATIONS, headers=gauge)
    assert listed.status_code == 200
    assert listed.json()["stations"] == [{"id": sid, "code": "60105400", "name": "寸滩", "kind": "river",
                                          "unit": "m", "org": "重庆市水文监测总站"}]
    assert client.get(STATIONS, headers=tokens["viewer"]).status_code == 200
    assert client.get(STATIONS).status_code == 401
    ops = client.post(API_PREFIX + "/ops", json={"client_id": "gw", "ops": [create_op(incident_payload())]},
                      headers=gauge)
    assert ops.status_code == 403 and "sensor_gateway" in ops.json()["detail"]
    for path, params in ((API_PREFIX + "/changes", {}), (API_PREFIX + "/snapshot", {"entity": "station"}),
                         (API_PREFIX + "/admin/directory", {}), (API_PREFIX + f"/monitoring/stations/{sid}/readings",
                                                                 {"start": 0, "end": 1})):
        assert client.get(path, params=params, headers=gauge).status_code == 403, path
    report = client.post(API_PREFIX + "/positions", json={"time": iso(T0), "lat": 29.5, "lon": 106.5}, headers=gauge)
    assert report.status_code == 403
    gateway_refusals = [r for r in refused(app) if r["account"] == USERS["sensor_gateway"]]
    assert {r["path"] for r in gateway_refusals} >= {API_PREFIX + "/ops", API_PREFIX + "/changes",
                                                     API_PREFIX + "/snapshot"}
    assert all(r["status"] == 403 for r in gateway_refusals)


def test_an_admin_makes_a_gateway_account_that_posts(client, tokens):
    root = tokens["admin"]
    made = client.post(API_PREFIX + "/admin/users", headers=root, json={
        "username": "gw-cuntan", "password": STURDY, "role": "sensor_gateway", "clearance": 0})
    assert made.status_code == 201 and made.json()["role"] == "sensor_gateway", made.text
    sid = _station(client, tokens["duty_chief"])
    token = login(client, "gw-cuntan", STURDY).json()["access_token"]
    answer = client.post(READINGS, headers={"Authorization": "Bearer " + token},
                         json={"readings": [{"station": sid, "time": iso(T0), "value": 170.5}]})
    assert answer.status_code == 200 and answer.json()["applied"] == 1
