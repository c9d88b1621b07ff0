"""The duty contract both ends keep (as services/dispatch/lifecycle.py is for
orders): posts, field limits, who may do what, the conflicts a roster refuses,
the forward-only lives of a swap (调班) and of a handover (交接班记录), and the
ids both ends derive, so the workstation's copy and the platform's are one.

    swap:      offered → accepted → approved          (or declined / rejected / withdrawn)
               an approved swap is only undone by a new swap that reverses it
    handover:  open (handed over, 已交班) → closed (taken over, 已接班)
    item:      pending → confirmed | questioned, questioned → confirmed

Shift times are local times of the watch room's zone: an instance of a shift is
(room, day, pattern), and its start and end in UTC come from shift_bounds, so a
shift crossing midnight or a daylight-saving change lasts what the clock says.
Pure Python: no database, no Qt. Reasons are English (shown with a rejected op);
the UI turns the codes into Chinese."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from services.text_rules import text_problem


class Post(StrEnum):
    LEADER = "leader"  # 带班领导
    CHIEF = "chief"  # 值班长
    OFFICER = "officer"  # 值班员
    TECH = "tech"  # 技术保障


POST_NAMES_ZH = {Post.LEADER: "带班领导", Post.CHIEF: "值班长", Post.OFFICER: "值班员", Post.TECH: "技术保障"}
POST_BY_NAME = {**{v: k for k, v in POST_NAMES_ZH.items()}, **{p.value: p for p in Post},
                "带班": Post.LEADER, "领导": Post.LEADER, "技术": Post.TECH, "技术员": Post.TECH}
# The posts of a shift and how many of each, unless its pattern says otherwise: 6 in all.
DEFAULT_POSTS = ((Post.LEADER, 1), (Post.CHIEF, 1), (Post.OFFICER, 3), (Post.TECH, 1))
MAX_PER_POST = 9

NAME_MAX, PHONE_MAX, NOTE_MAX, REASON_MAX, LABEL_MAX, ITEM_TEXT_MAX = 100, 40, 200, 500, 32, 500
ROOM_MAX, ZONE_MAX, ACCOUNT_MAX = 32, 64, 100
PHONE = re.compile(r"^[0-9+\-() ]{0,40}$")
HHMM = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
DEFAULT_MAX_HOURS = 24  # the longest continuous duty, unless the centre configures another
MAX_HOURS_LIMIT = 72
PAST_DAYS, FUTURE_DAYS = 400, 800  # roster days accepted around today
MAX_ITEMS = 2000  # of a handover: beyond them, one summary item (an op stays under its size limit)

# Platform roles (server/auth.py): 值班长 and admin keep the roster and approve swaps.
ROSTER_EDITORS = frozenset({"duty_chief", "admin"})
APPROVERS = ROSTER_EDITORS

_NS = uuid.UUID("8a3f1c2e-6b7d-4e59-a0c1-2d9e8f7b6a54")


# ---- shift times -------------------------------------------------------------------

def parse_hhmm(text: str) -> time | None:
    match = HHMM.match(text or "")
    return time(int(match.group(1)), int(match.group(2))) if match else None


def parse_day(text: str) -> date | None:
    if not isinstance(text, str) or not DAY.match(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _local(day: date, at: time, zone: ZoneInfo) -> datetime:
    """A wall-clock time of the room in UTC. A time the clocks skip (02:30 on the night
    they spring forward) is read with the offset before the change (so 03:30 after it);
    a time they pass twice is its first passing."""
    return datetime.combine(day, at).replace(tzinfo=zone, fold=0).astimezone(UTC)


def shift_bounds(day: date, start: str, end: str, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """Start and end (UTC) of the shift that starts on `day`: it ends the next day
    when its end is not after its start (17:30–08:30; 08:00–08:00 is 24 hours)."""
    begin, finish = parse_hhmm(start), parse_hhmm(end)
    if begin is None or finish is None:
        raise ValueError(f"not a shift time: {start!r}–{end!r}")
    end_day = day + timedelta(days=1) if finish <= begin else day
    return _local(day, begin, zone), _local(end_day, finish, zone)


def nominal_hours(start: str, end: str) -> float:
    """The shift's length by the clock on its face (8:30–17:30 is 9 hours)."""
    begin, finish = parse_hhmm(start), parse_hhmm(end)
    if begin is None or finish is None:
        raise ValueError(f"not a shift time: {start!r}–{end!r}")
    minutes = (finish.hour * 60 + finish.minute) - (begin.hour * 60 + begin.minute)
    return (minutes if minutes > 0 else minutes + 24 * 60) / 60


