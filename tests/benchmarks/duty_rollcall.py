"""Duty figures of the roll-call slice (called by tests/benchmarks/bench_duty.py):

- duty.rollcall_visible_p95_ms: a roll call posted to a real platform process on
  loopback (POST /api/v1/rollcalls) until the duty workstation's prompt is on
  screen — the event stream wakes the engine, the feed brings the record, the
  watcher opens the prompt. Each is then answered with Enter, as an officer would.
- duty.daily_report_pdf_s: the daily report of a busy day (200 incidents, 2,000
  entries, 300 orders) in a copy of the 100,000-incident bench mirror, from the
  mirror to the PDF's bytes (figures read, the document built, the pages painted)."""

from __future__ import annotations

import asyncio
import json
import random
import shutil
import tempfile
import threading
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx

from services.clock import SystemClock
from services.sync.wire import API_PREFIX
from tests.benchmarks.fixtures import bench_mirror_path, emit, p95, require
from tests.helpers import join_all, wait_until
from tests.server.process_server import create_user, start_server_process
from tests.sync.livesync import make_client

PASSWORD = "bench-password"
ROLLCALLS = 40
TZ = ZoneInfo("Asia/Shanghai")
BUSY_DAY = date(2026, 11, 24)  # after the bench mirror's last day: only the busy day's records in it
INCIDENTS, ENTRIES, ORDERS = 200, 2000, 300


class Silent:
    """The alert sound, counted instead of played."""

    played = 0

    def play(self) -> None:
        self.played += 1


def bench_rollcall_visible(tmp: Path, url: str) -> float:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from services.rollcall.service import RollCallService
    from views.common.event_relay import DomainEventRelay
    from views.common.task_runner import TaskRunner
    from views.rollcall.watcher import RollCallWatcher

    QApplication.instance() or QApplication([])
    client = make_client(tmp / "duty.db", [url], SystemClock(), site="CQ", password=PASSWORD)
    events = client.dispatch.events
    runner, relay = TaskRunner(), DomainEventRelay()
    relay.attach(events)
    watcher = RollCallWatcher(RollCallService(client.mirror, events, client.dispatch.clock, site_code="CQ"), runner,
                              relay, operator=lambda: "bench", tz=TZ, alert=Silent())
    shown: dict[str, float] = {}
    watcher.sig_prompted.connect(lambda rid: shown.setdefault(rid, time.perf_counter()))
    loop = asyncio.new_event_loop()
    engine = threading.Thread(target=loop.run_until_complete, args=(client.engine.run_forever(),), daemon=True)
    engine.start()
    times: list[float] = []
    try:
        wait_until(lambda: client.engine.status.last_success is not None, 30, what="the engine's first exchange")
        with httpx.Client(base_url=url + API_PREFIX, timeout=10) as http:
            login = http.post("/auth/login", json={"username": "cmd", "password": PASSWORD})
            require(login.status_code == 200, f"commander log-in: {login.status_code} {login.text}")
            headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
            # One more than measured: the first proves the engine listens to the event stream.
            for n in range(ROLLCALLS + 1):
                started = time.perf_counter()
                posted = http.post("/rollcalls", json={"site_code": "CQ", "message": f"基准查岗{n}"}, headers=headers)
                require(posted.status_code == 201, f"roll call {n}: {posted.status_code} {posted.text}")
                rid = posted.json()["id"]
                wait_until(lambda r=rid: r in shown, 20, interval_ms=1, what=f"the prompt of roll call {n}")
                if n:
                    times.append((shown[rid] - started) * 1000)
                QTest.keyClick(watcher.prompt, Qt.Key.Key_Return)  # answered, as the officer does
                wait_until(lambda: watcher.prompt is None, 10, what=f"roll call {n} answered")
        wait_until(lambda: client.engine.status.pending == 0, 20, what="every answer sent")
    finally:
        client.engine.stop()
        join_all([engine], 15)
        runner.shutdown()
        relay.detach(events)
        client.close()
    require(len(times) == ROLLCALLS, f"{len(times)} of {ROLLCALLS} roll calls measured")
    return p95(times)


