"""Server schema (SQLAlchemy 2, SQLite or PostgreSQL). Everything a replica needs
lives in the database, so several stateless replicas behind one URL agree. The
tables are made and changed by Alembic revisions (server/schema/migrations/versions/, README
there): a model changed here needs a revision, tests/server/test_schema.py says so."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Connection,
    Engine,
    Float,
    Index,
    Integer,
    String,
    Text,
    create_engine,
    event,
    func,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from server import pg_rls
from server.actor import ACCOUNT_MAX, WORKSTATION_MAX
from server.columns import guard_writes
from server.pg_rls import APP_ROLE
from server.private_files import prepare_sqlite_file
from server.schema import upgrade as upgrade_schema
from services.clearance import DEFAULT_LEVEL, TOP

_SCHEMA_LOCK = 727_412  # PostgreSQL advisory lock held while upgrading the schema


class Base(DeclarativeBase):
    pass


guard_writes(Base)  # no ORM write of a value its column cannot hold (server/columns.py)


def account_column() -> Mapped[str]:
    """The authenticated account behind a change (server/actor.py), beside the
    client's display name; "" for what the platform made itself or before it kept one."""
    return mapped_column(String(ACCOUNT_MAX), default="", server_default="")


def workstation_column() -> Mapped[str]:
    return mapped_column(String(WORKSTATION_MAX), default="", server_default="")


def level_column(entity: str) -> Mapped[int]:
    """A record's 密级 (services/clearance.py): what it defaults to for its kind."""
    default = DEFAULT_LEVEL[entity]
    return mapped_column(Integer, default=default, server_default=str(default))


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(100), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16))  # duty_officer, commander, viewer, admin, field_unit
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Bumped on deactivation, role or password change and revocation: older tokens stop working.
    token_version: Mapped[int] = mapped_column(Integer, default=1)
    unit_id: Mapped[str] = mapped_column(String(64), default="")  # a field unit speaks for this resource only
    site_code: Mapped[str] = mapped_column(String(32), default="")  # "" or the one site it may write for
    # The highest 密级 this account may see (services/clearance.py levels: 0 公开, 1 内部, higher configured).
    clearance: Mapped[int] = mapped_column(Integer, default=1, server_default="1")


class WorkstationRow(Base):
    """A workstation the platform knows: its own clearance (a record goes only where
    both the account and the workstation may see it), the subject of its TLS client
    certificate, and a token version an admin bumps to end every session on it."""

    __tablename__ = "workstations"

    name: Mapped[str] = mapped_column(String(WORKSTATION_MAX), primary_key=True)
    clearance: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    cert_subject: Mapped[str] = mapped_column(String(500), default="", server_default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default="1")
    token_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[str] = mapped_column(String(40), default="", server_default="")


class MetaRow(Base):
    """Key/value settings made once: cluster_id; schema_version in a database made
    before Alembic (server/migrate.py). (The token secret was kept here until
    schema 3; server/token_key.py moves it out.)"""

    __tablename__ = "server_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class IncidentRow(Base):
    """`code` is the number officers read (CQ-2026-0042): unique across the platform."""

    __tablename__ = "incidents"
    __table_args__ = (Index("uq_incident_code", "code", unique=True),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_code: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    type_code: Mapped[str] = mapped_column(String(64), default="")
    type_name: Mapped[str] = mapped_column(String(64), default="")
    severity: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    occurred_at: Mapped[str] = mapped_column(String(40))
    reported_at: Mapped[str] = mapped_column(String(40))
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
    created_by: Mapped[str] = mapped_column(String(100), default="")  # display name, as the client says
    created_by_account: Mapped[str] = account_column()
    created_workstation: Mapped[str] = workstation_column()
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))  # server time of the last change
    last_report_at: Mapped[str | None] = mapped_column(String(40), nullable=True)
    last_report_kind: Mapped[str | None] = mapped_column(String(24), nullable=True)
    last_report_seq: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)
    # JSON text: {field: {"at": client time, "op": op_id, "v": version written}}
    field_clock: Mapped[str] = mapped_column(Text, default="{}")
    level: Mapped[int] = level_column("incident")