@dataclass(frozen=True)
class Pattern:
    """A shift of a watch room (白班 08:30–17:30), as both ends read it."""

    id: str
    name: str
    start: str
    end: str
    zone: str
    posts: tuple[tuple[str, int], ...] = tuple((p.value, n) for p, n in DEFAULT_POSTS)
    active: bool = True


def instances(patterns: Iterable[Pattern], first: date, last: date) -> list[tuple[datetime, datetime, date, Pattern]]:
    """Every shift from `first` to `last` (the day each starts), in order of start."""
    found = []
    for pattern in patterns:
        if not pattern.active:
            continue
        zone = ZoneInfo(pattern.zone)
        day = first
        while day <= last:
            start, end = shift_bounds(day, pattern.start, pattern.end, zone)
            found.append((start, end, day, pattern))
            day += timedelta(days=1)
    found.sort(key=lambda f: (f[0], f[3].name))
    return found


def previous_instance(patterns: list[Pattern], day: date, pattern_id: str) -> tuple[date, Pattern] | None:
    """The shift before (day, pattern) in the room: the one that ends last at or before its start
    (ties: the later start). None when the room has no other shift before it."""
    current = next((p for p in patterns if p.id == pattern_id), None)
    if current is None:
        return None
    start, _end = shift_bounds(day, current.start, current.end, ZoneInfo(current.zone))
    before = [(e, s, d, p) for s, e, d, p in instances(patterns, day - timedelta(days=2), day)
              if e <= start and not (d == day and p.id == pattern_id)]
    if not before:
        return None
    _e, _s, found_day, found = max(before, key=lambda f: (f[0], f[1]))
    return found_day, found


# ---- people and conflicts ----------------------------------------------------------

@dataclass(frozen=True)
class Person:
    name: str
    phone: str = ""
    contact_id: str = ""

    @property
    def empty(self) -> bool:
        return not self.name.strip()


def digits(phone: str) -> str:
    return "".join(c for c in phone if c.isdigit())


def same_person(a: Person, b: Person) -> bool:
    """By the 通讯录 where both are in it; else by name, unless their phones differ."""
    if a.empty or b.empty:
        return False
    if a.contact_id and b.contact_id:
        return a.contact_id == b.contact_id
    if " ".join(a.name.split()) != " ".join(b.name.split()):
        return False
    pa, pb = digits(a.phone), digits(b.phone)
    return not (pa and pb and pa != pb)


@dataclass(frozen=True)
class Duty:
    """A person's time on one roster cell."""

    cell_id: str
    start: datetime
    end: datetime
    label: str  # which shift, for the reason ("2026-12-01 夜班")


@dataclass(frozen=True)
class Conflict:
    code: str  # overlap, too_long
    other: str = ""  # the label of the other shift (overlap)
    hours: float = 0.0  # the continuous duty (too_long)


def person_conflicts(new: Duty, others: Iterable[Duty], max_hours: float) -> list[Conflict]:
    """The same person on two overlapping shifts; or back-to-back shifts adding up to
    more than `max_hours` of continuous duty."""
    others = [d for d in others if d.cell_id != new.cell_id]
    found = [Conflict("overlap", d.label) for d in others if d.start < new.end and new.start < d.end]
    if found:
        return found
    block_start, block_end = new.start, new.end
    grown = True
    while grown:  # the run of shifts that touch this one, either side
        grown = False
        for d in others:
            if d.end == block_start or d.start == block_end:
                block_start, block_end = min(block_start, d.start), max(block_end, d.end)
                grown = True
                others = [o for o in others if o is not d]
                break
    hours = (block_end - block_start).total_seconds() / 3600
    return [Conflict("too_long", hours=round(hours, 2))] if hours > max_hours + 1e-9 else []


