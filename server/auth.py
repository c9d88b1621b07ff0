"""Logins and stateless tokens. A token is base64url(JSON {u, r, v, w, exp}) +
"." + HMAC-SHA256 under the platform's secret (server/token_key.py: the
environment or a 0600 key file, never the database), so any replica can check
it without a session table. `v` is the account's token version: each request
compares it with the account's current one (server/accounts.py, cached for a
few seconds), so deactivating, demoting or revoking an account ends its
tokens at once instead of when they expire. `w` is the workstation it logged
in from."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from fastapi import Depends, HTTPException, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db import UserRow
from server.refusals import request_refused

ROLES = ("duty_officer", "commander", "viewer", "admin", "field_unit", "duty_chief", "sensor_gateway")
# field_unit: reports its orders' steps; duty_chief (值班长): a duty officer who also keeps the roster
# and approves swaps (services/duty/contract.py ROSTER_EDITORS); sensor_gateway (传感网关): a machine
# account that posts monitoring readings and lists the stations, nothing else (server/app.py)
DEFAULT_TTL = timedelta(hours=12)
MAX_TOKEN_CHARS = 2048  # a genuine token is a few hundred
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
    """The active user with this password, or None (no hint which part was wrong).
    Costs one argon2 verification (server/hash_gate.py bounds how many run at once)."""
    user = s.scalar(select(UserRow).where(UserRow.username == username))
    try:
        _hasher.verify(user.password_hash if user else _dummy(), password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    return user


def create_user(s: Session, username: str, password: str, role: str, *, unit_id: str = "",
                site_code: str = "") -> UserRow:  # fmt: skip
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; one of {', '.join(ROLES)}")
    if role == "field_unit" and not unit_id:
        raise ValueError("a field unit speaks for one unit: give its resource id (--unit)")
    user = UserRow(username=username, password_hash=hash_password(password), role=role, active=True,
                   token_version=1, unit_id=unit_id, site_code=site_code)
    s.add(user)
    s.flush()
    return user


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _sign(secret: str, body: str) -> str:
    return _b64(hmac.new(secret.encode(), body.encode("ascii"), hashlib.sha256).digest())


@dataclass(frozen=True)
class Claims:
    username: str
    role: str
    version: int = 0
    workstation: str = ""
    session: str = ""  # server/sessions.py: "" in a token from before sessions
    ws_version: int = 0  # the workstation's token version (server/workstations.py)


def issue_token(secret: str, username: str, role: str, expires: datetime, *, version: int = 0,
                workstation: str = "", session: str = "", ws_version: int = 0) -> str:  # fmt: skip
    claims = {"u": username, "r": role, "v": version, "w": workstation, "exp": int(expires.timestamp())}
    if session:
        claims |= {"s": session, "wv": ws_version}
    body = _b64(json.dumps(claims, separators=(",", ":")).encode())
    return f"{body}.{_sign(secret, body)}"


def read_token(secret: str, token: str, now: datetime) -> Claims | None:
    """The claims of a genuine, unexpired token; None for anything else (never
    an exception: a header is whatever the caller sent)."""
    if not token.isascii() or len(token) > MAX_TOKEN_CHARS:
        return None
    body, _, signature = token.partition(".")
    if not body or not signature:
        return None
    if not hmac.compare_digest(signature, _sign(secret, body)):
        return None
    try:
        claims = json.loads(_unb64(body))
        username, role, exp = claims["u"], claims["r"], claims["exp"]
        version, workstation = claims.get("v", 0), claims.get("w", "")
        session, ws_version = claims.get("s", ""), claims.get("wv", 0)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if not isinstance(exp, int) or now.timestamp() >= exp or role not in ROLES:
        return None
    if not isinstance(username, str) or not isinstance(version, int) or not isinstance(workstation, str):
        return None
    if not isinstance(session, str) or not isinstance(ws_version, int):
        return None
    return Claims(username, role, version, workstation, session, ws_version)


@dataclass(frozen=True)
class Principal:
    """Who is calling: the token's account as it stands now, and its workstation."""

    username: str
    role: str
    workstation: str = ""
    unit_id: str = ""
    site_code: str = ""
    # What it may see and write (services/clearance.py): the lower of the account's and the workstation's.
    clearance: int = 1
    session: str = ""  # server/sessions.py: what log-out ends


