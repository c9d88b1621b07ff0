"""Telemetry a coalesced feed page left out (migration 0023): per source (a
station), the range of record ids skipped, fetched later from the platform's
history (services/monitoring/backfill.py) and then deleted."""

from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from offline_cache.schema import Base


class FeedGapRow(Base):
    __tablename__ = "feed_gaps"

    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    first_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    last_id: Mapped[str] = mapped_column(String(64))
    skipped: Mapped[int] = mapped_column(Integer)
    noted_at: Mapped[str] = mapped_column(String(40))
