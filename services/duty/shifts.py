"""接班签到 and who is on duty. An officer signs in to a shift with their platform
account; at a backup site without a link the sign-in is recorded here and the
platform confirms it when the link returns (it checks the account against the
token that uploads it). A shift is taken over only after the one before it
has handed over (its 交接班记录 exists), unless the officer overrides with a
reason, which is recorded. Who is on duty now comes from the roster and the
sign-ins, never from the config."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import or_, select

from offline_cache.duty_schema import DutySignInRow, HandoverRow
from services.duty.contract import (
    ACCOUNT_MAX,
    NAME_MAX,
    REASON_MAX,
    Post,
    handover_id,
    previous_instance,
)
from services.duty.model import Cell, Handover, Shift, SignIn, handover_of, signin_of
from services.duty.refusals import DutyRefused, Refusal
from services.duty.roster import RosterService
from services.events import RecordsChanged
from services.input_checks import clean_text
from services.outbox import RECORD, queue
from services.timefmt import to_db

EARLY = timedelta(hours=2)  # a shift may be taken over this long before it starts


@dataclass(frozen=True)
class Chain:
    """Where a shift stands in the chain of handovers: the shift before it and its handover."""

    shift: Shift
    previous: Shift | None
    handover: Handover | None  # the previous shift's, None when it has not handed over

    @property
    def handed_over(self) -> bool:
        return self.previous is None or self.handover is not None


@dataclass(frozen=True)
class OnDuty:
    """Who is on duty now: the shift, its roster by post, who has signed in, the next handover."""

    shift: Shift | None
    cells: tuple[Cell, ...]
    signins: tuple[SignIn, ...]
    next_handover: datetime | None
    handover: Handover | None  # this shift's own, once it has handed over

    def names(self, post: Post) -> list[str]:
        return [c.person.name for c in self.cells if c.post == post and not c.person.empty]

    def signed_in(self, name: str) -> SignIn | None:
        return next((s for s in self.signins if s.person_name == name), None)


class ShiftService(RosterService):
    def chain(self, shift: Shift) -> Chain:
        patterns = self.patterns()
        found = previous_instance(patterns, shift.day, shift.pattern.id)
        if found is None:
            return Chain(shift, None, None)
        day, pattern = found
        previous = self.shift_of(day, pattern.id, patterns)
        return Chain(shift, previous, self.handover_of(day.isoformat(), pattern.id))

    def handover_of(self, day: str, pattern_id: str) -> Handover | None:
        with self.mirror.read() as s:
            row = s.scalar(select(HandoverRow).where(HandoverRow.id == handover_id(self.room.code, day, pattern_id)))
        return handover_of(row) if row is not None else None

    def sign_in(self, shift: Shift, post: Post, person_name: str, account: str, *, contact_id: str = "",
                override_reason: str = "", workstation: str = "") -> SignIn:
        """接班: refused (DutyRefused "chain") while the shift before has not handed over,
        unless `override_reason` says why it is taken over anyway."""
        person_name = clean_text(person_name, single_line=True)[:NAME_MAX]
        account = clean_text(account, single_line=True)[:ACCOUNT_MAX]
        override_reason = clean_text(override_reason, single_line=True)[:REASON_MAX]
        now = self.clock.now()
        problems = []
        if not person_name:
            problems.append(Refusal("person_required"))
        if not account:
            problems.append(Refusal("account_required"))
        if not shift.start - EARLY <= now < shift.end:
            problems.append(Refusal("not_current", shift.label))
        chain = self.chain(shift)
        if not chain.handed_over and not override_reason:
            problems.append(Refusal("chain", shift.label, chain.previous.label))
        if problems:
            raise DutyRefused(problems)
        sid = str(uuid.uuid4())
        values = {"room": self.room.code, "day": shift.day.isoformat(), "pattern_id": shift.pattern.id,
                  "post": Post(post).value, "person_name": person_name, "contact_id": contact_id,
                  "account": account, "workstation": workstation[:64], "signed_at": to_db(now),
                  "override_reason": override_reason if not chain.handed_over else "",
                  "follows_handover": chain.handover.id if chain.handover else ""}
        with self.mirror.write() as s:
            s.add(DutySignInRow(id=sid, **values, confirmed_at="", updated_at=to_db(now), version=1,
                                sync_state="pending"))
            queue(s, "duty_signin", sid, "create", 0, {"id": sid, **values}, RECORD, now, sid)
        self.events.publish(RecordsChanged("duty_signin", (sid,)))
        return self.signin(sid)

    def signin(self, signin_id: str) -> SignIn:
        with self.mirror.read() as s:
            return signin_of(s.scalar(select(DutySignInRow).where(DutySignInRow.id == signin_id)))

    def signins(self, shift: Shift) -> list[SignIn]:
        with self.mirror.read() as s:
            rows = s.scalars(select(DutySignInRow).where(
                DutySignInRow.room == self.room.code, DutySignInRow.day == shift.day.isoformat(),
                DutySignInRow.pattern_id == shift.pattern.id).order_by(DutySignInRow.signed_at)).all()
        return [signin_of(r) for r in rows]

    def on_duty(self, at: datetime | None = None) -> OnDuty:
        """The shift under way, its roster and sign-ins, and when it hands over next."""
        at = at or self.clock.now()
        patterns = self.patterns(active_only=True)
        shift = self.shift_at(at, patterns)
        if shift is None:
            coming = self.next_shift(at, patterns)
            return OnDuty(None, (), (), coming.start if coming else None, None)
        return OnDuty(shift, tuple(self.cells_of(shift)), tuple(self.signins(shift)), shift.end,
                      self.handover_of(shift.day.isoformat(), shift.pattern.id))

    def current_officer(self, account: str, workstation: str, at: datetime | None = None) -> SignIn | None:
        """The officer signed in at this workstation (or with its platform account) on a shift
        that is under way, or that ended but has not handed over yet: the name for new entries."""
        at = at or self.clock.now()
        since = to_db(at - timedelta(days=2))
        with self.mirror.read() as s:
            rows = s.scalars(select(DutySignInRow).where(
                DutySignInRow.room == self.room.code, DutySignInRow.signed_at >= since,
                or_(DutySignInRow.workstation == workstation, DutySignInRow.account == account)
                if account else DutySignInRow.workstation == workstation)
                .order_by(DutySignInRow.signed_at.desc()).limit(20)).all()
        patterns = self.patterns()
        for row in rows:
            if not (workstation and row.workstation == workstation) and not (account and row.account == account):
                continue
            shift = self.shift_of(datetime.fromisoformat(row.day).date(), row.pattern_id, patterns)
            if shift is None:
                continue
            if shift.start - EARLY <= at < shift.end or \
                    (at >= shift.end and self.handover_of(row.day, row.pattern_id) is None):
                return signin_of(row)
        return None
