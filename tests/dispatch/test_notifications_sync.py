"""Notifications end to end: written here first (待发送), sent by the platform's
log gateway, each recipient's status back through sync and on the timeline."""

from __future__ import annotations

import pytest

from server.notifications import LogGateway
from services.contacts.store import ContactStore
from services.incidents.model import EntryKind
from services.incidents.validation import ValidationError
from services.notifications.service import NotificationService
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

PEOPLE = [{"id": "p1", "kind": "person", "name": "王建国", "mobile": "139 0000 1111"},
          {"id": "p2", "kind": "person", "name": "李晓梅", "duty_phone": "023-67700110"},
          {"id": "p3", "kind": "person", "name": "无号码"},
          {"id": "g1", "kind": "group", "name": "防汛值班群", "members": ["p1", "p2"]}]


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    server.app.state.gateway = LogGateway(tmp_path / "notifications.log")
    add_users(server)
    yield server
    server.stop()


def test_a_group_is_notified_and_the_statuses_come_back(tmp_path, live, clock):
    a = make_client(tmp_path / "a.db", [live.url], clock)
    try:
        contacts = ContactStore(a.mirror, a.dispatch.events, clock)
        contacts.save_many(PEOPLE)
        notices = NotificationService(a.mirror, contacts, a.dispatch.events, clock)
        incident = a.incidents.create_incident(draft(clock), "陈晓")
        with pytest.raises(ValidationError) as missing:
            notices.send(incident.id, "sms", "集合", ["g1", "p3"], "陈晓")
        assert missing.value.problems[0].code == "no_phone" and notices.without_phone(["g1", "p3"]) == ["无号码"]
        sent = notices.send(incident.id, "sms", "请立即到指挥中心集合", ["g1", "p1"], "陈晓")
        assert [r.name for r in sent.recipients] == ["王建国", "李晓梅"] and sent.pending_sync
        assert {r.status for r in sent.recipients} == {"queued"}
        assert a.sync() and a.sync()  # upload, then the feed brings the platform's answer
        back = notices.get(sent.id)
        assert {r.status for r in back.recipients} == {"logged"} and back.gateway == "log"
        assert not back.pending_sync
        assert (tmp_path / "notifications.log").read_text(encoding="utf-8").count("请立即到指挥中心集合") == 2
        timeline = a.incidents.timeline(incident.id)
        assert any(e.kind == EntryKind.DISPATCH and "未实际发送" in e.body for e in timeline)
    finally:
        a.close()