def _holds(account, claims: Claims) -> bool:
    """Whether the account, as it stands, still stands behind the token."""
    return account is not None and account.active and account.version == claims.version \
        and account.role == claims.role


def _unauthorised(reason: str) -> HTTPException:
    return HTTPException(401, reason, headers={"WWW-Authenticate": "Bearer"})


def _check_session(state, claims: Claims) -> None:
    """The workstation still stands behind the token (active, not revoked) and the
    session is neither logged out nor idle. A token from before sessions (no `s`)
    passes only while no idle timeout is set: it could not be timed."""
    if claims.workstation and not state.workstations.holds(claims.workstation, claims.ws_version):
        raise _unauthorised("workstation deactivated or its sessions revoked: log in again")
    if claims.session:
        if not state.sessions.use(claims.session):
            raise _unauthorised("session ended (logged out, or idle too long): log in again")
    elif state.sessions.idle is not None:
        raise _unauthorised("token without a session: log in again")


def _peek(request: Request) -> Claims | None:
    """The claims a refused token names, unverified (only for the audit's
    `claimed_account`: never believed)."""
    token = request.headers.get("authorization", "").partition(" ")[2].strip()
    if not token.isascii() or len(token) > MAX_TOKEN_CHARS:
        return None
    try:
        claims = json.loads(_unb64(token.partition(".")[0]))
        return Claims(str(claims.get("u", ""))[:64], "", 0, str(claims.get("w", ""))[:64])
    except (ValueError, TypeError, AttributeError):
        return None


def _authorise(request: Request, allowed: frozenset[str], seen: list[Claims], reason: str) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise _unauthorised("missing bearer token")
    state = request.app.state
    claims = read_token(state.token_secret, token.strip(), state.clock())
    if claims is None:
        raise _unauthorised("invalid or expired token")
    seen.append(claims)
    account = state.accounts.get(claims.username)
    if not _holds(account, claims):  # the cache may be older than the token: read it again once
        state.accounts.forget(claims.username)
        account = state.accounts.get(claims.username)
        if not _holds(account, claims):
            raise _unauthorised("token no longer valid (account changed or tokens revoked): log in again")
    state.cert_policy.check(request, claims.workstation)  # the token's workstation presents its certificate
    _check_session(state, claims)
    if claims.role != "admin" and claims.role not in allowed:
        raise HTTPException(403, reason.replace("{role}", claims.role) if reason else
                            f"role {claims.role} may not do this")
    clearances = getattr(state, "clearances", None)  # server/clearance.py ClearanceCache
    clearance = clearances.of(claims.username, claims.workstation) if clearances is not None else 1
    return Principal(claims.username, claims.role, claims.workstation, account.unit_id, account.site_code,
                     clearance, claims.session)


def require(*roles: str, reason: str = ""):
    """A FastAPI dependency: 401 without a valid token or for an account that has
    changed since (deactivated, another role, tokens revoked), 403 for another
    role (`reason`, with "{role}" for the caller's role, says why when the default
    would not). Admin passes every role check. Reads the secret, clock and account
    cache from app.state."""
    allowed = frozenset(roles)

    def dependency(request: Request) -> Principal:
        seen: list[Claims] = []  # the token's claims once read, for the refusal's record
        try:
            return _authorise(request, allowed, seen, reason)
        except HTTPException as exc:  # every refusal goes in the audit (server/refusals.py)
            claims = seen[0] if seen else _peek(request)
            request_refused(request, exc.status_code, str(exc.detail), claims, verified=exc.status_code == 403)
            raise

    return Depends(dependency)
