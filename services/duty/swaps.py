"""调班: an officer offers their place on a shift to another (or an exchange for
the other's place), the other accepts or declines with a reason, and the
值班长 or an admin approves or rejects; every step is kept with who took it.
The life is forward-only (services/duty/contract.py): an approved swap is
undone only by a new swap that reverses it. Approval moves the people on the
roster, checked by the roster's rules first; the platform does the same on
its side when the approval reaches it."""

from __future__ import annotations

import json
import uuid

from sqlalchemy import select

from offline_cache.duty_schema import DutySwapRow, RosterEntryRow
from services.duty.checks import Assignment, check_assignments
from services.duty.contract import (
    APPROVERS,
    SWAP_BY_APPROVER,
    SWAP_NEEDS_REASON,
    Person,
    Post,
    SwapStatus,
    same_person,
    swap_can_move,
)
from services.duty.model import Swap, cell_of, swap_of
from services.duty.refusals import REVERSED, DutyRefused, Refusal
from services.duty.room import DutyBase
from services.events import RecordsChanged
from services.input_checks import clean_text
from services.outbox import RECORD, queue
from services.timefmt import to_db


def swapped(giver_cell, taker: Person, counter_cell) -> list[Assignment]:
    """The roster changes of an approved swap: the taker takes the giver's cell, and in
    an exchange the giver takes the taker's."""
    def to(cell, person: Person) -> Assignment:
        return Assignment(cell.day, cell.pattern_id, Post(cell.post), cell.slot, person, cell.note)

    changes = [to(giver_cell, taker)]
    if counter_cell is not None:
        changes.append(to(counter_cell, giver_cell.person))
    return changes


