"""会商 through a real platform: opened at one workstation, a site's join and
video reported by the bridge, minutes and a decision recorded, closed; the
other workstation sees the flags and the whole record on the timeline."""

from __future__ import annotations

import httpx
import pytest

from services.conference.service import Participant
from services.incidents.model import EntryKind
from services.sync.wire import API_PREFIX
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    yield server
    server.stop()


def bridge(url: str, conference_id: str, participant: str, **flags) -> int:
    with httpx.Client(base_url=url + API_PREFIX, timeout=10) as http:
        token = http.post("/auth/login", json={"username": "duty", "password": "duty-pw"}).json()["access_token"]
        return http.post(f"/conferences/{conference_id}/participants/{participant}", json=flags,
                         headers={"Authorization": f"Bearer {token}"}).status_code


def test_a_conference_is_held_across_workstations(tmp_path, live, clock):
    a = make_client(tmp_path / "a.db", [live.url], clock, site="CQ")
    b = make_client(tmp_path / "b.db", [live.url], clock, site="WZ")
    try:
        incident = a.incidents.create_incident(draft(clock), "陈晓")
        conference = a.conferences.open(incident.id, "关于商场火灾的会商",
                                        [Participant("site-wz", "site", "万州区应急局")], "陈晓")
        assert conference.is_open and conference.pending_sync
        assert a.sync()
        assert bridge(live.url, conference.id, "site-wz", joined=True, video_url="http://127.0.0.1:8554/demo1.ts") == 200
        a.conferences.record(conference.id, EntryKind.MINUTES, "消防已控制火势，商场人员疏散完毕", "陈晓")
        a.conferences.record(conference.id, EntryKind.DECISION, "解除三级响应", "陈晓")
        a.conferences.close(conference.id, "陈晓")
        assert a.sync() and b.sync()
        seen = b.conferences.get(conference.id)
        assert seen.state == "closed" and seen.participants[0].joined
        assert seen.participants[0].video_url.endswith("demo1.ts")
        kinds = [e.kind for e in b.incidents.timeline(incident.id)
                 if e.kind in (EntryKind.CONFERENCE, EntryKind.MINUTES, EntryKind.DECISION)]
        assert kinds == [EntryKind.CONFERENCE, EntryKind.MINUTES, EntryKind.DECISION, EntryKind.CONFERENCE]
        minutes = [e for e in b.incidents.timeline(incident.id) if e.kind == EntryKind.MINUTES][0]
        assert minutes.data["conference_id"] == conference.id
        assert a.sync() and not a.conferences.get(conference.id).pending_sync
    finally:
        a.close()
        b.close()


def test_another_site_may_not_invite_to_or_close_a_conference(tmp_path, live, clock):
    a = make_client(tmp_path / "a.db", [live.url], clock, site="CQ")
    b = make_client(tmp_path / "b.db", [live.url], clock, site="WZ")
    try:
        incident = a.incidents.create_incident(draft(clock), "陈晓")
        conference = a.conferences.open(incident.id, "关于商场火灾的会商", [], "陈晓")
        assert a.sync() and b.sync()
        theirs = b.conferences.get(conference.id)
        assert theirs.opened_site == "CQ" and not b.conferences.held_here(theirs)
        assert a.conferences.held_here(a.conferences.get(conference.id))
        from services.input_checks import ValidationError

        with pytest.raises(ValidationError):
            b.conferences.close(conference.id, "万州值班员")
        with pytest.raises(ValidationError):
            b.conferences.invite(conference.id, [Participant("site-yz", "site", "渝中区应急局")])
        assert b.conferences.get(conference.id).is_open  # nothing changed here, nothing queued
    finally:
        a.close()
        b.close()
