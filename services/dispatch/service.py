"""调度指令 in the watch room: issue an order from an incident to a team, a
resource, a person or a group; record its steps (a unit that phones in, a
withdrawal); list the active ones for the board and the overdue ones for the
alert. Every order and step is saved with its timeline entry and its operation
for the platform in one transaction, and goes out ahead of ordinary work."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from sqlalchemy import func, select

from offline_cache.database import Mirror
from offline_cache.schema import IncidentRow, OrderRow
from services.clock import Clock, SystemClock
from services.dispatch.lifecycle import (
    ACTIVE,
    STEP_COLUMN,
    OrderStatus,
    Priority,
    TargetKind,
    ack_deadline,
    can_move,
    entry_body,
    entry_id,
    is_overdue,
)
from services.errors import NotFound
from services.events import EntryAppended, EventBus, IncidentChanged, RecordsChanged
from services.input_checks import Problem, ValidationError, check_length, clean_text
from services.outbox import URGENT, queue
from services.timefmt import to_db
from services.timeline import EntryKind, write_entry

CONTENT_MAX, TARGET_MAX, REASON_MAX = 4000, 200, 500


@dataclass(frozen=True)
class OrderDraft:
    incident_id: str
    target_kind: TargetKind
    target_name: str
    content: str
    target_id: str = ""
    priority: Priority = Priority.HIGH
    required_arrival: datetime | None = None
    ack_minutes: int | None = None  # None: by priority (lifecycle.ACK_MINUTES)


@dataclass(frozen=True)
class Order:
    id: str
    incident_id: str
    incident_code: str
    incident_title: str
    target_kind: TargetKind
    target_id: str
    target_name: str
    content: str
    priority: Priority
    status: OrderStatus
    issued_by: str
    issued_at: datetime
    ack_deadline: datetime
    required_arrival: datetime | None
    step_times: tuple[str, ...] = ()  # as stored, in STEP_COLUMN's order: parsed when asked for
    reason: str = ""
    pending_sync: bool = False

    @property
    def steps(self) -> dict[OrderStatus, datetime]:
        """When each step the order has taken happened."""
        return {status: _time(at) for status, at in zip(STEP_COLUMN, self.step_times, strict=True) if at}

    def overdue(self, now: datetime) -> bool:
        return is_overdue(self.status, self.ack_deadline, now)


# Plain columns, not ORM objects: a board of 5,000 orders is read in a few tens of ms.
_FIELDS = ("id", "incident_id", "target_kind", "target_id", "target_name", "content", "priority", "status",
           "issued_by", "issued_at", "ack_deadline", "required_arrival", "reason", "sync_state",
           *STEP_COLUMN.values())
_COLUMNS = (*(OrderRow.__table__.c[name] for name in _FIELDS), IncidentRow.code, IncidentRow.title)


_AT = {name: n for n, name in enumerate((*_FIELDS, "code", "title"))}
_FIRST_STEP = _AT[next(iter(STEP_COLUMN.values()))]  # the step columns follow one another in _FIELDS
_STATUS, _PRIORITY, _KIND = ({m.value: m for m in enum} for enum in (OrderStatus, Priority, TargetKind))


@lru_cache(maxsize=100_000)
def _time(value: str) -> datetime:
    """Board reloads read the same times again and again: parsed once."""
    return datetime.fromisoformat(value)


def _order(r: tuple) -> Order:
    """From a plain row tuple, by position: the board reads thousands at a time."""
    at = _AT
    arrival = r[at["required_arrival"]]
    return Order(r[at["id"]], r[at["incident_id"]], r[at["code"]] or "", r[at["title"]] or "",
                 _KIND[r[at["target_kind"]]], r[at["target_id"]], r[at["target_name"]], r[at["content"]],
                 _PRIORITY[r[at["priority"]]], _STATUS[r[at["status"]]], r[at["issued_by"]],
                 _time(r[at["issued_at"]]), _time(r[at["ack_deadline"]]), _time(arrival) if arrival else None,
                 r[_FIRST_STEP:_FIRST_STEP + len(STEP_COLUMN)], r[at["reason"]], r[at["sync_state"]] == "pending")


class DispatchService:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None):
        self.mirror = mirror
        self.events = events or EventBus()
        self.clock = clock or SystemClock()

    # ---- writing ---------------------------------------------------------------

    def issue(self, draft: OrderDraft, author: str) -> Order:
        content = clean_text(draft.content)
        target = clean_text(draft.target_name, single_line=True)
        problems: list[Problem] = []
        if not content:
            problems.append(Problem("content", "required"))
        if not target:
            problems.append(Problem("target", "required"))
        check_length(problems, "content", content, CONTENT_MAX)
        check_length(problems, "target", target, TARGET_MAX)
        if draft.ack_minutes is not None and not 1 <= draft.ack_minutes <= 24 * 60:
            problems.append(Problem("ack_minutes", "out_of_range"))
        now = self.clock.now()
        if draft.required_arrival is not None and draft.required_arrival.tzinfo is None:
            problems.append(Problem("required_arrival", "no_timezone"))
        elif draft.required_arrival is not None and draft.required_arrival < now:
            problems.append(Problem("required_arrival", "in_past"))
        if problems:
            raise ValidationError(problems)
        order_id = str(uuid.uuid4())
        values = {
            "id": order_id, "incident_id": draft.incident_id, "target_kind": TargetKind(draft.target_kind).value,
            "target_id": draft.target_id[:64], "target_name": target, "content": content,
            "priority": Priority(draft.priority).value,
            "required_arrival": to_db(draft.required_arrival) if draft.required_arrival else "",
            "ack_deadline": to_db(ack_deadline(now, Priority(draft.priority), draft.ack_minutes)),
            "issued_by": author, "issued_at": to_db(now),
        }
        with self.mirror.write() as s:
            incident = self._incident(s, draft.incident_id)
            row = OrderRow(**values, status=OrderStatus.ISSUED.value, updated_at=to_db(now), version=1,
                           sync_state="pending")
            s.add(row)
            s.flush()
            entry = self._step_entry(s, incident, row, OrderStatus.ISSUED, author, "", now)
            # keyed by the order, not its incident: notes queued earlier on the incident do not
            # hold it back; the incident's creation (as urgent) still goes out before it
            queue(s, "order", order_id, "create", 0, values, URGENT, now, order_id)
        order = self.get(order_id)
        self._published(order, entry)
        return order

    def advance(self, order_id: str, status: OrderStatus, author: str, reason: str = "") -> Order:
        """A step of the order as the watch room learns it (签收 by phone, 撤回 ...)."""
        reason = clean_text(reason, single_line=True)
        problems: list[Problem] = []
        check_length(problems, "reason", reason, REASON_MAX)
        if status in (OrderStatus.REFUSED, OrderStatus.WITHDRAWN) and not reason:
            problems.append(Problem("reason", "required"))
        if problems:
            raise ValidationError(problems)
        now = self.clock.now()
        with self.mirror.write() as s:
            row = s.scalar(select(OrderRow).where(OrderRow.id == order_id))
            if row is None:
                raise NotFound(f"order {order_id}")
            if not can_move(OrderStatus(row.status), status):
                raise ValidationError([Problem("status", "invalid_transition")])
            incident = self._incident(s, row.incident_id)
            row.status = status.value
            setattr(row, STEP_COLUMN[status], to_db(now))
            if reason:
                row.reason = reason
            row.version += 1
            row.updated_at, row.sync_state = to_db(now), "pending"
            entry = self._step_entry(s, incident, row, status, author, reason, now)
            queue(s, "order", order_id, "advance", row.version - 1,
                  {"status": status.value, "by": author, "reason": reason}, URGENT, now, order_id)
        order = self.get(order_id)
        self._published(order, entry)
        return order

    @staticmethod
    def _incident(s, incident_id: str) -> IncidentRow:
        incident = s.scalar(select(IncidentRow).where(IncidentRow.id == incident_id))
        if incident is None:
            raise NotFound(f"incident {incident_id}")
        return incident

    @staticmethod
    def _step_entry(s, incident: IncidentRow, row: OrderRow, status: OrderStatus, author: str, reason: str,
                    now: datetime) -> str:
        """The step's timeline entry, with the id the platform will give its copy."""
        return write_entry(s, incident, EntryKind.DISPATCH, entry_body(status, row.target_name, row.content, author,
                                                                      reason),
                           author, now, {"order_id": row.id, "order_status": status.value}, entry_id(row.id, status)).id

    def _published(self, order: Order, entry: str) -> None:
        self.events.publish(RecordsChanged("order", (order.id,)))
        self.events.publish(EntryAppended(order.incident_id, entry))
        self.events.publish(IncidentChanged(order.incident_id, "entry"))

    # ---- reading -----------------------------------------------------------------

    @staticmethod
    def _orders(s, stmt) -> list[Order]:
        """Runs the statement on the DB-API cursor: plain tuples, no result processing per row."""
        compiled = stmt.compile(dialect=s.get_bind().dialect, compile_kwargs={"render_postcompile": True})
        params = tuple(compiled.params[name] for name in compiled.positiontup)
        return [_order(r) for r in s.connection().exec_driver_sql(str(compiled), params).fetchall()]

    def get(self, order_id: str) -> Order:
        with self.mirror.read() as s:
            row = s.execute(select(*_COLUMNS).join(IncidentRow, IncidentRow.id == OrderRow.incident_id, isouter=True)
                            .where(OrderRow.id == order_id)).first()
        if row is None:
            raise NotFound(f"order {order_id}")
        return _order(tuple(row))

    def active(self) -> list[Order]:
        """Orders not yet completed, refused or withdrawn: the board, incident by incident."""
        stmt = (select(*_COLUMNS).join(IncidentRow, IncidentRow.id == OrderRow.incident_id, isouter=True)
                .where(OrderRow.status.in_([s.value for s in ACTIVE]))
                .order_by(IncidentRow.reported_at.desc(), OrderRow.incident_id, OrderRow.issued_at))
        with self.mirror.read() as s:
            return self._orders(s, stmt)

    def active_for_target(self, target_id: str) -> list[Order]:
        """The orders a team (resource id) is on now, newest first: a unit's card on the map."""
        stmt = (select(*_COLUMNS).join(IncidentRow, IncidentRow.id == OrderRow.incident_id, isouter=True)
                .where(OrderRow.target_id == target_id, OrderRow.status.in_([s.value for s in ACTIVE]))
                .order_by(OrderRow.issued_at.desc()))
        with self.mirror.read() as s:
            return self._orders(s, stmt)

    def for_incident(self, incident_id: str) -> list[Order]:
        stmt = (select(*_COLUMNS).join(IncidentRow, IncidentRow.id == OrderRow.incident_id, isouter=True)
                .where(OrderRow.incident_id == incident_id).order_by(OrderRow.issued_at))
        with self.mirror.read() as s:
            return self._orders(s, stmt)

    def overdue(self, now: datetime | None = None) -> list[Order]:
        """Issued and not acknowledged by their deadline."""
        now = now or self.clock.now()
        stmt = (select(*_COLUMNS).join(IncidentRow, IncidentRow.id == OrderRow.incident_id, isouter=True)
                .where(OrderRow.status == OrderStatus.ISSUED.value, OrderRow.ack_deadline <= to_db(now))
                .order_by(OrderRow.ack_deadline))
        with self.mirror.read() as s:
            return self._orders(s, stmt)

    def active_count(self) -> int:
        with self.mirror.read() as s:
            return int(s.scalar(select(func.count()).select_from(OrderRow)
                                .where(OrderRow.status.in_([x.value for x in ACTIVE]))) or 0)
