"""Regulations (法规/规章) of the knowledge library on the platform: an admin
creates and edits them, every account reads them (feed and snapshot). Fields
are merged one by one like every record without a timeline
(server/merged_record.py), each checked by the contract the client uses
(services/plans/regulation_contract.py)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.actor import actor_of
from server.change_log import record_change
from server.db import Base, account_column, workstation_column
from server.merged_record import ACCOUNT_COLUMNS, MergedRecord
from server.op_checks import OpRejected
from server.record_kind import Handler, ServerKind
from services.plans.regulation_contract import ENTITY, FIELDS, check_field
from services.sync.wire import Op, OpResult

EDITORS = frozenset({"admin"})
JSON_FIELDS = {"plan_ids": "[]"}


class RegulationRow(Base):
    __tablename__ = "regulations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(100), default="")
    doc_number: Mapped[str] = mapped_column(String(64), default="")
    effective_date: Mapped[str] = mapped_column(String(10), default="")
    plan_ids: Mapped[str] = mapped_column(Text, default="[]")
    full_text: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    field_clock: Mapped[str] = mapped_column(Text, default="{}")


def check_value(name: str, value: Any) -> Any:
    problems: list = []
    check_field(name, value, problems)
    if problems:
        first = problems[0]
        raise OpRejected(f"regulation {first.path}: {first.code} {first.detail}".strip()[:300])
    return json.dumps(value, ensure_ascii=False) if name in JSON_FIELDS else value


def _admin_only(handler: Handler) -> Handler:
    def checked(s: Session, op: Op, now: str) -> OpResult:
        actor = actor_of(s)
        if actor.role not in EDITORS:
            raise OpRejected(f"account {actor.account or '(platform)'} (role {actor.role or 'none'}) may not "
                             "change regulations: only admin")
        return handler(s, op, now)
    return checked


_RECORD = MergedRecord(ENTITY, RegulationRow, ("id", "title"), check_value, dict(JSON_FIELDS))
REGULATION = ServerKind(ENTITY, RegulationRow, {op: _admin_only(h) for op, h in _RECORD.handlers.items()},
                        ("id", *FIELDS, "updated_at", "version", *ACCOUNT_COLUMNS), json_columns=JSON_FIELDS)


def seed_regulations(s: Session, records: list[dict], now: str) -> int:
    """The platform's own copies of regulations (the demo's examples), missing ones only."""
    added = 0
    for record in records:
        if s.get(RegulationRow, record["id"]) is not None:
            continue
        values = {k: check_value(k, record[k]) for k in FIELDS}
        s.add(RegulationRow(id=record["id"], **values, updated_at=now, version=1))
        s.flush()
        record_change(s, ENTITY, record["id"], now)
        added += 1
    return added
