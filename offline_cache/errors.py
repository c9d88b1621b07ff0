"""Storage failures, classified so the UI can say what went wrong in plain words."""

from __future__ import annotations

from enum import StrEnum


class StorageProblem(StrEnum):
    DISK_FULL = "disk_full"
    READ_ONLY = "read_only"
    LOCKED = "locked"
    IO = "io"
    KEY = "key"  # an encrypted mirror without its key (offline_cache.mirror_key)
    OTHER = "other"


class StorageError(Exception):
    """The mirror could not store a change; nothing of it was kept."""

    def __init__(self, problem: StorageProblem, detail: str):
        super().__init__(f"{problem}: {detail}")
        self.problem = problem
        self.detail = detail


def classify_storage_error(exc: BaseException) -> StorageError:
    msg = str(getattr(exc, "orig", exc) or exc).lower()
    if "full" in msg:
        problem = StorageProblem.DISK_FULL
    elif "readonly" in msg or "read-only" in msg or "read only" in msg:
        problem = StorageProblem.READ_ONLY
    elif "locked" in msg or "busy" in msg:
        problem = StorageProblem.LOCKED
    elif "i/o" in msg or "disk" in msg:
        problem = StorageProblem.IO
    else:
        problem = StorageProblem.OTHER
    return StorageError(problem, str(getattr(exc, "orig", exc)))
