"""What happens to accounts and sessions (log-ins, failed log-ins, log-outs,
every administrative action), said to whoever listens: the platform's log by
default; the audit (issue 18 item 5) subscribes to the same events. Each
event names the account that did it (from the token, never the payload)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger("server.accounts")


@dataclass(frozen=True)
class AccountEvent:
    kind: str  # login, login_failed, logout, logout_all, create_user, set_role, set_clearance, ...
    by: str  # the account doing it ("" for a stranger's failed log-in, "cli" for the server's CLI)
    workstation: str = ""
    target: str = ""  # the account or workstation acted on
    detail: dict = field(default_factory=dict)
    address: str = ""


class AccountEvents:
    def __init__(self):
        self._listeners: list[Callable[[AccountEvent], None]] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Callable[[AccountEvent], None]) -> None:
        with self._lock:
            self._listeners.append(listener)

    def emit(self, event: AccountEvent) -> None:
        log.info("account %s by %r from %r on %r%s", event.kind, event.by, event.address, event.target,
                 f" {event.detail}" if event.detail else "")
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # noqa: BLE001 - a listener's failure must not undo the action
                log.exception("account event listener failed")
