"""接班 and 交班 on the platform. A sign-in is its token's account's: one that
claims another account is refused (an officer signs in as themselves, at a
backup site too, where the sign-in waited for the link). A shift is taken
over only after the shift before it has handed over, or with an override
reason, which is kept. A handover (交接班记录) is created when the shift hands
over, writing "交接班：移交 …" on the timeline of every incident it names (ids
derived as the workstation derives them, so both copies are one entry); the
incoming officer's confirmations merge item by item, forward only; it closes
only when no item is pending, and a closed handover stays closed."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.actor import actor_of
from server.change_log import record_change, timeline_entry
from server.columns import check_columns
from server.db import IncidentRow
from server.duty_roster import iso, pattern_of, require_role
from server.duty_swaps import WRITERS
from server.duty_tables import DutySignInRow, HandoverRow, ShiftPatternRow
from server.merged_record import ACCOUNT_COLUMNS
from server.op_checks import OpRejected, not_after, received, same_id, text_check
from server.record_kind import ServerKind
from services.duty import contract
from services.sync.wire import Op, OpResult

SIGNIN_TEXTS = {"room": contract.ROOM_MAX, "day": 10, "pattern_id": 36, "post": 16, "person_name": contract.NAME_MAX,
                "contact_id": 36, "account": contract.ACCOUNT_MAX, "workstation": 64,
                "override_reason": contract.REASON_MAX, "follows_handover": 36}
HANDOVER_TEXTS = {"room": contract.ROOM_MAX, "day": 10, "pattern_id": 36, "shift_label": 64,
                  "handed_over_by": contract.NAME_MAX}


def create_signin(s: Session, op: Op, now: str) -> OpResult:
    require_role(s, WRITERS, "sign in to a shift")
    payload = op.payload
    if set(payload) - {"id", "signed_at", *SIGNIN_TEXTS} or not payload.get("person_name"):
        raise OpRejected("a sign-in is {id, room, day, pattern_id, post, person_name, account, signed_at, ...}")
    same_id(op)
    if s.get(DutySignInRow, op.entity_id) is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason="sign-in already recorded")
    values = {k: text_check(payload.get(k, ""), k, limit) for k, limit in SIGNIN_TEXTS.items()}
    actor = actor_of(s)
    if values["account"] != actor.account:
        raise OpRejected(f"a sign-in is by its own account: this one names {values['account']!r} but was sent "
                         f"by {actor.account!r}; sign in again with that account")
    day = contract.parse_day(values["day"])
    if day is None or values["post"] not in set(contract.Post):
        raise OpRejected("day must be a date as YYYY-MM-DD and post a known post")
    pattern = s.get(ShiftPatternRow, values["pattern_id"])
    if pattern is None or pattern.room != values["room"]:
        raise OpRejected("the shift is not one of the room's")
    patterns = [pattern_of(p) for p in s.scalars(select(ShiftPatternRow).where(ShiftPatternRow.room == pattern.room))]
    previous = contract.previous_instance(patterns, day, pattern.id)
    handed_over = previous is None or s.get(HandoverRow, contract.handover_id(
        values["room"], previous[0].isoformat(), previous[1].id)) is not None
    if not handed_over and not values["override_reason"].strip():
        raise OpRejected(f"the shift before ({previous[0].isoformat()} {previous[1].name}) has not handed over: "
                         "take over with an override reason, or wait for its handover")
    if handed_over:
        values["override_reason"] = ""
    check_columns(DutySignInRow, values)
    signed = not_after(payload.get("signed_at") or now, now, "signed_at")
    s.add(DutySignInRow(id=op.entity_id, **values, signed_at=signed, confirmed_at=now,
                        updated_by_account=actor.account, updated_workstation=actor.workstation, updated_at=now,
                        version=1))
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "duty_signin", op.entity_id, now))


def _items(value) -> list[dict]:
    if not isinstance(value, list) or len(value) > contract.MAX_ITEMS + 1:
        raise OpRejected(f"items must be a list of at most {contract.MAX_ITEMS + 1}")
    seen = set()
    for item in value:
        problem = contract.item_problem(item)
        if problem or item["id"] in seen:
            raise OpRejected(problem or f"item {item['id']!r} twice")
        seen.add(item["id"])
    return [{**i, "state": contract.ItemState.PENDING.value, "note": "", "by": "", "at": ""} for i in value]


def create_handover(s: Session, op: Op, now: str) -> OpResult:
    require_role(s, WRITERS, "hand over a shift")
    payload = op.payload
    if set(payload) - {"id", "items", "starts_at", "ends_at", *HANDOVER_TEXTS}:
        raise OpRejected("a handover is {id, room, day, pattern_id, shift_label, starts_at, ends_at, "
                         "handed_over_by, items}")
    same_id(op)
    if s.get(HandoverRow, op.entity_id) is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason="this shift has handed over already")
    values = {k: text_check(payload.get(k, ""), k, limit) for k, limit in HANDOVER_TEXTS.items()}
    day = contract.parse_day(values["day"])
    pattern = s.get(ShiftPatternRow, values["pattern_id"])
    if day is None or pattern is None or pattern.room != values["room"]:
        raise OpRejected("the shift is not one of the room's")
    if op.entity_id != contract.handover_id(values["room"], values["day"], values["pattern_id"]):
        raise OpRejected("a handover's id is its shift's (room, day and shift)")
    start, end = contract.shift_bounds(day, pattern.start_time, pattern.end_time, ZoneInfo(pattern.zone))
    items = _items(payload.get("items"))
    at = received(op, now)
    actor = actor_of(s)
    row = HandoverRow(id=op.entity_id, **values, starts_at=iso(start), ends_at=iso(end),
                      state=contract.HandoverState.OPEN.value, handed_over_at=at, closed_by="", closed_at="",
                      items=json.dumps(items, ensure_ascii=False), updated_by_account=actor.account,
                      updated_workstation=actor.workstation, updated_at=now, version=1)
    s.add(row)
    s.flush()
    seq = record_change(s, "handover", row.id, now)
    texts = contract.incident_texts(items)
    known = set(s.scalars(select(IncidentRow.id).where(IncidentRow.id.in_(list(texts))))) if texts else set()
    for incident_id, words in texts.items():
        if incident_id in known:
            timeline_entry(s, entry_id=contract.handover_entry_id(row.id, incident_id), incident_id=incident_id,
                           kind="system", body=contract.handover_entry_body(row.shift_label, row.handed_over_by, words),
                           data={"handover_id": row.id}, author=row.handed_over_by, created_at=at, now=now)
    return OpResult(op_id=op.op_id, status="applied", seq=seq)


def mark_items(s: Session, op: Op, now: str) -> OpResult:
    """{"marks": {item id: {"state", "note", "by"}}}: each item moves forward or stays."""
    require_role(s, WRITERS, "confirm handover items")
    marks = op.payload.get("marks")
    if set(op.payload) != {"marks"} or not isinstance(marks, dict) or not marks:
        raise OpRejected('a handover update is {"marks": {item id: {"state", "note", "by"}}}')
    row = s.get(HandoverRow, op.entity_id)
    if row is None:
        raise OpRejected("handover unknown")
    if row.state == contract.HandoverState.CLOSED.value:
        return OpResult(op_id=op.op_id, status="merged", reason="the handover is closed; confirmations not applied")
    items = json.loads(row.items)
    by_id = {i["id"]: i for i in items}
    at = received(op, now)
    kept = []
    for item_id, mark in marks.items():
        if not isinstance(mark, dict) or set(mark) - {"state", "note", "by"} or item_id not in by_id:
            raise OpRejected(f"mark of item {str(item_id)[:64]!r} is not {{state, note, by}} of an item")
        try:
            state = contract.ItemState(mark.get("state"))
        except ValueError:
            raise OpRejected("an item's state is confirmed or questioned") from None
        note = text_check(mark.get("note", ""), "note", contract.REASON_MAX)
        by = text_check(mark.get("by", ""), "by", contract.NAME_MAX)
        if state == contract.ItemState.QUESTIONED and not note.strip():
            raise OpRejected("a questioned item needs a note")
        item = by_id[item_id]
        if not contract.item_can_mark(contract.ItemState(item["state"]), state):
            kept.append(item_id)
            continue
        item.update(state=state.value, note=note, by=by, at=at, account=actor_of(s).account)
    if len(kept) == len(marks):
        return OpResult(op_id=op.op_id, status="merged", reason="the items were already marked")
    return _changed(s, op, row, items, now, f"already marked, kept: {', '.join(kept)[:300]}" if kept else "")


def close_handover(s: Session, op: Op, now: str) -> OpResult:
    require_role(s, WRITERS, "take over a shift")
    if set(op.payload) - {"state", "by"} or op.payload.get("state") != contract.HandoverState.CLOSED.value:
        raise OpRejected('a handover advances only to {"state": "closed", "by": ...}')
    by = text_check(op.payload.get("by", ""), "by", contract.NAME_MAX)
    row = s.get(HandoverRow, op.entity_id)
    if row is None:
        raise OpRejected("handover unknown")
    if row.state == contract.HandoverState.CLOSED.value:
        return OpResult(op_id=op.op_id, status="merged", reason="the handover is closed already")
    items = json.loads(row.items)
    pending = sum(1 for i in items if i["state"] == contract.ItemState.PENDING.value)
    if pending:
        raise OpRejected(f"{pending} items are neither confirmed nor questioned: the handover stays open")
    row.state, row.closed_by, row.closed_at = contract.HandoverState.CLOSED.value, by, received(op, now)
    return _changed(s, op, row, items, now, "")


def _changed(s: Session, op: Op, row: HandoverRow, items: list[dict], now: str, reason: str) -> OpResult:
    actor = actor_of(s)
    row.items = json.dumps(items, ensure_ascii=False)
    row.version += 1
    row.updated_at, row.updated_by_account, row.updated_workstation = now, actor.account, actor.workstation
    s.flush()
    seq = record_change(s, "handover", row.id, now)
    return OpResult(op_id=op.op_id, status="merged" if reason else "applied", reason=reason, seq=seq)


DUTY_SIGNIN = ServerKind("duty_signin", DutySignInRow, {"create": create_signin},
                         ("id", *SIGNIN_TEXTS, "signed_at", "confirmed_at", "updated_at", "version", *ACCOUNT_COLUMNS),
                         references=("shift_pattern",))
HANDOVER = ServerKind("handover", HandoverRow, {"create": create_handover, "update": mark_items,
                                                "advance": close_handover},
                      ("id", *HANDOVER_TEXTS, "starts_at", "ends_at", "state", "handed_over_at", "closed_by",
                       "closed_at", "items", "updated_at", "version", *ACCOUNT_COLUMNS),
                      json_columns={"items": "[]"}, references=("shift_pattern",))
