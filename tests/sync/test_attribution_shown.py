"""The account the platform vouches for reaches every mirror beside the name a
workstation typed, and is shown where they differ (issue 19, class 3)."""

from __future__ import annotations

from services.incidents.model import EntryKind
from services.sync import outbox_store
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client
from views.common import labels


def test_a_report_typed_in_another_name_shows_the_account_that_sent_it(tmp_path, clock, qapp):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    a = make_client(tmp_path / "a.db", [live.url], clock, site="CQ")
    b = make_client(tmp_path / "b.db", [live.url], clock, site="WZ")
    try:
        incident = a.incidents.create_incident(draft(clock), "带班领导 王强")  # typed, not vouched for
        a.incidents.append_entry(incident.id, EntryKind.INITIAL_REPORT, "首报：商场起火", "带班领导 王强")
        assert a.sync() and b.sync() and a.sync()
        assert outbox_store.count_by_state(a.mirror).get("queued", 0) == 0
        for client in (a, b):
            seen = client.incidents.get(incident.id)
            assert (seen.created_by, seen.created_by_account) == ("带班领导 王强", "duty")
            report = [e for e in client.incidents.timeline(incident.id) if e.kind == EntryKind.INITIAL_REPORT][0]
            assert (report.author, report.author_account) == ("带班领导 王强", "duty")
            assert labels.attributed(report.author, report.author_account) == "带班领导 王强 (account duty)"
        assert not a.incidents.get(incident.id).pending_sync  # the account came back quietly
        assert labels.attributed("duty", "duty") == "duty"
    finally:
        a.close()
        b.close()
        live.stop()
