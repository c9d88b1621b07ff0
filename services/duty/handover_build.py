"""The handover package (交接班记录) built from the shift's own records: open
incidents with their next report deadline (the reports due before the next
shift ends come first, in a section of their own), dispatch orders awaiting
acknowledgement or overdue, open conferences, operations the platform refused
and platform records this workstation refused. The items the officer adds by
hand (待办, 设备故障, 领导批示) join them in the dialog.

Read in a few plain queries (no ORM objects), so a package is built well
within its budget on a mirror of 100,000 incidents with hundreds open and
thousands of orders under way (tests/benchmarks/bench_duty.py). Items keep
the records' own words; the UI says what each kind of item means."""

from __future__ import annotations

from datetime import datetime

from offline_cache.database import Mirror
from services.conference.rules import OPEN as CONFERENCE_OPEN
from services.dispatch.lifecycle import OrderStatus
from services.duty.contract import MAX_ITEMS, ItemKind
from services.duty.model import HandoverItem, Shift
from services.incidents.deadlines import ReportingRules
from services.incidents.model import EntryKind, Severity, Status
from services.sync import outbox_store, refusals
from services.timefmt import to_db

OPEN_STATUSES = (Status.RECEIVED.value, Status.RESPONDING.value)
REFUSED_SHOWN = 200  # of each kind of refusal: the dock lists them all
TEXT_MAX = 500


def _cut(text: str, limit: int = TEXT_MAX) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rows(s, sql: str, params: tuple = ()) -> list[tuple]:
    return s.connection().exec_driver_sql(sql, params).fetchall()


def build_items(mirror: Mirror, rules: ReportingRules, shift: Shift, next_end: datetime | None,
                now: datetime) -> list[HandoverItem]:
    """The automatic items of the handover of `shift`; `next_end`: when the next shift ends
    (a report due before then is the incoming shift's to send)."""
    horizon = to_db(next_end) if next_end is not None else to_db(shift.end)
    items: list[HandoverItem] = []
    with mirror.read() as s:
        due, others = [], []
        for iid, code, title, severity, occurred, last_at, last_kind in _rows(
                s, "SELECT id, code, title, severity, occurred_at, last_report_at, last_report_kind FROM incidents "
                   "WHERE status IN (?, ?) ORDER BY reported_at", OPEN_STATUSES):
            deadline = rules.next_due(Severity(severity), datetime.fromisoformat(occurred),
                                      datetime.fromisoformat(last_at) if last_at else None,
                                      EntryKind(last_kind) if last_kind else None, now)
            at = to_db(deadline.due_at) if deadline else ""
            item = HandoverItem(f"incident:{iid}", ItemKind.INCIDENT, _cut(f"{code} {title}"), "", iid, iid, at,
                                deadline.kind.value if deadline else "")
            if at and at <= horizon:
                due.append(HandoverItem(f"report:{iid}", ItemKind.REPORT_DUE, item.text, "", iid, iid, at,
                                        item.due_kind))
            else:
                others.append(item)
        items += sorted(due, key=lambda i: i.due_at) + others
        now_text = to_db(now)
        for oid, iid, code, title, target, content, status, ack_deadline, arrival, arrived in _rows(
                s, "SELECT o.id, o.incident_id, i.code, i.title, o.target_name, o.content, o.status, o.ack_deadline, "
                   "o.required_arrival, o.arrived_at FROM orders o LEFT JOIN incidents i ON i.id = o.incident_id "
                   "WHERE o.status IN (?, ?, ?) ORDER BY o.ack_deadline",
                (OrderStatus.ISSUED.value, OrderStatus.ACKNOWLEDGED.value, OrderStatus.DEPARTED.value)):
            late_arrival = bool(arrival) and arrival <= now_text and not arrived
            if status != OrderStatus.ISSUED.value and not late_arrival:
                continue  # acknowledged and on its way in time: nothing to hand over
            kind, at = ("ack", ack_deadline) if status == OrderStatus.ISSUED.value else ("arrival", arrival)
            items.append(HandoverItem(f"order:{oid}", ItemKind.ORDER, _cut(f"{target}：{content}"),
                                      _cut(f"{code or ''} {title or ''}"), oid, iid, at, kind))
        for cid, iid, title, code, incident_title in _rows(
                s, "SELECT c.id, c.incident_id, c.title, i.code, i.title FROM conferences c "
                   "LEFT JOIN incidents i ON i.id = c.incident_id WHERE c.state = ? ORDER BY c.opened_at",
                (CONFERENCE_OPEN,)):
            items.append(HandoverItem(f"conference:{cid}", ItemKind.CONFERENCE, _cut(title),
                                      _cut(f"{code or ''} {incident_title or ''}"), cid, iid))
    for op in outbox_store.rejected(mirror)[-REFUSED_SHOWN:]:
        items.append(HandoverItem(f"refused_op:{op.op_id}", ItemKind.REFUSED_OP, _cut(f"{op.entity} {op.op}"),
                                  _cut(op.reason), op.op_id))
    for refusal in refusals.recent(mirror, REFUSED_SHOWN):
        items.append(HandoverItem(f"refused_record:{refusal.entity}:{refusal.record_id}"[:64],
                                  ItemKind.REFUSED_RECORD, _cut(f"{refusal.entity} {refusal.record_id}"),
                                  _cut(refusal.reason), refusal.record_id[:64]))
    return capped(items)


def capped(items: list[HandoverItem]) -> list[HandoverItem]:
    """At most MAX_ITEMS items; the rest summed up in one, by kind, so the record stays
    within an operation's size."""
    if len(items) <= MAX_ITEMS:
        return items
    rest: dict[ItemKind, int] = {}
    for item in items[MAX_ITEMS:]:
        rest[item.kind] = rest.get(item.kind, 0) + 1
    summary = "；".join(f"{kind.value} {n}" for kind, n in rest.items())
    return [*items[:MAX_ITEMS], HandoverItem("more", ItemKind.MORE, _cut(summary))]
