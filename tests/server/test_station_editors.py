"""Who may create and edit stations (services/monitoring/contract.py
STATION_EDITORS): admin and 值班长 (duty_chief); a duty officer's or a
commander's station op is refused with a reason naming the rule and changes
nothing; a viewer may send no ops at all. And the contract's whole-station
check (station_problems, what the client's form asks) agrees with the
platform's (thresholds_problem, rules_problem) on every case it refuses."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest

from services.monitoring.contract import (
    STATION_EDITORS,
    StationKind,
    rules_problem,
    station_problems,
    thresholds_problem,
)
from tests.server.conftest import T0, all_changes, op, post_ops, send


def station_payload(**over) -> dict:
    return {"id": str(uuid.uuid4()), "code": "60105450", "name": "嘉陵江井口站", "kind": "river",
            "org": "重庆市水文监测总站", "place": "沙坪坝区井口", "lat": 29.6462, "lon": 106.4526, "unit": "m",
            "thresholds": {"alert": 183.5, "guarantee": 186.0}, "rules": {"margin": 0.3}, **over}


def test_only_admin_and_the_duty_chief_create_and_edit_stations(client, tokens, server_clock):
    assert set(STATION_EDITORS) == {"admin", "duty_chief"}
    made = {}
    for role in ("admin", "duty_chief"):
        payload = station_payload(name=f"{role} 站")
        result = send(client, tokens[role], [op("station", payload["id"], "create", payload)])[0]
        assert result["status"] == "applied", result
        made[role] = payload["id"]
    for role in ("duty_officer", "commander"):
        payload = station_payload(name=f"{role} 站")
        result = send(client, tokens[role], [op("station", payload["id"], "create", payload)])[0]
        assert result["status"] == "rejected"
        assert "may not create or edit stations" in result["reason"] and "duty_chief" in result["reason"]
        edit = op("station", made["admin"], "update", {"fields": {"name": "改名"}}, base_version=1)
        result = send(client, tokens[role], [edit])[0]
        assert result["status"] == "rejected" and role in result["reason"]
    server_clock.advance(minutes=2)  # the edit comes after the creation
    edit = op("station", made["admin"], "update", {"fields": {"thresholds": {"alert": 184.0, "guarantee": 186.0}}},
              base_version=1, at=T0 + timedelta(minutes=1))
    assert send(client, tokens["duty_chief"], [edit])[0]["status"] == "applied"
    stations = {c["entity_id"]: c["data"] for c in all_changes(client, tokens["viewer"]) if c["entity"] == "station"}
    assert set(stations) == set(made.values())
    assert stations[made["admin"]]["name"] == "admin 站"
    assert stations[made["admin"]]["thresholds"] == {"alert": 184.0, "guarantee": 186.0}
    payload = station_payload()
    refused = post_ops(client, tokens["viewer"], [op("station", payload["id"], "create", payload)])
    assert refused.status_code == 403


CASES = [
    ("river", {"red": 3.0}, {}),
    ("river", {"alert": 180.0, "guarantee": 175.0}, {}),
    ("river", {"alert": 180.0, "guarantee": 180.0}, {}),
    ("gas", {"blue": 10, "red": 150}, {}),
    ("rain", {"blue": "10"}, {}),
    ("rain", {"blue": float("nan")}, {}),
    ("rain", {"blue": True}, {}),
    ("rain", {}, {"margin": -1}),
    ("rain", {}, {"min_duration_s": 90_000}),
    ("rain", {}, {"rate_level": "alert"}),
    ("rain", {}, {"surprise": 1}),
    ("reservoir", {"alert": 170.0, "guarantee": 175.0}, {"rate_per_h": 0.5, "rate_level": "alert"}),
    ("rain", {"blue": 20.0, "yellow": 30.0, "orange": 50.0, "red": 100.0}, {"margin": 2, "min_duration_s": 600}),
]


@pytest.mark.parametrize(("kind", "thresholds", "rules"), CASES)
def test_the_form_check_and_the_platform_check_agree(kind, thresholds, rules):
    platform = thresholds_problem(StationKind(kind), thresholds) or rules_problem(StationKind(kind), rules)
    form = station_problems(station_payload(kind=kind, thresholds=thresholds, rules=rules))
    assert (platform is None) == (form == []), (platform, form)


def test_the_whole_station_check_names_each_field():
    problems = station_problems(station_payload(name=" ", lat=95.0, lon="east", kind="volcano"))
    assert [(p.field, p.code) for p in problems] == [("name", "required"), ("lat", "out_of_range"),
                                                    ("lon", "not_number"), ("kind", "unknown")]
