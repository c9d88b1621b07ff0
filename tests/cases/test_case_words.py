"""A case's words: dates and report times in the watch room's zone (across
midnight and a daylight-saving change), durations, casualties, reasons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.cases.model import Case, Reason
from services.incidents.model import Casualties, Category, Severity
from views.cases import words

pytestmark = pytest.mark.gui


def case(**overrides) -> Case:
    values = dict(incident_id="i", code="CQ-2026-0001", title="仓库起火", category=Category.ACCIDENT,
                  type_name="火灾", severity=Severity.III, place="", casualties=Casualties(),
                  occurred_at=datetime(2026, 11, 21, 17, 30, tzinfo=UTC),
                  closed_at=datetime(2026, 11, 21, 20, 45, tzinfo=UTC), final_report="终报。",
                  final_report_at=datetime(2026, 11, 21, 20, 40, tzinfo=UTC))
    values.update(overrides)
    return Case(**values)


def test_dates_in_the_watch_rooms_zone_across_midnight(qapp):
    shanghai = ZoneInfo("Asia/Shanghai")
    assert "2026-11-22" in words.heading_text(case(), shanghai)  # 01:30 the next day there
    assert "2026-11-21" in words.heading_text(case(), ZoneInfo("UTC"))
    assert "(2026-11-22 04:40)" in words.report_heading(case(), shanghai)


def test_report_time_across_a_daylight_saving_change(qapp):
    new_york = ZoneInfo("America/New_York")  # clocks went back at 06:00 UTC on 2026-11-01
    before = case(final_report_at=datetime(2026, 11, 1, 5, 30, tzinfo=UTC))
    after = case(final_report_at=datetime(2026, 11, 1, 6, 30, tzinfo=UTC))
    assert "01:30)" in words.report_heading(before, new_york)
    assert "01:30)" in words.report_heading(after, new_york)  # the same wall time, an hour later
    # Durations are from UTC instants: a night across the change lasts what it lasted.
    night = case(occurred_at=datetime(2026, 11, 1, 4, 0, tzinfo=UTC), closed_at=datetime(2026, 11, 1, 8, 0, tzinfo=UTC))
    assert words.duration_text(night.duration) == "took 4 h 0 min"


def test_durations_casualties_and_reasons(qapp):
    assert words.duration_text(timedelta(days=2, hours=3, minutes=5)) == "took 2 d 3 h"
    assert words.duration_text(timedelta(minutes=42)) == "took 42 min"
    assert words.duration_text(None) == "duration unknown"
    assert case(closed_at=datetime(2026, 11, 21, 17, 0, tzinfo=UTC)).duration is None  # clocks disagree
    assert words.casualties_text(case()) == "no casualties"
    assert words.casualties_text(case(casualties=Casualties(deaths=1, trapped=3))) == "1 dead 3 trapped"
    shown = words.reasons_text(case(reasons=(Reason.SAME_TYPE, Reason.DISTANCE, Reason.REPORT_ALIKE),
                                    distance_km=3.24))
    assert shown == "same type · 3.2 km away · similar reports"
    assert words.heading_text(case(severity=None, occurred_at=None), ZoneInfo("UTC")) == "CQ-2026-0001  仓库起火"
    assert "has no final report" in words.report_heading(case(final_report=""), ZoneInfo("UTC"))
