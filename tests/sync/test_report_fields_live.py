"""A report logged at one workstation moves the incident's last report (what
the reporting deadlines read) in every other mirror, through a real platform
(issue 13, defect 5): the platform announces the incident's change it makes."""

from __future__ import annotations

from datetime import timedelta

import pytest

from services.incidents.model import EntryKind
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    yield server
    server.stop()


@pytest.fixture
def two_sites(tmp_path, live, clock):
    a = make_client(tmp_path / "a.db", [live.url], clock, site="CQ")
    b = make_client(tmp_path / "b.db", [live.url], clock, site="WZ")
    yield a, b
    a.close()
    b.close()


def test_reports_logged_at_a_move_the_last_report_in_b_s_mirror(two_sites, clock):
    a, b = two_sites
    inc = a.incidents.create_incident(draft(clock), "陈晓")
    assert a.sync() and b.sync()
    assert b.incidents.get(inc.id).last_report_kind is None  # B holds it from before any report
    for kind, body in ((EntryKind.INITIAL_REPORT, "首报：现场明火已扑灭"),
                       (EntryKind.FOLLOW_UP_REPORT, "续报：两人送医")):  # fmt: skip
        clock.advance(timedelta(minutes=20))
        # No new figures: the report is the only operation queued.
        entry = a.incidents.append_entry(inc.id, kind, body, "陈晓")
        assert a.sync() and b.sync()
        got = b.incidents.get(inc.id)
        assert (got.last_report_kind, got.last_report_at) == (kind, entry.created_at)
    clock.advance(timedelta(minutes=20))
    entry = a.incidents.append_entry(inc.id, EntryKind.FINAL_REPORT, "终报：处置完毕", "陈晓")
    assert a.sync() and b.sync()
    got = b.incidents.get(inc.id)
    assert (got.last_report_kind, got.last_report_at) == (EntryKind.FINAL_REPORT, entry.created_at)
    assert b.incidents.get(inc.id).pending_sync is False
