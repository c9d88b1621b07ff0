"""值班日报: the day's figures — incidents by category and severity, reports on
time and late against the program's reporting deadlines (the one running when
each was sent, from reports before the day too), orders and how fast they were
acknowledged, roll calls — over the room's calendar day (25 hours on the night
the clocks go back), and the PDF a leader reads (checked with pdftotext)."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from offline_cache.duty_rollcall_schema import RollCallRow
from services.dispatch.lifecycle import OrderStatus
from services.dispatch.service import DispatchService
from services.duty_log.daily import DailyReports
from services.duty_log.log import DutyLog
from services.incidents.deadlines import load_rules
from services.incidents.model import Category, EntryKind, Severity
from services.reminders.service import ReminderService
from services.rollcall.service import RollCallService
from services.timefmt import to_db
from tests.helpers import draft, order_draft

SHANGHAI = ZoneInfo("Asia/Shanghai")
T0 = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)  # 09:00 in the room


def reports_service(mirror, events, clock, tz=SHANGHAI) -> DailyReports:
    reminders = ReminderService(mirror, events, clock, site_code="CQ", tz=tz)
    return DailyReports(mirror, DutyLog(mirror, reminders, site_code="CQ"), RollCallService(mirror, site_code="CQ"),
                        reminders, load_rules(), events, clock, site_code="CQ", tz=tz)


@pytest.fixture
def day(mirror, events, clock, incident_service):
    """A day: reports on time and late, orders acknowledged quickly, late and never, roll calls."""
    at = lambda minutes: clock.set(T0 + timedelta(minutes=minutes))  # noqa: E731
    log = incident_service
    at(-20 * 60)  # yesterday 13:00: an incident whose follow-up falls due today
    old = log.create_incident(draft(clock, title="綦江区内涝", severity=Severity.II, category=Category.NATURAL,
                                    type_code="flood"), "陈晓")
    at(-19 * 60)
    log.append_entry(old.id, EntryKind.INITIAL_REPORT, "首报", "陈晓")  # follow-up due 2 h later, yesterday
    at(0)
    fire = log.create_incident(draft(clock, title="解放碑商场火灾", severity=Severity.III), "陈晓")  # occurred 08:55
    crash = log.create_incident(draft(clock, title="江北区交通事故", severity=Severity.IV,
                                      occurred_at=T0, type_code="road_traffic"), "陈晓")
    log.create_incident(draft(clock, title="演练：化工厂泄漏", severity=Severity.II, exercise=True), "陈晓")
    at(60)
    log.append_entry(old.id, EntryKind.FOLLOW_UP_REPORT, "续报：积水已退", "陈晓")  # late: due yesterday 14:00
    at(100)
    log.append_entry(fire.id, EntryKind.INITIAL_REPORT, "首报", "陈晓")  # due 10:55: on time
    at(300)
    log.append_entry(crash.id, EntryKind.INITIAL_REPORT, "首报", "陈晓")  # due 13:00, sent 14:00: late
    at(350)
    log.append_entry(fire.id, EntryKind.FOLLOW_UP_REPORT, "续报", "陈晓")  # due 14:40, sent 14:50: late
    at(400)
    log.append_entry(crash.id, EntryKind.FOLLOW_UP_REPORT, "续报", "陈晓")  # IV has no follow-up rhythm: on time
    dispatch = DispatchService(mirror, events, clock)
    at(20)
    quick = dispatch.issue(order_draft(fire.id), "陈晓")  # acknowledge within 5 minutes
    slow = dispatch.issue(order_draft(fire.id, target_name="市急救中心"), "陈晓")
    dispatch.issue(order_draft(crash.id, target_name="交巡警平台"), "陈晓")
    at(22)
    dispatch.advance(quick.id, OrderStatus.ACKNOWLEDGED, "渝中区消防救援站")
    at(32)
    dispatch.advance(slow.id, OrderStatus.ACKNOWLEDGED, "市急救中心")
    with mirror.write() as s:
        for n, state in enumerate(("answered", "missed")):
            posted = T0 + timedelta(hours=2 + n)
            s.add(RollCallRow(id=f"rc-{n}", site_code="CQ", message="", allowed_s=180, posted_at=to_db(posted),
                              deadline=to_db(posted + timedelta(minutes=3)), state=state,
                              answered_at=to_db(posted + timedelta(seconds=40)) if state == "answered" else "",
                              answered_by="陈晓" if state == "answered" else "",
                              answered_by_account="duty" if state == "answered" else "", answered_here_at="",
                              updated_at=to_db(posted), version=2, sync_state="synced"))
    at(16 * 60)  # 01:00 the next morning: the day is over
    return reports_service(mirror, events, clock), fire, crash, old


def test_reports_on_time_and_late_against_the_deadline_running_when_sent(day):
    reports, fire, crash, old = day
    figures = reports.build(date(2026, 11, 22))
    sent = [(r.code, r.kind, r.late) for r in figures.reports]
    assert sent == [(old.code, "follow_up_report", True), (fire.code, "initial_report", False),
                    (crash.code, "initial_report", True), (fire.code, "follow_up_report", True),
                    (crash.code, "follow_up_report", False)]
    assert figures.on_time_reports == 2 and len(figures.late_reports) == 3
    late = {r.code + r.kind: (r.sent_at - r.due_at) for r in figures.late_reports}
    assert late[crash.code + "initial_report"] == timedelta(hours=1)
    assert late[fire.code + "follow_up_report"] == timedelta(minutes=10)


def test_incidents_orders_and_roll_calls_of_the_day(day):
    reports, *_ = day
    figures = reports.build(date(2026, 11, 22))
    assert figures.received == 2 and figures.exercise == 1  # yesterday's and the exercise are not counted
    assert figures.by_category["accident"]["III"] == 1 and figures.by_category["accident"]["IV"] == 1
    assert [o.ack_s for o in figures.orders] == [120.0, 720.0, None]
    assert [o.ack_late for o in figures.orders] == [False, True, False]
    assert [r.state for r in figures.rollcalls] == ["answered", "missed"]
    record = figures.to_record()
    assert record["reports"] == {"sent": 5, "on_time": 2, "late": 3, "late_list": record["reports"]["late_list"]}
    assert record["orders"]["acknowledged"] == 2 and record["orders"]["ack_median_s"] == 420.0
    assert [n.title for n in figures.notable][:1] == ["解放碑商场火灾"]  # severity III and above
    assert any(n.kind.value == "rollcall" and n.what == "missed" for n in figures.notable)
    assert reports.build(date(2026, 11, 23)).received == 0


def test_the_day_is_the_rooms_calendar_day_across_the_clock_change(mirror, events, clock, incident_service):
    berlin = ZoneInfo("Europe/Berlin")
    reports = reports_service(mirror, events, clock, berlin)
    inside = datetime(2026, 10, 25, 23, 30, tzinfo=berlin)  # the 25-hour day's last half hour
    outside = datetime(2026, 10, 26, 0, 10, tzinfo=berlin)
    for when, title in ((inside, "夜间事件"), (outside, "次日事件"), (datetime(2026, 10, 25, 0, 5, tzinfo=berlin), "凌晨事件")):
        clock.set(when.astimezone(UTC))
        incident_service.create_incident(draft(clock, title=title), "陈晓")
    figures = reports.build(date(2026, 10, 25))
    assert figures.end - figures.start == timedelta(hours=25) and figures.received == 2


@pytest.fixture
def chinese(qapp):
    """The UI in its default language, Simplified Chinese (the compiled catalogue)."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from app.i18n_build import I18N_DIR, build

    if not (I18N_DIR / "watchroom_zh_CN.qm").exists():
        build()
    translator = QTranslator()
    assert translator.load("watchroom_zh_CN", str(I18N_DIR))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_the_pdf_says_what_the_figures_say(day, tmp_path, chinese):
    from views.duty_log.daily_document import build_daily_html
    from views.incident_log.report_pdf import write_pdf

    reports, fire, crash, _old = day
    figures = reports.build(date(2026, 11, 22))
    html = build_daily_html(figures, site_name="重庆市应急管理局值班室", tz=SHANGHAI,
                            notes="<b>今日平稳</b>\n22时续报已发", officer="陈晓")
    path = tmp_path / "daily.pdf"
    assert write_pdf(str(path), html, exercise=False, title="值班日报") >= 1
    text = pdf_text(path)
    flat = "".join(text.split())
    assert "值班日报" in flat and "报送单位：重庆市应急管理局值班室" in flat and "2026年11月22日" in flat
    assert "共5次，按时2次，超过报送时限3次" in flat  # the figures, as the leader reads them
    assert "当日接报突发事件2起（另有演练1起）" in flat
    assert "下达调度指令3条，已签收2条" in flat and "超时签收1条，未签收1条" in flat
    # (digits inside runs of Latin letters do not survive extraction: CQ-2026-0001 reads "CQ- -")
    # the late ones: incident, report, deadline (with its date when another day's), sent, minutes late
    assert "綦江区内涝续报11-2116:0010:001080.0" in flat and "江北区交通事故首报13:0014:0060.0" in flat
    assert "解放碑商场火灾续报14:4014:5010.0" in flat
    assert "未应答" in flat and "陈晓" in text
    assert "<b>今日平稳</b>" in text  # the remarks are text, not markup
