"""Slows down password guessing, in two ways that do not let an attacker lock
out a real user:

- per user name *and* address: after a few failures for one name from one
  address, that pair waits. The same user from another address (their own
  workstation) is not affected, so guessing someone's password from one
  machine cannot lock them out;
- per address, across names: an address that fails many times, whatever
  names it tries, waits too, so spraying names does not get around the first.

Refusals are 429 with Retry-After, answered before any password is hashed.
Kept in the database (table login_failures) so every replica counts the same
failures: a guesser spreading attempts over replicas, or waiting for one to
restart, gains nothing. Keys are hashes: a password typed into the name field
is not kept in clear. The table is bounded under a spray of names and
addresses (old rows go first)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import Integer, String, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.db import Base, Database

MAX_FAILURES = 5  # per name and address
MAX_ADDRESS_FAILURES = 20  # per address, any names
WINDOW = timedelta(minutes=5)
LOCKOUT = timedelta(minutes=5)
MAX_TRACKED = 10_000  # bounded table under a spray of made-up names or addresses


class LoginFailureRow(Base):
    """Failures of one key (a name and address pair, or an address) since `first_at`."""

    __tablename__ = "login_failures"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 hex
    failures: Mapped[int] = mapped_column(Integer, default=0)
    first_at: Mapped[int] = mapped_column(Integer)  # epoch seconds
    last_at: Mapped[int] = mapped_column(Integer, index=True)


def _pair(username: str, address: str) -> str:
    return hashlib.sha256(f"pair\0{username}\0{address}".encode()).hexdigest()


def _address(address: str) -> str:
    return hashlib.sha256(f"addr\0{address}".encode()).hexdigest()


class LoginThrottle:
    """The throttle of every replica on one database; `clock` gives aware datetimes."""

    def __init__(self, db: Database, clock: Callable[[], datetime], max_tracked: int = MAX_TRACKED):
        self._read, self._engine, self._clock, self._max = db.engine, db.write, clock, max_tracked

    def retry_after(self, username: str, address: str) -> int:
        """Seconds until this name may try again from this address; 0 when it may now."""
        now = int(self._clock().timestamp())
        limits = {_pair(username, address): MAX_FAILURES, _address(address): MAX_ADDRESS_FAILURES}
        with Session(self._read) as s:
            rows = s.execute(select(LoginFailureRow.key, LoginFailureRow.failures, LoginFailureRow.last_at)
                             .where(LoginFailureRow.key.in_(list(limits)))).all()
        wait = 0
        for key, failures, last_at in rows:
            free_at = last_at + int(LOCKOUT.total_seconds())
            if failures >= limits[key] and free_at > now:
                wait = max(wait, free_at - now + 1)
        return wait

    def failed(self, username: str, address: str) -> None:
        """Counts a failure for the pair and for the address, in one short transaction."""
        now = int(self._clock().timestamp())
        for _attempt in range(3):  # another replica may insert the same key at the same moment
            try:
                with Session(self._engine) as s, s.begin():
                    for key in (_pair(username, address), _address(address)):
                        self._count(s, key, now)
                return
            except IntegrityError:
                continue

    def _count(self, s: Session, key: str, now: int) -> None:
        window = int(WINDOW.total_seconds())
        row = s.get(LoginFailureRow, key, with_for_update=True)
        if row is None:
            self._make_room(s, now)
            s.add(LoginFailureRow(key=key, failures=1, first_at=now, last_at=now))
            s.flush()
        elif now - row.first_at >= window:  # an old run of failures: start again
            row.failures, row.first_at, row.last_at = 1, now, now
        else:
            row.failures, row.last_at = row.failures + 1, now

    def _make_room(self, s: Session, now: int) -> None:
        if s.scalar(select(func.count()).select_from(LoginFailureRow)) < self._max:
            return
        stale = now - int((WINDOW + LOCKOUT).total_seconds())
        s.execute(delete(LoginFailureRow).where(LoginFailureRow.last_at < stale))
        over = s.scalar(select(func.count()).select_from(LoginFailureRow)) - self._max + 1
        if over > 0:  # still full: the oldest go
            oldest = select(LoginFailureRow.key).order_by(LoginFailureRow.last_at).limit(over)
            s.execute(delete(LoginFailureRow).where(LoginFailureRow.key.in_(oldest)))

    def succeeded(self, username: str, address: str) -> None:
        """Forgives the pair; the address keeps its count (a guesser holding one good
        account must not reset its spraying by logging in between guesses)."""
        with Session(self._engine) as s, s.begin():
            s.execute(delete(LoginFailureRow).where(LoginFailureRow.key == _pair(username, address)))

    def tracked(self) -> int:
        with Session(self._read) as s:
            return s.scalar(select(func.count()).select_from(LoginFailureRow))
