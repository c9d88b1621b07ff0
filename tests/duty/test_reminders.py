"""值班提醒: when reminders fall due in the watch room's zone — across midnight and
across the nights the clocks change — and whether each occurrence is due, done
(by whom, when), or missed; ticked off once however many workstations do it."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from offline_cache.schema import OutboxRow
from services.clock import ManualClock
from services.input_checks import ValidationError
from services.reminders.contract import DAILY, HOURLY, done_id
from services.reminders.schedule import (
    OccurrenceState,
    daily_occurrences,
    hourly_occurrences,
    local_day,
)
from services.reminders.service import DefaultTitles, ReminderService

BERLIN = ZoneInfo("Europe/Berlin")  # clocks go back on 2026-10-25 (03:00 -> 02:00), forward on 2026-03-29
SHANGHAI = ZoneInfo("Asia/Shanghai")
TITLES = DefaultTitles("向上级报送值班情况", "整点检查", "气象预警检查")


def local(tz, *args) -> datetime:
    return datetime(*args, tzinfo=tz)


def wall(instants, tz) -> list[str]:
    return [t.astimezone(tz).strftime("%d %H:%M%z") for t in instants]


def test_a_daily_time_falls_due_every_local_day_across_midnight():
    start, end = local(SHANGHAI, 2026, 11, 21, 20, 0), local(SHANGHAI, 2026, 11, 23, 9, 0)
    due = daily_occurrences(["08:00", "23:30"], start, end, SHANGHAI)
    assert wall(due, SHANGHAI) == ["21 23:30+0800", "22 08:00+0800", "22 23:30+0800", "23 08:00+0800"]
    assert due[1] == datetime(2026, 11, 22, 0, 0, tzinfo=UTC)  # stored and compared in UTC


def test_the_fall_back_night_has_one_more_hourly_check_and_a_daily_time_once():
    day = local_day(date(2026, 10, 25), BERLIN)
    assert day.end - day.start == timedelta(hours=25)
    hourly = hourly_occurrences(0, day.start, day.end, BERLIN)
    assert len(hourly) == 25
    assert wall(hourly[:5], BERLIN) == ["25 00:00+0200", "25 01:00+0200", "25 02:00+0200", "25 02:00+0100",
                                        "25 03:00+0100"]
    assert wall(daily_occurrences(["02:30"], day.start, day.end, BERLIN), BERLIN) == ["25 02:30+0200"]


def test_the_spring_forward_night_has_one_fewer_and_a_skipped_time_falls_due_when_the_clocks_say():
    day = local_day(date(2026, 3, 29), BERLIN)
    assert day.end - day.start == timedelta(hours=23)
    assert len(hourly_occurrences(15, day.start, day.end, BERLIN)) == 23
    assert wall(daily_occurrences(["02:30", "08:00"], day.start, day.end, BERLIN), BERLIN) == \
        ["29 03:30+0200", "29 08:00+0200"]


def test_half_hour_zones_keep_the_local_minute():
    kolkata = ZoneInfo("Asia/Kolkata")
    day = local_day(date(2026, 5, 1), kolkata)
    due = hourly_occurrences(0, day.start, day.end, kolkata)
    assert len(due) == 24 and {t.astimezone(kolkata).minute for t in due} == {0}


@pytest.fixture
def berlin(mirror, events):
    clock = ManualClock(local(BERLIN, 2026, 10, 24, 6, 30).astimezone(UTC))
    return ReminderService(mirror, events, clock, site_code="CQ", tz=BERLIN), clock


def states(service: ReminderService, kind: str) -> list[tuple[str, str]]:
    return [(o.due_at.astimezone(BERLIN).strftime("%d %H:%M%z"), o.state.value) for o in service.board()
            if o.reminder.kind == kind]


def test_due_done_and_missed_across_a_day_boundary_and_the_clock_change(berlin, mirror):
    service, clock = berlin
    added = service.add_defaults(TITLES)
    assert [r.kind for r in added] == ["report_upward", "hourly_check", "weather_check"]
    assert service.add_defaults(TITLES) == []  # the usual ones once, however often asked
    report = next(r for r in added if r.kind == "report_upward")
    assert states(service, "report_upward") == [("24 08:00+0200", "upcoming")]
    clock.set(local(BERLIN, 2026, 10, 24, 8, 10).astimezone(UTC))
    [(when, state)] = states(service, "report_upward")
    assert (when, state) == ("24 08:00+0200", "due")
    done = service.mark_done(report.id, local(BERLIN, 2026, 10, 24, 8, 0), "陈晓")
    assert done.state == OccurrenceState.DONE and done.done_by == "陈晓"
    with pytest.raises(ValidationError):
        service.mark_done(report.id, local(BERLIN, 2026, 10, 24, 8, 0), "李娜")  # already done
    # The next morning, after the night the clocks went back: yesterday's done, today's missed.
    clock.set(local(BERLIN, 2026, 10, 25, 8, 45).astimezone(UTC))
    assert states(service, "report_upward") == [("25 08:00+0100", "missed")]
    two_days = service.occurrences_between(local(BERLIN, 2026, 10, 24, 0, 0), local(BERLIN, 2026, 10, 26, 0, 0))
    assert [(o.due_at.astimezone(BERLIN).strftime("%d %H:%M%z"), o.state.value, o.done_by) for o in two_days
            if o.reminder.kind == "report_upward"] == [("24 08:00+0200", "done", "陈晓"), ("25 08:00+0100", "missed", "")]
    night = [o for o in service.occurrences_between(local(BERLIN, 2026, 10, 25, 0, 0), local(BERLIN, 2026, 10, 25, 4, 0))
             if o.reminder.kind == "hourly_check"]
    assert len(night) == 5 and {o.state for o in night} == {OccurrenceState.MISSED}
    with mirror.read() as s:
        ops = s.scalars(select(OutboxRow).where(OutboxRow.entity == "reminder_done")).all()
    assert [json.loads(op.payload)["due_at"] for op in ops] == ["2026-10-24T06:00:00.000+00:00"]
    assert ops[0].entity_id == done_id(report.id, local(BERLIN, 2026, 10, 24, 8, 0))


def test_done_after_the_window_is_done_late_and_a_new_reminder_does_not_count_before_it_existed(berlin):
    service, clock = berlin
    clock.set(local(BERLIN, 2026, 10, 24, 9, 50).astimezone(UTC))
    check = service.add("检查视频会议系统", "other", DAILY, times=["09:00"], window_minutes=20)
    assert [(o.state, o.due_at) for o in service.board() if o.reminder.id == check.id] == []  # made at 09:50
    clock.set(local(BERLIN, 2026, 10, 25, 9, 40).astimezone(UTC))
    service.mark_done(check.id, local(BERLIN, 2026, 10, 25, 9, 0), "陈晓")
    [occurrence] = [o for o in service.board() if o.reminder.id == check.id]
    assert occurrence.state == OccurrenceState.DONE_LATE


def test_bad_reminders_are_refused_and_inactive_ones_fall_due_no_more(berlin):
    service, clock = berlin
    for kwargs in ({"times": []}, {"times": ["25:00"]}, {"times": ["08:00", "08:00"]}, {"window_minutes": 0}):
        with pytest.raises(ValidationError):
            service.add("坏提醒", "other", DAILY, **kwargs)
    with pytest.raises(ValidationError):
        service.add("", "other", HOURLY)
    hourly = service.add("整点检查", "hourly_check", HOURLY, minute=30, window_minutes=10)
    assert any(o.reminder.id == hourly.id for o in service.board())
    service.set_active(hourly.id, False)
    assert not any(o.reminder.id == hourly.id for o in service.board())
