"""An exclusive lock between processes on a `.lock` file beside what it guards
(flock: released by the kernel if the holder dies)."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def held(guarded: Path) -> Iterator[None]:
    """Holds `<guarded>.lock` (made 0600 if missing) until the block ends."""
    fd = os.open(guarded.with_name(guarded.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
