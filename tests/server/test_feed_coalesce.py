"""A coalesced feed page (GET /changes?coalesce=true, SQLite and PostgreSQL):
telemetry is a lower class, each station's latest reading after everything
else, the readings it skipped named as gaps; without coalesce the feed is as
it was."""

from __future__ import annotations

import uuid
from datetime import timedelta

from services.sync.wire import API_PREFIX
from tests.server.conftest import T0, create_op, incident_payload, iso, op, send

READINGS = API_PREFIX + "/monitoring/readings"


def _station(client, headers, code: str) -> str:
    sid = str(uuid.uuid4())
    payload = {"id": sid, "code": code, "name": code, "kind": "rain", "org": "水文", "place": "", "lat": 29.6,
               "lon": 106.6, "unit": "mm", "thresholds": {}, "rules": {}}
    assert send(client, headers, [op("station", sid, "create", payload)])[0]["status"] == "applied"
    return sid


def _page(client, headers, after: int, limit: int, coalesce: bool) -> dict:
    params = {"after": after, "limit": limit}
    if coalesce:
        params["coalesce"] = "true"
    answer = client.get(API_PREFIX + "/changes", params=params, headers=headers)
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_coalesced_page_puts_readings_last_one_per_station_and_names_the_rest(client, tokens):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    a, b = _station(client, duty, "60100001"), _station(client, duty, "60100002")
    start = _page(client, duty, 0, 1000, False)["next_after"]
    burst = [{"station": sid, "time": iso(T0 - timedelta(minutes=40 - m)), "value": float(m)}
             for m in range(30) for sid in (a, b)]
    assert client.post(READINGS, json={"readings": burst}, headers=tokens["sensor_gateway"]).json()["applied"] == 60
    incident = incident_payload()
    assert send(client, duty, [create_op(incident)])[0]["status"] == "applied"

    plain = _page(client, duty, start, 5, False)
    assert [c["entity"] for c in plain["changes"]] == ["reading"] * 5 and "gaps" not in plain

    page = _page(client, duty, start, 5, True)
    entities = [c["entity"] for c in page["changes"]]
    assert entities[0] == "incident" and entities[1:] == ["reading", "reading"]  # telemetry after the rest
    latest = {c["data"]["station_id"]: c["data"]["value"] for c in page["changes"] if c["entity"] == "reading"}
    assert latest == {a: 29.0, b: 29.0}
    gaps = {g["source"]: g for g in page["gaps"]}
    assert set(gaps) == {a, b} and gaps[a]["skipped"] == 29
    assert gaps[a]["first_id"].startswith(a + "@") and gaps[a]["first_id"] < gaps[a]["last_id"]
    assert not page["has_more"] and page["next_after"] == max(c["seq"] for c in page["changes"])
    assert _page(client, duty, page["next_after"], 5, True)["changes"] == []


def test_a_coalesced_page_stops_at_its_limit_and_says_there_is_more(client, tokens):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    start = _page(client, duty, 0, 1000, False)["next_after"]
    ids = [str(uuid.uuid4()) for _ in range(3)]
    for n, iid in enumerate(ids):
        assert send(client, duty, [create_op(incident_payload(iid, code=f"2026-000{n + 1}"))])[0]["status"] == \
            "applied"
    first = _page(client, duty, start, 2, True)
    assert [c["entity_id"] for c in first["changes"]] == ids[:2] and first["has_more"]
    second = _page(client, duty, first["next_after"], 2, True)
    assert [c["entity_id"] for c in second["changes"]] == ids[2:] and not second["has_more"]
