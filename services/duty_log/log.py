"""值班日志: everything the watch room did in a span of time, in time order —
incidents received, calls, reports sent, orders and their acknowledgements,
notices, conferences, roll calls, reminders done or missed — read from the
mirror's own tables (one indexed range query each), filtered by kind and text.
Other features add their own items through `sources` (the handovers of the
roster: a LogSource each), so this module never needs to know them.

Run it on a reader: a busy shift is a few thousand rows."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from offline_cache.database import Mirror
from offline_cache.duty_rollcall_schema import RollCallRow
from offline_cache.schema import ConferenceRow, EntryRow, IncidentRow, NotificationRow, OrderRow
from services.dispatch.lifecycle import STEP_COLUMN, OrderStatus
from services.reminders.contract import WINDOW_MAX
from services.reminders.schedule import OccurrenceState
from services.reminders.service import ReminderService
from services.timefmt import from_db, to_db


class LogKind(StrEnum):
    INCIDENT = "incident"  # 接报 / 状态变更
    CALL = "call"  # 来电
    REPORT = "report"  # 首报 / 续报 / 终报
    ORDER = "order"  # 调度指令 and its acknowledgement
    NOTICE = "notice"  # 短信 / 语音通知
    CONFERENCE = "conference"  # 会商
    ROLLCALL = "rollcall"  # 查岗
    REMINDER = "reminder"  # 值班提醒
    HANDOVER = "handover"  # 交接班 (the roster's source)
    ALARM = "alarm"  # 监测告警 raised, escalated and handled (monitoring's source)


@dataclass(frozen=True)
class LogItem:
    """One line of the log. `what` says what happened within the kind (an entry
    kind, an order step, a roll call's state ...), for the view to name; the
    texts are the records' own, shown as text."""

    at: datetime
    kind: LogKind
    what: str
    title: str
    detail: str = ""
    by: str = ""  # the name typed at the workstation
    by_account: str = ""  # the platform account behind it, where the platform recorded one
    code: str = ""  # the incident's number, where it is about one
    incident_id: str = ""
    ref_id: str = ""
    exercise: bool = False
    to: str = ""  # a status change's new status

    @property
    def who(self) -> str:
        return self.by or self.by_account


@dataclass(frozen=True)
class LogQuery:
    start: datetime
    end: datetime
    kinds: frozenset[LogKind] = field(default_factory=lambda: frozenset(LogKind))
    text: str = ""

    def matches(self, item: LogItem) -> bool:
        if item.kind not in self.kinds:
            return False
        needle = self.text.strip().casefold()
        if not needle:
            return True
        return any(needle in value.casefold()
                   for value in (item.title, item.detail, item.by, item.by_account, item.code))


# (session, start, end as the mirror's time text, this room's site code) -> items in [start, end)
LogSource = Callable[[Session, str, str, str], Iterable[LogItem]]
ENTRY_KINDS = {"call": LogKind.CALL, "initial_report": LogKind.REPORT, "follow_up_report": LogKind.REPORT,
               "final_report": LogKind.REPORT, "status_change": LogKind.INCIDENT}
# A reminder may fall due this long before a span and still be done or missed within it.
REMINDER_REACH = timedelta(minutes=WINDOW_MAX)
ORDER_STEPS = (OrderStatus.ISSUED, OrderStatus.ACKNOWLEDGED, OrderStatus.REFUSED, OrderStatus.ARRIVED,
               OrderStatus.COMPLETED, OrderStatus.WITHDRAWN)


def incident_items(s: Session, start: str, end: str, site: str) -> Iterable[LogItem]:
    for r in s.execute(select(IncidentRow.id, IncidentRow.code, IncidentRow.title, IncidentRow.place,
                              IncidentRow.created_by, IncidentRow.created_by_account, IncidentRow.reported_at,
                              IncidentRow.exercise,
                              IncidentRow.severity)
                       .where(IncidentRow.reported_at >= start, IncidentRow.reported_at < end,
                              IncidentRow.site_code == site)):
        yield LogItem(from_db(r.reported_at), LogKind.INCIDENT, "received", r.title, r.place, r.created_by,
                      r.created_by_account, r.code, r.id, r.id, r.exercise)


def entry_items(s: Session, start: str, end: str, site: str) -> Iterable[LogItem]:
    query = (select(EntryRow.id, EntryRow.kind, EntryRow.body, EntryRow.author, EntryRow.author_account,
                    EntryRow.created_at, EntryRow.data, IncidentRow.id.label("incident_id"), IncidentRow.code,
                    IncidentRow.title, IncidentRow.exercise)
             .join(IncidentRow, IncidentRow.pk == EntryRow.incident_pk)
             .where(EntryRow.kind.in_(tuple(ENTRY_KINDS)), EntryRow.created_at >= start, EntryRow.created_at < end,
                    IncidentRow.site_code == site))
    for r in s.execute(query):
        to = str(json.loads(r.data or "{}").get("to", "")) if r.kind == "status_change" else ""
        yield LogItem(from_db(r.created_at), ENTRY_KINDS[r.kind], r.kind, r.title, " ".join(r.body.split()),
                      r.author, r.author_account, r.code, r.incident_id, r.id, r.exercise, to)


def order_items(s: Session, start: str, end: str, site: str) -> Iterable[LogItem]:
    columns = [getattr(OrderRow, STEP_COLUMN[step]) for step in ORDER_STEPS]
    query = (select(OrderRow, IncidentRow.code, IncidentRow.exercise)
             .join(IncidentRow, IncidentRow.id == OrderRow.incident_id)
             .where(or_(*(and_(c >= start, c < end) for c in columns)), IncidentRow.site_code == site))
    for order, code, exercise in s.execute(query):
        for step in ORDER_STEPS:
            at = getattr(order, STEP_COLUMN[step])
            if at and start <= at < end:
                issued = step == OrderStatus.ISSUED
                by, account = (order.issued_by, order.issued_by_account) if issued else (order.target_name, "")
                yield LogItem(from_db(at), LogKind.ORDER, step.value, order.target_name, order.content, by, account,
                              code, order.incident_id, order.id, exercise)


def notice_items(s: Session, start: str, end: str, site: str) -> Iterable[LogItem]:
    query = (select(NotificationRow, IncidentRow.code, IncidentRow.site_code, IncidentRow.exercise)
             .outerjoin(IncidentRow, IncidentRow.id == NotificationRow.incident_id)
             .where(NotificationRow.created_at >= start, NotificationRow.created_at < end))
    for notice, code, incident_site, exercise in s.execute(query):
        if incident_site not in (None, site):
            continue
        names = "、".join(r.get("name", "") or r.get("phone", "") for r in json.loads(notice.recipients or "[]"))
        yield LogItem(from_db(notice.created_at), LogKind.NOTICE, notice.channel, notice.text, names, notice.sender,
                      notice.sender_account, code or "", notice.incident_id, notice.id, bool(exercise))


def conference_items(s: Session, start: str, end: str, site: str) -> Iterable[LogItem]:
    query = (select(ConferenceRow, IncidentRow.code, IncidentRow.site_code, IncidentRow.exercise)
             .join(IncidentRow, IncidentRow.id == ConferenceRow.incident_id)
             .where(or_(and_(ConferenceRow.opened_at >= start, ConferenceRow.opened_at < end),
                        and_(ConferenceRow.closed_at >= start, ConferenceRow.closed_at < end))))
    for conf, code, incident_site, exercise in s.execute(query):
        if site not in (incident_site, conf.opened_site):
            continue
        for what, at in (("opened", conf.opened_at), ("closed", conf.closed_at)):
            if at and start <= at < end:
                names = "、".join(p.get("name", "") for p in json.loads(conf.participants or "[]"))
                yield LogItem(from_db(at), LogKind.CONFERENCE, what, conf.title, names, conf.opened_by,
                              conf.opened_by_account, code, conf.incident_id, conf.id, exercise)


def rollcall_items(s: Session, start: str, end: str, site: str) -> Iterable[LogItem]:
    for r in s.scalars(select(RollCallRow).where(RollCallRow.site_code == site, RollCallRow.posted_at >= start,
                                                 RollCallRow.posted_at < end)):
        yield LogItem(from_db(r.posted_at), LogKind.ROLLCALL, r.state, r.message, r.answered_at or r.answered_here_at,
                      r.answered_by, r.answered_by_account, ref_id=r.id)


class DutyLog:
    def __init__(self, mirror: Mirror, reminders: ReminderService, *, site_code: str,
                 sources: Sequence[LogSource] = ()):
        """`sources`: more items from other features (the roster's handovers), each
        a LogSource; the log reads them in the same session as its own."""
        self.mirror, self.reminders, self.site_code = mirror, reminders, site_code
        self.sources: list[LogSource] = [incident_items, entry_items, order_items, notice_items, conference_items,
                                         rollcall_items, *sources]

    def add_source(self, source: LogSource) -> None:
        self.sources.append(source)

    def items(self, query: LogQuery) -> list[LogItem]:
        """On a reader: the items of [start, end) that match, in time order."""
        start, end = to_db(query.start), to_db(query.end)
        found: list[LogItem] = []
        with self.mirror.read() as s:
            for source in self.sources:
                found.extend(item for item in source(s, start, end, self.site_code) if query.matches(item))
        if LogKind.REMINDER in query.kinds:
            found.extend(item for item in self._reminder_items(query) if query.matches(item))
        found.sort(key=lambda item: (item.at, item.kind.value, item.ref_id))
        return found

    def _reminder_items(self, query: LogQuery) -> Iterable[LogItem]:
        """Done ones when they were done, missed ones when their window closed."""
        now = self.reminders.clock.now()
        for o in self.reminders.occurrences_between(query.start - REMINDER_REACH, query.end, now):
            if o.done_at is not None:
                at = o.done_at
            elif o.state == OccurrenceState.MISSED:
                at = o.due_at + o.reminder.window
            else:
                continue
            if query.start <= at < query.end:
                yield LogItem(at, LogKind.REMINDER, o.state.value, o.reminder.title, o.note, o.done_by,
                              o.done_by_account, ref_id=o.id)
