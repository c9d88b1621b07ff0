"""调班 on the platform: offered by anyone on duty, accepted or declined (with a
reason), approved or rejected (with a reason) only by the 值班长 (duty_chief)
or an admin, withdrawn by the account that offered it or an approver. Every
step is kept with the name typed and the token's account. The life only moves
forward (services/duty/contract.py): a step the swap is past is answered
`merged` and changes nothing; an approved swap is undone only by a new swap.
Approval moves the people on the roster, each cell checked like any roster
change (server/duty_roster.py): a swap that would put someone on overlapping
shifts is refused, and the swap stays accepted."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from server.actor import actor_of
from server.change_log import record_change
from server.columns import check_columns
from server.duty_roster import require_role, set_person
from server.duty_tables import DutySwapRow, RosterEntryRow
from server.merged_record import ACCOUNT_COLUMNS
from server.op_checks import OpRejected, received, same_id, text_check
from server.record_kind import ServerKind
from services.duty import contract
from services.sync.wire import Op, OpResult

WRITERS = frozenset({"duty_officer", "duty_chief", "commander", "admin"})
TEXTS = {"room": contract.ROOM_MAX, "entry_id": 36, "counter_entry_id": 36, "reason": contract.REASON_MAX,
         "reverses": 36, "by": contract.NAME_MAX,
         **{f"{side}_{k}": n for side in ("from", "to") for k, n in
            (("name", contract.NAME_MAX), ("phone", contract.PHONE_MAX), ("contact_id", 36))}}
RECORD_FIELDS = ("id", "room", "entry_id", "counter_entry_id", "from_name", "from_phone", "from_contact_id", "to_name",
                 "to_phone", "to_contact_id", "reason", "reverses", "status", "steps", "created_at", "updated_at",
                 "version", *ACCOUNT_COLUMNS)


def _step(s: Session, status: contract.SwapStatus, by: str, at: str, reason: str) -> dict:
    return {"status": status.value, "by": by, "at": at, "reason": reason, "account": actor_of(s).account}


def create_swap(s: Session, op: Op, now: str) -> OpResult:
    require_role(s, WRITERS, "offer a swap")
    payload = op.payload
    unknown = set(payload) - {"id", *TEXTS}
    if unknown or not payload.get("entry_id") or not payload.get("to_name"):
        raise OpRejected(f"swap: unknown {sorted(unknown)}, or no cell or person to take it")
    same_id(op)
    if s.get(DutySwapRow, op.entity_id) is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason="swap already recorded")
    values = {k: text_check(payload.get(k, ""), k, limit) for k, limit in TEXTS.items()}
    if not contract.PHONE.match(values["to_phone"]) or not contract.PHONE.match(values["from_phone"]):
        raise OpRejected("a phone is not a phone number")
    for cid in (values["entry_id"], values["counter_entry_id"]):
        if cid and s.get(RosterEntryRow, cid) is None:
            raise OpRejected("the roster cell of this swap is unknown")
    by = values.pop("by")
    at = received(op, now)
    actor = actor_of(s)
    row = DutySwapRow(id=op.entity_id, **values, status=contract.SwapStatus.OFFERED.value,
                      steps=json.dumps([_step(s, contract.SwapStatus.OFFERED, by, at, values["reason"])],
                                       ensure_ascii=False),
                      offered_by_account=actor.account, updated_by_account=actor.account,
                      updated_workstation=actor.workstation, created_at=at, updated_at=now, version=1)
    check_columns(DutySwapRow, values)
    s.add(row)
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "duty_swap", row.id, now))


def advance_swap(s: Session, op: Op, now: str) -> OpResult:
    """{"status", "by", "reason"}: a step forward, or `merged` when the swap is past it."""
    payload = op.payload
    if not set(payload) <= {"status", "by", "reason"} or "status" not in payload:
        raise OpRejected('a swap step is {"status": ..., "by": ..., "reason": ...}')
    try:
        status = contract.SwapStatus(payload["status"])
    except ValueError:
        raise OpRejected(f"unknown swap status {str(payload['status'])[:20]!r}") from None
    by = text_check(payload.get("by", ""), "by", contract.NAME_MAX)
    reason = text_check(payload.get("reason", ""), "reason", contract.REASON_MAX)
    row = s.get(DutySwapRow, op.entity_id)
    if row is None:
        raise OpRejected("swap unknown")
    actor = actor_of(s)
    if status in contract.SWAP_BY_APPROVER:
        require_role(s, contract.APPROVERS, "approve or reject a swap")
    elif status == contract.SwapStatus.WITHDRAWN and actor.account != row.offered_by_account:
        require_role(s, contract.APPROVERS, "withdraw another account's swap")
    else:
        require_role(s, WRITERS, "answer a swap")
    if status in contract.SWAP_NEEDS_REASON and not reason.strip():
        raise OpRejected(f"a swap is {status.value} with a reason")
    current = contract.SwapStatus(row.status)
    if not contract.swap_can_move(current, status):
        return OpResult(op_id=op.op_id, status="merged", reason=f"swap is {current.value}; {status.value} not applied")
    at = received(op, now)
    if status == contract.SwapStatus.APPROVED:
        _move_people(s, row, at, op.op_id, now)
    steps = json.loads(row.steps or "[]")
    steps.append(_step(s, status, by, at, reason))
    row.status, row.steps = status.value, json.dumps(steps, ensure_ascii=False)
    row.version += 1
    row.updated_at, row.updated_by_account, row.updated_workstation = now, actor.account, actor.workstation
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "duty_swap", row.id, now))


def _move_people(s: Session, row: DutySwapRow, at: str, op_id: str, now: str) -> None:
    giver = s.get(RosterEntryRow, row.entry_id)
    counter = s.get(RosterEntryRow, row.counter_entry_id) if row.counter_entry_id else None
    if giver is None or (row.counter_entry_id and counter is None):
        raise OpRejected("the roster cell of this swap is unknown")
    giver_person = {"person_name": giver.person_name, "phone": giver.phone, "contact_id": giver.contact_id,
                    "note": giver.note}
    moves = [(giver, {"person_name": row.to_name, "phone": row.to_phone, "contact_id": row.to_contact_id,
                      "note": giver.note})]
    if counter is not None:
        moves.append((counter, {**giver_person, "note": counter.note}))
    for cell, _values in moves:  # both leave first, so an exchange does not collide with itself
        cell.person_name, cell.phone, cell.contact_id = "", "", ""
    s.flush()
    for cell, values in moves:
        if set_person(s, cell, values, at, op_id, now) is None:
            raise OpRejected("a later change of the roster cell is in: the swap was not applied")


DUTY_SWAP = ServerKind("duty_swap", DutySwapRow, {"create": create_swap, "advance": advance_swap}, RECORD_FIELDS,
                       json_columns={"steps": "[]"}, references=("roster_entry",))