def busy_day(mirror) -> None:
    """200 incidents with 2,000 entries, 300 orders, notices, roll calls and reminders on BUSY_DAY."""
    from offline_cache.duty_rollcall_schema import RollCallRow
    from offline_cache.schema import NotificationRow, OrderRow
    from services.demo_data import DemoGenerator
    from services.incidents.bulk import load_batch
    from services.incidents.taxonomy import load_taxonomy
    from services.timefmt import to_db

    start = datetime.combine(BUSY_DAY, datetime.min.time(), TZ)
    demo = DemoGenerator(load_taxonomy(), seed=11).generate(INCIDENTS, start + timedelta(hours=23, minutes=50),
                                                            span=timedelta(hours=23), entries_per_incident=11)
    for n, incident in enumerate(demo.incidents):
        incident["code"] = f"CQ-B-{n:04d}"  # the bench mirror holds this site's numbers already
    rng = random.Random(3)
    entries = demo.entries[:ENTRIES]
    end = start + timedelta(days=1)
    while len(entries) < ENTRIES:  # the newest incidents have short timelines yet: calls and follow-ups
        incident = rng.choice(demo.incidents)
        reported = datetime.fromisoformat(incident["reported_at"])
        at = reported + (end - reported) * rng.random()
        kind = rng.choice(("call", "note", "follow_up_report"))
        entries.append({"id": str(uuid.uuid4()), "incident_id": incident["id"], "kind": kind,
                        "body": "来电补充：现场道路拥堵，需要增援。", "author": "值班员", "created_at": to_db(at),
                        "data": json.dumps({"severity": incident["severity"]} if kind == "follow_up_report" else {}),
                        "sync_state": "synced"})
    require(len(demo.incidents) == INCIDENTS and len(entries) == ENTRIES,
            f"busy day: {len(demo.incidents)} incidents, {len(entries)} entries")
    load_batch(mirror, demo.incidents, entries)
    with mirror.bulk_write() as s:
        for n in range(ORDERS):
            incident = rng.choice(demo.incidents)
            issued = min(end - timedelta(minutes=1),
                         datetime.fromisoformat(incident["reported_at"]) + timedelta(minutes=rng.randint(2, 30)))
            acked = issued + timedelta(minutes=rng.randint(1, 15)) if rng.random() < 0.9 else None
            s.add(OrderRow(id=str(uuid.uuid4()), incident_id=incident["id"], target_kind="team", target_id=f"t{n % 40}",
                           target_name=f"救援{n % 40}队", content="前往现场开展救援", priority="urgent",
                           ack_deadline=to_db(issued + timedelta(minutes=5)), status="acknowledged" if acked else "issued",
                           issued_by="值班员", issued_at=to_db(issued), acknowledged_at=to_db(acked) if acked else "",
                           updated_at=to_db(issued), version=2, sync_state="synced"))
        for _ in range(50):
            incident = rng.choice(demo.incidents)
            s.add(NotificationRow(id=str(uuid.uuid4()), incident_id=incident["id"], channel="sms",
                                  text="请立即到指挥中心集合", sender="值班员",
                                  created_at=incident["reported_at"], updated_at=incident["reported_at"],
                                  recipients=json.dumps([{"name": "王建国", "phone": "139 0000 1111"}]), version=1,
                                  sync_state="synced"))
        for hour in range(0, 24, 4):
            posted = start + timedelta(hours=hour, minutes=7)
            state = "answered" if hour else "missed"
            s.add(RollCallRow(id=str(uuid.uuid4()), site_code="CQ", message="", allowed_s=180, posted_at=to_db(posted),
                              deadline=to_db(posted + timedelta(minutes=3)), state=state,
                              answered_at=to_db(posted + timedelta(seconds=50)) if hour else "",
                              answered_by="值班员" if hour else "", answered_by_account="duty" if hour else "",
                              answered_here_at="", updated_at=to_db(posted), version=2, sync_state="synced"))


def bench_daily_report_pdf(tmp: Path) -> float:
    from PySide6.QtWidgets import QApplication

    from offline_cache.database import open_mirror
    from services.clock import ManualClock
    from services.duty_log.daily import DailyReports
    from services.duty_log.duty_items import DUTY_LOG_SOURCES
    from services.duty_log.log import DutyLog
    from services.events import EventBus
    from services.incidents.deadlines import load_rules
    from services.reminders.service import DefaultTitles, ReminderService
    from services.rollcall.service import RollCallService
    from views.duty_log.daily_document import build_daily_html
    from views.incident_log.report_pdf import pdf_bytes, report_fonts

    QApplication.instance() or QApplication([])
    copy = tmp / "daily.db"
    shutil.copyfile(bench_mirror_path(100_000, 10), copy)
    mirror = open_mirror(copy)
    try:
        busy_day(mirror)
        clock = ManualClock(datetime.combine(BUSY_DAY, datetime.min.time(), TZ).astimezone(UTC) - timedelta(days=1))
        events = EventBus()
        reminders = ReminderService(mirror, events, clock, site_code="CQ", tz=TZ)
        reminders.add_defaults(DefaultTitles("向上级报送值班情况", "整点检查", "气象预警检查"))
        clock.advance(timedelta(days=2, hours=1))  # the morning after the busy day
        log = DutyLog(mirror, reminders, site_code="CQ", sources=DUTY_LOG_SOURCES)
        reports = DailyReports(mirror, log, RollCallService(mirror, site_code="CQ"),
                               reminders, load_rules(), events, clock, site_code="CQ", tz=TZ)
        body, heading = report_fonts()
        times, pages = [], 0
        for _ in range(5):
            started = time.perf_counter()
            figures = reports.build(BUSY_DAY)
            html = build_daily_html(figures, site_name="重庆市应急管理局指挥中心", tz=TZ, notes="今日接报较多，总体平稳。",
                                    officer="值班员", body_font=body, heading_font=heading)
            data, pages = pdf_bytes(html, exercise=False, title="值班日报")
            times.append(time.perf_counter() - started)
            require(data.startswith(b"%PDF") and figures.received > 150 and len(figures.orders) == ORDERS,
                    f"the report of the busy day: {figures.received} incidents, {len(figures.orders)} orders")
        require(pages >= 2, f"a busy day's report of {pages} page(s)")
    finally:
        mirror.close()
    return p95(times)


def run_rollcall() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = "sqlite:///" + str(tmp / "platform.db")
        create_user(db, "duty", PASSWORD, "duty_officer")
        create_user(db, "cmd", PASSWORD, "commander")
        live = start_server_process(db)
        try:
            emit("duty.rollcall_visible_p95_ms", bench_rollcall_visible(tmp, live.url), "ms", "< 500")
        finally:
            live.stop()
        emit("duty.daily_report_pdf_s", bench_daily_report_pdf(tmp), "s", "< 2")
