"""The dashboards' reports due, chosen in SQL (services/incidents/open_summary.py),
are exactly those the reporting rules find near or overdue among all open
incidents, at any moment and on the boundaries of each rule; the counts by
severity are every open incident's."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from offline_cache.database import open_mirror
from services.incidents.deadlines import DeadlineState, load_rules
from services.incidents.model import EntryKind, Severity
from services.incidents.open_summary import OPEN, due_rows, open_by_severity
from services.timefmt import from_db, to_db
from tests.benchmarks.mirror_build import build_mirror

NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def mirror(tmp_path_factory):
    path = tmp_path_factory.mktemp("due") / "mirror.db"
    build_mirror(path, 3000, 2, NOW, batch=1000)
    m = open_mirror(path)
    rules = load_rules()
    con = m.raw_connection()
    # Open incidents exactly on each rule's boundaries (and a millisecond either side).
    rows = con.execute("SELECT pk, severity FROM incidents WHERE status IN ('received', 'responding') "
                       "ORDER BY pk LIMIT 60").fetchall()
    for n, (pk, severity) in enumerate(rows):
        rule = rules.rule(Severity(severity))
        nudge = timedelta(milliseconds=(n % 3) - 1)
        if n % 2 and rule.follow_up_minutes:
            at = NOW + timedelta(minutes=rule.warn_minutes - rule.follow_up_minutes) + nudge
            con.execute("UPDATE incidents SET last_report_at = ?, last_report_kind = ? WHERE pk = ?",
                        (to_db(at), EntryKind.FOLLOW_UP_REPORT.value, pk))
        else:
            at = NOW + timedelta(minutes=rule.warn_minutes - rule.initial_minutes) + nudge
            con.execute("UPDATE incidents SET occurred_at = ?, last_report_at = NULL, last_report_kind = '' "
                        "WHERE pk = ?", (to_db(at), pk))
    con.close()
    yield m
    m.close()


def _all_open(mirror, rules, now) -> list[tuple[str, DeadlineState, timedelta]]:
    con = mirror.raw_connection()
    try:
        rows = con.execute("SELECT id, severity, occurred_at, last_report_at, last_report_kind FROM incidents "
                           f"WHERE status IN ({', '.join('?' * len(OPEN))})", OPEN).fetchall()
    finally:
        con.close()
    found = []
    for id_, severity, occurred, last_at, last_kind in rows:
        deadline = rules.next_due(Severity(severity), from_db(occurred), from_db(last_at),
                                  EntryKind(last_kind) if last_kind else None, now)
        if deadline is not None and deadline.state != DeadlineState.OK:
            found.append((id_, deadline.state, deadline.remaining))
    return sorted(found, key=lambda f: (f[2], f[0]))


@pytest.mark.parametrize("shift", [timedelta(0), timedelta(hours=-5), timedelta(minutes=37), timedelta(days=-200)])
def test_due_rows_are_the_rules_own(mirror, shift):
    rules = load_rules()
    now = NOW + shift
    expected = _all_open(mirror, rules, now)
    with mirror.read() as s:
        got = due_rows(s, rules, now)
    assert sorted(((d.incident_id, d.deadline.state, d.deadline.remaining) for d in got),
                  key=lambda f: (f[2], f[0])) == expected
    assert [d.deadline.remaining for d in got] == sorted(d.deadline.remaining for d in got)  # most urgent first
    if shift == timedelta(0):
        assert len(expected) >= 20  # the boundary rows and more are due: the comparison is not empty


def test_counts_are_every_open_incident(mirror):
    con = mirror.raw_connection()
    try:
        expected = dict(con.execute("SELECT severity, count(*) FROM incidents WHERE status IN "
                                    "('received', 'responding') GROUP BY severity").fetchall())
    finally:
        con.close()
    with mirror.read() as s:
        counts = open_by_severity(s)
    assert {sev.value: n for sev, n in counts.items() if n} == expected
