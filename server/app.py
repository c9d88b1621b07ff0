"""The reference platform server: the other end of services/sync/wire.py."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import ssl
from collections.abc import Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select, text
from sqlalchemy.orm import Session
from starlette.middleware.gzip import GZipMiddleware

from server import (
    audit_sign,
    auth,
    cameras,
    checklists,
    conferences,
    contacts,
    daily_reports,
    db_outage,
    duty_roster,
    duty_shifts,
    duty_swaps,
    early_warnings,
    http_errors,
    incidents,
    monitoring,
    notifications,
    orders,
    pg_rls,
    plans,
    positions,
    regulations,
    reminders,
    resources,
    responses,
    rollcalls,
)
from server.actor import PLATFORM, Actor
from server.apply import apply_batch
from server.body_limit import BodyLimit
from server.cert_auth import CertPolicy
from server.change_notifier import (
    ChangeNotifier,
    PgListenNotifier,
    PollingNotifier,
    notify_in_transaction,
)
from server.cot_identity import cot_identity
from server.cot_listener import CotListener
from server.db import (
    Database,
    UserRow,
    get_meta,
    latest_seq,
    open_database,
)
from server.hash_gate import HashGate
from server.hydrology import DEFAULT_EVERY_S, HydrologySource, poll_forever
from server.login import LOGIN_MAX_BYTES, LOGIN_PATH, LoginRules
from server.monitoring_demo import feed_demo_forever, seed_demo_monitoring
from server.monitoring_routes import MAX_READINGS_BYTES, READINGS_PATH, monitoring_router
from server.notifications import Gateway, LogGateway, notification_log
from server.position_demo import move_forever
from server.position_routes import positions_router, positions_writer
from server.readings import ingest, list_stations
from server.record_kind import Registry
from server.report_routes import report_router
from server.rollcall_routes import rollcall_router, sweep_forever
from server.security_wiring import (
    add_security_routes,
    install_security_state,
    start_audit_checkpoints,
)
from server.station_history import history_router
from server.sync_routes import sync_router
from server.tls_audit import refusal_recorder
from server.wakeups import Wakeups
from server.wall import POLL_S, wall_router
from server.warning_feeds import FeedPoller, feeds_router
from server.workstations import ENROL_REGISTER
from services.accounts.password_policy import PasswordPolicy
from services.duty.contract import DEFAULT_MAX_HOURS
from services.sync.wire import (
    API_PREFIX,
    MAX_OP_BYTES,
    Health,
    OpBatchResult,
    OpResult,
)

OPS_PATH = API_PREFIX + "/ops"
# A whole batch may carry a few large ops; anything beyond this is refused unread.
MAX_REQUEST_BYTES = 16 * MAX_OP_BYTES
KEEPALIVE_SECONDS = 15.0
WRITERS = ("duty_officer", "duty_chief", "commander")
READERS = ("duty_officer", "duty_chief", "commander", "viewer")
DEMO_USERS = {"duty": "duty_officer", "chief": "duty_chief", "commander": "commander", "viewer": "viewer",
              "admin": "admin"}
CanWrite = Annotated[auth.Principal, auth.require(*WRITERS)]
CanRead = Annotated[auth.Principal, auth.require(*READERS)]
CanReport = Annotated[auth.Principal, auth.require(*WRITERS, "field_unit")]  # steps of an order
CanReportPosition = Annotated[auth.Principal, auth.require("field_unit")]  # its own position
CanPostRollCall = Annotated[auth.Principal, auth.require("commander")]  # and admin
CanReadAudit = Annotated[auth.Principal, auth.require(*READERS, "field_unit")]  # the signed checkpoints
IsAdmin = Annotated[auth.Principal, auth.require("admin")]
# Readings come from sensor gateways (传感网关) and admins only; a gateway may list stations and nothing else.
CanPostReadings = Annotated[auth.Principal, auth.require(
    "sensor_gateway", reason="只有传感网关账号可以上报监测数据 (role {role} may not post readings: "
                             "only a sensor_gateway account may)")]
CanListStations = Annotated[auth.Principal, auth.require(*READERS, "sensor_gateway")]
_PG_WRITE_LOCK = 727_411  # serialises writers so seqs commit in order (feed never skips)
log = logging.getLogger(__name__)


def build_registry() -> Registry:
    """Every record kind the platform syncs, one line each (DESIGN.md, "Record
    kinds"): apply, feed and snapshot loop over it."""
    return Registry([
        incidents.INCIDENT,
        incidents.ENTRY,
        resources.RESOURCE,
        cameras.CAMERA,
        contacts.CONTACT,
        orders.ORDER,
        notifications.NOTIFICATION,
        conferences.CONFERENCE,
        duty_roster.SHIFT_PATTERN,
        duty_roster.ROSTER_ENTRY,
        duty_roster.ROSTER_PUBLICATION,
        duty_swaps.DUTY_SWAP,
        duty_shifts.DUTY_SIGNIN,
        duty_shifts.HANDOVER,
        rollcalls.ROLLCALL,
        reminders.REMINDER,
        reminders.REMINDER_DONE,
        daily_reports.DAILY_REPORT,
        plans.PLAN,
        responses.RESPONSE,
        checklists.CHECKLIST_STEP,
        regulations.REGULATION,
        early_warnings.WARNING,
        monitoring.STATION,
        monitoring.READING,
        monitoring.ALARM,
        positions.POSITION,
    ])


def iso(value: datetime) -> str:
    return value.isoformat(timespec="milliseconds")


def seed_demo_users(db: Database) -> dict[str, str]:
    """Creates the missing demo users with fresh random passwords; returns them once."""
    created = {}
    with Session(db.write) as s, s.begin():
        for name, role in DEMO_USERS.items():
            if s.scalar(select(UserRow.id).where(UserRow.username == name)) is None:
                password = secrets.token_urlsafe(9)
                auth.create_user(s, name, password, role)
                created[name] = password
    return created


def add_user(db: Database, username: str, password: str, role: str, *, unit_id: str = "",
             site_code: str = "") -> None:  # fmt: skip
    with Session(db.write) as s, s.begin():
        auth.create_user(s, username, password, role, unit_id=unit_id, site_code=site_code)


def create_app(
    db_url: str,
    *,
    token_ttl: timedelta = auth.DEFAULT_TTL,
    seed_demo: bool = False,
    clock: Callable[[], datetime] = auth.utc_now,
    notifier: ChangeNotifier | None = None,
    keepalive_seconds: float = KEEPALIVE_SECONDS,
    gateway: Gateway | None = None,
    registry: Registry | None = None,
    key_file: Path | None = None,
    hash_gate: HashGate | None = None,
    duty_max_hours: float = DEFAULT_MAX_HOURS,
    cot_listen: tuple[str, int] | None = None,
    cot_tls: ssl.SSLContext | None = None,
    cot_insecure: bool = False,
    demo_movers: int = 0,
    warning_feeds: tuple[str, ...] = (),
    warning_poll_s: float = 300.0,
    demo_monitoring: bool = False,
    hydrology: HydrologySource | None = None,
    hydrology_every_s: float = DEFAULT_EVERY_S,
    idle_timeout: timedelta | None = None,
    password_policy: PasswordPolicy | None = None,
    unknown_workstations: str = ENROL_REGISTER,
    workstation_clearance: int = 1,
    cert_policy: CertPolicy | None = None,
    level_names: str = "",
    audit_key_file: Path | None = None,
    audit_algorithm: str = "ed25519",
    audit_every_s: float = audit_sign.DEFAULT_EVERY_MIN * 60,
) -> FastAPI:
    """Builds the app over one database; `clock` is injectable for token tests.
    `key_file`: where the token key is (server/token_key.py). `duty_max_hours`: the
    longest continuous duty the roster allows (services/duty/contract.py).
    `cot_listen`: (host, port) of the Cursor-on-Target listener (port 0: any
    free one, in app.state.cot_port); None: no listener. `cot_tls`: its TLS context,
    a client certificate required (server/cot_options.py); `cot_insecure`: plain
    CoT may bind a non-loopback address. `demo_movers`: that
    many of the demo's teams drive loops and report positions (server/position_demo.py).
    `warning_feeds`: CAP feed URLs polled every `warning_poll_s` (server/warning_feeds.py).
    `demo_monitoring`: the demo stations and their feeder (server/monitoring_demo.py);
    `hydrology`: a hydrology database read every `hydrology_every_s` (server/hydrology.py).
    `level_names`: the centre's names of its clearance levels, "2=秘密,3=机密" (services/clearance.py).
    `idle_timeout`: a session with no request for that long ends (None: never);
    `unknown_workstations`: register or refuse (server/workstations.py).
    `audit_key_file`, `audit_algorithm`, `audit_every_s`: the audit checkpoints'
    key (made if missing), its algorithm and how often they are signed (server/audit_sign.py)."""
    db = open_database(db_url)
    kinds = registry or build_registry()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        # Roll calls past their deadline by this platform's clock are marked missed, as the platform.
        sweeper = asyncio.create_task(sweep_forever(db, now, lambda ops: write_batch(ops, None, PLATFORM),
                                                    wake_streams))
        cot = None
        if cot_listen is not None:
            cot = CotListener(write_positions, clock, tls=cot_tls, identify=cot_identity(db) if cot_tls else None,
                              on_refused=refusal_recorder(app.state.refusals, stage="cot"))
            app.state.cot_port = await cot.start(*cot_listen, insecure=cot_insecure)
            app.state.cot_listener = cot
        mover = asyncio.create_task(move_forever(db, demo_movers, clock, write_positions)) if demo_movers else None
        polling = asyncio.create_task(feed_poller.run_forever()) if feed_poller is not None else None
        tasks = [sweeper, polling, start_audit_checkpoints(app, db, audit_every_s, clock)]
        if demo_monitoring:
            await run_in_threadpool(seed_demo_monitoring, write_locked, clock())
            tasks.append(asyncio.create_task(feed_demo_forever(write_locked, clock, wake_streams)))
        if hydrology is not None:
            tasks.append(asyncio.create_task(poll_forever(hydrology, write_locked, clock, wake_streams,
                                                          hydrology_every_s)))
        yield
        for task in [*tasks, mover]:
            if task is not None:
                task.cancel()
                with contextlib.suppress(BaseException):
                    await task
        if cot is not None:
            await cot.close()
        if hydrology is not None:
            hydrology.close()
        close = getattr(streams, "close", None)
        if close is not None:
            close()
        db.dispose()

    app = FastAPI(
        title="Watchroom platform", version="1", openapi_url="/openapi.json", lifespan=lifespan
    )
    # Level 6 compresses JSON nearly as well as 9 at several times the speed.
    app.add_middleware(GZipMiddleware, minimum_size=1000, compresslevel=6)
    # Outermost: no route reads more than its limit (server/body_limit.py).
    app.add_middleware(BodyLimit, limits={LOGIN_PATH: LOGIN_MAX_BYTES, OPS_PATH: MAX_REQUEST_BYTES,
                                           API_PREFIX + READINGS_PATH: MAX_READINGS_BYTES})
    http_errors.install(app)
    db_outage.install(app)  # 503 + Retry-After while the database is unreachable
    # Every request sees nothing classified on PostgreSQL until its route says whose clearance it serves.
    app.add_middleware(pg_rls.RequestScope)
    with Session(db.engine) as s:
        cluster_id = get_meta(s, "cluster_id")
    # Identification, access control and audit (server/security_wiring.py).
    install_security_state(app, db, db_url, clock=clock, token_ttl=token_ttl, idle_timeout=idle_timeout,
                           password_policy=password_policy, level_names=level_names, cert_policy=cert_policy,
                           key_file=key_file, audit_key_file=audit_key_file, audit_algorithm=audit_algorithm,
                           hash_gate=hash_gate)
    app.state.db = db
    app.state.registry = kinds
    # No SMS/voice line in the reference platform: messages go to a log and are reported as such.
    app.state.gateway = gateway or LogGateway(notification_log(db_url))
    app.state.clock = clock
    app.state.cluster_id = cluster_id
    app.state.open_streams = 0  # event streams being served (seen in tests, useful for metrics)
    app.state.demo_passwords = seed_demo_users(db) if seed_demo else {}
    # What wakes the event streams when changes commit (server/change_notifier.py).
    streams: ChangeNotifier
    if notifier is not None:
        streams = notifier
    elif db.is_postgres:
        streams = PgListenNotifier(db, db_url)
    else:
        streams = PollingNotifier(db)

    def wake_streams() -> None:
        poke = getattr(streams, "poke", None)
        if poke is not None:
            poke()

    def now() -> str:
        return iso(clock())

    write_positions = positions_writer(db, now, wake_streams, _PG_WRITE_LOCK)
    app.include_router(positions_router(write_positions, clock, CanReportPosition, actor_for), prefix=API_PREFIX)
    app.state.wall_wakeups = Wakeups(POLL_S)  # the wall's long polls under way (seen in tests)
    app.include_router(wall_router(db, now, CanWrite, CanRead, app.state.wall_wakeups), prefix=API_PREFIX)
    add_security_routes(app, db, clock, LoginRules(token_ttl, unknown_workstations, workstation_clearance),
                        CanReadAudit, IsAdmin)
    feed_poller = (FeedPoller(list(warning_feeds), warning_poll_s, db, lambda ops, size, actor: write_batch(ops, size, actor),
                              clock, wake_streams) if warning_feeds else None)
    app.state.warning_feeds = feed_poller
    app.include_router(feeds_router(feed_poller, CanRead), prefix=API_PREFIX)
    app.include_router(rollcall_router(db, now, lambda op, actor: write_one(op, actor), actor_for, CanPostRollCall,
                                       CanRead), prefix=API_PREFIX)

    @app.get(API_PREFIX + "/health", response_model=Health)
    def health() -> Health:
        with Session(db.engine) as s:
            return Health(cluster_id=cluster_id, latest_seq=latest_seq(s), server_time=now())

    def write_locked(actor: Actor, work: Callable[[Session], Any]) -> tuple[Any, int]:
        """`work` in the one write transaction (writers serialised so seqs commit in
        order); returns its result and the latest seq."""
        info = {"gateway": app.state.gateway, "actor": actor, "duty_max_hours": duty_max_hours}
        # The writer's clearance, enforced by PostgreSQL too (server/pg_rls.py); the platform's own: all.
        with pg_rls.scope(actor.clearance), Session(db.write, info=info) as s, s.begin():
            if db.is_postgres:
                s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_WRITE_LOCK})
            result = work(s)
            latest = latest_seq(s)
            if db.is_postgres:
                notify_in_transaction(s, latest)
        return result, latest

    def write_batch(raw_ops: list[Any], body_bytes: int | None, actor: Actor) -> OpBatchResult:
        results, latest = write_locked(actor, lambda s: apply_batch(s, kinds, raw_ops, now(), body_bytes))
        return OpBatchResult(cluster_id=cluster_id, latest_seq=latest, results=results)

    async def write_readings(items: list[Any], actor: Actor) -> list[dict[str, Any]]:
        answers, _latest = await run_in_threadpool(write_locked, actor, lambda s: ingest(s, items, clock()))
        wake_streams()
        return answers

    app.state.write_readings = write_readings
    app.state.write_locked = write_locked
    app.include_router(monitoring_router(write_readings, actor_for, CanPostReadings, lambda: list_stations(db.engine),
                                         CanListStations), prefix=API_PREFIX)
    app.include_router(history_router(db.engine, CanRead), prefix=API_PREFIX)

    async def write_one(op: dict[str, Any], actor: Actor) -> OpResult:
        result = (await run_in_threadpool(write_batch, [op], None, actor)).results[0]
        wake_streams()
        return result

    app.include_router(report_router(db, now, write_one, actor_for, CanReport), prefix=API_PREFIX)
    app.include_router(sync_router(db, kinds, cluster_id, app.state, streams, keepalive_seconds, write_batch,
                                   wake_streams, actor_for, CanWrite, CanRead), prefix=API_PREFIX)

    return app


def actor_for(user: auth.Principal, client_id: str = "") -> Actor:
    """The actor of a request's changes: the token's account and the workstation
    it logged in from (the batch's client id for a client that did not say)."""
    return Actor(account=user.username, role=user.role, workstation=user.workstation or client_id,
                 unit_id=user.unit_id, site_code=user.site_code, clearance=user.clearance)