def conflict_reason(conflict: Conflict, name: str, max_hours: float) -> str:
    if conflict.code == "overlap":
        return f"{name} is already on duty on the overlapping shift {conflict.other}"
    return f"{name} would be on duty {conflict.hours:g} hours without a break; at most {max_hours:g}"


def pattern_problem(values: dict, max_hours: float) -> str | None:
    """What is wrong with a shift pattern's fields (None: nothing)."""
    for name, limit in (("name", LABEL_MAX), ("room", ROOM_MAX), ("zone", ZONE_MAX)):
        value = values.get(name)
        if not isinstance(value, str) or not value.strip() or len(value) > limit or text_problem(value):
            return f"{name} must be text of 1 to {limit} characters"
    for name in ("start_time", "end_time"):
        if not isinstance(values.get(name), str) or parse_hhmm(values[name]) is None:
            return f"{name} must be a time of day as HH:MM"
    try:
        ZoneInfo(values["zone"])
    except (ValueError, KeyError, OSError):
        return f"zone {values['zone'][:64]!r} is not a known time zone"
    hours = nominal_hours(values["start_time"], values["end_time"])
    if hours > max_hours:
        return f"a {hours:g}-hour shift is longer than the configured maximum of {max_hours:g} hours"
    return posts_problem(values.get("posts"))


def posts_problem(posts) -> str | None:
    if not isinstance(posts, list | tuple) or not posts:
        return "posts must list each post with its count"
    seen = set()
    for item in posts:
        if not isinstance(item, list | tuple) or len(item) != 2 or item[0] not in set(Post) or item[0] in seen \
                or isinstance(item[1], bool) or not isinstance(item[1], int) or not 1 <= item[1] <= MAX_PER_POST:
            return f"posts: each is [post, count] with a known post and 1 to {MAX_PER_POST}"
        seen.add(item[0])
    return None


def person_problem(values: dict) -> str | None:
    for name, limit in (("person_name", NAME_MAX), ("contact_id", 36), ("note", NOTE_MAX)):
        value = values.get(name, "")
        if not isinstance(value, str) or len(value) > limit or text_problem(value):
            return f"{name} must be text of at most {limit} characters"
    phone = values.get("phone", "")
    if not isinstance(phone, str) or not PHONE.match(phone):
        return "phone is not a phone number"
    return None


def day_problem(day: date, today: date) -> str | None:
    if not today - timedelta(days=PAST_DAYS) <= day <= today + timedelta(days=FUTURE_DAYS):
        return f"day {day.isoformat()} is out of range (within {PAST_DAYS} days back and {FUTURE_DAYS} ahead)"
    return None


def cell_id(room: str, day: str, pattern_id: str, post: str, slot: int) -> str:
    """A roster cell (one post's place on one shift) has one id wherever it is filled."""
    return str(uuid.uuid5(_NS, f"cell:{room}:{day}:{pattern_id}:{post}:{slot}"))


# ---- swaps (调班) --------------------------------------------------------------------

class SwapStatus(StrEnum):
    OFFERED = "offered"  # 已提出
    ACCEPTED = "accepted"  # 已同意
    DECLINED = "declined"  # 已婉拒
    APPROVED = "approved"  # 已批准
    REJECTED = "rejected"  # 未批准
    WITHDRAWN = "withdrawn"  # 已撤回


SWAP_MOVES = {SwapStatus.OFFERED: frozenset({SwapStatus.ACCEPTED, SwapStatus.DECLINED, SwapStatus.WITHDRAWN}),
              SwapStatus.ACCEPTED: frozenset({SwapStatus.APPROVED, SwapStatus.REJECTED, SwapStatus.WITHDRAWN})}
SWAP_NEEDS_REASON = frozenset({SwapStatus.DECLINED, SwapStatus.REJECTED})
SWAP_BY_APPROVER = frozenset({SwapStatus.APPROVED, SwapStatus.REJECTED})
SWAP_DONE = frozenset({SwapStatus.DECLINED, SwapStatus.APPROVED, SwapStatus.REJECTED, SwapStatus.WITHDRAWN})


