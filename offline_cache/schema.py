"""SQLAlchemy 2 schema of the local mirror.

Each table has an INTEGER primary key (`pk`) that FTS5 external-content tables
refer to, plus the client-generated UUID (`id`) that the sync contract uses.
Times are stored as UTC ISO-8601 text so that they sort and survive any driver.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.sql.expression import false

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class IncidentRow(Base):
    __tablename__ = "incidents"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    site_code: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    type_code: Mapped[str] = mapped_column(String(64), default="")
    type_name: Mapped[str] = mapped_column(String(64), default="")
    severity: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[str] = mapped_column(String(32))
    reported_at: Mapped[str] = mapped_column(String(32))
    place: Mapped[str] = mapped_column(String(500), default="")
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    division: Mapped[str] = mapped_column(String(100), default="")
    deaths: Mapped[int] = mapped_column(Integer, default=0)
    injured: Mapped[int] = mapped_column(Integer, default=0)
    missing: Mapped[int] = mapped_column(Integer, default=0)
    trapped: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(32))
    reporter: Mapped[str] = mapped_column(String(100), default="")
    reporter_phone: Mapped[str] = mapped_column(String(40), default="")
    exercise: Mapped[bool] = mapped_column(Boolean, default=False)
    summary: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[str] = mapped_column(String(32))
    # Last report to the higher level (initial or follow-up), for deadline tracking.
    last_report_at: Mapped[str | None] = mapped_column(String(32), nullable=True)
    last_report_kind: Mapped[str | None] = mapped_column(String(24), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Who the platform says did it (the authenticated account and workstation), beside the display names
    created_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    created_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    updated_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    updated_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")
    level: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # 密级

    __table_args__ = (
        UniqueConstraint("site_code", "code", name="uq_incidents_site_code_code"),
        Index("ix_incidents_reported_at", "reported_at"),
        Index("ix_incidents_occurred_at", "occurred_at"),
        Index("ix_incidents_status_reported", "status", "reported_at"),
        Index("ix_incidents_severity_reported", "severity", "reported_at"),
        Index("ix_incidents_category_reported", "category", "reported_at"),
        # Covering: the dashboards' figures over open incidents never read their rows (0026).
        Index("ix_incidents_open_figures", "status", "severity", "category", "exercise", "last_report_kind",
              "occurred_at", "last_report_at", "deaths", "injured", "missing", "trapped"),
    )


class EntryRow(Base):
    """Append-only timeline entry: never updated, never deleted."""

    __tablename__ = "entries"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    incident_pk: Mapped[int] = mapped_column(ForeignKey("incidents.pk"))
    kind: Mapped[str] = mapped_column(String(24))
    body: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[str] = mapped_column(Text, default="{}")
    author: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[str] = mapped_column(String(32))
    # Who the platform says did it (the authenticated account and workstation), beside the display names
    author_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    author_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")
    level: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # 密级
    # The platform's order of the timeline (migration 0005); None until confirmed.
    server_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (
        Index("ix_entries_incident_created", "incident_pk", "created_at"),
        Index("ix_entries_incident_server_seq", "incident_pk", "server_seq"),
        # The duty log and the daily report read a day's calls and reports (migration 0016).
        Index("ix_entries_kind_created", "kind", "created_at"),
    )


class OutboxRow(Base):
    """An operation waiting to be pushed to the platform (see the sync contract)."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(32))
    entity_id: Mapped[str] = mapped_column(String(36))
    op: Mapped[str] = mapped_column(String(24))
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    payload: Mapped[str] = mapped_column(Text)
    priority: Mapped[int] = mapped_column(Integer, default=5)
    created_at: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    # The incident an operation belongs to: its operations keep their order.
    record_key: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sent_at: Mapped[str | None] = mapped_column(String(32), nullable=True)

    __table_args__ = (
        Index("ix_outbox_state_priority", "state", "priority", "seq"),
        Index("ix_outbox_record_key", "record_key", "seq"),
    )


class SyncCursorRow(Base):
    """How far this mirror has applied a cluster's change feed (and its bootstrap)."""

    __tablename__ = "sync_cursors"

    cluster_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    after_seq: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[str] = mapped_column(String(32))
    snapshot_done: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    snapshot_after_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    snapshot_entity: Mapped[str | None] = mapped_column(String(32), nullable=True)
    snapshot_as_of: Mapped[int | None] = mapped_column(Integer, nullable=True)


class RefusedRecordRow(Base):
    """A record the platform sent that this mirror could not use (a hostile or broken
    value, an entry of an unknown incident): left out, with the reason, for the
    officer and support to see; the rest of its page was applied."""

    __tablename__ = "refused_records"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    entity: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int | None] = mapped_column(Integer, nullable=True)  # None: from a snapshot page
    reason: Mapped[str] = mapped_column(String(500))
    received_at: Mapped[str] = mapped_column(String(32))


class CodeCounterRow(Base):
    """Next human-readable incident number per site and year (CQ-2026-0042)."""

    __tablename__ = "code_counters"

    site_code: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    next_number: Mapped[int] = mapped_column(Integer, default=1)


class MetaRow(Base):
    __tablename__ = "mirror_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SearchBacklogRow(Base):
    """Rows from `from_pk` on are not yet in the search indexes (migration 0004)."""

    __tablename__ = "search_backlog"

    table_name: Mapped[str] = mapped_column(String(16), primary_key=True)
    from_pk: Mapped[int] = mapped_column(Integer)


