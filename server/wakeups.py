"""Waiters in this process that a write here wakes at once (`poke`), and that
otherwise look again every so often, for what other replicas wrote: the event
stream's wait for a new seq and the wall's long poll share it."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from typing import TypeVar

from anyio import to_thread

T = TypeVar("T")


class Wakeups:
    def __init__(self, interval: float) -> None:
        self.interval = interval
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = set()
        self._lock = threading.Lock()

    def poke(self) -> None:
        """Thread-safe: something was written here; every waiter looks now."""
        with self._lock:
            waiters = list(self._waiters)
        for loop, event in waiters:
            loop.call_soon_threadsafe(event.set)

    @property
    def waiting(self) -> int:
        """Waiters under way in this process (a test waits for one before it writes)."""
        with self._lock:
            return len(self._waiters)

    async def wait_for(self, check: Callable[[], T | None], timeout: float,
                       quick: Callable[[], tuple[bool, T | None]] | None = None) -> T | None:  # fmt: skip
        """Runs `check` (blocking: on a worker thread) until it returns something or
        `timeout` seconds pass, looking again when poked or every `interval`.
        `quick`, if given, is asked first on the loop itself: (True, answer) when it
        knows without the database, and no thread is used (hundreds of streams woken
        at once make hundreds of thread hops otherwise)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        waiter = (loop, asyncio.Event())
        with self._lock:
            self._waiters.add(waiter)
        try:
            while True:
                waiter[1].clear()
                known, found = quick() if quick is not None else (False, None)
                if not known:
                    found = await to_thread.run_sync(check)
                remaining = deadline - loop.time()
                if found is not None or remaining <= 0:
                    return found
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(waiter[1].wait(), min(self.interval, remaining))
        finally:
            with self._lock:
                self._waiters.discard(waiter)
