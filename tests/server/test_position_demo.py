"""The demo's moving teams: a few of the platform's teams drive loops around
their stations, reporting through the platform's positions writer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx

from server.app import add_user
from server.db import open_database
from server.demo import seed_demo_resources
from server.position_demo import RADIUS_DEG, demo_teams, fixes_at
from services.geo.distance import haversine_m
from services.sync.wire import API_PREFIX
from tests.helpers import wait_until
from tests.server.conftest import PASSWORD
from tests.server.live_server import start_live_server


def test_teams_move_on_loops_around_their_stations(tmp_path):
    url = f"sqlite:///{tmp_path / 'platform.db'}"
    db = open_database(url)
    seed_demo_resources(db, 300)
    teams = demo_teams(db, 4)
    db.dispose()
    assert len(teams) == 4
    t0 = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
    first, later = fixes_at(teams, t0), fixes_at(teams, t0 + timedelta(seconds=30))
    for (rid, _name, lat, lon), a, b in zip(teams, first, later, strict=True):
        assert a.uid == rid and a.resource_id == rid and a.source == "unit"
        assert abs(haversine_m(lat, lon, a.lat, a.lon) - haversine_m(lat, lon, b.lat, b.lon)) < 50
        assert haversine_m(lat, lon, a.lat, a.lon) < RADIUS_DEG * 111_000 * 1.01
        assert 50 < haversine_m(a.lat, a.lon, b.lat, b.lon) < 1000  # moving, at a driving pace
        assert b.stale > b.at


def test_the_platform_demo_reports_moving_teams(tmp_path, key_file):
    url = f"sqlite:///{tmp_path / 'platform.db'}"
    db = open_database(url)
    seed_demo_resources(db, 300)
    db.dispose()
    live = start_live_server(url, key_file=key_file, demo_movers=3)
    try:
        add_user(live.app.state.db, "duty", PASSWORD, "duty_officer")
        token = httpx.post(live.url + API_PREFIX + "/auth/login",
                           json={"username": "duty", "password": PASSWORD}).json()["access_token"]

        def positions():
            changes = httpx.get(live.url + API_PREFIX + "/changes", params={"after": 0, "limit": 5000},
                                headers={"Authorization": "Bearer " + token}).json()["changes"]
            return [c["data"] for c in changes if c["entity"] == "position"]

        found = wait_until(lambda: len(positions()) == 3 and positions(), what="three teams reporting")
        assert {p["reported_workstation"] for p in found} == {"demo-mover"}
        assert all(p["resource_id"] for p in found)
    finally:
        live.stop()
