"""The roster on a workstation: filled by hand and by repeating a rota, its
conflicts refused with a reason and nothing written, published only when no
post is vacant, kept only by the 值班长 or an admin, and right across a
daylight-saving change in a configured zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.clock import ManualClock
from services.duty.contract import Person, Post
from services.duty.refusals import DutyRefused
from services.outbox import pending_count
from tests.duty.scene import MORNING, PEOPLE, fill, local_duty

DAY = date(2026, 12, 1)


@pytest.fixture
def duty(mirror):
    services = local_duty(mirror, ManualClock(MORNING))
    services.roster.add_default_patterns()
    return services


def codes(exc: pytest.ExceptionInfo) -> list[str]:
    return [r.code for r in exc.value.refusals]


def test_conflicts_are_refused_with_a_reason_and_nothing_is_written(duty, mirror):
    day, night = duty.roster.patterns()
    zhang = Person("张三", "13900000000")
    duty.roster.assign(DAY, day.id, Post.OFFICER, 0, zhang)
    duty.roster.assign(DAY, night.id, Post.CHIEF, 0, zhang)  # day and night: 24 hours, the maximum
    queued = pending_count(mirror)
    with pytest.raises(DutyRefused) as overlap:
        duty.roster.assign(DAY, day.id, Post.LEADER, 0, zhang)
    assert [(r.code, r.subject, r.other) for r in overlap.value.refusals] == [("overlap", "张三", "2026-12-01 白班")]
    with pytest.raises(DutyRefused) as too_long:
        duty.roster.assign(DAY + timedelta(days=1), day.id, Post.OFFICER, 0, zhang)
    assert codes(too_long) == ["too_long"] and too_long.value.refusals[0].hours == 33
    with pytest.raises(DutyRefused) as no_place:
        duty.roster.assign(DAY, day.id, Post.LEADER, 1, Person("李四", "13911111111"))
    assert codes(no_place) == ["unknown_cell"]
    with pytest.raises(DutyRefused) as far:
        duty.roster.assign(date(2031, 1, 1), day.id, Post.OFFICER, 0, Person("李四", "13911111111"))
    assert codes(far) == ["day_range"]
    with pytest.raises(DutyRefused) as phone:
        duty.roster.assign(DAY, day.id, Post.OFFICER, 1, Person("李四", "call me"))
    assert codes(phone) == ["person"]
    assert pending_count(mirror) == queued  # nothing queued, nothing changed
    month = duty.roster.month(DAY, DAY)
    assert (DAY, day.id, "leader", 0) not in month.cells


def test_a_roster_is_published_only_with_every_post_filled(duty):
    day, _night = duty.roster.patterns()
    with pytest.raises(DutyRefused) as vacant:
        duty.roster.publish(DAY, DAY + timedelta(days=1), "值班长")
    assert codes(vacant) == ["vacant"] * 24 and vacant.value.refusals[0].subject == "2026-12-01 白班"
    fill(duty, DAY, DAY + timedelta(days=1))
    duty.roster.publish(DAY, DAY + timedelta(days=1), "值班长")
    assert duty.roster.month(DAY, DAY + timedelta(days=3)).published == {DAY, DAY + timedelta(days=1)}
    with pytest.raises(DutyRefused) as leave_vacant:
        duty.roster.assign(DAY, day.id, Post.OFFICER, 0, Person(""))
    assert codes(leave_vacant) == ["published_vacant"]
    duty.roster.assign(DAY, day.id, Post.OFFICER, 0, Person("替班 王五", "13922222222"))  # replaced, not vacant


def test_a_rota_is_repeated_over_the_month(duty):
    fill(duty, DAY, DAY + timedelta(days=1))  # two days: a four-team cycle of day and night shifts
    ids = duty.roster.repeat_rota(DAY, 2, DAY + timedelta(days=2), date(2026, 12, 31))
    assert len(ids) == 29 * 2 * 6
    month = duty.roster.month(DAY, date(2026, 12, 31))
    assert month.vacancies() == []
    day, _night = duty.roster.patterns()
    assert month.cells[(date(2026, 12, 5), day.id, "leader", 0)].person == month.cells[(DAY, day.id, "leader", 0)].person
    assert month.cells[(date(2026, 12, 6), day.id, "leader", 0)].person != month.cells[(DAY, day.id, "leader", 0)].person


def test_only_the_duty_chief_or_an_admin_keeps_the_roster(duty):
    day, _night = duty.roster.patterns()
    duty.identity.role, duty.identity.account = "duty_officer", "duty"
    with pytest.raises(DutyRefused) as refused:
        duty.roster.assign(DAY, day.id, Post.OFFICER, 0, PEOPLE[0])
    assert [(r.code, r.subject, r.other) for r in refused.value.refusals] == [("not_editor", "duty", "duty_officer")]
    with pytest.raises(DutyRefused):
        duty.roster.save_pattern("早班", "06:00", "14:00")
    for role in ("duty_chief", "admin", None):  # unknown (never logged in): the platform decides
        duty.identity.role = role
        duty.roster.assign(DAY, day.id, Post.OFFICER, 0, PEOPLE[0])


def test_shift_patterns_keep_their_times_and_the_maximum(mirror):
    duty = local_duty(mirror, ManualClock(MORNING), max_hours=12)
    with pytest.raises(DutyRefused) as long:
        duty.roster.save_pattern("长班", "08:00", "21:00")
    assert codes(long) == ["pattern"] and "maximum of 12" in long.value.refusals[0].other
    day = duty.roster.save_pattern("白班", "08:00", "17:00")
    renamed = duty.roster.save_pattern("日班", "08:00", "17:00", pattern_id=day.id, posts=(("officer", 2),))
    assert (renamed.name, renamed.posts) == ("日班", (("officer", 2),))
    with pytest.raises(DutyRefused):
        duty.roster.save_pattern("日班", "09:00", "17:00", pattern_id=day.id)


def test_a_roster_across_the_daylight_saving_change(mirror):
    zone = ZoneInfo("America/New_York")
    clock = ManualClock(datetime(2026, 3, 6, 14, 0, tzinfo=ZoneInfo("UTC")))
    duty = local_duty(mirror, clock, zone=zone)
    duty.roster.add_default_patterns()
    fill(duty, date(2026, 3, 6), date(2026, 3, 9))
    month = duty.roster.month(date(2026, 3, 6), date(2026, 3, 9))
    nights = {s.day: (s.end - s.start) for s in month.shifts if s.pattern.name == "夜班"}
    assert nights[date(2026, 3, 7)] == timedelta(hours=14) and nights[date(2026, 3, 8)] == timedelta(hours=15)
    cell = month.cells[(date(2026, 3, 8), month.patterns[0].id, "officer", 0)]
    assert cell.start.astimezone(zone).strftime("%H:%M") == "08:30" and cell.start.utcoffset() == timedelta(0)
    # the shift under way, and the next handover, by the room's clock
    clock.set(datetime(2026, 3, 8, 12, 0, tzinfo=ZoneInfo("UTC")))  # 08:00 EDT: the night shift's last half hour
    now = duty.shifts.on_duty()
    assert now.shift.label == "2026-03-07 夜班" and now.next_handover.astimezone(zone).strftime("%H:%M") == "08:30"
    assert duty.roster.month(date(2026, 3, 6), date(2026, 3, 9)).vacancies() == []
