"""Slows down password guessing: after a few failed log-ins for one user name
from one address, further attempts are refused for a while (429 with
Retry-After). Kept in memory per server process: a replica restart forgets it,
which costs an attacker little compared with argon2's cost per guess."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

MAX_FAILURES = 5
WINDOW = timedelta(minutes=5)
LOCKOUT = timedelta(minutes=5)
MAX_TRACKED = 10_000  # bounded memory under a spray of made-up names


class LoginThrottle:
    def __init__(self, clock: Callable[[], datetime]):
        self._clock = clock
        self._failures: dict[tuple[str, str], list[datetime]] = {}
        self._lock = threading.Lock()

    def retry_after(self, username: str, address: str) -> int:
        """Seconds until this pair may try again; 0 when it may now."""
        now = self._clock()
        with self._lock:
            recent = [t for t in self._failures.get((username, address), []) if now - t < WINDOW + LOCKOUT]
            if len(recent) < MAX_FAILURES:
                return 0
            free_at = recent[-1] + LOCKOUT
            return max(0, int((free_at - now).total_seconds()) + 1) if free_at > now else 0

    def failed(self, username: str, address: str) -> None:
        now = self._clock()
        with self._lock:
            if len(self._failures) >= MAX_TRACKED:
                self._forget_old(now)
            times = [t for t in self._failures.get((username, address), []) if now - t < WINDOW]
            times.append(now)
            self._failures[(username, address)] = times[-MAX_FAILURES:]

    def succeeded(self, username: str, address: str) -> None:
        with self._lock:
            self._failures.pop((username, address), None)

    def _forget_old(self, now: datetime) -> None:
        stale = [k for k, v in self._failures.items() if not v or now - v[-1] >= WINDOW + LOCKOUT]
        for key in stale:
            del self._failures[key]
        while len(self._failures) >= MAX_TRACKED:  # still full: drop the oldest entries
            del self._failures[next(iter(self._failures))]
