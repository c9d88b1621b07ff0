"""Python's cycle collector, tuned for a long-running GUI: a list reload makes
thousands of short-lived objects, and with the default thresholds a full
collection then walks every object of the program (modules, Qt wrappers,
caches) in the middle of it, adding 100 ms at random. Once start-up is done,
those long-lived objects are frozen out of the collector's sight and the first
generation is made larger (make bench ONLY=dispatch: board refresh p95 222 → ~105 ms)."""

from __future__ import annotations

import gc

THRESHOLDS = (20_000, 20, 20)


def settle_after_start() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
