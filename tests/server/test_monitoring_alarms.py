"""The platform's alarm engine (SQLite and PostgreSQL): thresholds, hysteresis,
minimum duration, de-duplication, escalation, rate of change, and the alarm
lifecycle moved forward only, who from the token."""

from __future__ import annotations

import uuid
from datetime import timedelta

from services.sync.wire import API_PREFIX
from tests.server.conftest import T0, all_changes, iso, op, send

READINGS = API_PREFIX + "/monitoring/readings"


def river(client, headers, **rules) -> str:
    sid = str(uuid.uuid4())
    payload = {"id": sid, "code": "", "name": "寸滩", "kind": "river", "org": "水文站", "place": "寸滩",
               "lat": 29.61, "lon": 106.60, "unit": "m", "thresholds": {"alert": 175.0, "guarantee": 183.5},
               "rules": rules}
    assert send(client, headers, [op("station", sid, "create", payload)])[0]["status"] == "applied"
    return sid


def feed(client, headers, station_id: str, minutes_values: list[tuple[int, float]]) -> None:
    """Readings at T0 + minutes (the server clock is moved past them)."""
    batch = [{"station": station_id, "time": iso(T0 + timedelta(minutes=m)), "value": v} for m, v in minutes_values]
    response = client.post(READINGS, json={"readings": batch}, headers=headers)  # a sensor gateway's
    assert response.status_code == 200 and response.json()["refused"] == 0, response.text


def alarms(client, headers, station_id: str) -> list[dict]:
    latest: dict[str, dict] = {}
    for change in all_changes(client, headers):
        if change["entity"] == "alarm" and change["data"]["station_id"] == station_id:
            latest[change["entity_id"]] = change["data"]
    return sorted(latest.values(), key=lambda a: a["raised_at"])


def station_level(client, headers, station_id: str) -> str:
    return [c["data"]["level"] for c in all_changes(client, headers)
            if c["entity"] == "station" and c["entity_id"] == station_id][-1]


def test_one_alarm_per_station_escalated_by_a_higher_level(client, tokens, server_clock):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    sid = river(client, duty)
    server_clock.advance(hours=3)
    feed(client, tokens["sensor_gateway"], sid, [(0, 170.0), (1, 174.9), (2, 175.2), (3, 176.0), (4, 175.5)])
    [alarm] = alarms(client, duty, sid)
    assert (alarm["rule"], alarm["level"], alarm["state"], alarm["value"], alarm["threshold"]) == \
        ("threshold", "alert", "new", 175.2, 175.0)
    assert alarm["reading_at"].startswith(iso(T0 + timedelta(minutes=2))[:16])
    assert station_level(client, duty, sid) == "alert"
    feed(client, tokens["sensor_gateway"], sid, [(5, 180.0), (6, 184.0)])
    feed(client, tokens["sensor_gateway"], sid, [(7, 184.2), (8, 183.9)])  # the peak follows in later batches too
    [escalated] = alarms(client, duty, sid)
    assert escalated["id"] == alarm["id"] and escalated["level"] == "guarantee" and escalated["first_level"] == "alert"
    assert escalated["threshold"] == 183.5 and escalated["escalated_at"] and escalated["peak_value"] == 184.2
    assert station_level(client, duty, sid) == "guarantee"


def test_hysteresis_keeps_a_wavering_level_in_one_alarm(client, tokens, server_clock):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    sid = river(client, duty, margin=0.3)
    server_clock.advance(hours=3)
    feed(client, tokens["sensor_gateway"], sid, [(0, 175.1), (1, 174.9), (2, 175.05), (3, 174.8), (4, 175.2)])
    [alarm] = alarms(client, duty, sid)
    assert alarm["cleared_at"] == "" and alarm["repeats"] == 0  # never below 175 - 0.3
    feed(client, tokens["sensor_gateway"], sid, [(5, 174.6)])
    [cleared] = alarms(client, duty, sid)
    assert cleared["cleared_at"] and station_level(client, duty, sid) == ""
    feed(client, tokens["sensor_gateway"], sid, [(6, 175.4)])
    [again] = alarms(client, duty, sid)
    assert again["id"] == alarm["id"] and again["cleared_at"] == "" and again["repeats"] == 1
    # once handled, the next crossing is a new alarm
    assert send(client, duty, [op("alarm", alarm["id"], "advance", {"state": "resolved", "by": "陈晓"})])[0][
        "status"] == "applied"
    feed(client, tokens["sensor_gateway"], sid, [(7, 174.0), (8, 175.6)])
    assert [a["state"] for a in alarms(client, duty, sid)] == ["resolved", "new"]


