"""The duty records as synced record kinds: what the platform sends is checked
against the duty contract (services/duty/contract.py) before it reaches the
mirror; a record that fails is left out with its reason (FeedError)."""

from __future__ import annotations

import json
from typing import Any

from offline_cache.duty_schema import (
    DutySignInRow,
    DutySwapRow,
    HandoverRow,
    RosterEntryRow,
    RosterPublicationRow,
    ShiftPatternRow,
)
from services.duty import contract
from services.records.feed_checks import (
    FeedError,
    feed_accounts,
    feed_bool,
    feed_id,
    feed_text,
    feed_time,
)
from services.records.kind import RecordKind

ACCOUNTS = ("updated_by_account", "updated_workstation")


def _texts(data: dict, limits: dict[str, int], where: str) -> dict[str, str]:
    return {name: feed_text(data, name, limit, where) for name, limit in limits.items()}


def _times(data: dict, names: tuple[str, ...], where: str, required: tuple[str, ...] = ()) -> dict[str, str]:
    return {name: feed_time(data.get(name, ""), f"{where} {name}", required=name in required) for name in names}


def _day(data: dict, name: str, where: str) -> str:
    if contract.parse_day(data.get(name)) is None:
        raise FeedError(f"{where}: bad {name}")
    return data[name]


def _common(data: dict, version: int, where: str) -> dict[str, Any]:
    values = feed_accounts(data, ACCOUNTS, where)
    values["updated_at"] = feed_time(data.get("updated_at", ""), f"{where} updated_at")
    values["version"] = int(version)
    return values


def pattern_values(data: dict, version: int) -> dict:
    pid = feed_id(data, "shift pattern")
    where = f"shift pattern {pid}"
    values = {"id": pid, **_texts(data, {"room": contract.ROOM_MAX, "name": contract.LABEL_MAX,
                                         "start_time": 5, "end_time": 5, "zone": contract.ZONE_MAX}, where)}
    posts = data.get("posts")
    problem = contract.pattern_problem({**values, "posts": posts}, contract.MAX_HOURS_LIMIT)
    if problem:
        raise FeedError(f"{where}: {problem}")
    position = data.get("position", 0)
    if isinstance(position, bool) or not isinstance(position, int) or not 0 <= position <= 10_000:
        raise FeedError(f"{where}: bad position")
    values.update(posts=json.dumps(posts), position=position, active=feed_bool(data, "active", where, True))
    return {**values, **_common(data, version, where)}


def entry_values(data: dict, version: int) -> dict:
    eid = feed_id(data, "roster entry")
    where = f"roster entry {eid}"
    values = {"id": eid, **_texts(data, {"room": contract.ROOM_MAX, "pattern_id": 36, "person_name": contract.NAME_MAX,
                                         "phone": contract.PHONE_MAX, "contact_id": 36, "note": contract.NOTE_MAX},
                                  where)}
    problem = contract.person_problem(values)
    if problem or data.get("post") not in set(contract.Post):
        raise FeedError(f"{where}: {problem or 'bad post'}")
    slot = data.get("slot")
    if isinstance(slot, bool) or not isinstance(slot, int) or not 0 <= slot < contract.MAX_PER_POST:
        raise FeedError(f"{where}: bad slot")
    values.update(day=_day(data, "day", where), post=data["post"], slot=slot,
                  **_times(data, ("starts_at", "ends_at"), where, ("starts_at", "ends_at")))
    return {**values, **_common(data, version, where)}


def publication_values(data: dict, version: int) -> dict:
    pid = feed_id(data, "roster publication")
    where = f"roster publication {pid}"
    values = {"id": pid, **_texts(data, {"room": contract.ROOM_MAX, "published_by": contract.NAME_MAX}, where),
              "first_day": _day(data, "first_day", where), "last_day": _day(data, "last_day", where),
              **_times(data, ("published_at",), where, ("published_at",))}
    if values["last_day"] < values["first_day"]:
        raise FeedError(f"{where}: days in the wrong order")
    return {**values, **_common(data, version, where)}


