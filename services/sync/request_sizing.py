"""Requests sized to the link: outbox batches and feed pages double while
exchanges are quick and halve when slow or failing."""

from __future__ import annotations

MIN_BATCH, MIN_PAGE, MAX_PAGE = 10, 100, 5000
QUICK_REQUEST_S, SLOW_REQUEST_S = 1.0, 4.0


def adapt(size: int, elapsed: float | None, low: int, high: int) -> int:
    """Requests sized to the link: double while exchanges are quick, halve when
    slow or failing, so a satellite link still gets whole requests through."""
    if elapsed is None or elapsed > SLOW_REQUEST_S:
        return max(low, size // 2)
    if elapsed < QUICK_REQUEST_S:
        return min(high, size * 2)
    return size
