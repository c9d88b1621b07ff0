"""Refusals in the audit (等级保护 "安全审计": an attack is recorded, not just
turned away). Every 401/403 of `server/auth.py` require(), the log-in's 429
throttle and every failed TLS handshake (server/tls_audit.py) appends one
`refused` record: status, reason (the English detail the caller got), method,
route template (never the query), peer address, certificate subject, and the
account/workstation the token *claimed* (`claimed_account`,
`claimed_workstation`: read from the token when it could be, never believed;
the record's account is set only when the token verified and the refusal is a
role one).

Bounded so a flood cannot fill the disk or slow the platform: per peer address
at most `per_minute` records a minute, then one `refused` record saying how
many were suppressed (written when the window ends: a timer, one at a time,
calls `flush()`; or with that address's next refusal if that comes first), and at most `total_per_minute` from every address
together. The limiter keeps at most `max_peers` addresses; one pushed out
leaves its suppressed count to the summary of all addresses ("*"), so nothing is lost silently.
Each record is its own short transaction (audit.in_own_transaction) and runs
off the event loop: require() is a sync dependency (FastAPI's threadpool),
the others call `record` through run_in_threadpool or a thread."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from server import audit
from server.actor import ACCOUNT_MAX, WORKSTATION_MAX
from services.text_rules import text_problem

log = logging.getLogger(__name__)
PER_MINUTE = 20
TOTAL_PER_MINUTE = 600
MAX_PEERS = 4096
WINDOW_S = 60.0
REASON_MAX = 300


@dataclass
class _Window:
    start: float
    count: int = 0
    suppressed: int = 0


def _clean(value: Any, limit: int) -> str:
    """Text from a caller (a claimed name, a path) as it may go in a record: a
    string without control characters, cut to `limit`; anything else is ""."""
    if not isinstance(value, str):
        return ""
    value = value[:limit]
    return "" if text_problem(value) else value


class RefusalLog:
    """Records refusals on `db` (server.db.Database), bounded per address (module docstring)."""

    def __init__(self, db, clock: Callable[[], datetime], *, per_minute: int = PER_MINUTE,
                 total_per_minute: int = TOTAL_PER_MINUTE, max_peers: int = MAX_PEERS):  # fmt: skip
        self.db, self.clock = db, clock
        self.per_minute, self.total_per_minute, self.max_peers = per_minute, total_per_minute, max_peers
        self._peers: OrderedDict[str, _Window] = OrderedDict()
        self._total = _Window(0.0)
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None  # one at most: the summaries when a window ends

    def _admit(self, address: str, now: float) -> tuple[bool, list[tuple[str, int]]]:
        """Whether to write this refusal, and the (address, suppressed) summaries due."""
        due: list[tuple[str, int]] = []
        with self._lock:
            window = self._peers.pop(address, None)
            if window is not None and now - window.start >= WINDOW_S:
                if window.suppressed:
                    due.append((address, window.suppressed))
                window = None
            if window is None:
                window = _Window(now)
            self._peers[address] = window  # most recent last
            if now - self._total.start >= WINDOW_S:
                if self._total.suppressed:
                    due.append(("*", self._total.suppressed))
                self._total = _Window(now)
            while len(self._peers) > self.max_peers:  # its count goes in the summary of all addresses
                _, old = self._peers.popitem(last=False)
                self._total.suppressed += old.suppressed
            allowed = window.count < self.per_minute and self._total.count < self.total_per_minute
            if allowed:
                window.count += 1
                self._total.count += 1
            elif window.count >= self.per_minute:
                window.suppressed += 1
            else:
                self._total.suppressed += 1
            if not allowed and self._timer is None:  # the summary is written when the window ends
                self._timer = threading.Timer(WINDOW_S + 1, self._flush_later)
                self._timer.daemon = True
                self._timer.start()
        return allowed, due

    def record(self, status: int, reason: str, *, address: str = "", method: str = "", path: str = "",
               subject: str = "", claimed_account: str = "", claimed_workstation: str = "",
               account: str = "", workstation: str = "", stage: str = "http") -> bool:
        """Appends one `refused` record unless the limiter holds it back; True when written.
        Never raises: a refusal is answered whether or not its record could be written."""
        stamp = self.clock()
        allowed, due = self._admit(address, stamp.timestamp())
        at = stamp.isoformat(timespec="milliseconds")
        try:
            for peer, count in due:
                audit.in_own_transaction(self.db, audit.REFUSED, "", detail={
                    "address": peer, "suppressed": count, "reason": "refusals over the limit, not recorded one by one"},
                    at=at)
            if not allowed:
                return False
            detail = {"status": status, "reason": str(reason)[:REASON_MAX], "stage": stage,
                      "address": _clean(address, 100), "method": _clean(method, 16), "path": _clean(path, 200)}
            extra = {"subject": _clean(subject, 500), "claimed_account": _clean(claimed_account, ACCOUNT_MAX),
                     "claimed_workstation": _clean(claimed_workstation, WORKSTATION_MAX)}
            detail |= {key: value for key, value in extra.items() if value}
            audit.in_own_transaction(self.db, audit.REFUSED, _clean(account, ACCOUNT_MAX), detail=detail,
                                     workstation=_clean(workstation, WORKSTATION_MAX), at=at)
            return True
        except Exception:  # the database is down or locked: the refusal still stands
            log.warning("could not record a refusal in the audit", exc_info=True)
            return False

    def _flush_later(self) -> None:
        with self._lock:
            self._timer = None
        try:
            self.flush()
        except Exception:
            log.warning("could not record suppressed refusals in the audit", exc_info=True)

    def flush(self) -> None:
        """Writes the summaries of windows that have ended (a periodic task or shutdown)."""
        now = self.clock()
        due: list[tuple[str, int]] = []
        with self._lock:
            for address, window in list(self._peers.items()):
                if now.timestamp() - window.start >= WINDOW_S:
                    if window.suppressed:
                        due.append((address, window.suppressed))
                    del self._peers[address]
            if self._total.suppressed and now.timestamp() - self._total.start >= WINDOW_S:
                due.append(("*", self._total.suppressed))
                self._total = _Window(now.timestamp())
        at = now.isoformat(timespec="milliseconds")
        for peer, count in due:
            audit.in_own_transaction(self.db, audit.REFUSED, "", detail={
                "address": peer, "suppressed": count, "reason": "refusals over the limit, not recorded one by one"},
                at=at)


def of(state) -> RefusalLog | None:
    """The app's refusal log (None in an app built without one)."""
    return getattr(state, "refusals", None)


