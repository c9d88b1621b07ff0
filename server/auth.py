"""Logins and stateless tokens. A token is base64url(JSON {u, r, exp}) + "." +
HMAC-SHA256 under the secret stored in server_meta, so any replica can check it
without a session table."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, HTTPException, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db import UserRow

ROLES = ("duty_officer", "commander", "viewer", "admin", "field_unit")  # field_unit: acknowledges orders only
DEFAULT_TTL = timedelta(hours=12)
_hasher = PasswordHasher()
_dummy_hash: str | None = None

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def use_hasher(hasher: PasswordHasher) -> None:
    """Replaces the argon2 parameters (tests use cheap ones; verification follows
    the parameters stored in each hash, so old hashes keep working)."""
    global _hasher, _dummy_hash
    _hasher, _dummy_hash = hasher, None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _dummy() -> str:
    """Verified against when the user is unknown, so timing does not reveal usernames."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = _hasher.hash("not a password")
    return _dummy_hash


def check_login(s: Session, username: str, password: str) -> UserRow | None:
    """The active user with this password, or None (no hint which part was wrong)."""
    user = s.scalar(select(UserRow).where(UserRow.username == username))
    try:
        _hasher.verify(user.password_hash if user else _dummy(), password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    return user


def create_user(s: Session, username: str, password: str, role: str) -> UserRow:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    user = UserRow(username=username, password_hash=hash_password(password), role=role, active=True)
    s.add(user)
    s.flush()
    return user


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(secret: str, body: str) -> str:
    return _b64(hmac.new(secret.encode(), body.encode("ascii"), hashlib.sha256).digest())


def issue_token(secret: str, username: str, role: str, expires: datetime) -> str:
    claims = {"u": username, "r": role, "exp": int(expires.timestamp())}
    body = _b64(json.dumps(claims, separators=(",", ":")).encode())
    return f"{body}.{_sign(secret, body)}"


def read_token(secret: str, token: str, now: datetime) -> tuple[str, str] | None:
    """(username, role) of a genuine, unexpired token; None otherwise."""
    body, _, signature = token.partition(".")
    if not body or not signature:
        return None
    if not hmac.compare_digest(signature, _sign(secret, body)):
        return None
    try:
        claims = json.loads(_unb64(body))
        username, role, exp = claims["u"], claims["r"], claims["exp"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(exp, int) or now.timestamp() >= exp or role not in ROLES:
        return None
    return username, role


class Principal:
    """Who is calling, as the token says."""

    def __init__(self, username: str, role: str):
        self.username = username
        self.role = role


def require(*roles: str):
    """A FastAPI dependency: 401 without a valid token, 403 for another role.
    Admin passes every role check. Reads the secret and clock from app.state."""
    allowed = frozenset(roles)

    def dependency(request: Request) -> Principal:
        header = request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
        state = request.app.state
        found = read_token(state.token_secret, token.strip(), state.clock())
        if found is None:
            raise HTTPException(401, "invalid or expired token", headers={"WWW-Authenticate": "Bearer"})
        username, role = found
        if role != "admin" and role not in allowed:
            raise HTTPException(403, f"role {role} may not do this")
        return Principal(username, role)

    return Depends(dependency)