class ResourceRow(Base):
    """An emergency resource (migration 0006). Kind-specific facts live in
    `details` (JSON); `available` is derived from them when written, so "nearest
    available" is an indexed filter. resource_rtree mirrors the positions."""

    __tablename__ = "resources"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(200))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
    division: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    contact: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    available: Mapped[bool] = mapped_column(Boolean, default=True)
    details: Mapped[str] = mapped_column(Text, default="{}")
    updated_at: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Who the platform says did it (the authenticated account and workstation), beside the display names
    updated_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    updated_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")
    level: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # 密级

    __table_args__ = (
        Index("ix_resources_kind_available", "kind", "available"),
        Index("ix_resources_name", "name"),
    )


class CameraRow(Base):
    """A camera of the video network (migration 0007); camera_rtree holds the
    positions of those that have one."""

    __tablename__ = "cameras"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    group_path: Mapped[str] = mapped_column(String(500), default="")
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    main_url: Mapped[str] = mapped_column(String(1000), default="")
    sub_url: Mapped[str] = mapped_column(String(1000), default="")
    ptz: Mapped[bool] = mapped_column(Boolean, default=False)
    platform: Mapped[str] = mapped_column(String(100), default="")
    online: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[str] = mapped_column(String(32))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Who the platform says did it (the authenticated account and workstation), beside the display names
    updated_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    updated_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")
    level: Mapped[int] = mapped_column(Integer, default=1, server_default="1")  # 密级

    __table_args__ = (Index("ix_cameras_group_path", "group_path"),)


class OrderRow(Base):
    """A dispatch order (调度指令, migration 0008); its life is in
    services/dispatch/lifecycle.py, its steps' times in the *_at columns."""

    __tablename__ = "orders"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    incident_id: Mapped[str] = mapped_column(String(36))
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(64), default="")
    target_name: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(16))
    required_arrival: Mapped[str] = mapped_column(String(40), default="")
    ack_deadline: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16))
    issued_by: Mapped[str] = mapped_column(String(100), default="")
    issued_at: Mapped[str] = mapped_column(String(40))
    acknowledged_at: Mapped[str] = mapped_column(String(40), default="")
    departed_at: Mapped[str] = mapped_column(String(40), default="")
    arrived_at: Mapped[str] = mapped_column(String(40), default="")
    completed_at: Mapped[str] = mapped_column(String(40), default="")
    refused_at: Mapped[str] = mapped_column(String(40), default="")
    withdrawn_at: Mapped[str] = mapped_column(String(40), default="")
    reason: Mapped[str] = mapped_column(String(500), default="")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Who the platform says did it (the authenticated account and workstation), beside the display names
    issued_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    issued_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    updated_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    updated_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_orders_status_incident", "status", "incident_id"),
                      Index("ix_orders_incident", "incident_id"))


class ContactRow(Base):
    """应急通讯录 (migration 0009): kind org / person / group; a person's parent is
    their organisation, an organisation's the one above; a group lists members."""

    __tablename__ = "contacts"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[str] = mapped_column(String(36), default="")
    role: Mapped[str] = mapped_column(String(100), default="")
    duty_phone: Mapped[str] = mapped_column(String(40), default="")
    mobile: Mapped[str] = mapped_column(String(40), default="")
    members: Mapped[str] = mapped_column(Text, default="[]")
    notes: Mapped[str] = mapped_column(String(500), default="")
    initials: Mapped[str] = mapped_column(String(100), default="")  # 拼音首字母 of the name, for search
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Who the platform says did it (the authenticated account and workstation), beside the display names
    updated_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    updated_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_contacts_parent", "parent_id"), Index("ix_contacts_initials", "initials"))


class NotificationRow(Base):
    """A notification by SMS or voice (migration 0010); `recipients` holds each
    one's name, phone and delivery status as JSON (services/notifications/rules.py)."""

    __tablename__ = "notifications"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    incident_id: Mapped[str] = mapped_column(String(36), default="")
    channel: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(String(500))
    sender: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[str] = mapped_column(String(40))
    recipients: Mapped[str] = mapped_column(Text)
    gateway: Mapped[str] = mapped_column(String(40), default="")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Who the platform says did it (the authenticated account and workstation), beside the display names
    sender_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    sender_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_notifications_incident", "incident_id", "created_at"),)


class ConferenceRow(Base):
    """A conference (会商, migration 0011); `participants` (JSON) as the platform
    keeps them, with their join / mute / speaking flags and video URL."""

    __tablename__ = "conferences"

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    incident_id: Mapped[str] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(8))
    opened_by: Mapped[str] = mapped_column(String(100), default="")
    opened_at: Mapped[str] = mapped_column(String(40))
    closed_at: Mapped[str] = mapped_column(String(40), default="")
    participants: Mapped[str] = mapped_column(Text, default="[]")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # Who the platform says did it (the authenticated account and workstation), beside the display names
    opened_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    opened_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    opened_site: Mapped[str] = mapped_column(String(32), default="", server_default="")
    updated_by_account: Mapped[str] = mapped_column(String(100), default="", server_default="")
    updated_workstation: Mapped[str] = mapped_column(String(64), default="", server_default="")
    sync_state: Mapped[str] = mapped_column(String(16), default="pending")

    __table_args__ = (Index("ix_conferences_incident", "incident_id"),)

