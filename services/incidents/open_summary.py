"""The open incidents summed up for the dashboards: counts by severity and the
reports due, read so that a provincial mirror (50,000 open incidents among
1,000,000) costs what its reports due cost, not what its open incidents do.

Only the incidents whose next report can be near or overdue leave the mirror (a
condition per severity from the reporting rules, a second wider than they are);
ReportingRules.next_due then decides each of them exactly as before."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, func, not_, or_, select
from sqlalchemy.orm import Session

from offline_cache.schema import IncidentRow
from services.incidents.deadlines import Deadline, DeadlineState, ReportingRules
from services.incidents.model import EntryKind, Severity, Status
from services.timefmt import from_db, to_db

OPEN = (Status.RECEIVED.value, Status.RESPONDING.value)
SLACK = timedelta(seconds=1)  # stored times keep milliseconds: the SQL side errs wide


@dataclass(frozen=True)
class DueRow:
    incident_id: str
    code: str
    title: str
    exercise: bool
    deadline: Deadline


def may_be_due(rules: ReportingRules, now: datetime):
    """SQL: open, no 终报 yet, and the report the rules ask for next is due (or within
    its warning) by `now`. A superset of what next_due finds near or overdue."""
    no_report = or_(IncidentRow.last_report_at.is_(None), IncidentRow.last_report_at == "")
    per_severity = []
    for severity in Severity:
        rule = rules.rule(severity)
        initial_by = to_db(now + timedelta(minutes=rule.warn_minutes - rule.initial_minutes) + SLACK)
        due = [and_(no_report, IncidentRow.occurred_at <= initial_by)]
        if rule.follow_up_minutes > 0:
            follow_up_by = to_db(now + timedelta(minutes=rule.warn_minutes - rule.follow_up_minutes) + SLACK)
            due.append(and_(not_(no_report), IncidentRow.last_report_at <= follow_up_by))
        per_severity.append(and_(IncidentRow.severity == severity.value, or_(*due)))
    not_final = or_(IncidentRow.last_report_kind.is_(None),
                    IncidentRow.last_report_kind != EntryKind.FINAL_REPORT.value)
    return and_(IncidentRow.status.in_(OPEN), not_final, or_(*per_severity))


def due_rows(session: Session, rules: ReportingRules, now: datetime) -> list[DueRow]:
    """The open incidents whose next report is near or overdue, most urgent first.
    Decided on what the covering index holds (ix_incidents_open_figures, 0026), then
    only those found have their number and title read."""
    deadlines = {}
    for pk, severity, occurred, last_at, last_kind in session.execute(
            select(IncidentRow.pk, IncidentRow.severity, IncidentRow.occurred_at, IncidentRow.last_report_at,
                   IncidentRow.last_report_kind).where(may_be_due(rules, now))):
        deadline = rules.next_due(Severity(severity), from_db(occurred), from_db(last_at),
                                  EntryKind(last_kind) if last_kind else None, now)
        if deadline is not None and deadline.state != DeadlineState.OK:
            deadlines[pk] = deadline
    found = [DueRow(id_, code, title, bool(exercise), deadlines[pk]) for pk, id_, code, title, exercise in
             session.execute(select(IncidentRow.pk, IncidentRow.id, IncidentRow.code, IncidentRow.title,
                                    IncidentRow.exercise).where(IncidentRow.pk.in_(list(deadlines))))]
    found.sort(key=lambda d: d.deadline.remaining)
    return found


def open_by_severity(session: Session) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for severity, n in session.execute(select(IncidentRow.severity, func.count())
                                       .where(IncidentRow.status.in_(OPEN)).group_by(IncidentRow.severity)):
        counts[Severity(severity)] += n
    return counts
