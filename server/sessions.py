"""Sessions: one row per log-in, so one can be ended (log out) and an idle one
stops working. The token carries the session id (`s`); every request checks
it through a per-replica cache read at most every few seconds, and records its
use in the database at most once a minute per session (TOUCH_EVERY), so a busy
platform does not write on every request. An idle timeout of N minutes thus
ends a session between N and N+1 minutes after its last request, on every
replica. Rows whose tokens must have expired are pruned at each log-in."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Boolean, Integer, String, delete, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from server.actor import ACCOUNT_MAX, WORKSTATION_MAX
from server.db import Base, Database

CACHE_TTL = timedelta(seconds=5)
TOUCH_EVERY = timedelta(minutes=1)
MAX_CACHED = 20_000
PRUNE_MARGIN_S = 86_400


class SessionRow(Base):
    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    username: Mapped[str] = mapped_column(String(ACCOUNT_MAX), index=True)
    workstation: Mapped[str] = mapped_column(String(WORKSTATION_MAX), default="")
    started_at: Mapped[int] = mapped_column(Integer)  # epoch seconds
    last_used: Mapped[int] = mapped_column(Integer, index=True)
    ended: Mapped[bool] = mapped_column(Boolean, default=False)


@dataclass
class _Seen:
    read_at: datetime  # when this replica last read the row
    last_used: int
    ended: bool


class SessionTracker:
    """`idle`: None for no idle timeout; `ttl`: the token lifetime (rows older are pruned)."""

    def __init__(self, db: Database, clock: Callable[[], datetime], *, ttl: timedelta,
                 idle: timedelta | None = None, cache_ttl: timedelta = CACHE_TTL):  # fmt: skip
        self._reader, self._engine = db.engine, db.write
        self._clock, self.ttl, self.idle, self._cache_ttl = clock, ttl, idle, cache_ttl
        self._seen: dict[str, _Seen] = {}
        self._lock = threading.Lock()

    def start(self, username: str, workstation: str) -> str:
        now = int(self._clock().timestamp())
        sid = secrets.token_hex(16)
        with Session(self._engine) as s, s.begin():
            # a day's margin past any token's life: replicas' clocks may differ a little
            s.execute(delete(SessionRow).where(SessionRow.last_used < now - int(self.ttl.total_seconds()) - PRUNE_MARGIN_S))
            s.add(SessionRow(id=sid, username=username, workstation=workstation, started_at=now, last_used=now,
                             ended=False))
        return sid

    def _read(self, sid: str, now: datetime) -> _Seen | None:
        with Session(self._reader) as s:
            row = s.execute(select(SessionRow.last_used, SessionRow.ended).where(SessionRow.id == sid)).first()
        seen = None if row is None else _Seen(now, row.last_used, row.ended)
        with self._lock:
            if len(self._seen) >= MAX_CACHED:
                self._seen.clear()
            if seen is None:
                self._seen.pop(sid, None)
            else:
                self._seen[sid] = seen
        return seen

    def use(self, sid: str) -> bool:
        """Whether the session still stands (not ended, not idle); records its use."""
        now = self._clock()
        with self._lock:
            seen = self._seen.get(sid)
        if seen is None or now - seen.read_at >= self._cache_ttl:
            seen = self._read(sid, now)
        if seen is None or seen.ended:
            return False
        stamp = int(now.timestamp())
        if self.idle is not None and stamp - seen.last_used > self.idle.total_seconds():
            seen = self._read(sid, now)  # another replica may have seen it used since
            if seen is None or seen.ended or stamp - seen.last_used > self.idle.total_seconds():
                return False
        if stamp - seen.last_used >= TOUCH_EVERY.total_seconds():
            with Session(self._engine) as s, s.begin():
                s.execute(update(SessionRow).where(SessionRow.id == sid, SessionRow.last_used < stamp)
                          .values(last_used=stamp))
            seen.last_used = stamp
        return True

    def end(self, sid: str) -> None:
        """Logs this one session out, on every replica within the cache's few seconds."""
        with Session(self._engine) as s, s.begin():
            s.execute(update(SessionRow).where(SessionRow.id == sid).values(ended=True))
        with self._lock:
            self._seen.pop(sid, None)

