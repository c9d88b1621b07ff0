"""The mirror's integrity check at start. It needs only sqlite3, so the entry point
can start it on a thread before the heavy imports: SQLite releases the GIL while
it reads, and on a large mirror the check then costs the start next to nothing.

A mirror this program closed cleanly, and found sound within the last week, is
not read through again: the close leaves a marker with the file's size and time,
which any later change (another program, a crash, a copy) makes stale. After a
crash, or once a week, the whole check runs before the mirror is opened."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"
RECHECK_AFTER_S = 7 * 24 * 3600


def _marker(path: Path) -> Path:
    return path.with_name(path.name + ".clean")


def _unwritten_log(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def mark_clean(path: Path, checked_at: float) -> None:
    """After the last connection of this program closed: the file as it was left."""
    path = Path(path)
    try:
        if _unwritten_log(path):
            return  # another process still writes: the next start checks it all
        stat = path.stat()
        data = json.dumps({"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "checked_at": checked_at})
        fd = os.open(_marker(path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(data)
    except OSError:
        return  # no marker: the next start checks it all


def left_clean(path: Path, now: float | None = None) -> float | None:
    """When the file was last found sound, if it is exactly as a clean close left it
    and that check is recent; None when it must be checked again."""
    path = Path(path)
    try:
        marker = json.loads(_marker(path).read_text(encoding="utf-8"))
        stat = path.stat()
        checked_at = float(marker["checked_at"])
        same = marker["size"] == stat.st_size and marker["mtime_ns"] == stat.st_mtime_ns
    except (OSError, ValueError, KeyError, TypeError):
        return None
    recent = (now if now is not None else time.time()) - checked_at < RECHECK_AFTER_S
    return checked_at if same and recent and not _unwritten_log(path) else None


def forget_clean(path: Path) -> None:
    """The mirror is in use from now on: a crash must leave no marker behind."""
    try:
        _marker(Path(path)).unlink(missing_ok=True)
    except OSError:
        pass


def check_file(path: Path, key: bytes | None = None) -> str:
    """Returns "" when the file is a sound SQLite database, else what is wrong.

    With `key` the file is an encrypted mirror: a page 1 that does not decrypt is a
    wrong key, raised as WrongKey and never reported as damage (a damaged file is
    moved aside; a file under another key must stay where it is)."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return ""
    if key is None:
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                return "not a SQLite database"
        return _quick_check(lambda: sqlite3.connect(f"file:{path}?mode=ro", uri=True), sqlite3.DatabaseError)
    from offline_cache.mirror_connect import cipher_module, connect, is_wrong_key_error

    def opened():
        con = connect(f"file:{path}?mode=ro", key, uri=True)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except cipher_module().DatabaseError as exc:
            con.close()
            if is_wrong_key_error(exc):
                raise WrongKey(str(exc)) from exc
            raise
        return con

    return _quick_check(opened, cipher_module().DatabaseError)


class WrongKey(Exception):
    """The file does not decrypt under the key given (or is not an encrypted mirror)."""


def _quick_check(opener, db_error) -> str:
    try:
        con = opener()
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except db_error as exc:
        return str(exc)
    if rows != [("ok",)]:
        return "; ".join(str(r[0]) for r in rows[:5])
    return ""


class EarlyCheck:
    """check_file(path) on a thread; result() waits for it. Used for that path only."""

    def __init__(self, path: Path):
        self.path = Path(path).resolve()
        self._result = ""
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="mirror-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._result = "" if left_clean(self.path) is not None else check_file(self.path)
        except OSError as exc:  # unreadable now: open_mirror meets it again and says why
            self._error = exc

    def result(self, path: Path) -> str | None:
        """The check's outcome for `path`, or None when it was for another file or failed."""
        if Path(path).resolve() != self.path:
            return None
        self._thread.join()
        return None if self._error is not None else self._result
