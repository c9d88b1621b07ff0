"""The platform's signed audit checkpoints this workstation has seen (migration
0025): kept so that a platform whose history was rewritten afterwards is caught
at the next exchange (services/audit/checkpoints.py). The key they were signed
with is pinned in mirror_meta at first sight."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from offline_cache.schema import Base


class AuditCheckpointRow(Base):
    __tablename__ = "audit_checkpoints"

    cluster_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    n: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[str] = mapped_column(String(40))
    algorithm: Mapped[str] = mapped_column(String(16))
    key_id: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(Text)
    seen_at: Mapped[str] = mapped_column(String(40))
