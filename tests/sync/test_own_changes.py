"""A workstation's own exchanges (defects 5 and 9 of the repair issue): its new
incident coming back through the feed rewrites nothing and announces nothing,
and a report marks nothing pending unless an operation is queued for it."""

from __future__ import annotations

from sqlalchemy import text

from services.events import EntryAppended, IncidentChanged
from services.incidents.model import Casualties, EntryKind
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client


def queued(client) -> list[tuple[str, str]]:
    with client.mirror.read() as s:
        return [tuple(r) for r in s.execute(text("SELECT entity, op FROM outbox WHERE state = 'queued'"))]


def test_own_incident_back_from_the_feed_changes_nothing_and_says_nothing(tmp_path, clock):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    client = make_client(tmp_path / "a.db", [live.url], clock)
    seen = []
    try:
        incident = client.incidents.create_incident(draft(clock), "陈晓")
        client.incidents.append_entry(incident.id, EntryKind.NOTE, "现场已封控", "陈晓")
        assert client.sync(upload_only=True)
        client.engine.events.subscribe(seen.append)
        assert client.sync()
        assert [e for e in seen if isinstance(e, IncidentChanged | EntryAppended)] == []
        mine = client.incidents.get(incident.id)
        assert not mine.pending_sync
        assert [e.pending_sync for e in client.incidents.timeline(incident.id)] == [False, False]
    finally:
        client.close()
        live.stop()


def test_a_report_queues_its_entry_only_and_leaves_nothing_pending(tmp_path, clock):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    client = make_client(tmp_path / "a.db", [live.url], clock)
    try:
        incident = client.incidents.create_incident(draft(clock), "陈晓")
        assert client.sync()
        client.incidents.append_entry(incident.id, EntryKind.INITIAL_REPORT, "首报：商场起火，无人员伤亡", "陈晓")
        assert queued(client) == [("entry", "append")]
        reported = client.incidents.get(incident.id)
        assert not reported.pending_sync  # nothing of the incident itself waits to be sent
        assert reported.last_report_kind == EntryKind.INITIAL_REPORT
        # New figures are the officer's edit: that one is queued, and shown pending until sent.
        client.incidents.append_entry(incident.id, EntryKind.FOLLOW_UP_REPORT, "续报：2人受伤", "陈晓",
                                      casualties=Casualties(injured=2))
        assert sorted(queued(client)) == [("entry", "append"), ("entry", "append"), ("incident", "update")]
        assert client.incidents.get(incident.id).pending_sync
        assert client.sync()
        assert queued(client) == []
        after = client.incidents.get(incident.id)
        assert not after.pending_sync
        assert after.last_report_kind == EntryKind.FOLLOW_UP_REPORT and after.casualties.injured == 2
    finally:
        client.close()
        live.stop()
