"""值班日报: one day of the watch room summarised for the leader on duty —
incidents received by category and severity, reports sent on time and late
against the reporting deadlines the program already keeps
(services/incidents/deadlines.py: the deadline in force when each report was
sent), dispatch orders and how fast they were acknowledged, roll calls,
reminders, and the notable events. The day is the room's calendar day in its
own zone (23 or 25 hours on the days the clocks change).

Built on a reader from the mirror; sent to the platform as a record
(services/duty_log/contract.py), one per room and day."""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from sqlalchemy import select

from offline_cache.duty_rollcall_schema import DailyReportRow
from offline_cache.schema import EntryRow, IncidentRow, OrderRow
from services.clock import Clock, SystemClock
from services.dispatch.lifecycle import OrderStatus
from services.duty_log.contract import BY_MAX, NOTES_MAX, TITLE_MAX, figures_problem, report_id
from services.duty_log.log import DutyLog, LogItem, LogKind, LogQuery
from services.events import EventBus, RecordsChanged
from services.incidents.deadlines import ReportingRules
from services.incidents.levels import workstation_levels
from services.incidents.model import Category, EntryKind, Severity
from services.input_checks import Problem, ValidationError, clean_text
from services.outbox import RECORD, queue
from services.reminders.schedule import OccurrenceState, local_day
from services.reminders.service import Occurrence, ReminderService
from services.rollcall.contract import LATE, MISSED
from services.rollcall.service import RollCall, RollCallService
from services.timefmt import from_db, to_db

REPORT_KINDS = (EntryKind.INITIAL_REPORT.value, EntryKind.FOLLOW_UP_REPORT.value, EntryKind.FINAL_REPORT.value)
SEVERE = frozenset({Severity.I.value, Severity.II.value, Severity.III.value})
NOTABLE_MAX = 60
LISTED_MAX = 100  # late reports and slow acknowledgements listed by name in the record


@dataclass(frozen=True)
class ReportTiming:
    incident_id: str
    code: str
    title: str
    kind: str  # the entry kind
    sent_at: datetime
    due_at: datetime | None  # None: no deadline was running (no follow-up rhythm for its severity)
    author: str
    exercise: bool = False

    @property
    def late(self) -> bool:
        return self.due_at is not None and self.sent_at > self.due_at


@dataclass(frozen=True)
class OrderTiming:
    order_id: str
    code: str
    target_name: str
    status: str
    issued_at: datetime
    ack_deadline: datetime
    acknowledged_at: datetime | None

    @property
    def ack_s(self) -> float | None:
        return None if self.acknowledged_at is None else (self.acknowledged_at - self.issued_at).total_seconds()

    @property
    def ack_late(self) -> bool:
        return self.acknowledged_at is not None and self.acknowledged_at > self.ack_deadline


@dataclass(frozen=True)
class DailyFigures:
    site_code: str
    day: date
    start: datetime
    end: datetime
    generated_at: datetime
    by_category: dict[str, dict[str, int]]  # category -> severity -> incidents received (not exercises)
    exercise: int
    casualties: dict[str, int]
    reports: list[ReportTiming]
    orders: list[OrderTiming]
    notices: int
    conferences: int
    closed: int
    rollcalls: list[RollCall]
    reminders: list[Occurrence]
    notable: list[LogItem] = field(default_factory=list)
    level: int = 0  # the highest 密级 of the day's incidents: the report's marking (services/clearance.py)

    @property
    def received(self) -> int:
        return sum(sum(row.values()) for row in self.by_category.values())

    @property
    def late_reports(self) -> list[ReportTiming]:
        return [r for r in self.reports if r.late]

    @property
    def on_time_reports(self) -> int:
        return len(self.reports) - len(self.late_reports)

    @property
    def ack_times(self) -> list[float]:
        return [o.ack_s for o in self.orders if o.ack_s is not None]

    def reminder_count(self, *states: OccurrenceState) -> int:
        return sum(1 for o in self.reminders if o.state in states)

    def to_record(self) -> dict:
        """The figures as the record sent to the platform keeps them (JSON)."""
        acks = self.ack_times
        return {
            "version": 1, "day": self.day.isoformat(), "start": to_db(self.start), "end": to_db(self.end),
            "generated_at": to_db(self.generated_at), "received": self.received, "exercise": self.exercise,
            "by_category": self.by_category, "casualties": self.casualties, "closed": self.closed,
            "reports": {"sent": len(self.reports), "on_time": self.on_time_reports, "late": len(self.late_reports),
                        "late_list": [{"code": r.code, "kind": r.kind, "sent_at": to_db(r.sent_at),
                                       "due_at": to_db(r.due_at) if r.due_at else ""}
                                      for r in self.late_reports[:LISTED_MAX]]},
            "orders": {"issued": len(self.orders), "acknowledged": len(acks),
                       "ack_late": sum(1 for o in self.orders if o.ack_late),
                       "ack_median_s": round(statistics.median(acks), 1) if acks else None,
                       "ack_max_s": round(max(acks), 1) if acks else None,
                       "refused": sum(1 for o in self.orders if o.status == OrderStatus.REFUSED.value)},
            "notices": self.notices, "conferences": self.conferences,
            "rollcalls": [{"posted_at": to_db(r.posted_at), "state": r.state,
                           "answered_at": to_db(r.answered_at) if r.answered_at else "",
                           "answered_by_account": r.answered_by_account} for r in self.rollcalls],
            "reminders": {"done": self.reminder_count(OccurrenceState.DONE),
                          "done_late": self.reminder_count(OccurrenceState.DONE_LATE),
                          "missed": self.reminder_count(OccurrenceState.MISSED)},
        }


