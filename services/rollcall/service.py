"""Roll calls at the watch room: which ones wait for this room's answer, the
answer itself (an operation for the platform, which stamps it with its own
time and the signed-in account), and posting one (a commander's workstation;
the platform checks the role). Nothing here answers by itself: only
`answer`, called when a person presses the button, does."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from offline_cache.database import Mirror
from offline_cache.duty_rollcall_schema import RollCallRow
from services.clock import Clock, SystemClock
from services.errors import NotFound
from services.events import EventBus, RecordsChanged
from services.input_checks import Problem, ValidationError, check_length, clean_text
from services.outbox import URGENT, queue
from services.rollcall.contract import (
    ANSWERED,
    BY_MAX,
    DEFAULT_ALLOWED_S,
    FINAL,
    LATE,
    MESSAGE_MAX,
    MISSED,
    PENDING,
    STEP_ANSWER,
    allowed_problem,
    deadline_of,
)
from services.timefmt import from_db, to_db

# A roll call still waiting for this room is offered for a late answer this long after it was posted.
PROMPT_WINDOW = timedelta(hours=2)


@dataclass(frozen=True)
class RollCall:
    id: str
    site_code: str
    message: str
    allowed_s: int
    posted_at: datetime
    deadline: datetime
    state: str  # services/rollcall/contract.py, as the platform last said
    answered_at: datetime | None  # the platform's time of the answer
    answered_by: str
    answered_by_account: str
    answered_here_at: datetime | None  # when this workstation's officer pressed answer
    posted_by_account: str
    pending_sync: bool

    @property
    def answered(self) -> bool:
        return self.state in FINAL

    @property
    def waiting(self) -> bool:
        """Nobody has answered it, here or (as far as the platform said) anywhere."""
        return self.state in (PENDING, MISSED) and self.answered_here_at is None


@dataclass(frozen=True)
class RollCallStatus:
    """For the dashboard: the roll call waiting now (if any) and the last one settled."""

    waiting: RollCall | None
    last: RollCall | None


def _rollcall(row: RollCallRow) -> RollCall:
    return RollCall(row.id, row.site_code, row.message, row.allowed_s, from_db(row.posted_at),
                    from_db(row.deadline), row.state, from_db(row.answered_at or None), row.answered_by,
                    row.answered_by_account, from_db(row.answered_here_at or None), row.created_by_account,
                    row.sync_state == "pending")


class RollCallService:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None, *,
                 site_code: str = ""):
        """`site_code`: this watch room; its roll calls are the ones to answer here."""
        self.mirror, self.site_code = mirror, site_code
        self.events = events or EventBus()
        self.clock = clock or SystemClock()

    def to_answer(self) -> list[RollCall]:
        """This room's roll calls nobody has answered yet, oldest first (posted
        within PROMPT_WINDOW: a workstation started hours later digs up nothing)."""
        since = to_db(self.clock.now() - PROMPT_WINDOW)
        with self.mirror.read() as s:
            rows = s.scalars(select(RollCallRow).where(
                RollCallRow.site_code == self.site_code, RollCallRow.posted_at >= since,
                RollCallRow.state.in_((PENDING, MISSED)), RollCallRow.answered_here_at == "")
                .order_by(RollCallRow.posted_at))
            return [_rollcall(r) for r in rows]

    def answer(self, rollcall_id: str, by: str) -> RollCall:
        """The officer's answer, as the operation the platform stamps; `by` is the
        name shown beside the account the platform takes from the token."""
        by = clean_text(by, single_line=True)[:BY_MAX]
        now = self.clock.now()
        with self.mirror.write() as s:
            row = self._row(s, rollcall_id)
            if row.answered_here_at or row.state in FINAL:
                raise ValidationError([Problem("rollcall", "answered")])
            row.answered_here_at, row.answered_by = to_db(now), by
            row.sync_state = "pending"
            queue(s, "rollcall", rollcall_id, "advance", 0, {"step": STEP_ANSWER, "by": by}, URGENT, now,
                  rollcall_id)
        self.events.publish(RecordsChanged("rollcall", (rollcall_id,)))
        return self.get(rollcall_id)

    def post(self, site_code: str, allowed_s: int = DEFAULT_ALLOWED_S, message: str = "") -> RollCall:
        """A roll call of `site_code` (a commander's workstation; the platform refuses
        other roles). The times here are a guess until the platform's come back."""
        site_code = clean_text(site_code, single_line=True)
        message = clean_text(message, single_line=True)
        problems: list[Problem] = []
        if not site_code:
            problems.append(Problem("site_code", "required"))
        check_length(problems, "site_code", site_code, 32)
        check_length(problems, "message", message, MESSAGE_MAX)
        if allowed_problem(allowed_s):
            problems.append(Problem("allowed_s", "out_of_range"))
        if problems:
            raise ValidationError(problems)
        now = self.clock.now()
        rid = str(uuid.uuid4())
        with self.mirror.write() as s:
            s.add(RollCallRow(id=rid, site_code=site_code, message=message, allowed_s=allowed_s,
                              posted_at=to_db(now), deadline=to_db(deadline_of(now, allowed_s)), state=PENDING,
                              answered_at="", answered_by="", answered_here_at="", updated_at=to_db(now),
                              version=1, sync_state="pending"))
            queue(s, "rollcall", rid, "create", 0, {"id": rid, "site_code": site_code, "allowed_s": allowed_s,
                                                    "message": message}, URGENT, now, rid)
        self.events.publish(RecordsChanged("rollcall", (rid,)))
        return self.get(rid)

    def get(self, rollcall_id: str) -> RollCall:
        with self.mirror.read() as s:
            return _rollcall(self._row(s, rollcall_id))

    def status(self) -> RollCallStatus:
        """On a reader: the one waiting for this room, and the last one settled."""
        waiting = self.to_answer()
        with self.mirror.read() as s:
            last = s.scalar(select(RollCallRow).where(
                RollCallRow.site_code == self.site_code,
                (RollCallRow.state.in_((ANSWERED, LATE, MISSED))) | (RollCallRow.answered_here_at != ""))
                .order_by(RollCallRow.posted_at.desc()).limit(1))
            settled = _rollcall(last) if last is not None else None
        pending = [r for r in waiting if r.state == PENDING] or waiting
        return RollCallStatus(pending[-1] if pending else None, settled)

    def between(self, start: datetime, end: datetime, *, site_code: str | None = None) -> list[RollCall]:
        """Posted in [start, end), of this room (or `site_code`), in time order."""
        site = self.site_code if site_code is None else site_code
        with self.mirror.read() as s:
            rows = s.scalars(select(RollCallRow).where(RollCallRow.site_code == site,
                                                       RollCallRow.posted_at >= to_db(start),
                                                       RollCallRow.posted_at < to_db(end))
                             .order_by(RollCallRow.posted_at))
            return [_rollcall(r) for r in rows]

    @staticmethod
    def _row(s, rollcall_id: str) -> RollCallRow:
        row = s.scalar(select(RollCallRow).where(RollCallRow.id == rollcall_id))
        if row is None:
            raise NotFound(f"roll call {rollcall_id}")
        return row
