"""The plan library (预案库) on the platform: an admin creates and edits plans,
every account reads them (feed and snapshot). Fields are merged one by one like
every record without a timeline (server/merged_record.py), each checked by the
same contract the client uses (services/plans/contract.py)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.actor import actor_of
from server.change_log import record_change
from server.db import Base, account_column, level_column, workstation_column
from server.merged_record import ACCOUNT_COLUMNS, MergedRecord
from server.op_checks import OpRejected
from server.record_kind import Handler, ServerKind
from services.plans.contract import FIELDS, check_field, platform_codes
from services.sync.wire import Op, OpResult

EDITORS = frozenset({"admin"})
JSON_FIELDS = {"categories": "[]", "types": "[]", "levels": "[]", "command": "{}", "checklist": "[]"}


class PlanRow(Base):
    __tablename__ = "plans"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    plan_type: Mapped[str] = mapped_column(String(16))
    issuer: Mapped[str] = mapped_column(String(100), default="")
    plan_version: Mapped[str] = mapped_column(String(32), default="")
    status: Mapped[str] = mapped_column(String(16))
    categories: Mapped[str] = mapped_column(Text, default="[]")
    types: Mapped[str] = mapped_column(Text, default="[]")
    levels: Mapped[str] = mapped_column(Text, default="[]")
    command: Mapped[str] = mapped_column(Text, default="{}")
    checklist: Mapped[str] = mapped_column(Text, default="[]")
    full_text: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    field_clock: Mapped[str] = mapped_column(Text, default="{}")
    level: Mapped[int] = level_column("plan")


def check_value(name: str, value: Any) -> Any:
    problems: list = []
    check_field(name, value, platform_codes(), problems)
    if problems:
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise OpRejected(f"plan {first.path}: {first.code} {first.detail}".strip()[:300] + more)
    return json.dumps(value, ensure_ascii=False) if name in JSON_FIELDS else value


def _admin_only(handler: Handler) -> Handler:
    def checked(s: Session, op: Op, now: str) -> OpResult:
        actor = actor_of(s)
        if actor.role not in EDITORS:
            raise OpRejected(f"account {actor.account or '(platform)'} (role {actor.role or 'none'}) may not "
                             "change plans: only admin")
        return handler(s, op, now)
    return checked


_RECORD = MergedRecord("plan", PlanRow, ("id", "title", "plan_type", "status"), check_value, dict(JSON_FIELDS))
PLAN = ServerKind("plan", PlanRow, {op: _admin_only(h) for op, h in _RECORD.handlers.items()},
                  ("id", *FIELDS, "updated_at", "version", *ACCOUNT_COLUMNS), json_columns=JSON_FIELDS)


def seed_plans(s: Session, plans: list[dict], now: str) -> int:
    """The platform's own copies of plans (the demo's examples), missing ones only."""
    added = 0
    for plan in plans:
        if s.get(PlanRow, plan["id"]) is not None:
            continue
        values = {k: check_value(k, plan[k]) for k in FIELDS}
        s.add(PlanRow(id=plan["id"], **values, updated_at=now, version=1))
        s.flush()
        record_change(s, "plan", plan["id"], now)
        added += 1
    return added
