"""At most a few password hashes at once, and only so many waiting: argon2 takes
64 MiB and tens of milliseconds a check, so forty logins at once would take
gigabytes and every thread the server has. Waiting logins hold no thread (they
await on the event loop), so health checks and the feed keep answering; one
beyond the queue is told at once to come back (Busy: 503 with Retry-After).
Works from any event loop (each test client has its own); imports nothing of
the project."""

from __future__ import annotations

import asyncio
import os
import threading
from collections import deque
from collections.abc import Callable
from typing import TypeVar

from fastapi.concurrency import run_in_threadpool

T = TypeVar("T")
SLOTS = max(1, min(4, (os.cpu_count() or 2) // 2))
QUEUE = 16
WAIT_S = 10.0


class Busy(Exception):
    """Too many password checks running and waiting: try again in a moment."""


class HashGate:
    def __init__(self, slots: int = SLOTS, queue: int = QUEUE, wait_s: float = WAIT_S):
        self.slots, self.queue, self.wait_s = slots, queue, wait_s
        self._lock = threading.Lock()
        self._running = 0
        self._waiting: deque[tuple[asyncio.AbstractEventLoop, asyncio.Future]] = deque()
        self.most_running = 0  # the highest number running at once (tests, metrics)

    async def run(self, fn: Callable[..., T], *args) -> T:
        """fn(*args) in a worker thread once a slot is free; Busy if none will be soon."""
        await self._enter()
        try:
            return await run_in_threadpool(fn, *args)
        finally:
            self._leave()

    async def _enter(self) -> None:
        loop = asyncio.get_running_loop()
        with self._lock:
            if self._running < self.slots:
                self._take()
                return
            if len(self._waiting) >= self.queue:
                raise Busy
            waiter = (loop, loop.create_future())
            self._waiting.append(waiter)
        try:
            await asyncio.wait_for(asyncio.shield(waiter[1]), self.wait_s)
        except (TimeoutError, asyncio.CancelledError) as exc:
            with self._lock:
                if waiter in self._waiting:  # still queued: just leave the queue
                    self._waiting.remove(waiter)
                    handed = False
                else:
                    handed = True  # a slot was handed over as we gave up: pass it on
            if handed:
                self._leave()
            if isinstance(exc, TimeoutError):
                raise Busy from None
            raise

    def _take(self) -> None:
        self._running += 1
        self.most_running = max(self.most_running, self._running)

    def _leave(self) -> None:
        """Hands the slot to the next waiter, or frees it."""
        with self._lock:
            while self._waiting:
                loop, future = self._waiting.popleft()
                if loop.is_closed():
                    continue
                loop.call_soon_threadsafe(_wake, future)
                return  # the slot goes to the waiter: _running stays
            self._running -= 1


def _wake(future: asyncio.Future) -> None:
    if not future.done():
        future.set_result(None)
