"""The mirror's integrity check at start. It needs only sqlite3, so the entry point
can start it on a thread before the heavy imports: SQLite releases the GIL while
it reads, and on a large mirror the check then costs the start next to nothing."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

SQLITE_HEADER = b"SQLite format 3\x00"


def check_file(path: Path) -> str:
    """Returns "" when the file is a sound SQLite database, else what is wrong."""
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        return ""
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            return "not a SQLite database"
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute("PRAGMA quick_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
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
            self._result = check_file(self.path)
        except OSError as exc:  # unreadable now: open_mirror meets it again and says why
            self._error = exc

    def result(self, path: Path) -> str | None:
        """The check's outcome for `path`, or None when it was for another file or failed."""
        if Path(path).resolve() != self.path:
            return None
        self._thread.join()
        return None if self._error is not None else self._result
