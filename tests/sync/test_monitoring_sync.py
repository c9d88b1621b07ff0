"""Monitoring through a real platform to two workstations: stations, readings
and alarms reach the mirrors (latest value, history arrays, counts and rate),
an officer's alarm steps reach the platform with the token's account and the
other workstation, 转为事件 logs the incident with the station's place and
readings, and steps only move forward."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.actor import PLATFORM
from server.monitoring_demo import demo_station_records, station_id, upsert_stations
from server.monitoring_tables import AlarmRow
from server.readings import ingest
from services.clock import ManualClock
from services.incidents.model import Source
from services.monitoring.alarms_service import AlarmMoveRefused, AlarmService
from services.monitoring.contract import AlarmState, Level
from services.monitoring.store import StationStore
from services.sync import outbox_store
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

NOW = datetime.now(UTC).replace(microsecond=0)
CUNTAN = station_id("60105400")


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    write = server.app.state.write_locked
    write(PLATFORM, lambda s: upsert_stations(s, demo_station_records(), NOW.isoformat()))
    yield server
    server.stop()


def post(live, values: list[tuple[int, float]], station: str = CUNTAN) -> list[dict]:
    """Readings `minutes` before NOW, through the platform's one ingest path."""
    items = [{"station": station, "time": (NOW - timedelta(minutes=m)).isoformat(), "value": v} for m, v in values]
    return live.app.state.write_locked(PLATFORM, lambda s: ingest(s, items, NOW))[0]


@pytest.fixture
def clock():
    return ManualClock(NOW)


@pytest.fixture
def desks(tmp_path, live, clock):
    one = make_client(tmp_path / "one.db", [live.url], clock)
    two = make_client(tmp_path / "two.db", [live.url], clock)
    yield one, two
    one.close()
    two.close()


def test_stations_readings_and_alarms_reach_the_mirror(live, desks):
    one, _two = desks
    post(live, [(m, 179.5 + (60 - m) / 60) for m in range(60, -1, -1)])  # 1 m/h, reaching 180.5 at minute 0
    assert one.sync()
    store = StationStore(one.mirror)
    stations = {s.id: s for s in store.stations()}
    assert len(stations) == 8 and stations[CUNTAN].thresholds == {"alert": 180.5, "guarantee": 183.5}
    assert stations[CUNTAN].level == Level.ALERT
    t, v = store.latest()[CUNTAN]
    assert t == NOW.timestamp() and v == pytest.approx(180.5)
    history = store.history(CUNTAN, NOW.timestamp() - 3600, NOW.timestamp())
    assert len(history.t) == 61 and list(history.t) == sorted(history.t) and history.v[-1] == pytest.approx(180.5)
    [alarm] = store.alarms(open_only=True)
    assert (alarm.station_id, alarm.level, alarm.state) == (CUNTAN, Level.ALERT, AlarmState.NEW)
    assert store.counts_by_level() == {Level.ALERT: 1}
    rate = store.rate_per_hour(24, now=NOW)  # the platform raised it at NOW (its ingest clock here)
    assert len(rate) == 24 and sum(n for _h, n in rate) == 1 and rate[-1][1] == 1


def test_steps_reach_the_platform_and_the_other_workstation(live, desks, clock):
    one, two = desks
    post(live, [(60, 180.0), (0, 181.0)])  # 1 m/h: below the rate limit
    assert one.sync() and two.sync()
    [alarm] = StationStore(one.mirror).alarms()
    service = AlarmService(one.mirror, one.incidents, clock=clock)
    acknowledged = service.acknowledge(alarm.id, "陈晓", "已通知水文站复核")
    assert acknowledged.state == AlarmState.ACKNOWLEDGED and acknowledged.acknowledged_by == "陈晓"
    assert one.sync() and outbox_store.rejected(one.mirror) == []
    with Session(live.app.state.db.engine) as s:
        row = s.scalar(select(AlarmRow).where(AlarmRow.id == alarm.id))
        assert (row.state, row.acknowledged_by_account, row.note) == ("acknowledged", "duty", "已通知水文站复核")
    assert two.sync()
    seen = StationStore(two.mirror).alarm(alarm.id)
    assert seen.state == AlarmState.ACKNOWLEDGED and seen.acknowledged_by_account == "duty"
    # forward only, here and there
    AlarmService(two.mirror, two.incidents, clock=clock).false_alarm(alarm.id, "王主任", "传感器漂移")
    with pytest.raises(AlarmMoveRefused):
        AlarmService(two.mirror, two.incidents, clock=clock).acknowledge(alarm.id, "王主任")
    service.resolve(alarm.id, "陈晓")  # one's mirror does not know yet: the platform keeps the first close
    assert two.sync() and one.sync() and two.sync()
    assert StationStore(one.mirror).alarm(alarm.id).state == AlarmState.FALSE
    assert StationStore(two.mirror).alarm(alarm.id).state == AlarmState.FALSE


def test_an_alarm_turned_into_an_incident_carries_the_station_and_readings(live, desks, clock):
    one, two = desks
    post(live, [(120, 179.9), (60, 180.4), (0, 181.3)])
    assert one.sync()
    [alarm] = StationStore(one.mirror).alarms()
    service = AlarmService(one.mirror, one.incidents, clock=clock)
    incident = service.to_incident(alarm.id, "陈晓")
    assert incident.source == Source.SYSTEM and incident.type_code == "flood"
    assert incident.place == "江北区寸滩 长江" and (incident.lat, incident.lon) == (29.6155, 106.6005)
    assert "寸滩" in incident.title and "181.3m" in incident.summary and "180.4m" in incident.summary
    assert service.to_incident(alarm.id, "陈晓").id == incident.id  # pressed twice: one incident
    moved = StationStore(one.mirror).alarm(alarm.id)
    assert moved.state == AlarmState.INCIDENT and moved.incident_id == incident.id
    assert one.sync() and outbox_store.rejected(one.mirror) == []
    assert two.sync()
    assert StationStore(two.mirror).alarm(alarm.id).incident_id == incident.id
    assert two.incidents.get(incident.id).source == Source.SYSTEM
