"""The demo's reminders and roll call (`make demo`): the room's usual three
reminders, the ones of the last hours done by the demo officer except one
missed, and this morning's roll call answered in time, so the 值班概况 dock,
the duty log and the roll-call tile have something to show. Each is added
once (fixed ids), so a demo platform made before them gets them too."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from server.change_log import record_change
from server.duty_roster import iso
from server.reminders import ReminderDoneRow, ReminderRow
from server.rollcalls import RollCallRow
from services.reminders.contract import default_id, done_id, occurrence_key

USUAL = (("report_upward", "每日08:00向上级报送值班情况", "daily", ["08:00"], 0, 30),
         ("hourly_check", "整点查看雨情、水情和视频巡查", "hourly", [], 0, 15),
         ("weather_check", "查看气象预警信息", "daily", ["07:00", "16:00"], 0, 30))
OFFICER = "演示值班员"


def seed_duty_extras(s: Session, room: str, zone: ZoneInfo, now: datetime) -> None:
    stamp = iso(now)
    since = now - timedelta(hours=6)
    hourly = None
    for kind, title, schedule, times, minute, window in USUAL:
        rid = default_id(room, kind)
        if s.get(ReminderRow, rid) is not None:
            continue
        s.add(ReminderRow(id=rid, site_code=room, title=title, kind=kind, schedule=schedule, times=json.dumps(times),
                          minute=minute, window_minutes=window, active=True, since=iso(since), updated_at=stamp,
                          version=1, field_clock="{}", updated_by_account="duty"))
        s.flush()
        record_change(s, "reminder", rid, stamp)
        if kind == "hourly_check":
            hourly = rid
    if hourly is not None:
        _hourly_done(s, room, hourly, since, now, stamp)
    _rollcall(s, room, zone, now, stamp)


def _hourly_done(s: Session, room: str, rid: str, since: datetime, now: datetime, stamp: str) -> None:
    """The hourly checks since `since` done a few minutes after the hour, but the one two hours ago."""
    due = since.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    while due + timedelta(minutes=15) < now:
        if now - due > timedelta(hours=2) or now - due < timedelta(hours=1):
            did = done_id(rid, due)
            s.add(ReminderDoneRow(id=did, reminder_id=rid, site_code=room, due_at=occurrence_key(due),
                                  done_at=iso(due + timedelta(minutes=4)), done_by=OFFICER, note="",
                                  done_by_account="duty", updated_at=stamp, version=1))
            s.flush()
            record_change(s, "reminder_done", did, stamp)
        due += timedelta(hours=1)


def _rollcall(s: Session, room: str, zone: ZoneInfo, now: datetime, stamp: str) -> None:
    """Today's 09:30 roll call by the province, answered in 41 seconds (if 09:30 has passed)."""
    posted = now.astimezone(zone).replace(hour=9, minute=30, second=0, microsecond=0)
    if posted > now:
        posted -= timedelta(days=1)
    rid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"watchroom-demo-rollcall:{room}:{posted.date()}"))
    if s.get(RollCallRow, rid) is not None:
        return
    s.add(RollCallRow(id=rid, site_code=room, message="省应急管理厅查岗，请值班人员在岗应答", allowed_s=180,
                      posted_at=iso(posted), deadline=iso(posted + timedelta(seconds=180)), state="answered",
                      answered_at=iso(posted + timedelta(seconds=41)), answered_by=OFFICER,
                      answered_by_account="duty", created_by_account="admin", updated_at=stamp, version=1))
    s.flush()
    record_change(s, "rollcall", rid, stamp)
