"""How a replica's event streams learn that changes committed (not to be
confused with server/notifications.py, the SMS and voice notices). SQLite:
polling the latest seq, and at once when this process commits a batch.
PostgreSQL: every replica also LISTENs, and a writer's NOTIFY wakes the streams
of all replicas at once. Both implement `ChangeNotifier`."""

from __future__ import annotations

import logging
import threading
import time
from typing import Protocol

from anyio import to_thread
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from server.db import Database, latest_seq
from server.wakeups import Wakeups


class ChangeNotifier(Protocol):
    async def latest(self) -> int: ...

    async def wait_after(self, seq: int, timeout: float) -> int:
        """The latest seq once it exceeds `seq`, or `seq` itself after `timeout`."""
        ...


class PollingNotifier:
    """Asks the database every `interval` seconds (one cheap MAX(seq) query), and
    at once when this process commits a batch (`poke`): writes through another
    replica are seen within `interval`, writes through this one immediately."""

    def __init__(self, db: Database, interval: float = 0.2):
        self.db = db
        self.interval = interval
        self._wakeups = Wakeups(interval)
        self._lock = threading.Lock()

    def poke(self) -> None:
        """Thread-safe: something committed here; waiting streams look now."""
        self._wakeups.poke()

    def _latest_sync(self) -> int:
        with Session(self.db.engine) as s:
            return latest_seq(s)

    async def latest(self) -> int:
        return await to_thread.run_sync(self._latest_sync)

    async def wait_after(self, seq: int, timeout: float) -> int:
        def newer() -> int | None:
            current = self._latest_sync()
            return current if current > seq else None

        found = await self._wakeups.wait_for(newer, timeout)
        return seq if found is None else found


CHANNEL = "watchroom_changes"
log = logging.getLogger(__name__)


class PgListenNotifier(PollingNotifier):
    """PostgreSQL: every replica LISTENs; a writer's NOTIFY (sent inside its
    transaction, delivered at commit, carrying the latest seq) wakes the event
    streams of all replicas at once, and tells them the seq without a query: 500
    streams woken cost no 500 queries. Polling stays on as a safety net for a
    dropped listener, once per interval for the whole process, not per stream."""

    def __init__(self, db: Database, url: str, interval: float = 2.0):
        super().__init__(db, interval)
        self._connect_args = listen_connect_args(db, url)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._heard = 0  # the highest seq a NOTIFY carried
        self._polled = (-interval, 0)  # (time.monotonic() of the last poll, the seq it found)

    async def wait_after(self, seq: int, timeout: float) -> int:
        # Listen only once somebody streams: most replicas' requests never do.
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._listen, name="pg-listen", daemon=True)
                self._thread.start()
        if self._heard > seq:
            return self._heard
        found = await self._wakeups.wait_for(lambda: self._newer(seq), timeout, lambda: self._known(seq))
        return seq if found is None else found

    def _known(self, seq: int) -> tuple[bool, int | None]:
        """Without a query: a NOTIFY said a newer seq, or the safety-net poll is not due."""
        if self._heard > seq:
            return True, self._heard
        at, polled = self._polled
        if time.monotonic() - at < self.interval:
            return True, polled if polled > seq else None
        return False, None

    def _newer(self, seq: int) -> int | None:
        """What the NOTIFYs said, or the database if this process has not asked it
        for `interval` seconds (a NOTIFY lost while the LISTEN connection was down)."""
        known = self._heard
        if known <= seq:
            with self._lock:
                at, polled = self._polled
                due = time.monotonic() - at >= self.interval
                if due:  # claimed: the other streams take the last answer meanwhile
                    self._polled = (time.monotonic(), polled)
            if due:
                polled = self._latest_sync()
                with self._lock:
                    self._polled = (self._polled[0], max(self._polled[1], polled))
            known = max(known, polled)
        return known if known > seq else None

    def _heard_seq(self, payload: str) -> None:
        try:
            seq = int(payload)
        except ValueError:
            seq = 0  # not ours: the poll finds the seq
        with self._lock:
            self._heard = max(self._heard, seq)
        self.poke()

    def _listen(self) -> None:
        import psycopg  # only a PostgreSQL platform has it

        while not self._stop.is_set():
            try:
                with psycopg.connect(autocommit=True, **self._connect_args) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=1.0, stop_after=1):
                            self._heard_seq(notice.payload)
            except Exception:  # noqa: BLE001 - reconnect; polling covers the gap
                log.warning("LISTEN connection lost; retrying", exc_info=True)
                self._stop.wait(1.0)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)


def listen_connect_args(db: Database, url: str) -> dict:
    """The LISTEN connection's parameters as the pool's own: a URL naming several
    hosts (`?host=pg1:5432&host=pg2:5432&target_session_attrs=read-write`, the
    primary wherever it is now) reaches the same primary as the platform's writes."""
    _args, params = db.engine.dialect.create_connect_args(make_url(url))
    return params


def notify_in_transaction(s: Session, seq: int) -> None:
    """Queued with the writer's transaction; PostgreSQL delivers it at commit."""
    s.execute(text("SELECT pg_notify(:channel, :seq)"), {"channel": CHANNEL, "seq": str(seq)})
