"""The mirror's duty tables (migration 0015): shift patterns, roster cells, roster
publications, swaps, sign-ins and handovers, on the same metadata as the rest
of the schema (offline_cache.database imports this module, so every opened
mirror knows them). Times are UTC text like everywhere in the mirror; a roster
day is the watch room's local date (YYYY-MM-DD) the shift starts on."""

from __future__ import annotations

from sqlalchemy import Boolean, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from offline_cache.schema import Base


def _account() -> Mapped[str]:
    return mapped_column(String(100), default="", server_default="")


def _workstation() -> Mapped[str]:
    return mapped_column(String(64), default="", server_default="")


class ShiftPatternRow(Base):
    """A shift of a watch room (白班 08:30–17:30) with its posts (JSON [[post, count], ...])."""

    __tablename__ = "shift_patterns"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    room: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(32))
    start_time: Mapped[str] = mapped_column(String(5))  # HH:MM of the room's zone
    end_time: Mapped[str] = mapped_column(String(5))
    zone: Mapped[str] = mapped_column(String(64))
    posts: Mapped[str] = mapped_column(Text, default="[]")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_account: Mapped[str] = _account()
    updated_workstation: Mapped[str] = _workstation()
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_shift_patterns_room", "room"),)


class RosterEntryRow(Base):
    """One roster cell: a post's place (slot) on one shift; an empty name is a vacant post."""

    __tablename__ = "roster_entries"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
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
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_account: Mapped[str] = _account()
    updated_workstation: Mapped[str] = _workstation()
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_roster_entries_room_day", "room", "day"),
                      Index("ix_roster_entries_person", "person_name"),
                      Index("ix_roster_entries_starts", "starts_at"))


class RosterPublicationRow(Base):
    """发布: the roster of these days is in force; every post of every shift was filled."""

    __tablename__ = "roster_publications"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    room: Mapped[str] = mapped_column(String(32))
    first_day: Mapped[str] = mapped_column(String(10))
    last_day: Mapped[str] = mapped_column(String(10))
    published_by: Mapped[str] = mapped_column(String(100), default="")
    published_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_account: Mapped[str] = _account()
    updated_workstation: Mapped[str] = _workstation()
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")


class DutySwapRow(Base):
    """调班: `entry_id`'s cell goes to the `to_*` person (and, for an exchange, the
    offerer takes `counter_entry_id`); `steps` (JSON) records every step."""

    __tablename__ = "duty_swaps"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
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
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_account: Mapped[str] = _account()
    updated_workstation: Mapped[str] = _workstation()
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_duty_swaps_entry", "entry_id"),)


class DutySignInRow(Base):
    """接班签到 of an officer on a shift, by their platform account; confirmed_at is
    the platform's ("" while only recorded here, at a backup site without a link)."""

    __tablename__ = "duty_signins"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
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
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_account: Mapped[str] = _account()
    updated_workstation: Mapped[str] = _workstation()
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_duty_signins_shift", "room", "day", "pattern_id"),)


class HandoverRow(Base):
    """交接班记录 of one shift: its items (JSON) with each one's confirmation;
    `search_text` holds the items' words for the history's search."""

    __tablename__ = "handovers"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
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
    search_text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by_account: Mapped[str] = _account()
    updated_workstation: Mapped[str] = _workstation()
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_handovers_room_start", "room", "starts_at"),)
