"""The mirror's readings window: raw readings older than the window fold into
hourly rows that keep each hour's lowest and highest, folding again merges
rather than doubles, the chart's history joins both, and readings arriving for
a folded hour are folded the next round."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from offline_cache.database import open_mirror
from services.monitoring.history import fold_old_readings, history_days
from services.monitoring.record_kinds import READING, apply_readings, reading_values
from services.monitoring.store import StationStore

NOW = datetime(2026, 12, 6, 8, 30, tzinfo=UTC)


def readings(station: str, start: datetime, minutes: int, value) -> list[dict]:
    rows = []
    for m in range(minutes):
        at = start + timedelta(minutes=m)
        rid = f"{station}@{round(at.timestamp() * 1000)}"
        rows.append(reading_values({"id": rid, "station_id": station, "time": at.isoformat(), "value": value(m)}, 1))
    return rows


def test_old_readings_fold_into_hours_that_keep_their_peaks(tmp_path):
    mirror = open_mirror(tmp_path / "m.db")
    start = NOW - timedelta(days=8)
    start = start.replace(minute=0)
    with mirror.write() as s:
        apply_readings(s, READING, readings("s1", start, 24 * 60 * 2, lambda m: 170.0 + (5.0 if m == 90 else 0.0)))
    folded = fold_old_readings(mirror, NOW, days=7)
    assert folded > 0
    with mirror.read() as s:
        hours = s.execute(text("SELECT t, low, high, n FROM reading_hours ORDER BY t")).all()
        oldest_raw = s.execute(text("SELECT min(t) FROM readings")).scalar_one()
    assert oldest_raw >= (NOW - timedelta(days=7)).timestamp() - 3600
    assert hours[1][2] == 175.0 and hours[1][1] == 170.0 and hours[0][3] == 60  # minute 90 is in the 2nd hour
    history = StationStore(mirror).history("s1", start.timestamp(), NOW.timestamp())
    assert history.v.max() == 175.0 and list(history.t) == sorted(history.t)
    assert len(history.t) == 2 * len(hours) + (24 * 60 * 2 - folded)
    # a late reading of a folded hour: folded next round into the same row
    with mirror.write() as s:
        apply_readings(s, READING, readings("s1", start + timedelta(minutes=30, seconds=30), 1, lambda m: 160.0))
    assert fold_old_readings(mirror, NOW, days=7) == 1
    with mirror.read() as s:
        first = s.execute(text("SELECT low, high, n FROM reading_hours ORDER BY t LIMIT 1")).one()
    assert tuple(first) == (160.0, 170.0, 61)
    mirror.close()


def test_folded_hours_go_after_the_keep_period(tmp_path):
    mirror = open_mirror(tmp_path / "m.db")
    with mirror.write() as s:
        apply_readings(s, READING, readings("s1", NOW - timedelta(days=100), 5, lambda m: 1.0))
    fold_old_readings(mirror, NOW)
    with mirror.read() as s:
        assert s.execute(text("SELECT count(*) FROM reading_hours")).scalar_one() == 0
        assert s.execute(text("SELECT count(*) FROM readings")).scalar_one() == 0
    mirror.close()


@pytest.mark.parametrize(("value", "days"), [(7, 7), (0, 1), (400, 90), ("7", 7), (True, 7), (None, 7)])
def test_the_configured_window_is_bounded(value, days):
    assert history_days(value) == days


def test_the_window_is_read_from_the_config(tmp_path):
    from app.config import ConfigError, load_config

    path = tmp_path / "config.toml"
    assert load_config(path).monitoring_history_days == 7
    path.write_text("[monitoring]\nhistory_days = 14\n", encoding="utf-8")
    assert load_config(path).monitoring_history_days == 14
    for bad in ("0", "91", "7.5", '"7"'):
        path.write_text(f"[monitoring]\nhistory_days = {bad}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="history_days"):
            load_config(path)
