"""Shift times in the watch room's zone, stored in UTC: a shift crossing
midnight ends the next day, a 24-hour shift is a day long, and on the nights
the clocks change a shift lasts what the clock says (America/New_York, whose
clocks spring forward on 8 March 2026 and fall back on 1 November 2026)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from services.duty.contract import (
    Duty,
    Pattern,
    Person,
    instances,
    nominal_hours,
    person_conflicts,
    previous_instance,
    same_person,
    shift_bounds,
)

SHANGHAI, NEW_YORK = ZoneInfo("Asia/Shanghai"), ZoneInfo("America/New_York")


def hours(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 3600


def test_a_night_shift_crosses_midnight_into_the_next_day():
    start, end = shift_bounds(date(2026, 12, 31), "17:30", "08:30", SHANGHAI)
    assert (start, end) == (datetime(2026, 12, 31, 9, 30, tzinfo=UTC), datetime(2027, 1, 1, 0, 30, tzinfo=UTC))
    assert end.astimezone(SHANGHAI).date() == date(2027, 1, 1) and hours(start, end) == 15
    start, end = shift_bounds(date(2026, 12, 1), "08:00", "08:00", SHANGHAI)
    assert hours(start, end) == 24 and nominal_hours("08:00", "08:00") == 24
    assert nominal_hours("08:30", "17:30") == 9 and nominal_hours("17:30", "08:30") == 15


def test_shifts_across_the_daylight_saving_changes_last_what_the_clock_says():
    spring = shift_bounds(date(2026, 3, 7), "17:30", "08:30", NEW_YORK)
    assert hours(*spring) == 14  # the night the clocks go forward is an hour short
    assert spring[0] == datetime(2026, 3, 7, 22, 30, tzinfo=UTC) and spring[1] == datetime(2026, 3, 8, 12, 30, tzinfo=UTC)
    autumn = shift_bounds(date(2026, 10, 31), "17:30", "08:30", NEW_YORK)
    assert hours(*autumn) == 16  # and an hour long when they go back
    assert hours(*shift_bounds(date(2026, 3, 8), "08:00", "08:00", NEW_YORK)) == 24  # after the change: a full day
    assert hours(*shift_bounds(date(2026, 3, 7), "08:00", "08:00", NEW_YORK)) == 23
    # a shift starting in the hour that does not exist is read with the offset before the change
    gap_start, _end = shift_bounds(date(2026, 3, 8), "02:30", "10:00", NEW_YORK)
    assert gap_start == datetime(2026, 3, 8, 7, 30, tzinfo=UTC)
    assert gap_start.astimezone(NEW_YORK).strftime("%H:%M") == "03:30"
    # one in the hour that happens twice starts at its first passing
    twice, _end = shift_bounds(date(2026, 11, 1), "01:30", "09:00", NEW_YORK)
    assert twice == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)


def test_the_shifts_of_a_week_across_the_change_follow_each_other_without_gap_or_overlap():
    patterns = [Pattern("d", "白班", "08:30", "17:30", "America/New_York"),
                Pattern("n", "夜班", "17:30", "08:30", "America/New_York")]
    found = instances(patterns, date(2026, 3, 5), date(2026, 3, 11))
    assert [f[3].name for f in found[:4]] == ["白班", "夜班", "白班", "夜班"]
    for (_s, end, _d, _p), (start, _e, _d2, _p2) in zip(found, found[1:], strict=False):
        assert end == start  # each shift ends as the next begins, whatever the clocks did
    assert sum(hours(s, e) for s, e, _d, _p in found) == 7 * 24 - 1
    assert previous_instance(patterns, date(2026, 3, 8), "d") == (date(2026, 3, 7), patterns[1])
    assert previous_instance(patterns, date(2026, 3, 8), "n") == (date(2026, 3, 8), patterns[0])
    daily = [Pattern("all", "全天", "08:00", "08:00", "Asia/Shanghai")]
    assert previous_instance(daily, date(2026, 1, 1), "all") == (date(2025, 12, 31), daily[0])


def test_overlaps_and_long_runs_of_duty_are_conflicts():
    at = datetime(2026, 12, 1, tzinfo=UTC)
    day = Duty("a", at, at + timedelta(hours=9), "白班")
    night = Duty("b", at + timedelta(hours=9), at + timedelta(hours=24), "夜班")
    next_day = Duty("c", at + timedelta(hours=24), at + timedelta(hours=33), "次日白班")
    assert person_conflicts(night, [day], 24) == []
    assert [c.code for c in person_conflicts(next_day, [day, night], 24)] == ["too_long"]
    assert person_conflicts(next_day, [day, night], 24)[0].hours == 33
    overlapping = Duty("d", at + timedelta(hours=8), at + timedelta(hours=10), "加班")
    assert [(c.code, c.other) for c in person_conflicts(overlapping, [day], 24)] == [("overlap", "白班")]
    assert same_person(Person("张三", "139 0000 0000"), Person(" 张三", "13900000000"))
    assert not same_person(Person("张三", "13900000000"), Person("张三", "13911111111"))
    assert same_person(Person("张三", "", "c1"), Person("张三丰", "", "c1"))
    assert not same_person(Person("", ""), Person("", ""))
