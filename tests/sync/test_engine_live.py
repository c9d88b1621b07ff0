"""Two clients and a headless mirror through a real platform server on loopback."""

from __future__ import annotations

import pytest

from services.incidents.model import Casualties, EntryKind, Severity, Status
from services.sync import outbox_store
from tests.faultproxy import FaultProxy
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client, mirror_state


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    yield server
    server.stop()


@pytest.fixture
def clients(tmp_path, live, clock):
    made = []

    def make(name: str, urls=None, **kwargs):
        c = make_client(tmp_path / f"{name}.db", urls or [live.url], clock, **kwargs)
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()


def test_an_entry_written_on_a_reaches_b(clients, clock):
    a, b = clients("a", site="CQ"), clients("b", site="WZ")
    inc = a.incidents.create_incident(draft(clock), "陈晓")
    a.incidents.append_entry(inc.id, EntryKind.INITIAL_REPORT, "首报：现场明火已扑灭", "陈晓",
                             casualties=Casualties(injured=2))
    assert a.sync() and b.sync()
    got = b.incidents.get(inc.id)
    assert got.code == inc.code and got.casualties.injured == 2
    assert got.last_report_kind == EntryKind.INITIAL_REPORT
    assert [e.body for e in b.incidents.timeline(inc.id)][-1] == "首报：现场明火已扑灭"
    assert a.incidents.get(inc.id).pending_sync is False
    assert outbox_store.count_by_state(a.mirror).get("queued", 0) == 0
    assert mirror_state(a) == mirror_state(b)


def test_offline_writes_queue_and_go_out_on_reconnect(clients, live, clock):
    dead = "http://127.0.0.1:9"  # nothing listens on the discard port
    a = clients("a", urls=[dead])
    inc = a.incidents.create_incident(draft(clock), "a")
    assert a.sync() is False and a.engine.status.state == "offline"
    assert a.engine.status.pending == 2
    a.engine.endpoints = [a.engine.endpoints[0].__class__(live.url, "duty", "duty-pw")]
    assert a.sync() is True
    b = clients("b")
    assert b.sync() and b.incidents.get(inc.id).title == inc.title


def test_primary_lost_backup_used(clients, live, clock):
    a = clients("a", urls=["http://127.0.0.1:9", live.url])
    a.incidents.create_incident(draft(clock), "a")
    assert a.sync() and a.engine.status.endpoint == live.url


def test_resending_after_a_lost_answer_applies_once(clients, live, clock):
    """The answer to an upload is cut mid-response: the client retries, the
    server answers `duplicate`, nothing is doubled."""
    proxy = FaultProxy(int(live.url.rsplit(":", 1)[1])).start()
    try:
        a = clients("a", urls=[proxy.url()])
        inc = a.incidents.create_incident(draft(clock), "a")
        assert a.sync()  # logs in, learns the cluster
        a.incidents.append_entry(inc.id, EntryKind.NOTE, "只应出现一次", "a")
        proxy.reset_after(0)  # the next response dies before its first byte
        a.sync()
        proxy.restore()
        assert a.sync()
        b = clients("b")
        assert b.sync()
        bodies = [e.body for e in b.incidents.timeline(inc.id)]
        assert bodies.count("只应出现一次") == 1
    finally:
        proxy.stop()


def test_concurrent_update_is_merged_with_a_note(clients, clock):
    from datetime import timedelta

    from services.incidents.model import IncidentChanges

    a, b = clients("a"), clients("b", site="WZ")
    inc = a.incidents.create_incident(draft(clock), "a")
    assert a.sync() and b.sync()
    a.incidents.update_incident(inc.id, IncidentChanges(severity=Severity.II), "a")
    clock.advance(timedelta(minutes=1))
    b.incidents.update_incident(inc.id, IncidentChanges(severity=Severity.I), "b")
    assert a.sync() and b.sync() and a.sync()
    assert a.incidents.get(inc.id).severity == Severity.I == b.incidents.get(inc.id).severity
    notes = [e for e in a.incidents.timeline(inc.id) if e.data.get("event") == "conflict"]
    assert notes and notes[0].data["field"] == "severity"
    assert mirror_state(a) == mirror_state(b)


def test_late_backwards_status_is_recorded_not_applied(clients, clock):
    a, b = clients("a"), clients("b", site="WZ")
    inc = a.incidents.create_incident(draft(clock), "a")
    assert a.sync() and b.sync()
    a.incidents.change_status(inc.id, Status.CLOSED, "a")
    b.incidents.change_status(inc.id, Status.RESPONDING, "b")  # offline site, later arrival
    assert a.sync() and b.sync() and a.sync()
    assert b.incidents.get(inc.id).status == Status.CLOSED
    assert mirror_state(a) == mirror_state(b)


def test_viewer_cannot_upload_and_says_why(clients, clock):
    wall = clients("wall", user="wall", password="wall-pw")
    wall.incidents.create_incident(draft(clock), "wall")
    assert wall.sync() is False
    assert "403" in wall.engine.status.last_error


def test_a_skewed_clock_never_reorders_a_timeline(tmp_path, live, clock):
    """Site A's clock runs two hours fast. Its note, confirmed first, stays first
    on every mirror; its own time is kept as the reported time."""
    from datetime import timedelta

    from services.clock import ManualClock

    fast = ManualClock(clock.now() + timedelta(hours=2))
    a = make_client(tmp_path / "skew-a.db", [live.url], fast, site="A")
    b = make_client(tmp_path / "skew-b.db", [live.url], clock, site="B")
    try:
        inc = b.incidents.create_incident(draft(clock), "b")
        assert b.sync() and a.sync()
        a.incidents.append_entry(inc.id, EntryKind.NOTE, "甲站：先到的消息", "a")
        assert a.sync()
        clock.advance(timedelta(minutes=1))
        b.incidents.append_entry(inc.id, EntryKind.NOTE, "乙站：后到的消息", "b")
        assert b.sync() and a.sync()
        for client in (a, b):
            notes = [e for e in client.incidents.timeline(inc.id) if e.kind == EntryKind.NOTE]
            assert [e.body for e in notes] == ["甲站：先到的消息", "乙站：后到的消息"]
            assert notes[0].created_at > notes[1].created_at  # the reported times, as given
        pending = a.incidents.append_entry(inc.id, EntryKind.NOTE, "甲站：未同步", "a")
        assert a.incidents.timeline(inc.id)[-1].id == pending.id  # unconfirmed ones last
    finally:
        a.close()
        b.close()
