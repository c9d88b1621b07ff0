"""Accounts as they stand now, for every request: a token is good only while
its account is active, has the token's role and the token's version. The
version is bumped by every change that must end the account's sessions
(deactivation, a role or unit change, a new password, an explicit revoke), in
the database, so every replica sees it; each replica caches an account's
state for a few seconds to keep this off the hot path."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from server.auth import ROLES, hash_password
from server.db import UserRow

CACHE_TTL = timedelta(seconds=5)
MAX_CACHED = 10_000


@dataclass(frozen=True)
class AccountState:
    active: bool
    role: str
    version: int
    unit_id: str
    site_code: str


class AccountCache:
    """username -> AccountState (None: no such account), each read at most every CACHE_TTL."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime], ttl: timedelta = CACHE_TTL):
        self._engine, self._clock, self._ttl = engine, clock, ttl
        self._known: dict[str, tuple[datetime, AccountState | None]] = {}
        self._lock = threading.Lock()

    def get(self, username: str) -> AccountState | None:
        now = self._clock()
        with self._lock:
            cached = self._known.get(username)
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        with Session(self._engine) as s:
            row = s.execute(select(UserRow.active, UserRow.role, UserRow.token_version, UserRow.unit_id,
                                   UserRow.site_code).where(UserRow.username == username)).first()
        state = AccountState(*row) if row is not None else None
        with self._lock:
            if len(self._known) >= MAX_CACHED:
                self._known.clear()
            self._known[username] = (now, state)
        return state

    def forget(self, username: str | None = None) -> None:
        """Re-reads an account (or all) on its next use: after a change made here."""
        with self._lock:
            if username is None:
                self._known.clear()
            else:
                self._known.pop(username, None)


def _user(s: Session, username: str) -> UserRow:
    user = s.scalar(select(UserRow).where(UserRow.username == username))
    if user is None:
        raise LookupError(f"no user {username!r}")
    return user


def revoke_tokens(s: Session, username: str) -> None:
    """Every token issued to this account so far stops working."""
    _user(s, username).token_version += 1


def set_active(s: Session, username: str, active: bool) -> None:
    user = _user(s, username)
    user.active = active
    user.token_version += 1


def set_role(s: Session, username: str, role: str, unit_id: str | None = None) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    user = _user(s, username)
    user.role = role
    if unit_id is not None:
        user.unit_id = unit_id
    if role == "field_unit" and not user.unit_id:
        raise ValueError("a field unit speaks for one unit: give its resource id (--unit)")
    user.token_version += 1


def set_password(s: Session, username: str, password: str) -> None:
    user = _user(s, username)
    user.password_hash = hash_password(password)
    user.token_version += 1


def set_clearance(s: Session, username: str, level: int) -> None:
    """The highest level this account may see (0..9; the clearance slice filters by it).
    Sessions go on: the platform reads the clearance at each exchange."""
    from server.workstations import check_clearance

    _user(s, username).clearance = check_clearance(level)
