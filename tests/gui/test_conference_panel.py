"""协同会商 panel: open on the selected incident, participants' flags from the
platform shown (a joined site's video in a tile), minutes and a decision on
the timeline, closed."""

from __future__ import annotations

from services.conference.service import ConferenceService, Participant
from services.contacts.store import ContactStore
from services.incidents.model import EntryKind
from services.sync.apply import apply_page
from services.sync.wire import Change
from services.video.demo_gateway import LiveTsServer
from tests.helpers import CLIP_SECONDS, KINDS, draft, wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.conference.panel import ConferencePanel


def test_a_conference_from_the_panel(qtbot, mirror, events, clock, incident_service, clip):
    server = LiveTsServer(clip, CLIP_SECONDS).start()
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    conferences = ConferenceService(mirror, incident_service.append_entry, events, clock)
    panel = ConferencePanel(conferences, incident_service, ContactStore(mirror, events, clock), runner, relay,
                            author="陈晓")
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    try:
        incident = incident_service.create_incident(draft(clock), "陈晓")
        assert not panel.open_button.isEnabled()
        panel.set_incident(incident.id)
        assert panel.open_button.isEnabled()
        assert panel.open_conference("关于商场火灾的会商", [Participant("wz", "site", "万州区应急局"),
                                                          Participant("p1", "contact", "王建国")])
        assert wait_until(lambda: panel.people.rowCount() == 2 and panel.minutes_button.isEnabled(), 5)
        conference = panel.current  # written on the mirror writer, then shown
        record = {"id": conference.id, "incident_id": incident.id, "title": conference.title, "state": "open",
                  "opened_by": "陈晓", "opened_at": "2026-11-22T08:00:00+00:00", "closed_at": "",
                  "updated_at": "2026-11-22T08:01:00+00:00",
                  "participants": [{"id": "wz", "kind": "site", "name": "万州区应急局", "video_url": server.url,
                                    "joined": True, "muted": False, "speaking": True},
                                   {"id": "p1", "kind": "contact", "name": "王建国", "video_url": "",
                                    "joined": False, "muted": False, "speaking": False}]}
        with mirror.write() as s:  # what the platform answered: our operation is through
            from sqlalchemy import text
            s.execute(text("UPDATE outbox SET state = 'acked'"))
        apply_page(mirror, KINDS, "c1", [Change(seq=5, entity="conference", entity_id=conference.id, version=3,
                                         data=record)], 5, clock.now(), events)  # the bridge's flags arrive
        assert wait_until(lambda: panel.people.item(0, 2) is not None and panel.people.item(0, 2).text() == "✓", 5)
        assert wait_until(lambda: "wz" in panel.players and panel.players["wz"].tile.state == "live", 10)
        panel.minutes.setPlainText("消防已控制火势")
        assert panel.record(EntryKind.MINUTES)
        assert wait_until(lambda: panel.minutes.toPlainText() == "", 5)
        panel.minutes.setPlainText("解除三级响应")
        assert panel.record(EntryKind.DECISION)
        assert wait_until(lambda: panel.minutes.toPlainText() == "", 5)
        assert panel.close_conference()
        assert wait_until(lambda: not panel.minutes_button.isEnabled(), 5)
        kinds = [e.kind for e in incident_service.timeline(incident.id)][-4:]
        assert kinds == [EntryKind.CONFERENCE, EntryKind.MINUTES, EntryKind.DECISION, EntryKind.CONFERENCE]
    finally:
        panel.stop_video()
        runner.shutdown()
        relay.detach(events)
        server.kill()
