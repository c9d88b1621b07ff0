"""监测站管理 through a real platform to two workstations: a station the duty
chief creates on one shows on the other with its thresholds and rules, an
edit follows, and a duty officer's station op (the panel is read-only for him;
an older client or a role changed meanwhile could still send one) is refused
by the platform with its reason, which the editor's list then shows while the
other workstation never hears of the station."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from services.clock import ManualClock
from services.events import EventBus
from services.input_checks import CHINA
from services.monitoring.station_editor import StationDraft, StationEditor, draft_of
from services.monitoring.store import StationStore
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    yield server
    server.stop()


@pytest.fixture
def clock():
    return ManualClock(NOW)


def jingkou() -> StationDraft:
    return StationDraft(name="嘉陵江井口站", kind="river", lat=29.6462, lon=106.4526, org="重庆市水文监测总站",
                        code="60105450", place="沙坪坝区井口", thresholds={"alert": 183.5, "guarantee": 186.0},
                        rules={"margin": 0.3, "min_duration_s": 300.0, "rate_per_h": 0.5, "rate_level": "alert"})


def test_a_station_created_on_one_workstation_shows_on_the_other_with_its_thresholds(tmp_path, live, clock):
    chief = make_client(tmp_path / "chief.db", [live.url], clock, user="chief", password="chief-pw")
    other = make_client(tmp_path / "other.db", [live.url], clock)
    try:
        editor = StationEditor(chief.mirror, EventBus(), clock, region=CHINA)
        made = editor.save(jingkou())
        assert editor.pending() == {made.id}
        assert chief.sync() and editor.pending() == set() and editor.refusals() == {}
        assert other.sync()
        seen = StationStore(other.mirror).station(made.id)
        assert seen is not None and seen.name == "嘉陵江井口站" and seen.unit == "m" and seen.kind.value == "river"
        assert seen.thresholds == {"alert": 183.5, "guarantee": 186.0}
        assert seen.rules == {"margin": 0.3, "min_duration_s": 300.0, "rate_per_h": 0.5, "rate_level": "alert"}
        assert (seen.lat, seen.lon, seen.org, seen.code) == (29.6462, 106.4526, "重庆市水文监测总站", "60105450")
        clock.advance(timedelta(minutes=5))
        edited = draft_of(StationStore(chief.mirror).station(made.id))
        editor.save(StationDraft(**{**edited.__dict__, "thresholds": {"alert": 184.0, "guarantee": 186.5}}))
        assert chief.sync() and other.sync()
        assert StationStore(other.mirror).station(made.id).thresholds == {"alert": 184.0, "guarantee": 186.5}
    finally:
        chief.close()
        other.close()


def test_a_duty_officers_station_is_refused_by_the_platform_and_the_list_says_why(tmp_path, live, clock):
    officer = make_client(tmp_path / "officer.db", [live.url], clock)
    other = make_client(tmp_path / "other.db", [live.url], clock, user="chief", password="chief-pw")
    try:
        editor = StationEditor(officer.mirror, EventBus(), clock)
        made = editor.save(jingkou())
        officer.sync()
        refusals = editor.refusals()
        assert set(refusals) == {made.id}
        assert "may not create or edit stations" in refusals[made.id] and "duty_chief" in refusals[made.id]
        assert other.sync()
        assert StationStore(other.mirror).station(made.id) is None
    finally:
        officer.close()
        other.close()
