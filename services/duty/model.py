"""The duty records as the workstation reads them (from mirror rows)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from offline_cache.duty_schema import (
    DutySignInRow,
    DutySwapRow,
    HandoverRow,
    RosterEntryRow,
    ShiftPatternRow,
)
from services.duty.contract import (
    HandoverState,
    ItemKind,
    ItemState,
    Pattern,
    Person,
    Post,
    SwapStatus,
)
from services.timefmt import from_db


def pattern_of(row: ShiftPatternRow) -> Pattern:
    posts = tuple((str(p), int(n)) for p, n in json.loads(row.posts or "[]"))
    return Pattern(row.id, row.name, row.start_time, row.end_time, row.zone, posts, bool(row.active))


@dataclass(frozen=True)
class Shift:
    """One shift of the room: a pattern on a day, with its start and end (UTC)."""

    day: date
    pattern: Pattern
    start: datetime
    end: datetime

    @property
    def label(self) -> str:
        return f"{self.day.isoformat()} {self.pattern.name}"

    @property
    def key(self) -> tuple[str, str]:
        return self.day.isoformat(), self.pattern.id


@dataclass(frozen=True)
class Cell:
    """A roster cell: one post's place on one shift, and who fills it ("" = vacant)."""

    id: str
    day: date
    pattern_id: str
    post: Post
    slot: int
    person: Person
    note: str
    start: datetime
    end: datetime
    pending_sync: bool = False


def cell_of(row: RosterEntryRow) -> Cell:
    return Cell(row.id, date.fromisoformat(row.day), row.pattern_id, Post(row.post), row.slot,
                Person(row.person_name, row.phone, row.contact_id), row.note, from_db(row.starts_at),
                from_db(row.ends_at), row.sync_state == "pending")


@dataclass(frozen=True)
class SwapStep:
    status: SwapStatus
    by: str
    at: str
    reason: str = ""
    account: str = ""  # the platform account behind it ("" until the platform says)


@dataclass(frozen=True)
class Swap:
    id: str
    entry_id: str
    counter_entry_id: str
    giver: Person
    taker: Person
    reason: str
    status: SwapStatus
    steps: tuple[SwapStep, ...]
    reverses: str = ""
    pending_sync: bool = False


def swap_of(row: DutySwapRow) -> Swap:
    steps = tuple(SwapStep(SwapStatus(s.get("status", "offered")), s.get("by", ""), s.get("at", ""),
                           s.get("reason", ""), s.get("account", "")) for s in json.loads(row.steps or "[]"))
    return Swap(row.id, row.entry_id, row.counter_entry_id, Person(row.from_name, row.from_phone, row.from_contact_id),
                Person(row.to_name, row.to_phone, row.to_contact_id), row.reason, SwapStatus(row.status), steps,
                row.reverses, row.sync_state == "pending")


@dataclass(frozen=True)
class SignIn:
    id: str
    day: date
    pattern_id: str
    post: Post
    person_name: str
    account: str
    workstation: str
    signed_at: datetime
    override_reason: str
    confirmed_at: datetime | None  # None: recorded here, not yet confirmed by the platform

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


def signin_of(row: DutySignInRow) -> SignIn:
    return SignIn(row.id, date.fromisoformat(row.day), row.pattern_id, Post(row.post), row.person_name, row.account,
                  row.workstation, from_db(row.signed_at), row.override_reason, from_db(row.confirmed_at or None))


@dataclass(frozen=True)
class HandoverItem:
    id: str
    kind: ItemKind
    text: str
    detail: str = ""
    ref: str = ""  # the record it names (an incident, order, conference, outbox op ...)
    incident_id: str = ""
    due_at: str = ""  # a report's or an acknowledgement's deadline (UTC text)
    due_kind: str = ""  # initial / follow_up (a report), ack / arrival (an order)
    state: ItemState = ItemState.PENDING
    note: str = ""
    by: str = ""
    at: str = ""

    def as_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind.value, "text": self.text, "detail": self.detail, "ref": self.ref,
                "incident_id": self.incident_id, "due_at": self.due_at, "due_kind": self.due_kind, "state": self.state.value,
                "note": self.note, "by": self.by, "at": self.at}


def item_of(data: dict) -> HandoverItem:
    return HandoverItem(data["id"], ItemKind(data["kind"]), data.get("text", ""), data.get("detail", ""),
                        data.get("ref", ""), data.get("incident_id", ""), data.get("due_at", ""), data.get("due_kind", ""),
                        ItemState(data.get("state", "pending")), data.get("note", ""), data.get("by", ""),
                        data.get("at", ""))


@dataclass(frozen=True)
class Handover:
    id: str
    day: date
    pattern_id: str
    shift_label: str
    start: datetime
    end: datetime
    state: HandoverState
    handed_over_by: str
    handed_over_at: datetime
    closed_by: str
    closed_at: datetime | None
    items: tuple[HandoverItem, ...] = field(default_factory=tuple)
    pending_sync: bool = False
    account: str = ""  # who the platform says handed it over

    @property
    def outstanding(self) -> int:
        return sum(1 for i in self.items if i.state == ItemState.PENDING)

    @property
    def closable(self) -> bool:
        return self.state == HandoverState.OPEN and self.outstanding == 0


def handover_of(row: HandoverRow) -> Handover:
    return Handover(row.id, date.fromisoformat(row.day), row.pattern_id, row.shift_label, from_db(row.starts_at),
                    from_db(row.ends_at), HandoverState(row.state), row.handed_over_by, from_db(row.handed_over_at),
                    row.closed_by, from_db(row.closed_at or None),
                    tuple(item_of(i) for i in json.loads(row.items or "[]")), row.sync_state == "pending",
                    row.updated_by_account)
