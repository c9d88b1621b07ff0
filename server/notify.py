"""How the event stream learns that changes committed. Today: polling the latest
seq (works on SQLite and across replicas). The seam for PostgreSQL LISTEN/NOTIFY
is `ChangeNotifier`: a NOTIFY-based one only has to implement `latest` and
`wait_after`."""

from __future__ import annotations

import asyncio
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
    """Asks the database every `interval` seconds (one cheap MAX(seq) query)."""

    def __init__(self, db: Database, interval: float = 0.2):
        self.db = db
        self.interval = interval

    def _latest_sync(self) -> int:
        with Session(self.db.engine) as s:
            return latest_seq(s)

    async def latest(self) -> int:
        return await to_thread.run_sync(self._latest_sync)

    async def wait_after(self, seq: int, timeout: float) -> int:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            current = await self.latest()
            if current > seq:
                return current
            remaining = deadline - loop.time()
            if remaining <= 0:
                return seq
            await asyncio.sleep(min(self.interval, remaining))