def route_template(scope) -> str:
    """The matched route's template with the prefix of the router it was included
    under ("/api/v1/orders/{order_id}/status"): never the ids or the query sent."""
    route = scope.get("route")
    template = getattr(route, "path", "")
    if not template:
        return "(no route)"
    path = scope.get("path", "")
    try:  # the route's path is relative to its router: the prefix is what the request had before it
        concrete = route.path_format.format(**scope.get("path_params", {}))
    except (AttributeError, KeyError, IndexError, ValueError):
        return template
    return path[:len(path) - len(concrete)] + template if path.endswith(concrete) else template


def request_refused(request, status: int, reason: str, claims=None, *, verified: bool = False) -> None:
    """A refused HTTP request in the audit. `claims`: the token's claims when they
    could be read (verified or not); `verified`: the token verified and the
    refusal is one of role, so the account is the principal."""
    from server.tls import scope_peer

    refusals = of(request.app.state)
    if refusals is None:
        return
    peer = scope_peer(request.scope) or {}
    address = peer.get("address") or (request.client.host if request.client else "")
    path = route_template(request.scope)
    policy = getattr(request.app.state, "cert_policy", None)
    subject = policy.subject(request) if policy is not None else peer.get("subject", "")
    account = getattr(claims, "username", "") if claims is not None else ""
    station = getattr(claims, "workstation", "") if claims is not None else ""
    refusals.record(status, reason, address=address, method=request.method, path=path, subject=subject,
                    claimed_account="" if verified else account, claimed_workstation="" if verified else station,
                    account=account if verified else "", workstation=station if verified else "")
