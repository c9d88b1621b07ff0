"""The platform's duty tables (issue 14): shift patterns, roster cells, roster
publications, swaps, sign-ins and handovers. On the platform's one metadata;
made by the schema's baseline revision (server/schema/migrations/versions/), so a change
here needs a revision (tests/server/test_schema.py says so)."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from server.db import Base, account_column, workstation_column


class ShiftPatternRow(Base):
    __tablename__ = "shift_patterns"
    __table_args__ = (Index("ix_shift_patterns_room", "room"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    room: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(32))
    start_time: Mapped[str] = mapped_column(String(5))
    end_time: Mapped[str] = mapped_column(String(5))
    zone: Mapped[str] = mapped_column(String(64))
    posts: Mapped[str] = mapped_column(Text, default="[]")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    field_clock: Mapped[str] = mapped_column(Text, default="{}")


class RosterEntryRow(Base):
    """A roster cell; its person's fields change together, the later change winning
    (`person_clock`: {"at", "op"} of the change in force)."""

    __tablename__ = "roster_entries"
    __table_args__ = (Index("ix_roster_entries_room_day", "room", "day"),
                      Index("ix_roster_entries_person", "person_name"),
                      Index("ix_roster_entries_contact", "contact_id"))

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    room: Mapped[str] = mapped_column(String(32))
    day: Mapped[str] = mapped_column(String(10))
    pattern_id: Mapped[str] = mapped_column(String(36))
    post: Mapped[str] = mapped_column(String(16))
    slot: Mapped[int] = mapped_column(Integer, default=0)
    person_name: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    contact_id: Mapped[str] = mapped_column(String(36), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[str] = mapped_column(String(40))
    ends_at: Mapped[str] = mapped_column(String(40))
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    person_clock: Mapped[str] = mapped_column(Text, default="{}")


class RosterPublicationRow(Base):
    __tablename__ = "roster_publications"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    room: Mapped[str] = mapped_column(String(32))
    first_day: Mapped[str] = mapped_column(String(10))
    last_day: Mapped[str] = mapped_column(String(10))
    published_by: Mapped[str] = mapped_column(String(100), default="")  # display name, as the client says
    published_at: Mapped[str] = mapped_column(String(40))
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


class DutySwapRow(Base):
    """`steps` (JSON): every step with the name typed and the account the token named."""

    __tablename__ = "duty_swaps"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    room: Mapped[str] = mapped_column(String(32))
    entry_id: Mapped[str] = mapped_column(String(36))
    counter_entry_id: Mapped[str] = mapped_column(String(36), default="")
    from_name: Mapped[str] = mapped_column(String(100), default="")
    from_phone: Mapped[str] = mapped_column(String(40), default="")
    from_contact_id: Mapped[str] = mapped_column(String(36), default="")
    to_name: Mapped[str] = mapped_column(String(100), default="")
    to_phone: Mapped[str] = mapped_column(String(40), default="")
    to_contact_id: Mapped[str] = mapped_column(String(36), default="")
    reason: Mapped[str] = mapped_column(String(500), default="")
    reverses: Mapped[str] = mapped_column(String(36), default="")
    status: Mapped[str] = mapped_column(String(16))
    steps: Mapped[str] = mapped_column(Text, default="[]")
    offered_by_account: Mapped[str] = account_column()
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


class DutySignInRow(Base):
    """`account` is the token's (the sign-in is refused when it claims another);
    `confirmed_at` is when the platform received it."""

    __tablename__ = "duty_signins"
    __table_args__ = (Index("ix_duty_signins_shift", "room", "day", "pattern_id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    room: Mapped[str] = mapped_column(String(32))
    day: Mapped[str] = mapped_column(String(10))
    pattern_id: Mapped[str] = mapped_column(String(36))
    post: Mapped[str] = mapped_column(String(16))
    person_name: Mapped[str] = mapped_column(String(100))
    contact_id: Mapped[str] = mapped_column(String(36), default="")
    account: Mapped[str] = mapped_column(String(100))
    workstation: Mapped[str] = mapped_column(String(64), default="")
    signed_at: Mapped[str] = mapped_column(String(40))
    override_reason: Mapped[str] = mapped_column(String(500), default="")
    follows_handover: Mapped[str] = mapped_column(String(36), default="")
    confirmed_at: Mapped[str] = mapped_column(String(40), default="")
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


class HandoverRow(Base):
    __tablename__ = "handovers"
    __table_args__ = (Index("ix_handovers_room_start", "room", "starts_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    room: Mapped[str] = mapped_column(String(32))
    day: Mapped[str] = mapped_column(String(10))
    pattern_id: Mapped[str] = mapped_column(String(36))
    shift_label: Mapped[str] = mapped_column(String(64), default="")
    starts_at: Mapped[str] = mapped_column(String(40))
    ends_at: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(16))
    handed_over_by: Mapped[str] = mapped_column(String(100), default="")
    handed_over_at: Mapped[str] = mapped_column(String(40))
    closed_by: Mapped[str] = mapped_column(String(100), default="")
    closed_at: Mapped[str] = mapped_column(String(40), default="")
    items: Mapped[str] = mapped_column(Text, default="[]")
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