class EntryRow(Base):
    """Timeline entries are append-only: never updated, never conflicting."""

    __tablename__ = "entries"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    body: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[str] = mapped_column(Text, default="{}")
    author: Mapped[str] = mapped_column(String(100), default="")  # display name, as the client says
    author_account: Mapped[str] = account_column()
    author_workstation: Mapped[str] = workstation_column()
    created_at: Mapped[str] = mapped_column(String(40))  # client time, no later than its receipt
    seq: Mapped[int] = mapped_column(Integer, default=0)  # server order on the timeline
    level: Mapped[int] = level_column("entry")  # its attachment's too


class ResourceRow(Base):
    """An emergency resource (team, supply depot, shelter ...); kind-specific
    facts in `details` (JSON). Edits merge field by field like incidents."""

    __tablename__ = "resources"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
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
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    field_clock: Mapped[str] = mapped_column(Text, default="{}")
    level: Mapped[int] = level_column("resource")


class CameraRow(Base):
    """A camera of the public-security video network, as its platform lists it.
    Video never passes through this server: clients open the stream URLs."""

    __tablename__ = "cameras"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # GB/T 28181 device id or a UUID
    name: Mapped[str] = mapped_column(String(200))
    group_path: Mapped[str] = mapped_column(String(500), default="")
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    main_url: Mapped[str] = mapped_column(String(1000), default="")
    sub_url: Mapped[str] = mapped_column(String(1000), default="")
    ptz: Mapped[bool] = mapped_column(Boolean, default=False)
    platform: Mapped[str] = mapped_column(String(100), default="")
    online: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    field_clock: Mapped[str] = mapped_column(Text, default="{}")
    level: Mapped[int] = level_column("camera")


class ContactRow(Base):
    """应急通讯录: an organisation (parent_id: the one above it), a person
    (parent_id: their organisation) or a call group (members: person ids)."""

    __tablename__ = "contacts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[str] = mapped_column(String(36), default="")
    role: Mapped[str] = mapped_column(String(100), default="")
    duty_phone: Mapped[str] = mapped_column(String(40), default="")
    mobile: Mapped[str] = mapped_column(String(40), default="")
    members: Mapped[str] = mapped_column(Text, default="[]")
    notes: Mapped[str] = mapped_column(String(500), default="")
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)
    field_clock: Mapped[str] = mapped_column(Text, default="{}")


class NotificationRow(Base):
    """A text or voice notification the platform sent (or logged) for a watch room;
    `recipients` holds each one's phone and delivery status (JSON)."""

    __tablename__ = "notifications"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(36), default="")
    channel: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(String(500))
    sender: Mapped[str] = mapped_column(String(100), default="")  # display name, as the client says
    sender_account: Mapped[str] = account_column()
    sender_workstation: Mapped[str] = workstation_column()
    created_at: Mapped[str] = mapped_column(String(40))
    recipients: Mapped[str] = mapped_column(Text)
    gateway: Mapped[str] = mapped_column(String(40), default="")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


class ConferenceRow(Base):
    """A conference (会商) on an incident; `participants` (JSON) holds each site or
    person invited with the join / mute / speaking flags the platform keeps."""

    __tablename__ = "conferences"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(8))
    opened_by: Mapped[str] = mapped_column(String(100), default="")  # display name, as the client says
    opened_by_account: Mapped[str] = account_column()
    opened_workstation: Mapped[str] = workstation_column()
    opened_site: Mapped[str] = mapped_column(String(32), default="")  # owns invitations and the close
    updated_by_account: Mapped[str] = account_column()
    updated_workstation: Mapped[str] = workstation_column()
    opened_at: Mapped[str] = mapped_column(String(40))
    closed_at: Mapped[str] = mapped_column(String(40), default="")
    participants: Mapped[str] = mapped_column(Text, default="[]")
    updated_at: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer, default=1)


class OrderRow(Base):
    """A dispatch order (调度指令) of an incident and where it stands
    (services/dispatch/lifecycle.py): it only moves forward."""

    __tablename__ = "orders"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    incident_id: Mapped[str] = mapped_column(String(36), index=True)
    target_kind: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(64), default="")
    target_name: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    priority: Mapped[str] = mapped_column(String(16))
    required_arrival: Mapped[str] = mapped_column(String(40), default="")
    ack_deadline: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(16), index=True)
    issued_by: Mapped[str] = mapped_column(String(100), default="")  # display name, as the client says
    issued_by_account: Mapped[str] = account_column()
    issued_workstation: Mapped[str] = workstation_column()
    updated_by_account: Mapped[str] = account_column()  # the last step's (each step's is on its timeline entry)
    updated_workstation: Mapped[str] = workstation_column()
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


