"""The log-in route, the one a stranger can call: its body is small (the body
limit), a throttled name or address is refused before any hashing, password
checks go through the hash gate (a few at once, a short queue, then 503), and
the token names the account's current version and the workstation given (or,
where certificates are required, the one the certificate is: server/cert_auth.py).
Every log-in and every refused password goes in the audit (server/audit.py)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from fastapi import FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from server import audit, auth
from server.actor import ACCOUNT_MAX, WORKSTATION_MAX
from server.cert_auth import CertRefused, account_without_password
from server.db import Database
from server.hash_gate import Busy, HashGate
from server.http_errors import errors
from server.throttle import LoginThrottle
from services.sync.wire import API_PREFIX, LoginRequest, Token
from services.text_rules import text_problem

LOGIN_PATH = API_PREFIX + "/auth/login"
LOGIN_MAX_BYTES = 4096  # a name, a password and a workstation id


def add_login_route(app: FastAPI, db: Database, clock: Callable[[], datetime], token_ttl: timedelta,
                    throttle: LoginThrottle, gate: HashGate) -> None:  # fmt: skip
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

    @app.post(LOGIN_PATH, response_model=Token, responses=errors(400, 401, 413, 422, 429, 503))
    async def login(body: LoginRequest, request: Request) -> Token:
        address = request.client.host if request.client else ""
        for name, value in (("username", body.username), ("workstation", body.workstation)):
            problem = text_problem(value)
            if problem:
                raise HTTPException(422, f"{name} holds {problem}")
        wait = throttle.retry_after(body.username, address)
        if wait:
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
            throttle.failed(body.username, address)
            await refused_login(body, address, "wrong username or password", station)
            raise HTTPException(401, "wrong username or password")
        username, role, version = user
        throttle.succeeded(username, address)
        await run_in_threadpool(audit.in_own_transaction, db, audit.LOGIN, username,
                                detail={"address": address, "role": role},
                                workstation=(body.workstation if station is None else station)[:WORKSTATION_MAX],
                                at=clock().isoformat(timespec="milliseconds"))
        expires = clock() + token_ttl
        token = auth.issue_token(app.state.token_secret, username, role, expires, version=version,
                                 workstation=body.workstation if station is None else station)
        return Token(access_token=token, expires_at=expires.isoformat(timespec="milliseconds"), username=username,
                     role=role)
