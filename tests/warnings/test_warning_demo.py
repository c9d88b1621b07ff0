"""The demo's warnings (`make demo`): seeded once on the platform, synced to a
workstation: the red 暴雨 replacing the orange one, the 地质灾害 circle, the
大风 by division codes active; the expired 高温 kept but not active."""

from __future__ import annotations

from datetime import timedelta

import pytest

from server.demo import seed_demo_warnings
from services.clock import ManualClock
from services.warnings.store import WarningStore
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client
from tests.warnings.records_helpers import T0


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    yield server
    server.stop()


def test_the_demo_warnings_reach_a_workstation(tmp_path, live):
    from datetime import UTC, datetime

    assert seed_demo_warnings(live.app.state.db) == 5
    assert seed_demo_warnings(live.app.state.db) == 0
    clock = ManualClock(T0)
    desk = make_client(tmp_path / "desk.db", [live.url], clock)
    try:
        assert desk.sync()
        store = WarningStore(desk.mirror)
        now = datetime.now(UTC) + timedelta(minutes=1)
        active = {w.event: w for w in store.active(now)}
        assert set(active) == {"暴雨", "地质灾害", "大风"}
        assert active["暴雨"].colour == "red" and active["暴雨"].msg_type == "Update"
        assert store.counts_by_colour(now) == {"red": 1, "orange": 1, "yellow": 1, "blue": 0}
        assert {w.standing for w in store.all(include_expired=True) if w.colour == "orange" and w.event == "暴雨"} \
            == {"superseded"}
        assert len(store.all(include_expired=True)) == 5
        assert active["大风"].areas[0].geocodes == ("500112", "500105")
    finally:
        desk.close()
