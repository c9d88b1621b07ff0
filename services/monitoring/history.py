"""The mirror's window of readings: raw readings for the configured days
(default 7), older ones folded into one row per station and hour (lowest,
highest, mean) and kept that way for KEEP_DOWNSAMPLED_DAYS, so a month's chart
still shows every peak while the mirror stays small. The platform keeps all."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text

from offline_cache.database import Mirror
from services.monitoring.contract import DEFAULT_HISTORY_DAYS, DOWNSAMPLE_S, KEEP_DOWNSAMPLED_DAYS

MIN_DAYS, MAX_DAYS = 1, 90


def history_days(value: object) -> int:
    """The configured window ([monitoring] history_days), within sane bounds."""
    if isinstance(value, bool) or not isinstance(value, int):
        return DEFAULT_HISTORY_DAYS
    return min(MAX_DAYS, max(MIN_DAYS, value))


def fold_old_readings(mirror: Mirror, now: datetime, days: int = DEFAULT_HISTORY_DAYS) -> int:
    """Raw readings older than `days` become hourly rows (an hour folded in two
    rounds is merged, not doubled); returns how many raw readings were folded."""
    cutoff = now.timestamp() - days * 86_400
    cutoff -= cutoff % DOWNSAMPLE_S  # whole hours only, so an hour is folded once
    drop_before = now.timestamp() - KEEP_DOWNSAMPLED_DAYS * 86_400
    with mirror.write() as s:
        folded = s.execute(text("SELECT count(*) FROM readings WHERE t < :cut"), {"cut": cutoff}).scalar_one()
        if folded:
            s.execute(text(
                "INSERT INTO reading_hours (station_id, t, low, high, mean, n) "
                "SELECT station_id, CAST(t / :step AS INTEGER) * :step AS hour, min(value), max(value), avg(value), "
                "count(*) FROM readings WHERE t < :cut GROUP BY station_id, hour "
                "ON CONFLICT (station_id, t) DO UPDATE SET low = min(low, excluded.low), "
                "high = max(high, excluded.high), mean = (mean * n + excluded.mean * excluded.n) / (n + excluded.n), "
                "n = n + excluded.n"), {"step": DOWNSAMPLE_S, "cut": cutoff})
            s.execute(text("DELETE FROM readings WHERE t < :cut"), {"cut": cutoff})
        s.execute(text("DELETE FROM reading_hours WHERE t < :drop"), {"drop": drop_before})
    return int(folded)