def swap_can_move(current: SwapStatus, to: SwapStatus) -> bool:
    return to in SWAP_MOVES.get(current, frozenset())


# ---- handovers (交接班记录) ------------------------------------------------------------

class HandoverState(StrEnum):
    OPEN = "open"  # 已交班, awaiting the incoming officer's confirmations
    CLOSED = "closed"  # 已接班: every item confirmed or questioned


class ItemState(StrEnum):
    PENDING = "pending"  # 待确认
    CONFIRMED = "confirmed"  # 已确认
    QUESTIONED = "questioned"  # 存疑


class ItemKind(StrEnum):
    INCIDENT = "incident"  # open incident, with its next report deadline
    REPORT_DUE = "report_due"  # a report falling due in the next shift (or overdue)
    ORDER = "order"  # dispatch order awaiting acknowledgement or overdue
    CONFERENCE = "conference"  # open conference
    REFUSED_OP = "refused_op"  # an operation the platform refused
    REFUSED_RECORD = "refused_record"  # a record from the platform this workstation could not use
    TODO = "todo"  # 待办, added by hand
    FAULT = "fault"  # 设备故障
    INSTRUCTION = "instruction"  # 领导批示
    MORE = "more"  # the items beyond MAX_ITEMS, summed up


BY_HAND = frozenset({ItemKind.TODO, ItemKind.FAULT, ItemKind.INSTRUCTION})
ITEM_KIND_NAMES_ZH = {ItemKind.INCIDENT: "在办事件", ItemKind.REPORT_DUE: "下一班应报", ItemKind.ORDER: "调度指令",
                      ItemKind.CONFERENCE: "进行中的会商", ItemKind.REFUSED_OP: "平台拒绝的操作",
                      ItemKind.REFUSED_RECORD: "无法使用的平台记录", ItemKind.TODO: "待办事项",
                      ItemKind.FAULT: "设备故障", ItemKind.INSTRUCTION: "领导批示", ItemKind.MORE: "其余事项"}


def item_can_mark(current: ItemState, to: ItemState) -> bool:
    return (current == ItemState.PENDING and to != ItemState.PENDING) or \
        (current == ItemState.QUESTIONED and to == ItemState.CONFIRMED)


def handover_id(room: str, day: str, pattern_id: str) -> str:
    """One handover per shift: two workstations handing over the same shift make one record."""
    return str(uuid.uuid5(_NS, f"handover:{room}:{day}:{pattern_id}"))


def handover_entry_id(handover: str, incident_id: str) -> str:
    """The "交接班：移交 …" entry of an incident named in a handover, the same on both ends."""
    return str(uuid.uuid5(_NS, f"handover-entry:{handover}:{incident_id}"))


def handover_entry_body(shift_label: str, by: str, texts: list[str]) -> str:
    """In the watch room's language on both ends, so both copies read alike."""
    what = "；".join(t for t in texts if t)[:1500]
    who = f"（交班人：{by}）" if by else ""
    return f"交接班：移交 {shift_label}{who}：{what}"


def incident_texts(items: list[dict]) -> dict[str, list[str]]:
    """{incident id: the texts of its items, in order}: the body of each one's timeline entry."""
    texts: dict[str, list[str]] = {}
    for item in items:
        if item.get("incident_id") and item.get("kind") not in BY_HAND:
            texts.setdefault(item["incident_id"], []).append(item.get("text", ""))
    return texts


def item_problem(item: dict) -> str | None:
    if not isinstance(item, dict):
        return "an item must be an object"
    if item.get("kind") not in set(ItemKind) or item.get("state", "pending") not in set(ItemState):
        return "an item has an unknown kind or state"
    for name, limit in (("id", 64), ("ref", 64), ("incident_id", 36), ("text", ITEM_TEXT_MAX),
                        ("detail", ITEM_TEXT_MAX), ("due_at", 40), ("due_kind", 16), ("note", REASON_MAX),
                        ("by", NAME_MAX), ("at", 40)):
        value = item.get(name, "")
        if not isinstance(value, str) or len(value) > limit or text_problem(value):
            return f"item {name} must be text of at most {limit} characters"
    if not item.get("id") or not item.get("text", "").strip():
        return "an item needs an id and a text"
    return None
