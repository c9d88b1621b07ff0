"""值班提醒 on the platform: a watch room's reminders (merged field by field like
every record without a timeline) and their completions, one per occurrence,
with the account that ticked it off from the token. The rules are
services/reminders/contract.py's; when an occurrence falls due is worked out
by each workstation in the room's zone (services/reminders/schedule.py)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.actor import actor_of
from server.change_log import record_change
from server.columns import check_columns
from server.db import Base, account_column, workstation_column
from server.merged_record import ACCOUNT_COLUMNS, MergedRecord
from server.op_checks import OpRejected, capped, parse_time, received, same_id, text_check
from server.record_kind import ServerKind
from services.reminders.contract import (
    BY_MAX,
    FIELDS,
    NOTE_MAX,
    SITE_MAX,
    TITLE_MAX,
    done_id,
    field_problem,
    occurrence_key,
)
from services.sync.wire import Op, OpResult


class ReminderRow(Base):
    """A timed task of one watch room; `times` (JSON) for a daily one, `minute` for an hourly one."""

    __tablename__ = "reminders"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_code: Mapped[str] = mapped_column(String(SITE_MAX), index=True)
    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    kind: Mapped[str] = mapped_column(String(24))
    schedule: Mapped[str] = mapped_column(String(8))
    times: Mapped[str] = mapped_column(Text, default="[]")
    minute: Mapped[int] = mapped_column(Integer, default=0)
    window_minutes: Mapped[int] = mapped_column(Integer, default=30)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    since: Mapped[str] = mapped_column(String(40), default="")  # occurrences before it do not count
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    field_clock: Mapped[str] = mapped_column(Text, default="{}")


class ReminderDoneRow(Base):
    """One occurrence of a reminder, done: by whom (the token's account beside the
    name typed) and when (the workstation's time, never later than its receipt)."""

    __tablename__ = "reminder_done"
    __table_args__ = (Index("ix_reminder_done_reminder", "reminder_id", "due_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reminder_id: Mapped[str] = mapped_column(String(36))
    site_code: Mapped[str] = mapped_column(String(SITE_MAX))
    due_at: Mapped[str] = mapped_column(String(40))
    done_at: Mapped[str] = mapped_column(String(40))
    done_by: Mapped[str] = mapped_column(String(BY_MAX), default="")
    note: Mapped[str] = mapped_column(String(NOTE_MAX), default="")
    done_by_account: Mapped[str] = account_column()
    done_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


def check_value(name: str, value: Any) -> Any:
    if name == "since":
        return occurrence_key(parse_time(value, "since")) if value else ""
    problem = field_problem(name, value)
    if problem:
        raise OpRejected(problem)
    if name in ("site_code", "title"):
        return text_check(value, name, SITE_MAX if name == "site_code" else TITLE_MAX, required=True)
    if name == "times":
        return json.dumps(sorted(value))
    return value


_RECORD = MergedRecord("reminder", ReminderRow, ("id", "site_code", "title", "kind", "schedule"), check_value,
                       {"times": "[]"})
REMINDER = ServerKind("reminder", ReminderRow, _RECORD.handlers,
                      ("id", *FIELDS, "since", "updated_at", "version", *ACCOUNT_COLUMNS),
                      json_columns={"times": "[]"})

DONE_FIELDS = frozenset({"id", "reminder_id", "due_at", "done_at", "done_by", "note"})


def create_done(s: Session, op: Op, now: str) -> OpResult:
    """{"id", "reminder_id", "due_at", "done_at", "done_by", "note"}: the id is the
    occurrence's own (contract.done_id), so the same occurrence done twice is one."""
    payload = op.payload
    if not set(payload) <= DONE_FIELDS or not {"id", "reminder_id", "due_at", "done_at"} <= set(payload):
        raise OpRejected('a completion is {"id", "reminder_id", "due_at", "done_at", "done_by", "note"}')
    same_id(op)
    reminder_id = text_check(payload["reminder_id"], "reminder_id", 36, required=True)
    due_at = parse_time(payload["due_at"], "due_at")
    if op.entity_id != done_id(reminder_id, due_at):
        raise OpRejected("a completion's id is made from its reminder and occurrence")
    done_at = capped(payload["done_at"], received(op, now))
    by = text_check(payload.get("done_by", ""), "done_by", BY_MAX)
    note = text_check(payload.get("note", ""), "note", NOTE_MAX)
    if s.get(ReminderDoneRow, op.entity_id) is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason="already done")
    reminder = s.get(ReminderRow, reminder_id)
    if reminder is None:
        raise OpRejected("reminder unknown")
    values = {"id": op.entity_id, "reminder_id": reminder_id, "site_code": reminder.site_code,
              "due_at": occurrence_key(due_at), "done_at": done_at, "done_by": by, "note": note}
    check_columns(ReminderDoneRow, values)
    actor = actor_of(s)
    s.add(ReminderDoneRow(**values, updated_at=now, version=1, done_by_account=actor.account,
                          done_workstation=actor.workstation))
    s.flush()
    return OpResult(op_id=op.op_id, status="applied", seq=record_change(s, "reminder_done", op.entity_id, now))


REMINDER_DONE = ServerKind("reminder_done", ReminderDoneRow, {"create": create_done},
                           ("id", "reminder_id", "site_code", "due_at", "done_at", "done_by", "note",
                            "done_by_account", "done_workstation", "updated_at", "version"),
                           references=("reminder",))
