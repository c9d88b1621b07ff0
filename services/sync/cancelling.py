"""Cancelling the engine's helper tasks without swallowing its own cancellation."""

from __future__ import annotations

import asyncio
import contextlib


def cancelling() -> bool:
    """Whether the task running this is itself being cancelled (not just an awaited future)."""
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


async def cancel(task: asyncio.Future | None) -> None:
    if task is not None and not task.done():
        task.cancel()
        with contextlib.suppress(BaseException):
            await task
