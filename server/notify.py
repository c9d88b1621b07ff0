"""How the event stream learns that changes committed. Today: polling the latest
seq (works on SQLite and across replicas). The seam for PostgreSQL LISTEN/NOTIFY
is `ChangeNotifier`: a NOTIFY-based one only has to implement `latest` and
`wait_after`."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import Protocol

from anyio import to_thread
from sqlalchemy.orm import Session

from server.db import Database, latest_seq


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
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._lock = threading.Lock()

    def poke(self) -> None:
        """Thread-safe: something committed here; waiting streams look now."""
        with self._lock:
            waiters = list(self._waiters)
        for loop, event in waiters:
            loop.call_soon_threadsafe(event.set)

    def _latest_sync(self) -> int:
        with Session(self.db.engine) as s:
            return latest_seq(s)

    async def latest(self) -> int:
        return await to_thread.run_sync(self._latest_sync)

    async def wait_after(self, seq: int, timeout: float) -> int:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        waiter = (loop, asyncio.Event())
        with self._lock:
            self._waiters.add(waiter)
        try:
            while True:
                waiter[1].clear()
                current = await self.latest()
                if current > seq:
                    return current
                remaining = deadline - loop.time()
                if remaining <= 0:
                    return seq
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(waiter[1].wait(), min(self.interval, remaining))
        finally:
            with self._lock:
                self._waiters.discard(waiter)
