"""How long the fault tests run. CI runs them short; `make soak` sets
WATCHROOM_SOAK (a multiplier) for the long versions."""

from __future__ import annotations

import os


def soak(n: int) -> int:
    """`n` scaled by WATCHROOM_SOAK (1 when unset)."""
    return n * max(1, int(os.environ.get("WATCHROOM_SOAK", "1") or 1))


def seed(default: int) -> int:
    """A fixed seed in CI (reproducible); a fresh one each soak run, printed on failure."""
    value = os.environ.get("WATCHROOM_SOAK_SEED")
    return int(value) if value else default
