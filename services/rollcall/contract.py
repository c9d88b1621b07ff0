"""The life of a roll call (查岗/点名), shared by the platform and the client so
both read it the same way:

    待应答 pending → 已应答 answered (by the deadline)
                   → 迟到应答 late (answered after it)
                   → 未应答 missed (the platform's clock passed the deadline) → late

Only a person answers, and only the platform decides: the answer's time is the
platform's receipt, and `missed` is written by the platform when its own clock
passes the deadline, never by a workstation's. A missed roll call answered
later becomes `late`: the room was manned, late. Nothing moves back."""

from __future__ import annotations

from datetime import datetime, timedelta

PENDING, ANSWERED, LATE, MISSED = "pending", "answered", "late", "missed"
STATES = (PENDING, ANSWERED, LATE, MISSED)
FINAL = frozenset({ANSWERED, LATE})  # answered one way or the other: nothing follows
DEFAULT_ALLOWED_S = 180  # 3 minutes, the usual time to answer
MIN_ALLOWED_S, MAX_ALLOWED_S = 30, 3600
MESSAGE_MAX = 200
BY_MAX = 100
SITE_MAX = 32
POSTERS = ("commander", "admin")  # who may post one (and the API, with such a token)
ANSWERERS = ("duty_officer", "commander", "admin")  # people at a watch room's workstation
STEP_ANSWER, STEP_EXPIRE = "answer", "expire"

_NEXT = {PENDING: frozenset({ANSWERED, LATE, MISSED}), MISSED: frozenset({LATE}), ANSWERED: frozenset(),
         LATE: frozenset()}


def can_move(current: str, new: str) -> bool:
    return new in _NEXT.get(current, frozenset())


def deadline_of(posted_at: datetime, allowed_s: int) -> datetime:
    return posted_at + timedelta(seconds=allowed_s)


def after_answer(state: str, answered_at: datetime, deadline: datetime) -> str | None:
    """The state an answer received at `answered_at` (the platform's time) leads
    to, or None when it changes nothing (already answered)."""
    new = ANSWERED if state == PENDING and answered_at <= deadline else LATE
    return new if can_move(state, new) else None


def after_expiry(state: str, now: datetime, deadline: datetime) -> str | None:
    """MISSED once the platform's clock has passed the deadline of an unanswered one."""
    return MISSED if state == PENDING and now > deadline else None


def allowed_problem(value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_ALLOWED_S <= value <= MAX_ALLOWED_S:
        return f"allowed_s must be a whole number of seconds from {MIN_ALLOWED_S} to {MAX_ALLOWED_S}"
    return None
