"""The dashboard's incidents per hour, counted in SQL, put each incident in the
hour the old Python count did: whole elapsed hours from the first local hour
shown, on the boundaries (exactly on the hour and a millisecond before), in a
zone whose clocks go back inside the 24 hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from services.clock import ManualClock
from services.dashboard.figures import HOURS, DashboardService
from tests.helpers import draft

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 10, 25, 14, 20, tzinfo=UTC)  # clocks went back at 01:00 UTC that day


def test_hours_are_counted_as_before_on_boundaries_and_across_a_clock_change(mirror, incident_service):
    clock = ManualClock(NOW)
    incident_service.clock = clock
    dashboard = DashboardService(mirror, incident_service.rules, clock, BERLIN)
    start = dashboard._hour_start(NOW) - timedelta(hours=HOURS - 1)
    times = [start - timedelta(milliseconds=1), start, start + timedelta(hours=3) - timedelta(milliseconds=1)]
    times += [start + timedelta(hours=h) for h in (3, 11, 12, 23)]
    times += [start + timedelta(hours=23, minutes=59, seconds=59, milliseconds=999), NOW]
    for at in times:
        clock.set(at)
        incident_service.create_incident(draft(clock), "test")
    clock.set(NOW)
    expected = [0] * HOURS
    for at in times:  # the old count, on the times as stored (UTC): whole hours elapsed since start
        index = int((at.astimezone(UTC) - start).total_seconds() // 3600)
        if 0 <= index < HOURS:
            expected[index] += 1
    figures = dashboard.figures()
    assert [n for _, n in figures.per_hour] == expected
    assert expected[0] == 1 and sum(expected) >= 5  # a millisecond before the first hour is left out
    assert [at for at, _ in figures.per_hour] == [start + timedelta(hours=i) for i in range(HOURS)]