class AppliedOpRow(Base):
    """At-most-once: an op_id seen here is answered `duplicate` from now on."""

    __tablename__ = "applied_ops"

    op_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(Text, default="")
    seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    at: Mapped[str] = mapped_column(String(40))


class ChangeRow(Base):
    """The feed: one row per change; readers join back to the record's current state."""

    __tablename__ = "changes"
    __table_args__ = {"sqlite_autoincrement": True}  # never reuse a seq

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(16))
    entity_id: Mapped[str] = mapped_column(String(64), index=True)  # as long as the longest id (cameras)
    at: Mapped[str] = mapped_column(String(40))
    account: Mapped[str] = account_column()  # who made the change, from the token
    workstation: Mapped[str] = workstation_column()


@dataclass(frozen=True)
class Database:
    """Two engines over one pool: `write` starts SQLite transactions IMMEDIATE so
    concurrent writers queue on the lock instead of failing to upgrade it."""

    engine: Engine
    write: Engine

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, app_role: str = APP_ROLE) -> Database:
    """Connects, brings the schema to Alembic's head (server/schema: a new database gets
    every revision, one made before Alembic its legacy steps first), and makes the
    cluster id if this is a new database. (The token secret is not the database's:
    server/token_key.py.) On PostgreSQL the clearance policies are (re)installed and
    the platform then works as `app_role`, which does not own the tables (server/pg_rls.py)."""
    db = connect(url)
    with schema_lock(db) as conn:
        upgrade_schema(conn)
        if db.is_postgres:
            pg_rls.install(conn, app_role)
    if db.is_postgres:  # from here on the owner's connections work as the application role
        db.engine.dispose()
        pg_rls.bind(db.engine, app_role, set_role=make_url(url).username != app_role)
    ensure_meta(db, "cluster_id", lambda: str(uuid.uuid4()))
    return db


def connect(url: str) -> Database:
    """The engines alone, the schema untouched (`watchroom-server db current`).
    A SQLite file is created 0600 in a 0700 folder."""
    is_sqlite = url.startswith("sqlite")
    if is_sqlite:
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            prepare_sqlite_file(Path(database))
    # PostgreSQL: a pooled connection is checked before it is lent (one round trip), so a
    # database restart or failover costs the requests during it, not the ones after.
    engine = create_engine(
        url, connect_args={"check_same_thread": False, "timeout": 30} if is_sqlite else {},
        pool_pre_ping=not is_sqlite,
    )
    if is_sqlite:
        _sqlite_setup(engine)
    return Database(engine, engine.execution_options(sqlite_immediate=True))


@contextmanager
def schema_lock(db: Database) -> Iterator[Connection]:
    """A transaction holding the schema lock: one opener at a time (SQLite's write
    lock, PostgreSQL's advisory lock), so replicas starting together neither race to
    create nor upgrade twice; what it does is committed at the end or not at all."""
    with db.write.begin() as conn:
        if db.is_postgres:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _SCHEMA_LOCK})
            # The schema's work sees every level (its owner is under FORCE ROW LEVEL SECURITY too).
            conn.execute(text("SELECT set_config(:k, :v, true)"), {"k": pg_rls.SETTING, "v": str(TOP)})
        yield conn


def _sqlite_setup(engine: Engine) -> None:
    """Takes over pysqlite's transaction handling so SAVEPOINT and BEGIN IMMEDIATE
    behave (see SQLAlchemy's pysqlite notes); WAL lets readers run beside a writer."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate")
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def ensure_meta(db: Database, key: str, make) -> str:
    """Returns the stored value, storing `make()` first if absent; a replica that
    loses the race reads the winner's value."""
    with Session(db.write) as s:
        value = s.scalar(select(MetaRow.value).where(MetaRow.key == key))
        if value is not None:
            return value
        s.add(MetaRow(key=key, value=make()))
        try:
            s.commit()
        except IntegrityError:
            s.rollback()
    with Session(db.engine) as s:
        return s.scalar(select(MetaRow.value).where(MetaRow.key == key))


def get_meta(s: Session, key: str) -> str:
    return s.scalar(select(MetaRow.value).where(MetaRow.key == key))


def latest_seq(s: Session) -> int:
    return s.scalar(select(func.coalesce(func.max(ChangeRow.seq), 0)))
