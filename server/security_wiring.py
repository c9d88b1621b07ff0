"""The platform's security wiring in one place, so a security officer (or a
reviewer) reads what create_app sets up for identification, access control
and audit without the sync plumbing around it: the token key, accounts,
workstations, sessions, clearances, the certificate policy, the login and
account routes, the audit routes, the audit checkpoint task and the log of
refusals (server/refusals.py)."""

# No `from __future__ import annotations`: the routes' dependencies are resolved at run time.

import asyncio
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from server import audit_sign
from server.account_events import AccountEvents
from server.account_routes import account_router
from server.accounts import AccountCache
from server.audit_routes import audit_router
from server.cert_auth import CertPolicy
from server.clearance import ClearanceCache
from server.db import Database
from server.hash_gate import HashGate
from server.login import LoginRules, add_login_route
from server.refusals import RefusalLog
from server.sessions import SessionTracker
from server.throttle import LoginThrottle
from server.token_key import load_secret
from server.workstations import WorkstationCache
from services.accounts.password_policy import PasswordPolicy
from services.clearance import parse_names
from services.sync.wire import API_PREFIX


def install_security_state(app: FastAPI, db: Database, db_url: str, *, clock: Callable[[], datetime],
                           token_ttl: timedelta, idle_timeout: timedelta | None,
                           password_policy: PasswordPolicy | None, level_names: str,
                           cert_policy: CertPolicy | None, key_file: Path | None,
                           audit_key_file: Path | None, audit_algorithm: str,
                           hash_gate: HashGate | None) -> None:
    """The security objects on app.state, where routes and tests find them."""
    app.state.token_secret = load_secret(db, db_url, key_file)
    app.state.audit_signer = audit_sign.load_signer(db_url, audit_key_file, audit_algorithm)
    app.state.accounts = AccountCache(db.engine, clock)
    app.state.workstations = WorkstationCache(db.engine, clock)
    app.state.sessions = SessionTracker(db, clock, ttl=token_ttl, idle=idle_timeout)
    app.state.account_events = AccountEvents()  # the audit subscribes here (server/account_events.py)
    app.state.password_policy = password_policy or PasswordPolicy()
    app.state.clearances = ClearanceCache(db.engine, clock)
    app.state.level_names = parse_names(level_names)
    app.state.cert_policy = cert_policy or CertPolicy()  # password, certificate or both (server/cert_auth.py)
    app.state.cert_policy.db = db
    app.state.hash_gate = hash_gate or HashGate()
    app.state.refusals = RefusalLog(db, clock)  # refusals in the audit, bounded per address (server/refusals.py)


def add_security_routes(app: FastAPI, db: Database, clock: Callable[[], datetime], rules: LoginRules,
                        can_read_audit: Any, is_admin: Any) -> None:
    """Login, account management and the read-only audit."""
    add_login_route(app, db, clock, rules, LoginThrottle(db, clock), app.state.hash_gate, app.state.sessions,
                    app.state.account_events)
    app.include_router(account_router(db, app.state.password_policy, app.state.account_events, app.state),
                       prefix=API_PREFIX)
    app.include_router(audit_router(db, lambda: app.state.audit_signer, can_read_audit, is_admin),
                       prefix=API_PREFIX)


def start_audit_checkpoints(app: FastAPI, db: Database, every_s: float,
                            clock: Callable[[], datetime]) -> "asyncio.Task[Any]":
    """The task that signs a checkpoint every `every_s` (server/audit_sign.py); the lifespan cancels it."""
    return asyncio.create_task(audit_sign.checkpoint_forever(db, app.state.audit_signer, every_s, clock))
