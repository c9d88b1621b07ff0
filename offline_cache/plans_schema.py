"""The mirror's plan library (预案库) and incidents' responses (响应), migration
0017, on the schema's Base (a module of their own, as the duty tables are; the
record kinds import it, so the metadata holds them wherever the registry is built)."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from offline_cache.schema import Base


def _account() -> Mapped[str]:
    return mapped_column(String(100), default="", server_default="")


def _workstation() -> Mapped[str]:
    return mapped_column(String(64), default="", server_default="")


class PlanRow(Base):
    """A plan (services/plans/contract.py); the structured parts as JSON text.
    plan_fts (trigram, FTS5) indexes title and full_text by triggers."""

    __tablename__ = "plans"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
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
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_account: Mapped[str] = _account()
    updated_workstation: Mapped[str] = _workstation()
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")
    level: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # 密级

    __table_args__ = (Index("ix_plans_status", "status"),)


class ResponseRow(Base):
    """An incident's response as decided so far (one per incident, id derived
    from the incident's): plan, version, level, active or ended."""

    __tablename__ = "responses"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    incident_id: Mapped[str] = mapped_column(String(36), unique=True)
    plan_id: Mapped[str] = mapped_column(String(36))
    plan_version: Mapped[str] = mapped_column(String(32), default="")
    plan_title: Mapped[str] = mapped_column(String(200), default="")
    level: Mapped[str] = mapped_column(String(4))
    state: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(String(500), default="")
    started_at: Mapped[str] = mapped_column(String(40))
    changed_at: Mapped[str] = mapped_column(String(40))
    ended_at: Mapped[str] = mapped_column(String(40), default="")
    decided_by: Mapped[str] = mapped_column(String(100), default="")
    decided_by_account: Mapped[str] = _account()
    decided_workstation: Mapped[str] = _workstation()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_responses_state_level", "state", "level"),)
