"""值班日志: the room's calls, incidents, reports, orders, notices, conferences,
roll calls, reminders (and the roster's handovers, through a source of their
own) in time order; filtered by kind, span and text; other rooms' incidents
left out."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest

from services.conference.service import ConferenceService
from services.contacts.store import ContactStore
from services.dispatch.lifecycle import OrderStatus
from services.dispatch.service import DispatchService
from services.duty_log.log import DutyLog, LogItem, LogKind, LogQuery
from services.incidents.model import EntryKind, Status
from services.notifications.service import NotificationService
from services.reminders.contract import DAILY
from services.reminders.service import ReminderService
from services.sync.apply import apply_page
from services.timefmt import to_db
from tests.helpers import KINDS, draft, order_draft, remote_incident

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def shift(mirror, events, clock, incident_service):
    """A shift's worth of records, a minute or more apart, from T = 08:00 UTC (16:00 in the room)."""
    t0 = clock.now()
    at = lambda minutes: clock.set(t0 + timedelta(minutes=minutes))  # noqa: E731
    dispatch = DispatchService(mirror, events, clock)
    contacts = ContactStore(mirror, events, clock)
    contacts.save_many([{"id": "p1", "kind": "person", "name": "王建国", "mobile": "139 0000 1111"}], share=False)
    notices = NotificationService(mirror, contacts, events, clock)
    conferences = ConferenceService(mirror, incident_service.append_entry, events, clock, site_code="CQ")
    reminders = ReminderService(mirror, events, clock, site_code="CQ", tz=TZ)
    at(-60)
    check = reminders.add("检查气象预警", "weather_check", DAILY, times=["16:30"], window_minutes=20)
    at(0)
    fire = incident_service.create_incident(draft(clock, title="解放碑商场火灾"), "陈晓")
    at(5)
    incident_service.append_entry(fire.id, EntryKind.CALL, "报警人回电：三楼仍有浓烟", "陈晓")
    at(10)
    incident_service.append_entry(fire.id, EntryKind.INITIAL_REPORT, "首报：商场三楼起火", "陈晓")
    at(12)
    incident_service.append_entry(fire.id, EntryKind.NOTE, "备注不进日志", "陈晓")
    at(15)
    order = dispatch.issue(order_draft(fire.id), "陈晓")
    at(20)
    dispatch.advance(order.id, OrderStatus.ACKNOWLEDGED, "渝中区消防救援站")
    at(22)
    notices.send(fire.id, "sms", "请立即到指挥中心集合", ["p1"], "陈晓")
    at(25)
    conference = conferences.open(fire.id, "商场火灾会商", [], "陈晓")
    at(32)
    reminders.mark_done(check.id, t0 + timedelta(minutes=30), "陈晓")
    at(40)
    conferences.close(conference.id, "陈晓")
    at(50)
    incident_service.change_status(fire.id, Status.CLOSED, "陈晓", "明火扑灭")
    # another room's incident, from the platform: not this room's log
    apply_page(mirror, KINDS, "c", [remote_incident(1, reported_at=to_db(t0 + timedelta(minutes=3)))], 1, clock.now(),
               events)
    with mirror.write() as s:
        from offline_cache.duty_rollcall_schema import RollCallRow

        s.add(RollCallRow(id="rc-1", site_code="CQ", message="市应急局查岗", allowed_s=180,
                          posted_at=to_db(t0 + timedelta(minutes=30)), deadline=to_db(t0 + timedelta(minutes=33)),
                          state="answered", answered_at=to_db(t0 + timedelta(minutes=31)), answered_by="陈晓",
                          answered_by_account="duty", answered_here_at="", updated_at=to_db(t0), version=2,
                          sync_state="synced"))
    at(90)
    return DutyLog(mirror, reminders, site_code="CQ"), t0, fire


def kinds_and_whats(items: list[LogItem]) -> list[tuple[str, str]]:
    return [(i.kind.value, i.what) for i in items]


def test_every_kind_of_record_in_time_order(shift):
    log, t0, fire = shift
    items = log.items(LogQuery(t0 - timedelta(minutes=1), t0 + timedelta(hours=1)))
    assert kinds_and_whats(items) == [
        ("incident", "received"), ("call", "call"), ("report", "initial_report"), ("order", "issued"),
        ("order", "acknowledged"), ("notice", "sms"), ("conference", "opened"), ("rollcall", "answered"),
        ("reminder", "done"), ("conference", "closed"), ("incident", "status_change"),
    ]
    assert [i.at for i in items] == sorted(i.at for i in items)
    assert all(i.code == fire.code for i in items if i.kind not in (LogKind.ROLLCALL, LogKind.REMINDER))
    rollcall = next(i for i in items if i.kind == LogKind.ROLLCALL)
    assert (rollcall.by, rollcall.by_account, rollcall.title) == ("陈晓", "duty", "市应急局查岗")
    assert items[-1].to == "closed"


def test_filters_by_kind_span_and_text(shift):
    log, t0, _fire = shift
    whole = (t0 - timedelta(minutes=1), t0 + timedelta(hours=1))
    reports = log.items(LogQuery(*whole, frozenset({LogKind.REPORT, LogKind.CALL})))
    assert kinds_and_whats(reports) == [("call", "call"), ("report", "initial_report")]
    assert kinds_and_whats(log.items(LogQuery(*whole, text="浓烟"))) == [("call", "call")]
    assert kinds_and_whats(log.items(LogQuery(*whole, text="渝中区消防"))) == [("order", "issued"),
                                                                             ("order", "acknowledged")]
    assert kinds_and_whats(log.items(LogQuery(*whole, text="DUTY"))) == [("rollcall", "answered")]  # accounts too
    middle = log.items(LogQuery(t0 + timedelta(minutes=11), t0 + timedelta(minutes=25)))
    assert kinds_and_whats(middle) == [("order", "issued"), ("order", "acknowledged"), ("notice", "sms")]
    assert log.items(LogQuery(t0 + timedelta(hours=5), t0 + timedelta(hours=6))) == []


def test_a_missed_reminder_is_logged_when_its_window_closes(shift, clock):
    log, t0, _fire = shift
    clock.set(t0 + timedelta(days=1, hours=1))  # the next day's 16:30 went by undone
    items = log.items(LogQuery(t0 + timedelta(hours=20), t0 + timedelta(days=1, hours=1),
                               frozenset({LogKind.REMINDER})))
    assert [(i.what, i.at) for i in items] == [("missed", t0 + timedelta(days=1, minutes=50))]


def test_other_features_add_their_items_through_a_source(shift):
    log, t0, _fire = shift

    def handovers(_session, start, end, site):
        handed = t0 + timedelta(minutes=45)
        if start <= to_db(handed) < end and site == "CQ":
            yield LogItem(handed, LogKind.HANDOVER, "closed", "白班交夜班", by="陈晓", by_account="duty")

    log.add_source(handovers)
    items = log.items(LogQuery(t0 + timedelta(minutes=41), t0 + timedelta(hours=1)))
    assert kinds_and_whats(items) == [("handover", "closed"), ("incident", "status_change")]
    hidden = LogQuery(t0, t0 + timedelta(hours=1), frozenset(set(LogKind) - {LogKind.HANDOVER}))
    assert all(i.kind != LogKind.HANDOVER for i in log.items(hidden))