def test_a_level_is_entered_only_after_the_minimum_duration(client, tokens, server_clock):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    sid = river(client, duty, min_duration_s=600)
    server_clock.advance(hours=3)
    feed(client, tokens["sensor_gateway"], sid, [(0, 175.5), (3, 176.0), (6, 175.8), (7, 174.0)])  # a 6-minute spike
    assert alarms(client, duty, sid) == []
    feed(client, tokens["sensor_gateway"], sid, [(10, 175.5), (15, 176.0), (19, 176.2)])
    assert alarms(client, duty, sid) == []
    feed(client, tokens["sensor_gateway"], sid, [(20, 176.1)])
    [alarm] = alarms(client, duty, sid)
    assert alarm["level"] == "alert" and alarm["value"] == 176.1


def test_a_fast_rise_raises_a_rate_alarm_once(client, tokens, server_clock):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    sid = river(client, duty, rate_per_h=0.5)
    server_clock.advance(hours=3)
    feed(client, tokens["sensor_gateway"], sid, [(0, 160.0), (30, 160.1), (60, 160.7), (75, 161.0), (90, 161.3)])
    [alarm] = alarms(client, duty, sid)
    assert (alarm["rule"], alarm["level"], alarm["threshold"]) == ("rate", "alert", 0.5)
    assert abs(alarm["value"] - 1.2) < 1e-6  # metres per hour
    feed(client, tokens["sensor_gateway"], sid, [(150, 161.4)])  # 0.1 m/h: below 80 % of the limit
    assert alarms(client, duty, sid)[0]["cleared_at"]


def test_late_readings_are_stored_but_do_not_move_the_engine(client, tokens, server_clock):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    sid = river(client, duty)
    server_clock.advance(hours=3)
    feed(client, tokens["sensor_gateway"], sid, [(10, 170.0)])
    feed(client, tokens["sensor_gateway"], sid, [(5, 180.0)])  # older than what the engine has seen
    assert alarms(client, duty, sid) == []
    assert len([c for c in all_changes(client, duty) if c["entity"] == "reading"]) == 2


def test_alarm_steps_move_forward_with_the_account_of_the_token(client, tokens, server_clock):
    duty = tokens["duty_officer"]
    sid = river(client, tokens["duty_chief"])  # stations are the chief's to create
    server_clock.advance(hours=3)
    feed(client, tokens["sensor_gateway"], sid, [(0, 176.0)])
    [alarm] = alarms(client, duty, sid)
    aid = alarm["id"]

    def step(headers, **payload):
        return send(client, headers, [op("alarm", aid, "advance", payload, at=server_clock.now)])[0]

    assert step(duty, state="acknowledged", by="陈晓")["status"] == "applied"
    assert step(duty, state="bogus")["status"] == "rejected"
    assert step(duty, state="incident")["status"] == "rejected"  # names no incident
    assert step(duty, state="acknowledged", by="x")["status"] == "merged"
    assert step(tokens["duty_chief"], state="false", by="王主任", note="传感器故障")["status"] == "applied"
    late = step(duty, state="resolved")
    assert late["status"] == "merged" and "false" in late["reason"]
    [done] = alarms(client, duty, sid)
    assert (done["state"], done["acknowledged_by"], done["acknowledged_by_account"]) == ("false", "陈晓", "duty")
    assert (done["closed_by"], done["closed_by_account"], done["note"]) == ("王主任", "chief", "传感器故障")
    assert done["closed_at"] and done["acknowledged_at"]
    unknown = send(client, duty, [op("alarm", str(uuid.uuid4()), "advance", {"state": "acknowledged"})])[0]
    assert unknown["status"] == "rejected" and "unknown" in unknown["reason"]
