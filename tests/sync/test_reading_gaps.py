"""The readings kind's gap hooks (services/monitoring/record_kinds.py): a gap
asks the station's history within the mirror's window only, and an answer that
is not a history page of that station (a hostile or broken server) is refused
whole, never half applied."""

from __future__ import annotations

import time

import pytest

from services.monitoring.contract import DEFAULT_HISTORY_DAYS, reading_id
from services.monitoring.record_kinds import gap_answer, gap_request
from services.records.feed_checks import FeedError


def test_a_gap_asks_the_history_within_the_window():
    now_ms = int(time.time() * 1000)
    path, params = gap_request("st/1", reading_id("st/1", now_ms - 3_600_000), reading_id("st/1", now_ms), None)
    assert path == "/monitoring/stations/st%2F1/readings" and params["end"] - params["start"] == pytest.approx(3600)
    assert "after_t" not in params
    old = now_ms - 40 * 86_400_000
    _path, params = gap_request("s", reading_id("s", old), reading_id("s", now_ms), 123.0)
    assert params["start"] == pytest.approx(time.time() - DEFAULT_HISTORY_DAYS * 86_400, abs=5)
    assert params["after_t"] == 123.0
    _path, params = gap_request("s", reading_id("s", old), reading_id("s", old + 1000), None)
    assert params["start"] == params["end"]  # wholly before the window: nothing to copy


def test_a_history_page_becomes_reading_rows_and_a_bad_one_is_refused():
    rows, following = gap_answer("s", {"station_id": "s", "readings": [[1795000000.5, 1.0], [1795000060.0, 2]],
                                       "next_after_t": 1795000060.0})
    assert [r["id"] for r in rows] == [reading_id("s", 1795000000500), reading_id("s", 1795000060000)]
    assert following == 1795000060.0
    for bad in ({"station_id": "other", "readings": []}, {"station_id": "s", "readings": [[1.0]]},
                {"station_id": "s", "readings": [[1.0, float("nan")]]}, {"station_id": "s", "readings": [["x", 1]]},
                {"station_id": "s", "readings": [[1795000000.0, 1.0]], "next_after_t": 5.0},
                {"station_id": "s", "readings": [], "next_after_t": 1.0}, ["not", "a", "page"]):
        with pytest.raises(FeedError):
            gap_answer("s", bad)
