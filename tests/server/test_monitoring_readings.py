"""The platform's bulk readings endpoint (SQLite and PostgreSQL): every bad
reading refused with its reason while the rest of the batch is stored,
idempotent on station + time, stations named by id or STCD, readings in the
feed, and stations whose thresholds do not fit their kind refused."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

from services.sync.wire import API_PREFIX
from tests.server.conftest import T0, all_changes, iso, op, send

READINGS = API_PREFIX + "/monitoring/readings"


def station_op(**over) -> dict:
    payload = {"id": str(uuid.uuid4()), "code": "60105400", "name": "寸滩", "kind": "river", "org": "重庆市水文监测总站",
               "place": "江北区寸滩", "lat": 29.61, "lon": 106.60, "unit": "m",
               "thresholds": {"alert": 175.0, "guarantee": 183.5}, "rules": {"margin": 0.3}, **over}
    return op("station", payload["id"], "create", payload)


def make_station(client, headers, **over) -> str:
    built = station_op(**over)
    assert send(client, headers, [built])[0]["status"] == "applied"
    return built["entity_id"]


def post(client, headers, readings) -> dict:
    response = client.post(READINGS, json={"readings": readings}, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_every_bad_reading_is_refused_with_its_reason_and_the_rest_stored(client, tokens):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    river = make_station(client, duty)
    batch = [
        {"station": river, "time": iso(T0), "value": 171.2},  # good
        {"station": river, "time": iso(T0 + timedelta(hours=1)), "value": 171.3},  # in the future
        {"station": river, "time": iso(T0 - timedelta(minutes=1)), "value": "171"},  # not a number
        {"station": river, "time": iso(T0 - timedelta(minutes=2)), "value": 99_999.0},  # outside the range
        {"station": "no-such", "time": iso(T0), "value": 1.0},  # unknown station
        {"station": river, "time": "yesterday", "value": 1.0},  # not a time
        {"station": river, "time": "2026-11-22T08:00:00", "value": 1.0},  # no zone
        {"station": river, "time": iso(T0), "value": 171.2},  # the same as the first
        {"station": river, "time": iso(T0 - timedelta(minutes=3)), "value": True},  # a boolean
        {"station": river, "time": iso(T0), "value": 1.0, "extra": 1},  # malformed
        "171.2",  # not an object
        {"station": "60105400", "time": iso(T0 - timedelta(minutes=4)), "value": 171.0},  # by STCD: good
    ]
    result = post(client, tokens["sensor_gateway"], batch)
    assert (result["applied"], result["duplicate"], result["refused"]) == (2, 1, 9)
    reasons = {item["index"]: item["reason"] for item in result["items"]}
    assert "future" in reasons[1] and "not a number" in reasons[2] and "physical range" in reasons[3]
    assert "unknown station" in reasons[4] and "ISO-8601" in reasons[5] and "zone" in reasons[6]
    assert "earlier in this batch" in reasons[7] and "not a number" in reasons[8]
    assert '{"station"' in reasons[9] and '{"station"' in reasons[10]
    feed = [c for c in all_changes(client, tokens["viewer"]) if c["entity"] == "reading"]
    assert sorted(c["data"]["value"] for c in feed) == [171.0, 171.2]
    assert {c["data"]["station_id"] for c in feed} == {river}


def test_a_batch_posted_twice_is_stored_once(client, tokens):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    river = make_station(client, duty)
    batch = [{"station": river, "time": iso(T0 - timedelta(minutes=m)), "value": 170 + m / 10} for m in range(50)]
    gauge = tokens["sensor_gateway"]
    assert post(client, gauge, batch)["applied"] == 50
    again = post(client, gauge, batch)
    assert (again["applied"], again["duplicate"]) == (0, 50)
    assert all("is stored" in item["reason"] for item in again["items"])
    # the same instant written another way is the same reading
    other_zone = (T0 - timedelta(minutes=1)).astimezone().isoformat()
    assert post(client, gauge, [{"station": river, "time": other_zone, "value": 1.0}])["duplicate"] == 1
    assert len([c for c in all_changes(client, duty) if c["entity"] == "reading"]) == 50


def test_unusable_numbers_refuse_their_item_only(client, tokens):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    river = make_station(client, duty)
    items = [(iso(T0), "NaN"), (iso(T0 - timedelta(minutes=1)), "1e999"), (iso(T0 - timedelta(minutes=2)), "172.5")]
    body = '{"readings": [' + ", ".join(
        '{"station": "' + river + '", "time": "' + at + '", "value": ' + value + "}" for at, value in items) + "]}"
    response = client.post(READINGS, content=body, headers={**tokens["sensor_gateway"], "Content-Type": "application/json"})
    assert response.status_code == 200, response.text
    result = response.json()
    assert (result["applied"], result["refused"]) == (1, 2)
    assert all("finite" in item["reason"] for item in result["items"])


def test_the_request_itself_is_checked(client, tokens):
    gauge = tokens["sensor_gateway"]
    assert client.post(READINGS, content=b"not json", headers=gauge).status_code == 422
    assert client.post(READINGS, json={"rows": []}, headers=gauge).status_code == 422
    too_many = [{"station": "x", "time": iso(T0), "value": 1}] * 10_001
    assert client.post(READINGS, json={"readings": too_many}, headers=gauge).status_code == 413
    assert client.post(READINGS, json={"readings": []}, headers=tokens["viewer"]).status_code == 403
    assert client.post(READINGS, json={"readings": []}).status_code == 401


def test_stations_are_checked_against_their_kind(client, tokens, server_clock):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    results = send(client, duty, [
        station_op(thresholds={"red": 3.0}),  # a colour level on a river
        station_op(thresholds={"alert": 180.0, "guarantee": 175.0}),  # not rising with the level
        station_op(kind="gas", unit="%LEL", thresholds={"blue": 10, "red": 150}),  # beyond the range
        station_op(rules={"margin": -1}),
        station_op(lat=95.0),
        station_op(kind="volcano"),
    ])
    assert [r["status"] for r in results] == ["rejected"] * 6, results
    assert "do not apply" in results[0]["reason"] and "above the lower" in results[1]["reason"]
    sid = make_station(client, duty)
    server_clock.advance(minutes=2)  # the edit comes after the creation
    update = op("station", sid, "update", {"fields": {"thresholds": {"blue": 1.0}}}, base_version=1,
                at=T0 + timedelta(minutes=1))
    assert send(client, duty, [update])[0]["status"] == "rejected"
    record = [c for c in all_changes(client, duty) if c["entity"] == "station" and c["entity_id"] == sid][-1]
    assert record["data"]["thresholds"] == {"alert": 175.0, "guarantee": 183.5}
    assert json.dumps(record["data"]["rules"]) == '{"margin": 0.3}'
