"""查岗/点名 on the platform: a commander or an admin posts a roll call for a
watch room (an op, or POST /api/v1/rollcalls: server/rollcall_routes.py); a
person at that room's workstation answers it; the platform stamps the answer
with its own time and the token's account, and marks it missed when its own
clock passes the deadline (the sweeper in rollcall_routes.py sends the
`expire` step as the platform). The life is services/rollcall/contract.py."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, Session, mapped_column

from server import audit
from server.actor import actor_of
from server.change_log import record_change
from server.columns import check_columns
from server.db import Base, account_column, workstation_column
from server.op_checks import OpRejected, parse_time, same_id, text_check
from server.record_kind import ServerKind
from services.rollcall.contract import (
    ANSWERERS,
    BY_MAX,
    DEFAULT_ALLOWED_S,
    MESSAGE_MAX,
    PENDING,
    POSTERS,
    SITE_MAX,
    STEP_ANSWER,
    STEP_EXPIRE,
    after_answer,
    after_expiry,
    allowed_problem,
    deadline_of,
)
from services.sync.wire import Op, OpResult


class RollCallRow(Base):
    """A roll call of one watch room (site code) and how it was answered."""

    __tablename__ = "rollcalls"
    __table_args__ = (Index("ix_rollcalls_state_deadline", "state", "deadline"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_code: Mapped[str] = mapped_column(String(SITE_MAX), index=True)
    message: Mapped[str] = mapped_column(String(MESSAGE_MAX), default="")
    allowed_s: Mapped[int] = mapped_column(Integer)
    posted_at: Mapped[str] = mapped_column(String(40))  # the platform's time
    deadline: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(16))
    answered_at: Mapped[str] = mapped_column(String(40), default="")  # the platform's time of receipt
    answered_by: Mapped[str] = mapped_column(String(BY_MAX), default="")  # display name, as the client says
    answered_by_account: Mapped[str] = account_column()  # from the token
    answered_workstation: Mapped[str] = workstation_column()
    created_by_account: Mapped[str] = account_column()  # who posted it
    created_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


COLUMNS = ("id", "site_code", "message", "allowed_s", "posted_at", "deadline", "state", "answered_at",
           "answered_by", "answered_by_account", "answered_workstation", "created_by_account",
           "created_workstation", "updated_at", "version")
CREATE_FIELDS = frozenset({"id", "site_code", "allowed_s", "message"})


def _utc(text: str, name: str) -> datetime:
    return parse_time(text, name).astimezone(UTC)


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat(timespec="milliseconds")


def create_rollcall(s: Session, op: Op, now: str) -> OpResult:
    """{"id", "site_code", "allowed_s", "message"}: posted now, by the platform's clock."""
    actor = actor_of(s)
    if actor.role not in POSTERS:
        raise OpRejected(f"only a commander or an admin may post a roll call; account {actor.account} is "
                         f"{actor.role or 'the platform'}")
    payload = op.payload
    if not set(payload) <= CREATE_FIELDS or not {"id", "site_code"} <= set(payload):
        raise OpRejected('a roll call is {"id", "site_code", "allowed_s", "message"}')
    same_id(op)
    site = text_check(payload["site_code"], "site_code", SITE_MAX, required=True)
    message = text_check(payload.get("message", ""), "message", MESSAGE_MAX)
    allowed = payload.get("allowed_s", DEFAULT_ALLOWED_S)
    problem = allowed_problem(allowed)
    if problem:
        raise OpRejected(problem)
    check_columns(RollCallRow, {"id": op.entity_id})
    if s.get(RollCallRow, op.entity_id) is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason="roll call already posted")
    posted = _utc(now, "server time")
    s.add(RollCallRow(id=op.entity_id, site_code=site, message=message, allowed_s=allowed, posted_at=_iso(posted),
                      deadline=_iso(deadline_of(posted, allowed)), state=PENDING, updated_at=now, version=1,
                      **actor.stamp("created")))
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "rollcall", op.entity_id, now))


def advance_rollcall(s: Session, op: Op, now: str) -> OpResult:
    """{"step": "answer", "by": name} from a person at the room's workstation, or
    {"step": "expire"} from the platform itself; a step that changes nothing
    (answered twice, not yet due) is answered `merged`."""
    payload = op.payload
    step = payload.get("step")
    if step == STEP_ANSWER:
        if not set(payload) <= {"step", "by"}:
            raise OpRejected('an answer is {"step": "answer", "by": name}')
    elif step == STEP_EXPIRE:
        if set(payload) != {"step"}:
            raise OpRejected('an expiry is {"step": "expire"}')
    else:
        raise OpRejected('a roll call step is "answer" or "expire"')
    row = s.get(RollCallRow, op.entity_id)
    if row is None:
        raise OpRejected("roll call unknown")
    actor = actor_of(s)
    at = _utc(now, "server time")
    deadline = _utc(row.deadline, "deadline")
    if step == STEP_EXPIRE:
        if actor.account:
            raise OpRejected("only the platform decides that a roll call was missed, by its own clock")
        new = after_expiry(row.state, at, deadline)
    else:
        if actor.role not in ANSWERERS:
            raise OpRejected(f"account {actor.account} ({actor.role}) may not answer a roll call")
        if op.site_code != row.site_code and actor.role != "admin":
            raise OpRejected(f"this roll call is for watch room {row.site_code}; this workstation is "
                             f"{op.site_code or 'of no watch room'}")
        by = text_check(payload.get("by", ""), "by", BY_MAX)
        new = after_answer(row.state, at, deadline)
        if new is not None:
            row.answered_at, row.answered_by = _iso(at), by
            row.answered_by_account, row.answered_workstation = actor.account, actor.workstation
            audit.append(s, audit.ROLLCALL_ANSWER, actor, "rollcall", row.id,
                         {"site_code": row.site_code, "state": new, "by": by}, at=now)
    if new is None:
        return OpResult(op_id=op.op_id, status="merged", reason=f"roll call is {row.state}; nothing changed")
    row.state = new
    row.version += 1
    row.updated_at = now
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "rollcall", row.id, now))


ROLLCALL = ServerKind("rollcall", RollCallRow, {"create": create_rollcall, "advance": advance_rollcall}, COLUMNS)
