"""The mirror's warnings (预警信息, migration 0020) on the schema's Base, one
column per contract field (services/warnings/contract.py; the structured ones
as JSON text) plus the box of the areas for the map and the area queries.
Migration 0020 also gives incidents an R*Tree of positions (incident_rtree),
as resources and cameras have, for "what is inside this warning"."""

from __future__ import annotations

from sqlalchemy import Float, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from offline_cache.schema import Base


def _text(length: int) -> Mapped[str]:
    return mapped_column(String(length), default="", server_default="")


class WarningRow(Base):
    """A warning as the platform keeps it; times UTC ISO text ("" for none)."""

    __tablename__ = "warnings"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    identifier: Mapped[str] = mapped_column(String(200))
    sender: Mapped[str] = mapped_column(String(200))
    sender_name: Mapped[str] = _text(200)
    sent: Mapped[str] = mapped_column(String(40))
    cap_status: Mapped[str] = mapped_column(String(16))
    msg_type: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(16))
    references: Mapped[str] = mapped_column(Text, default="[]")
    reference_ids: Mapped[str] = mapped_column(Text, default="")  # the records they name, space-separated
    origin: Mapped[str] = mapped_column(String(16))
    event: Mapped[str] = _text(200)
    event_code: Mapped[str] = _text(16)
    cap_category: Mapped[str] = mapped_column(String(16))
    colour: Mapped[str] = _text(8)
    urgency: Mapped[str] = mapped_column(String(16))
    severity: Mapped[str] = mapped_column(String(16))
    certainty: Mapped[str] = mapped_column(String(16))
    headline: Mapped[str] = _text(300)
    description: Mapped[str] = mapped_column(Text, default="")
    instruction: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = _text(16)
    english: Mapped[str] = mapped_column(Text, default="null")
    areas: Mapped[str] = mapped_column(Text, default="[]")
    min_lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    min_lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    effective: Mapped[str] = _text(40)
    onset: Mapped[str] = _text(40)
    expires: Mapped[str] = _text(40)
    issue_state: Mapped[str] = mapped_column(String(16))
    standing: Mapped[str] = mapped_column(String(16))
    replaced_by: Mapped[str] = _text(36)
    incident_id: Mapped[str] = _text(36)
    signed_by: Mapped[str] = _text(400)
    signature: Mapped[str] = _text(8)
    source_name: Mapped[str] = _text(200)
    checks: Mapped[str] = mapped_column(Text, default="[]")
    return_reason: Mapped[str] = _text(500)
    created_by_account: Mapped[str] = _text(100)
    created_workstation: Mapped[str] = _text(64)
    approved_by_account: Mapped[str] = _text(100)
    updated_by_account: Mapped[str] = _text(100)
    updated_workstation: Mapped[str] = _text(64)
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")
    level: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # 密级

    __table_args__ = (
        Index("ix_warnings_standing_expires", "standing", "issue_state", "expires"),
        Index("ix_warnings_triplet", "sender", "identifier"),
        # Updates and Cancels only: what a newly arrived message looks for
        Index("ix_warnings_refs", "reference_ids", sqlite_where=text("reference_ids != ''")),
    )