def swap_values(data: dict, version: int) -> dict:
    sid = feed_id(data, "swap")
    where = f"swap {sid}"
    person = {"name": contract.NAME_MAX, "phone": contract.PHONE_MAX, "contact_id": 36}
    limits = {"room": contract.ROOM_MAX, "entry_id": 36, "counter_entry_id": 36, "reason": contract.REASON_MAX,
              "reverses": 36, **{f"{side}_{k}": n for side in ("from", "to") for k, n in person.items()}}
    values = {"id": sid, **_texts(data, limits, where)}
    if data.get("status") not in set(contract.SwapStatus) or not values["entry_id"]:
        raise FeedError(f"{where}: bad status or cell")
    steps = data.get("steps")
    if not isinstance(steps, list) or len(steps) > 20 or not all(
            isinstance(s, dict) and s.get("status") in set(contract.SwapStatus)
            and all(isinstance(s.get(k, ""), str) and len(s.get(k, "")) <= contract.REASON_MAX
                    for k in ("by", "at", "reason", "account")) for s in steps):
        raise FeedError(f"{where}: bad steps")
    for step in steps:
        feed_text(step, "reason", contract.REASON_MAX, where)
        feed_text(step, "by", contract.NAME_MAX, where)
    values.update(status=data["status"], steps=json.dumps(steps, ensure_ascii=False),
                  **_times(data, ("created_at",), where, ("created_at",)))
    return {**values, **_common(data, version, where)}


def signin_values(data: dict, version: int) -> dict:
    sid = feed_id(data, "sign-in")
    where = f"sign-in {sid}"
    values = {"id": sid, **_texts(data, {"room": contract.ROOM_MAX, "pattern_id": 36, "person_name": contract.NAME_MAX,
                                         "contact_id": 36, "account": contract.ACCOUNT_MAX, "workstation": 64,
                                         "override_reason": contract.REASON_MAX, "follows_handover": 36}, where)}
    if data.get("post") not in set(contract.Post) or not values["person_name"].strip():
        raise FeedError(f"{where}: bad post or name")
    values.update(day=_day(data, "day", where), post=data["post"],
                  **_times(data, ("signed_at", "confirmed_at"), where, ("signed_at",)))
    return {**values, **_common(data, version, where)}


def handover_values(data: dict, version: int) -> dict:
    hid = feed_id(data, "handover")
    where = f"handover {hid}"
    values = {"id": hid, **_texts(data, {"room": contract.ROOM_MAX, "pattern_id": 36, "shift_label": 64,
                                         "handed_over_by": contract.NAME_MAX, "closed_by": contract.NAME_MAX}, where)}
    if data.get("state") not in set(contract.HandoverState):
        raise FeedError(f"{where}: bad state")
    items = data.get("items")
    if not isinstance(items, list) or len(items) > contract.MAX_ITEMS + 1:
        raise FeedError(f"{where}: bad items")
    for item in items:
        problem = contract.item_problem(item)
        if problem:
            raise FeedError(f"{where}: {problem}")
    values.update(day=_day(data, "day", where), state=data["state"], items=json.dumps(items, ensure_ascii=False),
                  search_text=search_text(values["shift_label"], values["handed_over_by"], items),
                  **_times(data, ("starts_at", "ends_at", "handed_over_at", "closed_at"), where,
                           ("starts_at", "ends_at", "handed_over_at")))
    return {**values, **_common(data, version, where)}


def search_text(label: str, by: str, items: list[dict]) -> str:
    """What the handover history's search looks in: the shift, who handed over, each item's words."""
    words = [label, by, *(" ".join((i.get("text", ""), i.get("detail", ""), i.get("note", ""))) for i in items)]
    return "\n".join(words)[:200_000]


SHIFT_PATTERN = RecordKind("shift_pattern", ShiftPatternRow, pattern_values)
ROSTER_ENTRY = RecordKind("roster_entry", RosterEntryRow, entry_values)
ROSTER_PUBLICATION = RecordKind("roster_publish", RosterPublicationRow, publication_values)
DUTY_SWAP = RecordKind("duty_swap", DutySwapRow, swap_values)
DUTY_SIGNIN = RecordKind("duty_signin", DutySignInRow, signin_values)
HANDOVER = RecordKind("handover", HandoverRow, handover_values)
DUTY_KINDS = (SHIFT_PATTERN, ROSTER_ENTRY, ROSTER_PUBLICATION, DUTY_SWAP, DUTY_SIGNIN, HANDOVER)
