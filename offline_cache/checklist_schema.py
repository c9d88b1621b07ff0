"""The mirror's checklist steps (处置流程) of incidents' responses, migration
0018: one row per step of the plan version's template, ids derived from the
incident and the template step (services/plans/checklist.py)."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from offline_cache.schema import Base


class ChecklistStepRow(Base):
    __tablename__ = "checklist_steps"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    incident_id: Mapped[str] = mapped_column(String(36))
    plan_id: Mapped[str] = mapped_column(String(36), default="")
    plan_version: Mapped[str] = mapped_column(String(32), default="")
    step_key: Mapped[str] = mapped_column(String(36))
    parent_key: Mapped[str] = mapped_column(String(36), default="")
    phase: Mapped[str] = mapped_column(String(16))
    position: Mapped[int] = mapped_column(Integer, default=0)
    title: Mapped[str] = mapped_column(String(500))
    responsible: Mapped[str] = mapped_column(String(100), default="")
    due_at: Mapped[str] = mapped_column(String(40), default="")
    state: Mapped[str] = mapped_column(String(16), default="not_started")
    reason: Mapped[str] = mapped_column(String(300), default="")
    remark: Mapped[str] = mapped_column(String(1000), default="")
    action: Mapped[str] = mapped_column(Text, default="")  # the template's action, JSON ("" for none)
    action_done: Mapped[str] = mapped_column(String(200), default="")
    changed_by: Mapped[str] = mapped_column(String(100), default="")
    changed_at: Mapped[str] = mapped_column(String(40), default="")
    updated_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    updated_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    updated_at: Mapped[str] = mapped_column(String(40), default="")
    version: Mapped[int] = mapped_column(Integer, default=0)
    sync_state: Mapped[str] = mapped_column(String(16), default="synced")

    __table_args__ = (Index("ix_checklist_steps_incident", "incident_id", "position"),)