class DailyReports:
    def __init__(self, mirror, log: DutyLog, rollcalls: RollCallService, reminders: ReminderService,
                 rules: ReportingRules, events: EventBus | None = None, clock: Clock | None = None, *,
                 site_code: str, tz: tzinfo):
        self.mirror, self.log, self.rollcalls, self.reminders = mirror, log, rollcalls, reminders
        self.rules, self.site_code, self.tz = rules, site_code, tz
        self.events = events or EventBus()
        self.clock = clock or SystemClock()

    def levels(self) -> tuple[int, dict[int, str]]:
        """This workstation's clearance and the centre's level names (for the report's marking)."""
        return workstation_levels(self.mirror.meta)

    def build(self, day: date) -> DailyFigures:
        """On a reader: the figures of the room's calendar day `day`."""
        span = local_day(day, self.tz)
        start, end = to_db(span.start), to_db(span.end)
        now = self.clock.now()
        with self.mirror.read() as s:
            incidents = s.execute(select(IncidentRow.id, IncidentRow.code, IncidentRow.title, IncidentRow.category,
                                         IncidentRow.severity, IncidentRow.exercise, IncidentRow.deaths,
                                         IncidentRow.injured, IncidentRow.missing, IncidentRow.trapped,
                                         IncidentRow.reported_at, IncidentRow.place, IncidentRow.level)
                                  .where(IncidentRow.site_code == self.site_code, IncidentRow.reported_at >= start,
                                         IncidentRow.reported_at < end)).all()
            reports = self._report_timings(s, start, end)
            orders = [OrderTiming(o.id, code, o.target_name, o.status, from_db(o.issued_at), from_db(o.ack_deadline),
                                  from_db(o.acknowledged_at or None))
                      for o, code in s.execute(select(OrderRow, IncidentRow.code)
                                               .join(IncidentRow, IncidentRow.id == OrderRow.incident_id)
                                               .where(IncidentRow.site_code == self.site_code,
                                                      OrderRow.issued_at >= start, OrderRow.issued_at < end)
                                               .order_by(OrderRow.issued_at))]
        by_category = {c.value: dict.fromkeys((v.value for v in Severity), 0) for c in Category}
        casualties = dict.fromkeys(("deaths", "injured", "missing", "trapped"), 0)
        notable: list[LogItem] = []
        for i in incidents:
            if i.exercise:
                continue
            by_category.setdefault(i.category, {}).setdefault(i.severity, 0)
            by_category[i.category][i.severity] += 1
            for name in casualties:
                casualties[name] += getattr(i, name)
            if i.severity in SEVERE or i.deaths:
                notable.append(LogItem(from_db(i.reported_at), LogKind.INCIDENT, i.severity, i.title, i.place,
                                       code=i.code, incident_id=i.id, ref_id=i.id))
        items = self.log.items(LogQuery(span.start, span.end, frozenset({LogKind.NOTICE, LogKind.CONFERENCE,
                                                                          LogKind.INCIDENT})))
        rollcalls = self.rollcalls.between(span.start, span.end, site_code=self.site_code)
        reminders = self.reminders.occurrences_between(span.start, span.end, now)
        notable += [i for i in items if i.kind == LogKind.CONFERENCE and i.what == "opened"]
        notable += [LogItem(r.posted_at, LogKind.ROLLCALL, r.state, r.message, ref_id=r.id)
                    for r in rollcalls if r.state in (LATE, MISSED)]
        notable.sort(key=lambda item: item.at)
        return DailyFigures(
            self.site_code, day, span.start, span.end, now, by_category,
            sum(1 for i in incidents if i.exercise), casualties, reports, orders,
            sum(1 for i in items if i.kind == LogKind.NOTICE),
            sum(1 for i in items if i.kind == LogKind.CONFERENCE and i.what == "opened"),
            sum(1 for i in items if i.what == "status_change" and i.to == "closed"),
            rollcalls, reminders, notable[:NOTABLE_MAX], max((i.level for i in incidents), default=0))

    def _report_timings(self, s, start: str, end: str) -> list[ReportTiming]:
        """Each report sent in the day against the deadline that was running when it
        was sent: the one ReportingRules gives from the reports before it."""
        sent = s.execute(select(EntryRow.incident_pk).join(IncidentRow, IncidentRow.pk == EntryRow.incident_pk)
                         .where(EntryRow.kind.in_(REPORT_KINDS), EntryRow.created_at >= start,
                                EntryRow.created_at < end, IncidentRow.site_code == self.site_code)
                         .distinct()).scalars().all()
        out: list[ReportTiming] = []
        for chunk in (sent[i:i + 500] for i in range(0, len(sent), 500)):
            rows = s.execute(select(EntryRow.id, EntryRow.incident_pk, EntryRow.kind, EntryRow.created_at,
                                    EntryRow.author, EntryRow.data, IncidentRow.id.label("incident_id"),
                                    IncidentRow.code, IncidentRow.title, IncidentRow.severity,
                                    IncidentRow.occurred_at, IncidentRow.exercise)
                             .join(IncidentRow, IncidentRow.pk == EntryRow.incident_pk)
                             .where(EntryRow.incident_pk.in_(chunk), EntryRow.kind.in_(REPORT_KINDS),
                                    EntryRow.created_at < end)
                             .order_by(EntryRow.incident_pk, EntryRow.created_at, EntryRow.pk)).all()
            last_at: dict[int, datetime] = {}
            last_kind: dict[int, EntryKind] = {}
            for r in rows:
                at = from_db(r.created_at)
                severity = json.loads(r.data or "{}").get("severity", r.severity)
                try:
                    severity = Severity(severity)
                except ValueError:
                    severity = Severity(r.severity)
                deadline = self.rules.next_due(severity, from_db(r.occurred_at), last_at.get(r.incident_pk),
                                               last_kind.get(r.incident_pk), at)
                if r.created_at >= start:
                    out.append(ReportTiming(r.incident_id, r.code, r.title, r.kind, at,
                                            deadline.due_at if deadline is not None else None, r.author,
                                            r.exercise))
                if last_kind.get(r.incident_pk) != EntryKind.FINAL_REPORT:
                    last_at[r.incident_pk], last_kind[r.incident_pk] = at, EntryKind(r.kind)
        out.sort(key=lambda r: r.sent_at)
        return out

    def send(self, figures: DailyFigures, title: str, notes: str, by: str) -> str:
        """The day's report to the platform (again: it replaces the one sent before)."""
        title = clean_text(title, single_line=True)
        notes = clean_text(notes)
        problems = []
        if not title or len(title) > TITLE_MAX:
            problems.append(Problem("title", "required" if not title else "too_long", TITLE_MAX))
        if len(notes) > NOTES_MAX:
            problems.append(Problem("notes", "too_long", NOTES_MAX))
        record = figures.to_record()
        if figures_problem(record):
            problems.append(Problem("figures", "too_long"))
        if problems:
            raise ValidationError(problems)
        now = self.clock.now()
        day = figures.day.isoformat()
        rid = report_id(figures.site_code, day)
        values = {"site_code": figures.site_code, "report_date": day, "title": title, "figures": record,
                  "notes": notes, "sent_by": clean_text(by, single_line=True)[:BY_MAX], "sent_at": to_db(now)}
        stored = {**values, "figures": json.dumps(record, ensure_ascii=False)}
        with self.mirror.write() as s:
            row = s.scalar(select(DailyReportRow).where(DailyReportRow.id == rid))
            if row is None:
                s.add(DailyReportRow(id=rid, **stored, updated_at=to_db(now), version=1, sync_state="pending"))
                queue(s, "daily_report", rid, "create", 0, {"id": rid, **values}, RECORD, now, rid)
            else:
                changed = {k: values[k] for k, v in stored.items() if getattr(row, k) != v}
                for name in changed:
                    setattr(row, name, stored[name])
                row.version, row.updated_at, row.sync_state = row.version + 1, to_db(now), "pending"
                queue(s, "daily_report", rid, "update", row.version - 1, {"fields": changed}, RECORD, now, rid)
        self.events.publish(RecordsChanged("daily_report", (rid,)))
        return rid

    def sent_at(self, day: date) -> datetime | None:
        """When this room's report of `day` was last sent from any workstation, if it was."""
        with self.mirror.read() as s:
            value = s.scalar(select(DailyReportRow.sent_at).where(
                DailyReportRow.id == report_id(self.site_code, day.isoformat())))
        return from_db(value or None)
