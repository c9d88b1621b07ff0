"""The mirror's live positions (migration 0022): the latest fix of each unit
the platform knows, with its short track (services/positions/contract.py)."""

from __future__ import annotations

from sqlalchemy import Float, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from offline_cache.schema import Base


class PositionRow(Base):
    __tablename__ = "positions"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    source: Mapped[str] = mapped_column(String(8))  # unit, cot, room
    uid: Mapped[str] = mapped_column(String(120))
    resource_id: Mapped[str] = mapped_column(String(36), default="")  # the team, when known
    callsign: Mapped[str] = mapped_column(String(64), default="")
    cot_type: Mapped[str] = mapped_column(String(40), default="")
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    speed: Mapped[float | None] = mapped_column(Float, nullable=True)
    course: Mapped[float | None] = mapped_column(Float, nullable=True)
    at: Mapped[str] = mapped_column(String(40))
    stale: Mapped[str] = mapped_column(String(40))
    track: Mapped[str] = mapped_column(Text, default="[]")  # JSON [[time, lat, lon], ...], newest last
    reported_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    reported_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    updated_at: Mapped[str] = mapped_column(String(40), default="")
    version: Mapped[int] = mapped_column(Integer, default=0)
    sync_state: Mapped[str] = mapped_column(String(16), default="synced")

    __table_args__ = (Index("ix_positions_resource", "resource_id"),)
