"""Workstations as the platform knows them (the lead's WorkstationRow): active,
clearance and a token version carried in each token (`wv`), so an admin who
deactivates a workstation or revokes its sessions is obeyed by every replica
within the cache's few seconds, as server/accounts.py does for accounts.

A workstation not in the table is registered at its first log-in with the
default clearance (ENROL_REGISTER): its name is a mirror id made at install,
and a backup laptop brought up in a shelter must work without waiting for an
admin; it gets no more than the default clearance, and an admin sees it in the
list at once and can lower, deactivate or revoke it. A centre that enrols its
workstations beforehand (or by TLS certificate) starts the platform with
--unknown-workstations refuse (ENROL_REFUSE): then an unknown name, or none,
cannot log in."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.db import WorkstationRow
from services.accounts.wire import CLEARANCE_MAX, CLEARANCE_MIN

CACHE_TTL = timedelta(seconds=5)
MAX_CACHED = 10_000
ENROL_REGISTER, ENROL_REFUSE = "register", "refuse"


@dataclass(frozen=True)
class WorkstationState:
    active: bool
    version: int
    clearance: int


class WorkstationRefused(Exception):
    """This workstation may not log in (unknown under ENROL_REFUSE, or deactivated)."""


class WorkstationCache:
    """name -> WorkstationState (None: unknown), each read at most every CACHE_TTL."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime], ttl: timedelta = CACHE_TTL):
        self._engine, self._clock, self._ttl = engine, clock, ttl
        self._known: dict[str, tuple[datetime, WorkstationState | None]] = {}
        self._lock = threading.Lock()

    def get(self, name: str) -> WorkstationState | None:
        now = self._clock()
        with self._lock:
            cached = self._known.get(name)
        if cached is not None and now - cached[0] < self._ttl:
            return cached[1]
        with Session(self._engine) as s:
            row = s.execute(select(WorkstationRow.active, WorkstationRow.token_version, WorkstationRow.clearance)
                            .where(WorkstationRow.name == name)).first()
        state = WorkstationState(*row) if row is not None else None
        with self._lock:
            if len(self._known) >= MAX_CACHED:
                self._known.clear()
            self._known[name] = (now, state)
        return state

    def holds(self, name: str, version: int) -> bool:
        """Whether a token from this workstation at this version still stands (read again once if not)."""
        for attempt in range(2):
            state = self.get(name)
            if state is not None and state.active and state.version == version:
                return True
            if attempt == 0:
                self.forget(name)
        return False

    def forget(self, name: str | None = None) -> None:
        with self._lock:
            if name is None:
                self._known.clear()
            else:
                self._known.pop(name, None)


def admit(engine: Engine, name: str, enrol: str, default_clearance: int, now: str) -> int:
    """The token version to put in a token from `name`; registers an unknown one
    (ENROL_REGISTER) or refuses it. 0 for no workstation named (allowed only when registering)."""
    if not name:
        if enrol == ENROL_REFUSE:
            raise WorkstationRefused("this platform admits registered workstations only")
        return 0
    for _attempt in range(2):
        try:
            with Session(engine) as s, s.begin():
                row = s.get(WorkstationRow, name)
                if row is not None:
                    if not row.active:
                        raise WorkstationRefused("this workstation is deactivated")
                    return row.token_version
                if enrol == ENROL_REFUSE:
                    raise WorkstationRefused("this workstation is not registered on the platform")
                s.add(WorkstationRow(name=name, clearance=default_clearance, cert_subject="", active=True,
                                     token_version=1, created_at=now))
            return 1
        except IntegrityError:  # another replica registered it at the same moment: read it
            continue
    raise WorkstationRefused("this workstation could not be registered")


def _station(s: Session, name: str) -> WorkstationRow:
    row = s.get(WorkstationRow, name)
    if row is None:
        raise LookupError(f"no workstation {name!r}")
    return row


def check_clearance(level: int) -> int:
    if isinstance(level, bool) or not isinstance(level, int) or not CLEARANCE_MIN <= level <= CLEARANCE_MAX:
        raise ValueError(f"clearance must be a whole number from {CLEARANCE_MIN} to {CLEARANCE_MAX}")
    return level


def set_clearance(s: Session, name: str, level: int) -> None:
    """A lowered clearance takes effect at the next exchange (the clearance slice filters by it)."""
    _station(s, name).clearance = check_clearance(level)


def set_active(s: Session, name: str, active: bool) -> None:
    row = _station(s, name)
    row.active = active
    row.token_version += 1


def revoke(s: Session, name: str) -> None:
    """Every session on this workstation ends, whoever holds it."""
    _station(s, name).token_version += 1
