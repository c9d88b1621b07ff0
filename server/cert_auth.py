"""Who the presented certificate says the workstation is, and the rule that
binds a token to it. Modes per deployment (`--auth-mode`):

- password: as before; certificates, if any, are not consulted.
- both: log-in needs the account's password AND a client certificate whose
  subject is an active workstation's `cert_subject`; the token names that
  workstation (not what the client claims), and every request must present
  the same workstation's certificate, so a duty officer's token replayed from
  another workstation is refused.
- certificate: the certificate logs in the workstation and the officer names
  their account without a password; administrators still give theirs (an
  account that can change accounts is never one certificate away). This is
  for stations in the locked watch room (the commander's display, a duty
  desk whose officers change every shift): the desk is proven by its key,
  the name goes on every change it makes.

The subject comes from the TLS connection (server/tls.py) or, only from an
address in `trusted_proxies`, from a front proxy that terminated TLS and says
so in `X-SSL-Client-Verify: SUCCESS` and `X-SSL-Client-S-DN` (nginx:
`$ssl_client_verify`, `$ssl_client_s_dn`). The headers from anyone else are
ignored."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from fastapi import HTTPException, Request
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.db import Database, UserRow, WorkstationRow
from server.tls import scope_peer

MODES = ("password", "certificate", "both")
PROXY_VERIFY, PROXY_SUBJECT = "x-ssl-client-verify", "x-ssl-client-s-dn"
CACHE_S = 5.0  # how long a workstation lookup stands (deactivation takes effect within it)
REFUSED = "certificate: "  # starts every refusal's detail, so a client tells it from a wrong password


class CertRefused(HTTPException):
    """401 for a missing, unknown or mismatched workstation certificate."""

    def __init__(self, reason: str):
        super().__init__(401, REFUSED + reason, headers={"WWW-Authenticate": "Bearer"})


@dataclass
class CertPolicy:
    mode: str = "password"
    trusted_proxies: frozenset[str] = frozenset()
    db: Database | None = None
    _cache: dict[str, tuple[str, float]] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"auth mode must be one of {', '.join(MODES)}, not {self.mode!r}")

    @property
    def binds(self) -> bool:
        return self.mode != "password"

    def subject(self, request: Request) -> str:
        """The verified client certificate's subject, "" without one."""
        peer = scope_peer(request.scope)
        if peer is None:
            return ""
        if peer.get("subject"):
            return peer["subject"]
        if peer.get("address") in self.trusted_proxies and request.headers.get(PROXY_VERIFY) == "SUCCESS":
            return request.headers.get(PROXY_SUBJECT, "").strip()[:500]
        return ""

    def _lookup(self, subject: str) -> str:
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(subject)
            if hit is not None and hit[1] > now:
                return hit[0]
        assert self.db is not None, "create_app gives the policy its database"
        with Session(self.db.engine) as s:
            name = s.scalar(select(WorkstationRow.name).where(WorkstationRow.cert_subject == subject,
                                                              WorkstationRow.active.is_(True))) or ""
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[subject] = (name, now + CACHE_S)
        return name

    def forget(self) -> None:
        with self._lock:
            self._cache.clear()

    def workstation(self, request: Request) -> str:
        """The active workstation the request's certificate is registered to, or CertRefused."""
        subject = self.subject(request)
        if not subject:
            raise CertRefused("this platform requires a workstation certificate")
        name = self._lookup(subject)
        if not name:
            raise CertRefused(f"the certificate {subject} is not registered to an active workstation")
        return name

    def check(self, request: Request, token_workstation: str) -> None:
        """Every authenticated request: the certificate's workstation is the token's."""
        if not self.binds:
            return
        name = self.workstation(request)
        if name != token_workstation:
            raise CertRefused(f"the token was issued to workstation {token_workstation or '(none)'}, "
                              f"the certificate is workstation {name}")


def account_without_password(db: Database, username: str) -> tuple[str, str, int] | None:
    """Certificate mode: the named active account, unless it is an administrator."""
    with Session(db.engine) as s:
        user = s.scalar(select(UserRow).where(UserRow.username == username))
        if user is None or not user.active or user.role == "admin":
            return None
        return user.username, user.role, user.token_version
