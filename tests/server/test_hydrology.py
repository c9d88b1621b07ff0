"""The hydrology database adapter against real SQLite and PostgreSQL hydrology
databases in the water authority's layout (ST_PPTN_R, ST_RIVER_R, ST_RVFCCH_B):
readings by STCD with local TM, 警戒/保证 levels into thresholds, each row read
once, unregistered stations refused and counted, and a river over WRZ raising
its alarm."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text

from server.hydrology import HydrologySource, poll
from tests.server.conftest import all_changes, op, send

SHANGHAI_T0 = datetime(2026, 11, 22, 15, 0)  # local TM; the server clock's T0 is 08:00 UTC = 16:00 here


@pytest.fixture(params=["sqlite", "postgresql"])
def hydro_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'hydro.db'}"
        tm, num = "TEXT", "REAL"
    else:
        url = request.getfixturevalue("postgres").create_database("h_" + uuid.uuid4().hex[:12])
        tm, num = "TIMESTAMP", "NUMERIC(9,3)"
    engine = create_engine(url)
    with engine.begin() as con:
        con.execute(text(f"CREATE TABLE ST_PPTN_R (STCD CHAR(8), TM {tm}, DRP {num}, PRIMARY KEY (STCD, TM))"))
        con.execute(text(f"CREATE TABLE ST_RIVER_R (STCD CHAR(8), TM {tm}, Z {num}, Q {num}, PRIMARY KEY (STCD, TM))"))
        con.execute(text(f"CREATE TABLE ST_RVFCCH_B (STCD CHAR(8) PRIMARY KEY, WRZ {num}, GRZ {num})"))
    engine.dispose()
    return url


def insert(url: str, table: str, rows: list[tuple]) -> None:
    engine = create_engine(url)
    marks = ", ".join(f":c{i}" for i in range(len(rows[0])))
    with engine.begin() as con:
        con.execute(text(f"INSERT INTO {table} VALUES ({marks})"),
                    [{f"c{i}": v for i, v in enumerate(row)} for row in rows])
    engine.dispose()


def tm(minutes: int) -> str:
    return (SHANGHAI_T0 + timedelta(minutes=minutes)).strftime("%Y-%m-%d %H:%M:%S")


def station(client, headers, code: str, kind: str, thresholds: dict) -> str:
    sid = str(uuid.uuid4())
    payload = {"id": sid, "code": code, "name": code, "kind": kind, "org": "水文", "place": "", "lat": 29.6,
               "lon": 106.6, "unit": "m" if kind == "river" else "mm", "thresholds": thresholds, "rules": {}}
    assert send(client, headers, [op("station", sid, "create", payload)])[0]["status"] == "applied"
    return sid


def test_the_adapter_reads_each_row_once_with_thresholds_from_the_levels_table(app, client, tokens, server_clock,
                                                                               hydro_url):
    duty = tokens["duty_chief"]  # stations are the chief's to create
    river = station(client, duty, "60105400", "river", {})
    rain = station(client, duty, "60112400", "rain", {"blue": 20.0})
    insert(hydro_url, "ST_RVFCCH_B", [("60105400", 180.5, 183.5), ("99999999", 1.0, 2.0)])
    insert(hydro_url, "ST_RIVER_R", [("60105400", tm(m), 179.0 + m / 10, 21000.0) for m in range(0, 10)])
    insert(hydro_url, "ST_PPTN_R", [("60112400", tm(0), 0.5), ("60112400", tm(60), None), ("70000000", tm(5), 1.0)])
    source = HydrologySource(hydro_url)
    try:
        first = poll(source, app.state.write_locked, server_clock)
        assert (first.applied, first.refused, first.thresholds) == (11, 2, 1)
        assert first.reasons == {"value: not a number": 1, "unknown station '70000000'": 1}
        again = poll(source, app.state.write_locked, server_clock)
        assert (again.applied, again.refused, again.duplicate) == (0, 0, 0)
        insert(hydro_url, "ST_RIVER_R", [("60105400", tm(20), 181.2, 23000.0)])
        third = poll(source, app.state.write_locked, server_clock)
        assert third.applied == 1
    finally:
        source.close()
    changes = all_changes(client, duty)
    readings = [c["data"] for c in changes if c["entity"] == "reading"]
    river_readings = sorted((r["time"], r["value"]) for r in readings if r["station_id"] == river)
    # 15:00 in Shanghai is 07:00 UTC
    assert datetime.fromisoformat(river_readings[0][0]) == datetime(2026, 11, 22, 7, 0, tzinfo=UTC)
    assert [v for _t, v in river_readings][-1] == 181.2 and len(river_readings) == 11
    assert [r["value"] for r in readings if r["station_id"] == rain] == [0.5]
    stations = {c["entity_id"]: c["data"] for c in changes if c["entity"] == "station"}
    assert stations[river]["thresholds"] == {"alert": 180.5, "guarantee": 183.5}
    alarms = [c["data"] for c in changes if c["entity"] == "alarm"]
    assert [(a["station_id"], a["level"], a["value"]) for a in alarms] == [(river, "alert", 181.2)]


def test_a_late_row_with_an_older_tm_is_picked_up_by_the_look_back(app, client, tokens, server_clock, hydro_url):
    """A gauge cut off for an hour delivers its rows after other stations moved
    the mark: the look-back window reads them; what is stored is not stored twice."""
    duty = tokens["duty_chief"]  # stations are the chief's to create
    river = station(client, duty, "60105400", "river", {})
    late_gauge = station(client, duty, "60105500", "river", {})
    insert(hydro_url, "ST_RIVER_R", [("60105400", tm(m), 179.0, 21000.0) for m in range(0, 60, 10)])
    source = HydrologySource(hydro_url, lookback_s=6 * 3600)
    narrow = HydrologySource(hydro_url, lookback_s=0)
    try:
        assert poll(source, app.state.write_locked, server_clock).applied == 6
        insert(hydro_url, "ST_RIVER_R", [("60105500", tm(20), 175.5, 900.0), ("60105500", tm(30), 175.6, 910.0)])
        assert poll(narrow, app.state.write_locked, server_clock).applied == 0  # without it: missed for good
        caught = poll(source, app.state.write_locked, server_clock)
        assert (caught.applied, caught.late, caught.refused) == (2, 2, 0)
        again = poll(source, app.state.write_locked, server_clock)
        assert (again.applied, again.late) == (0, 0)
    finally:
        source.close()
        narrow.close()
    readings = [c["data"] for c in all_changes(client, duty) if c["entity"] == "reading"]
    assert sorted(r["value"] for r in readings if r["station_id"] == late_gauge) == [175.5, 175.6]
    assert len([r for r in readings if r["station_id"] == river]) == 6
