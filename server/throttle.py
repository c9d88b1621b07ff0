"""Slows down password guessing, in two ways that do not let an attacker lock
out a real user:

- per user name *and* address: after a few failures for one name from one
  address, that pair waits. The same user from another address (their own
  workstation) is not affected, so guessing someone's password from one
  machine cannot lock them out;
- per address, across names: an address that fails many times, whatever
  names it tries, waits too, so spraying names does not get around the first.

Refusals are 429 with Retry-After, answered before any password is hashed.
Kept in memory per server process (bounded under a spray of addresses and
names): a replica restart forgets it, which costs an attacker little next to
argon2's cost per guess and the hash gate (server/hash_gate.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

MAX_FAILURES = 5  # per name and address
MAX_ADDRESS_FAILURES = 20  # per address, any names
WINDOW = timedelta(minutes=5)
LOCKOUT = timedelta(minutes=5)
MAX_TRACKED = 10_000  # bounded memory under a spray of made-up names or addresses


class _Counter:
    """Recent failures per key; a key with `limit` of them inside WINDOW waits LOCKOUT."""

    def __init__(self, limit: int):
        self.limit = limit
        self.failures: dict[object, list[datetime]] = {}

    def retry_after(self, key: object, now: datetime) -> int:
        recent = [t for t in self.failures.get(key, []) if now - t < WINDOW + LOCKOUT]
        if len(recent) < self.limit:
            return 0
        free_at = recent[-1] + LOCKOUT
        return max(0, int((free_at - now).total_seconds()) + 1) if free_at > now else 0

    def failed(self, key: object, now: datetime) -> None:
        if len(self.failures) >= MAX_TRACKED:
            self._forget_old(now)
        times = [t for t in self.failures.get(key, []) if now - t < WINDOW]
        times.append(now)
        self.failures[key] = times[-self.limit:]

    def _forget_old(self, now: datetime) -> None:
        stale = [k for k, v in self.failures.items() if not v or now - v[-1] >= WINDOW + LOCKOUT]
        for key in stale:
            del self.failures[key]
        while len(self.failures) >= MAX_TRACKED:  # still full: drop the oldest entries
            del self.failures[next(iter(self.failures))]


class LoginThrottle:
    def __init__(self, clock: Callable[[], datetime]):
        self._clock = clock
        self._pairs = _Counter(MAX_FAILURES)
        self._addresses = _Counter(MAX_ADDRESS_FAILURES)
        self._lock = threading.Lock()

    def retry_after(self, username: str, address: str) -> int:
        """Seconds until this name may try again from this address; 0 when it may now."""
        now = self._clock()
        with self._lock:
            return max(self._pairs.retry_after((username, address), now),
                       self._addresses.retry_after(address, now))

    def failed(self, username: str, address: str) -> None:
        now = self._clock()
        with self._lock:
            self._pairs.failed((username, address), now)
            self._addresses.failed(address, now)

    def succeeded(self, username: str, address: str) -> None:
        """Forgives the pair; the address keeps its count (a guesser holding one good
        account must not reset its spraying by logging in between guesses)."""
        with self._lock:
            self._pairs.failures.pop((username, address), None)
