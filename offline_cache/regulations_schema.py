"""The mirror's regulations (法规/规章) of the knowledge library, migration 0019;
regulation_fts (trigram, FTS5) indexes title and full_text by triggers, as
plan_fts does for plans, so the knowledge search reads both alike."""

from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from offline_cache.schema import Base


class RegulationRow(Base):
    """A regulation (services/plans/regulation_contract.py); plan_ids as JSON text."""

    __tablename__ = "regulations"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(100), default="")
    doc_number: Mapped[str] = mapped_column(String(64), default="")
    effective_date: Mapped[str] = mapped_column(String(10), default="")
    plan_ids: Mapped[str] = mapped_column(Text, default="[]")
    full_text: Mapped[str] = mapped_column(Text, default="")
    example: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    updated_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")
