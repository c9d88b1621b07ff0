"""Duty reminders and the daily report through a real platform: the room's
reminders made at one workstation reach the other; an occurrence ticked off at
both (offline, say) is one record, with the account of whoever reached the
platform first; the daily report sent from one workstation is the platform's
record of the day, sent again it replaces it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import select

from offline_cache.duty_rollcall_schema import DailyReportRow
from server.app import add_user
from services.clock import ManualClock
from services.duty_log.daily import DailyReports
from services.duty_log.log import DutyLog
from services.incidents.deadlines import load_rules
from services.reminders.schedule import OccurrenceState
from services.reminders.service import DefaultTitles, ReminderService
from services.rollcall.service import RollCallService
from services.sync.wire import API_PREFIX
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    add_user(server.app.state.db, "duty2", "duty2-pw", "duty_officer")
    yield server
    server.stop()


def reminders_of(client) -> ReminderService:
    return ReminderService(client.mirror, client.dispatch.events, client.dispatch.clock, site_code="CQ", tz=TZ)


def test_a_reminder_done_at_two_workstations_is_one_record(tmp_path, live):
    clock = ManualClock(datetime.now(UTC) - timedelta(minutes=30))
    a = make_client(tmp_path / "a.db", [live.url], clock, site="CQ")
    b = make_client(tmp_path / "b.db", [live.url], clock, site="CQ", user="duty2", password="duty2-pw")
    try:
        mine, theirs = reminders_of(a), reminders_of(b)
        mine.add_defaults(DefaultTitles("向上级报送值班情况", "整点检查", "气象预警检查"))
        assert a.sync() and b.sync()
        assert sorted(r.kind for r in theirs.reminders()) == ["hourly_check", "report_upward", "weather_check"]
        clock.advance(timedelta(minutes=30))
        hourly = next(o for o in theirs.board() if o.reminder.kind == "hourly_check")
        theirs.mark_done(hourly.reminder.id, hourly.due_at, "李娜")
        mine.mark_done(hourly.reminder.id, hourly.due_at, "陈晓")  # both, before either has synced
        assert b.sync() and a.sync() and b.sync()
        for service in (mine, theirs):
            [seen] = [o for o in service.board() if o.id == hourly.id]
            assert seen.state in (OccurrenceState.DONE, OccurrenceState.DONE_LATE)
            assert (seen.done_by, seen.done_by_account) == ("李娜", "duty2")  # the first to reach the platform
    finally:
        a.close()
        b.close()


def test_the_daily_report_is_the_platforms_record_of_the_day(tmp_path, live):
    clock = ManualClock(datetime(2026, 11, 22, 14, 0, tzinfo=UTC))
    a = make_client(tmp_path / "a.db", [live.url], clock, site="CQ")
    b = make_client(tmp_path / "b.db", [live.url], clock, site="CQ", user="duty2", password="duty2-pw")
    try:
        reminders = reminders_of(a)
        reports = DailyReports(a.mirror, DutyLog(a.mirror, reminders, site_code="CQ"),
                               RollCallService(a.mirror, site_code="CQ"), reminders, load_rules(), a.dispatch.events,
                               clock, site_code="CQ", tz=TZ)
        figures = reports.build(date(2026, 11, 22))
        rid = reports.send(figures, "值班日报 2026-11-22", "今日平稳", "陈晓")
        assert a.sync() and b.sync()
        with b.mirror.read() as s:
            row = s.scalar(select(DailyReportRow).where(DailyReportRow.id == rid))
        assert (row.report_date, row.notes, row.sent_by, row.updated_by_account) == ("2026-11-22", "今日平稳", "陈晓",
                                                                                     "duty")
        clock.advance(timedelta(hours=1))
        assert reports.send(reports.build(date(2026, 11, 22)), "值班日报 2026-11-22", "补充：22时续报已发",
                            "陈晓") == rid
        assert a.sync()
        with httpx.Client(base_url=live.url + API_PREFIX, timeout=10) as http:
            token = http.post("/auth/login", json={"username": "wall", "password": "wall-pw"}).json()["access_token"]
            page = http.get("/snapshot", params={"entity": "daily_report"},
                            headers={"Authorization": f"Bearer {token}"}).json()
        [record] = page["records"]
        assert record["notes"] == "补充：22时续报已发" and record["figures"]["day"] == "2026-11-22"
        assert record["figures"]["received"] == 0 and reports.sent_at(date(2026, 11, 22)) is not None
    finally:
        a.close()
        b.close()
