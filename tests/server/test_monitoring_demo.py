"""The demo's monitoring (SQLite and PostgreSQL): stations around Chongqing with
a quiet day of readings, then the platform's feeder makes 寸滩 cross its 警戒
level a few minutes in and raise the alarm."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from server.monitoring_demo import (
    CROSS_AFTER_S,
    DEMO_STATIONS,
    feed_demo_forever,
    seed_demo_monitoring,
    station_id,
)
from tests.server.conftest import T0, all_changes


def test_the_demo_river_crosses_its_warning_level(app, client, tokens):
    viewer = tokens["viewer"]
    write = app.state.write_locked
    assert seed_demo_monitoring(write, T0) == len(DEMO_STATIONS) * 144
    assert seed_demo_monitoring(write, T0) == 0  # a second start adds nothing
    changes = all_changes(client, viewer)
    stations = {c["data"]["name"] for c in changes if c["entity"] == "station"}
    assert {"寸滩", "北碚", "长寿化工园区 3号罐区"} <= stations and len(stations) == len(DEMO_STATIONS)
    assert not [c for c in changes if c["entity"] == "alarm"], "the seeded day raises nothing"

    ticks = {"n": 0}

    def clock():
        ticks["n"] += 1
        return T0 + timedelta(seconds=10 * ticks["n"])

    def has_threshold_alarm() -> bool:
        return any(c["entity"] == "alarm" and c["data"]["rule"] == "threshold"
                   for c in all_changes(client, viewer))

    async def feed_until_alarm() -> None:
        task = asyncio.create_task(feed_demo_forever(write, clock, lambda: None, every_s=0))
        try:
            while ticks["n"] < 2 * CROSS_AFTER_S / 10 and not has_threshold_alarm():
                await asyncio.sleep(0.01)
        finally:
            task.cancel()

    asyncio.run(feed_until_alarm())
    alarms = [c["data"] for c in all_changes(client, viewer) if c["entity"] == "alarm" and
              c["data"]["rule"] == "threshold"]
    assert [(a["station_id"], a["level"], a["state"]) for a in alarms][:1] == [(station_id("60105400"), "alert", "new")]
    crossed_after = ticks["n"] * 10
    assert CROSS_AFTER_S * 0.5 < crossed_after < CROSS_AFTER_S * 1.5, crossed_after
