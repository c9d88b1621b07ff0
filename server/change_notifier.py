"""How a replica's event streams learn that changes committed (not to be
confused with server/notifications.py, the SMS and voice notices). SQLite:
polling the latest seq, and at once when this process commits a batch.
PostgreSQL: every replica also LISTENs, and a writer's NOTIFY wakes the streams
of all replicas at once. Both implement `ChangeNotifier`."""

from __future__ import annotations

import logging
import threading
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
    transaction, delivered at commit) wakes the event streams of all replicas at
    once. Polling stays on, slower, as a safety net for a dropped listener."""

    def __init__(self, db: Database, url: str, interval: float = 2.0):
        super().__init__(db, interval)
        self._dsn = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    async def wait_after(self, seq: int, timeout: float) -> int:
        # Listen only once somebody streams: most replicas' requests never do.
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._listen, name="pg-listen", daemon=True)
                self._thread.start()
        return await super().wait_after(seq, timeout)

    def _listen(self) -> None:
        import psycopg  # only a PostgreSQL platform has it

        while not self._stop.is_set():
            try:
                with psycopg.connect(self._dsn, autocommit=True) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not self._stop.is_set():
                        for _ in conn.notifies(timeout=1.0, stop_after=1):
                            self.poke()
            except Exception:  # noqa: BLE001 - reconnect; polling covers the gap
                log.warning("LISTEN connection lost; retrying", exc_info=True)
                self._stop.wait(1.0)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)


def notify_in_transaction(s: Session, seq: int) -> None:
    """Queued with the writer's transaction; PostgreSQL delivers it at commit."""
    s.execute(text("SELECT pg_notify(:channel, :seq)"), {"channel": CHANNEL, "seq": str(seq)})
