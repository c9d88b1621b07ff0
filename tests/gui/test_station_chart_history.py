"""The 30-day chart past the mirror's window: the part older than the window
comes from the platform's station history endpoint, downsampled to the chart's
width with its peak kept, and joins the mirror's part; offline (or the
platform refusing) the chart keeps the mirror's part and says where the rest is;
the endpoint's raw pages and its bad requests."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest

from server.app import add_user
from services.monitoring.store import StationStore
from services.sync.wire import API_PREFIX
from tests.gui.monitoring_feed import feed, readings, station
from tests.helpers import wait_until
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.monitoring.station_panel import StationPanel

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")


def _login(url: str, username: str = "duty") -> dict:
    token = httpx.post(url + API_PREFIX + "/auth/login",
                       json={"username": username, "password": f"{username}-pw"}).json()
    return {"Authorization": "Bearer " + token["access_token"]}


def _request(url: str, headers: dict):
    async def request(method: str, path: str, **kwargs):
        async with httpx.AsyncClient() as http:
            return await http.request(method, url + API_PREFIX + path, headers=headers, **kwargs)
    return request


@pytest.fixture
def platform(tmp_path):
    live = start_live_server("sqlite:///" + str(tmp_path / "p.db"))
    add_users(live)
    add_user(live.app.state.db, "gauge", "gauge-pw", "sensor_gateway")  # posts the readings
    headers = _login(live.url, "chief")  # stations are the chief's to create
    data = station(str(uuid.uuid4()), name="寸滩站", thresholds={"alert": 183.0, "guarantee": 185.0})
    payload = {k: data[k] for k in ("id", "code", "name", "kind", "org", "place", "lat", "lon", "unit",
                                    "thresholds", "rules")}
    answer = httpx.post(live.url + API_PREFIX + "/ops", headers=headers, json={"client_id": "t", "ops": [{
        "op_id": str(uuid.uuid4()), "entity": "station", "entity_id": data["id"], "op": "create",
        "base_version": 0, "priority": 5, "created_at": datetime.now(UTC).isoformat(), "payload": payload}]})
    assert answer.json()["results"][0]["status"] == "applied", answer.text
    now = datetime.now(UTC).replace(microsecond=0)
    start = now - timedelta(days=30)
    hourly = [{"station": data["id"], "time": (start + timedelta(hours=h)).isoformat(),
               "value": 187.5 if h == 200 else 175.0 + (h % 24) / 10} for h in range(30 * 24)]
    answer = httpx.post(live.url + API_PREFIX + "/monitoring/readings", headers=_login(live.url, "gauge"),
                        json={"readings": hourly}, timeout=60)
    assert answer.json()["applied"] == len(hourly), answer.text
    yield live, headers, data, now
    live.stop()


@pytest.fixture
def panel_for(qtbot, mirror, events):
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    made = []

    def make(request, now):
        p = StationPanel(StationStore(mirror), runner, relay, tz=TZ, now=lambda: now.timestamp(),
                         request=request, window_days=7)
        qtbot.addWidget(p)
        p.resize(1200, 500)
        p.show()
        made.append(p)
        return p

    yield make
    for p in made:
        p.chart.stop()
    runner.shutdown()
    relay.detach(events)



def _show_30d(panel, qtbot, sid: str) -> None:
    panel.reload()
    wait_until(lambda: sid in panel.stations, 5, what="the station listed")
    panel.set_span("30d")
    panel.show_station(sid)
    wait_until(lambda: sid in panel.chart.series, 5, what="the mirror's part drawn")


def test_the_30_day_chart_fetches_what_the_mirror_does_not_keep(platform, panel_for, mirror, events, qtbot):
    live, headers, data, now = platform
    feed(mirror, events, now, "station", [data])
    recent = now - timedelta(days=2)
    feed(mirror, events, now, "reading", readings(data["id"], recent, [176.0] * 48, step=timedelta(hours=1)))
    request = _request(live.url, headers)
    panel = panel_for(lambda: request, now)
    _show_30d(panel, qtbot, data["id"])
    assert panel.chart.series[data["id"]].times.min() >= recent.timestamp()  # the mirror alone: two days
    assert "asking the platform" in panel.note.text()
    asyncio.new_event_loop().run_until_complete(panel.older.fetch(*panel.older.last_request))
    s = panel.chart.series[data["id"]]
    assert s.times.min() < (now - timedelta(days=29)).timestamp()  # the platform's older part joined
    assert s.values.max() == 187.5  # the flood peak of day 8 kept through the downsampling
    assert (s.times[-48:] >= recent.timestamp()).all() and list(s.values[-3:]) == [176.0] * 3
    assert list(s.times) == sorted(s.times)
    assert "from the platform" in panel.note.text() and panel.note.isVisible()
    panel.set_span("24h")
    wait_until(lambda: not panel.note.isVisible(), 5, what="no note on a span the mirror holds")


def test_offline_the_chart_says_where_the_older_readings_are(platform, panel_for, mirror, events, qtbot):
    live, headers, data, now = platform
    feed(mirror, events, now, "station", [data])
    feed(mirror, events, now, "reading", readings(data["id"], now - timedelta(hours=5), [176.0] * 5,
                                                  step=timedelta(hours=1)))
    panel = panel_for(lambda: None, now)  # not logged in / no platform
    _show_30d(panel, qtbot, data["id"])
    assert "Offline" in panel.note.text() and "7" in panel.note.text()
    assert len(panel.chart.series[data["id"]].times) == 5

    async def refused(method, path, **kwargs):
        from services.sync.engine import SyncError

        raise SyncError("no endpoint reachable", "unreachable")

    cut = panel_for(lambda: refused, now)
    _show_30d(cut, qtbot, data["id"])
    asyncio.new_event_loop().run_until_complete(cut.older.fetch(*cut.older.last_request))
    assert "Offline" in cut.note.text() and len(cut.chart.series[data["id"]].times) == 5


def test_the_history_endpoint_pages_raw_readings_and_refuses_bad_requests(platform):
    live, headers, data, now = platform
    path = live.url + API_PREFIX + f"/monitoring/stations/{data['id']}/readings"
    start = (now - timedelta(days=30)).timestamp()
    got, after = [], None
    while True:
        params = {"start": start, "end": now.timestamp(), "limit": 500}
        if after is not None:
            params["after_t"] = after
        page = httpx.get(path, headers=headers, params=params).json()
        got += page["readings"]
        after = page["next_after_t"]
        if after is None:
            break
    assert len(got) == 30 * 24 and [t for t, _ in got] == sorted(t for t, _ in got)
    small = httpx.get(path, headers=headers, params={"start": start, "end": now.timestamp(), "points": 50}).json()
    assert small["downsampled"] and len(small["readings"]) <= 100 and max(v for _, v in small["readings"]) == 187.5
    assert httpx.get(path, headers=headers, params={"start": 10, "end": 5}).status_code == 422
    assert httpx.get(live.url + API_PREFIX + "/monitoring/stations/nope/readings", headers=headers,
                     params={"start": 0, "end": 5}).status_code == 404
    assert httpx.get(path, params={"start": 0, "end": 5}).status_code == 401
