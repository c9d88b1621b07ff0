"""The log-in route, the one a stranger can call: its body is small (the body
limit), a throttled name or address is refused before any hashing (the
throttle is in the database, shared by every replica), password checks go
through the hash gate (a few at once, a short queue, then 503), the
workstation (the one given, or where certificates are required the one the
certificate is: server/cert_auth.py) is admitted (registered at first sight,
or refused: server/workstations.py), and the token names the account's
current version, the workstation and its version, and a new session
(server/sessions.py). Every log-in and every refused one goes in the audit
(server/audit.py) and to the account events (server/account_events.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from server import audit, auth
from server.account_events import AccountEvent, AccountEvents
from server.actor import ACCOUNT_MAX, WORKSTATION_MAX
from server.cert_auth import CertRefused, account_without_password
from server.db import Database
from server.hash_gate import Busy, HashGate
from server.http_errors import errors
from server.refusals import request_refused
from server.sessions import SessionTracker
from server.throttle import LoginThrottle
from server.workstations import ENROL_REGISTER, WorkstationRefused, admit
from services.sync.wire import API_PREFIX, LoginRequest, Token
from services.text_rules import text_problem

LOGIN_PATH = API_PREFIX + "/auth/login"
LOGIN_MAX_BYTES = 4096  # a name, a password and a workstation id


@dataclass(frozen=True)
class LoginRules:
    token_ttl: timedelta = auth.DEFAULT_TTL
    enrol: str = ENROL_REGISTER  # unknown workstations: register or refuse
    workstation_clearance: int = 1  # of a workstation registered at its first log-in


def add_login_route(app: FastAPI, db: Database, clock: Callable[[], datetime], rules: LoginRules,
                    throttle: LoginThrottle, gate: HashGate, sessions: SessionTracker,
                    events: AccountEvents) -> None:  # fmt: skip
    def check(username: str, password: str) -> tuple[str, str, int] | None:
        with Session(db.engine) as s:
            user = auth.check_login(s, username, password)
            return None if user is None else (user.username, user.role, user.token_version)

    async def refused_login(body: LoginRequest, address: str, reason: str, station: str | None = None) -> None:
        """A refused log-in in the audit: the name tried, from where, and why."""
        await run_in_threadpool(audit.in_own_transaction, db, audit.LOGIN_FAILED, body.username[:ACCOUNT_MAX],
                                detail={"address": address, "reason": str(reason)[:300]},
                                workstation=(body.workstation if station is None else station)[:WORKSTATION_MAX],
                                at=clock().isoformat(timespec="milliseconds"))

    @app.post(LOGIN_PATH, response_model=Token, responses=errors(400, 401, 403, 413, 422, 429, 503))
    async def login(body: LoginRequest, request: Request) -> Token:
        address = request.client.host if request.client else ""
        for name, value in (("username", body.username), ("workstation", body.workstation)):
            problem = text_problem(value)
            if problem:
                raise HTTPException(422, f"{name} holds {problem}")
        wait = await run_in_threadpool(throttle.retry_after, body.username, address)
        if wait:  # in the audit as refused, bounded per address (not a failed log-in: no password was tried)
            await run_in_threadpool(request_refused, request, 429, "too many failed log-ins; try again later",
                                    auth.Claims(body.username, "", 0, body.workstation))
            raise HTTPException(429, "too many failed log-ins; try again later", headers={"Retry-After": str(wait)})
        policy = app.state.cert_policy
        # CertRefused before any hashing; the lookup reads the database, so off the event loop
        try:
            station = await run_in_threadpool(policy.workstation, request) if policy.binds else None
        except CertRefused as refused:
            await refused_login(body, address, refused.detail)
            raise
        try:
            if policy.mode == "certificate" and not body.password:
                user = await gate.run(account_without_password, db, body.username)
            else:
                user = await gate.run(check, body.username, body.password)
        except Busy:
            raise HTTPException(503, "too many log-ins at once; try again in a moment",
                                headers={"Retry-After": "1"}) from None
        if user is None:
            await run_in_threadpool(throttle.failed, body.username, address)
            await refused_login(body, address, "wrong username or password", station)
            events.emit(AccountEvent("login_failed", "", body.workstation, body.username, address=address))
            raise HTTPException(401, "wrong username or password")
        username, role, version = user
        await run_in_threadpool(throttle.succeeded, username, address)
        now = clock()
        workstation = body.workstation if station is None else station
        try:
            ws_version = await run_in_threadpool(admit, db.write, workstation, rules.enrol,
                                                 rules.workstation_clearance, now.isoformat(timespec="seconds"))
        except WorkstationRefused as exc:
            await refused_login(body, address, str(exc), station)
            events.emit(AccountEvent("login_refused_workstation", username, workstation, workstation,
                                     {"reason": str(exc)}, address))
            raise HTTPException(403, str(exc)) from None
        session = await run_in_threadpool(sessions.start, username, workstation)
        await run_in_threadpool(audit.in_own_transaction, db, audit.LOGIN, username,
                                detail={"address": address, "role": role},
                                workstation=workstation[:WORKSTATION_MAX],
                                at=now.isoformat(timespec="milliseconds"))
        expires = now + rules.token_ttl
        token = auth.issue_token(app.state.token_secret, username, role, expires, version=version,
                                 workstation=workstation, session=session, ws_version=ws_version)
        events.emit(AccountEvent("login", username, workstation, username, address=address))
        return Token(access_token=token, expires_at=expires.isoformat(timespec="milliseconds"), username=username,
                     role=role)