class SwapService(DutyBase):
    def offer(self, entry_id: str, taker: Person, reason: str, author: str, *, counter_entry_id: str = "",
              reverses: str = "") -> Swap:
        """提出调班 for the cell `entry_id` (its person gives it) to `taker`."""
        taker = Person(clean_text(taker.name, single_line=True), clean_text(taker.phone, single_line=True),
                       taker.contact_id)
        reason, author = clean_text(reason, single_line=True)[:500], clean_text(author, single_line=True)[:100]
        if taker.empty:
            raise DutyRefused([Refusal("person_required")])
        now = self.clock.now()
        sid = str(uuid.uuid4())
        with self.mirror.write() as s:
            giver, counter = self._cells(s, entry_id, counter_entry_id)
            if giver.person.empty or same_person(giver.person, taker):
                raise DutyRefused([Refusal("not_party", giver.person.name or taker.name)])
            if counter is not None and not same_person(counter.person, taker):
                raise DutyRefused([Refusal("not_party", taker.name, counter.person.name)])
            self._check(s, giver, taker, counter)
            steps = [{"status": SwapStatus.OFFERED.value, "by": author, "at": to_db(now), "reason": reason}]
            values = {"room": self.room.code, "entry_id": entry_id, "counter_entry_id": counter_entry_id,
                      "from_name": giver.person.name, "from_phone": giver.person.phone,
                      "from_contact_id": giver.person.contact_id, "to_name": taker.name, "to_phone": taker.phone,
                      "to_contact_id": taker.contact_id, "reason": reason, "reverses": reverses}
            s.add(DutySwapRow(id=sid, **values, status=SwapStatus.OFFERED.value, steps=json.dumps(steps, ensure_ascii=False),
                              created_at=to_db(now), updated_at=to_db(now), version=1, sync_state="pending"))
            queue(s, "duty_swap", sid, "create", 0, {"id": sid, **values, "by": author}, RECORD, now, sid)
        self.events.publish(RecordsChanged("duty_swap", (sid,)))
        return self.get(sid)

    def reverse(self, swap_id: str, reason: str, author: str) -> Swap:
        """A new swap that undoes an approved one (the only way to cancel it)."""
        old = self.get(swap_id)
        if old.status != SwapStatus.APPROVED:
            raise DutyRefused([Refusal("swap_move", old.status.value, REVERSED)])
        return self.offer(old.entry_id, old.giver, reason, author, counter_entry_id=old.counter_entry_id,
                          reverses=old.id)

    def step(self, swap_id: str, status: SwapStatus, author: str, reason: str = "") -> Swap:
        """同意 / 婉拒 / 批准 / 不批准 / 撤回. Approval moves the people on the roster."""
        status = SwapStatus(status)
        reason, author = clean_text(reason, single_line=True)[:500], clean_text(author, single_line=True)[:100]
        if status in SWAP_BY_APPROVER:
            self.require_role(APPROVERS, "not_approver")
        if status in SWAP_NEEDS_REASON and not reason:
            raise DutyRefused([Refusal("reason_required", status.value)])
        now = self.clock.now()
        moved: list[str] = []
        with self.mirror.write() as s:
            row = s.scalar(select(DutySwapRow).where(DutySwapRow.id == swap_id))
            if row is None:
                raise DutyRefused([Refusal("unknown_swap", swap_id)])
            if not swap_can_move(SwapStatus(row.status), status):
                raise DutyRefused([Refusal("swap_move", row.status, status.value)])
            if status == SwapStatus.APPROVED:
                swap = swap_of(row)
                giver, counter = self._cells(s, swap.entry_id, swap.counter_entry_id)
                placed = self._check(s, giver, swap.taker, counter)
                moved = [p.id for p in placed]
                for p in placed:  # the platform moves them too when the approval reaches it
                    cell = s.scalar(select(RosterEntryRow).where(RosterEntryRow.id == p.id))
                    person = p.assignment.person
                    cell.person_name, cell.phone, cell.contact_id = person.name, person.phone, person.contact_id
                    cell.updated_at = to_db(now)
            steps = json.loads(row.steps or "[]")
            steps.append({"status": status.value, "by": author, "at": to_db(now), "reason": reason})
            row.status, row.steps = status.value, json.dumps(steps, ensure_ascii=False)
            row.version, row.updated_at, row.sync_state = row.version + 1, to_db(now), "pending"
            queue(s, "duty_swap", swap_id, "advance", row.version - 1,
                  {"status": status.value, "by": author, "reason": reason}, RECORD, now, swap_id)
        self.events.publish(RecordsChanged("duty_swap", (swap_id,)))
        if moved:
            self.events.publish(RecordsChanged("roster_entry", tuple(moved)))
        return self.get(swap_id)

    def get(self, swap_id: str) -> Swap:
        with self.mirror.read() as s:
            row = s.scalar(select(DutySwapRow).where(DutySwapRow.id == swap_id))
        if row is None:
            raise DutyRefused([Refusal("unknown_swap", swap_id)])
        return swap_of(row)

    def listed(self, *, open_only: bool = False, limit: int = 500) -> list[Swap]:
        """The room's swaps, newest first (open ones: those still waiting for a step)."""
        query = select(DutySwapRow).where(DutySwapRow.room == self.room.code)
        if open_only:
            query = query.where(DutySwapRow.status.in_((SwapStatus.OFFERED.value, SwapStatus.ACCEPTED.value)))
        with self.mirror.read() as s:
            return [swap_of(r) for r in s.scalars(query.order_by(DutySwapRow.created_at.desc()).limit(limit))]

    def _cells(self, s, entry_id: str, counter_entry_id: str):
        rows = {r.id: r for r in s.scalars(select(RosterEntryRow).where(
            RosterEntryRow.id.in_([i for i in (entry_id, counter_entry_id) if i])))}
        if entry_id not in rows or (counter_entry_id and counter_entry_id not in rows):
            raise DutyRefused([Refusal("unknown_entry", entry_id)])
        giver = cell_of(rows[entry_id])
        return giver, cell_of(rows[counter_entry_id]) if counter_entry_id else None

    def _check(self, s, giver, taker: Person, counter):
        placed, problems = check_assignments(s, self.room.code, swapped(giver, taker, counter), self.patterns_in(s),
                                             self.room.local_day(self.clock.now()), self.room.max_hours)
        problems = {n: [r for r in rs if r.code != "day_range"] for n, rs in problems.items()}
        refusals = [r for n in sorted(problems) for r in problems[n]]
        if refusals:
            raise DutyRefused(refusals)
        return placed
