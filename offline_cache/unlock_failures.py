"""Failed unlocks of an encrypted mirror (a wrong passphrase or key), kept in a small
file beside it: the mirror itself cannot be written while it is locked. The next
successful unlock queues them for the platform's audit (services/audit/unlock_failures.py)
and only then, after the mirror's commit, takes them out of this file.

The file is bounded (MAX_KEPT entries; older ones fold into the oldest kept, which then
counts them) and private (0600). A garbled or oversized file is ignored with a log
line, never a crash and never a refusal to start: an attacker who can write beside
the mirror can also delete the file, so it is evidence, not a control."""

from __future__ import annotations

import json
import logging
import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from offline_cache.file_lock import held

log = logging.getLogger(__name__)

MAX_KEPT = 50  # entries kept; a 51st folds the two oldest into one that counts both
MAX_BYTES = 32 * 1024  # MAX_KEPT entries take about 6 KiB; anything larger is not ours
REASON_MAX = 32


@dataclass(frozen=True)
class Failure:
    """One failed unlock (or, for the oldest kept, `count` of them from `at` on)."""

    id: str
    at: datetime
    reason: str
    count: int = 1


def failures_path(mirror: Path) -> Path:
    mirror = Path(mirror)
    return mirror.with_name(mirror.name + ".unlock-failures")


@contextmanager
def _locked(mirror: Path) -> Iterator[None]:
    """Two processes failing (or one draining) at once must not lose an entry."""
    with held(failures_path(mirror)):
        yield


def _parse(item: object) -> Failure:
    if not isinstance(item, dict):
        raise ValueError("an entry is an object")
    at = datetime.fromisoformat(str(item["at"]))
    if at.tzinfo is None:
        raise ValueError("a time without its zone")
    reason, count, fid = item["reason"], item.get("count", 1), item["id"]
    if not (isinstance(reason, str) and reason.isidentifier() and len(reason) <= REASON_MAX):
        raise ValueError("reason")
    if not isinstance(count, int) or isinstance(count, bool) or not 1 <= count <= 10**9:
        raise ValueError("count")
    if not isinstance(fid, str) or str(uuid.UUID(fid)) != fid:
        raise ValueError("id")
    return Failure(fid, at.astimezone(UTC), reason, count)


def _read(mirror: Path) -> list[Failure]:
    path = failures_path(mirror)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return []
    except OSError as exc:
        log.warning("unlock failures file %s not readable (%s); ignored", path, exc)
        return []
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        log.warning("unlock failures file %s is larger than %d bytes; ignored", path, MAX_BYTES)
        return []
    try:
        doc = json.loads(data.decode("utf-8"))
        if not isinstance(doc, dict) or not isinstance(doc.get("failures"), list):
            raise ValueError("not {failures: [...]}")
        failures = [_parse(item) for item in doc["failures"]]
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, OverflowError, RecursionError) as exc:
        log.warning("unlock failures file %s is garbled (%s); ignored", path, exc)
        return []
    return failures[-MAX_KEPT:]


def _write(mirror: Path, failures: list[Failure]) -> None:
    path = failures_path(mirror)
    if not failures:
        path.unlink(missing_ok=True)
        return
    doc = {"failures": [{"id": f.id, "at": f.at.isoformat(), "reason": f.reason, "count": f.count}
                        for f in failures]}
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(doc, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.chmod(tmp, 0o600)  # an older tmp left with other modes
    os.replace(tmp, path)


def fold(failures: list[Failure]) -> list[Failure]:
    """At most MAX_KEPT: the oldest entries fold into one that keeps the first time
    and counts them all (the newest keep their own times)."""
    while len(failures) > MAX_KEPT:
        first, second = failures[0], failures[1]
        failures = [Failure(first.id, first.at, first.reason, first.count + second.count), *failures[2:]]
    return failures


def record_failure(mirror: Path, reason: str, at: datetime) -> None:
    """One more failed unlock of `mirror`. Never raises: the unlock's own message
    to the user matters more than this note."""
    try:
        with _locked(mirror):
            failures = _read(mirror)
            failures.append(Failure(str(uuid.uuid4()), at.astimezone(UTC), reason[:REASON_MAX]))
            _write(mirror, fold(failures))
    except OSError as exc:
        log.error("failed unlock of %s at %s not kept (%s)", mirror, at.isoformat(), exc)


def pending_failures(mirror: Path) -> list[Failure]:
    """The failed unlocks not yet taken out of the file ([] for a garbled one)."""
    try:
        with _locked(mirror):
            return _read(mirror)
    except OSError as exc:
        log.warning("unlock failures of %s not read (%s)", mirror, exc)
        return []


def forget_failures(mirror: Path, ids: Iterable[str]) -> None:
    """Takes out the entries queued (after the mirror's commit); ones that came
    meanwhile stay. A garbled file is left as it is."""
    done = set(ids)
    try:
        with _locked(mirror):
            failures = _read(mirror)
            if failures:
                _write(mirror, [f for f in failures if f.id not in done])
    except OSError as exc:
        log.warning("unlock failures of %s not cleared (%s); they are queued already", mirror, exc)
