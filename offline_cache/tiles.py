"""Map tiles in MBTiles files (the MBTiles 1.3 layout: `metadata` and `tiles`
with TMS rows). One file per source: imported ones are read-only; the cache of
an online source is written as tiles are viewed or a region is pre-seeded.

A file offered for import is hostile until checked: its `metadata` or `tiles`
may be views that never end or that swallow memory. Every statement on such a
file runs under a time budget (SQLite's progress handler interrupts it), the
check and the copy run in a child process under a memory and wall-clock budget
(services/imports/bounded.py), and what is imported is never the file itself:
its tiles and known metadata are copied into a new file of plain tables
(`copy_checked`), so no view, trigger or oddity of the offered file survives."""

from __future__ import annotations

import math
import os
import re
import sqlite3
import threading
import time
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from offline_cache.file_modes import private_dir, private_sqlite

FORMATS = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}
DATUMS = ("WGS84", "GCJ02")
# Problems found in a file offered for import (codes; the UI words them).
PROBLEMS = {
    "missing": "the file does not exist or cannot be read",
    "not_sqlite": "the file is not an SQLite database",
    "corrupt": "the database is damaged",
    "not_mbtiles": "the database has no MBTiles tables (metadata, tiles)",
    "no_tiles": "the file holds no tiles",
    "bad_format": "the tile format is not png, jpg or webp",
    "timeout": "reading the file did not end within its time budget",
    "too_large": "the file, or what it unpacks to, is larger than allowed",
    "unreadable": "checking the file failed unexpectedly",
}
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
    "tile_data BLOB, PRIMARY KEY (zoom_level, tile_column, tile_row))",
]
QUERY_SECONDS = 3.0  # a metadata read or a tile lookup: milliseconds in a sound file
READ_SECONDS = 2.0  # one tile served to the map
MAX_ZOOM = 24
MAX_TILE_BYTES = 4 * 1024 * 1024
MAX_METADATA_ROWS = 200
MAX_METADATA_VALUE = 2000
PROGRESS_STEPS = 1000  # SQLite virtual machine steps between looks at the clock
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def tms_row(z: int, y: int) -> int:
    """MBTiles counts rows from the south (TMS); the map asks in XYZ."""
    return (1 << z) - 1 - y


def file_uri(path: Path, mode: str) -> str:
    """An SQLite URI for any path (?, # and % in a name the officer chose included)."""
    return f"file:{urllib.parse.quote(str(Path(path).absolute()))}?mode={mode}"


class Deadline:
    """SQLite's progress handler as a time budget: a statement still running
    when its budget is spent is interrupted (sqlite3.OperationalError)."""

    def __init__(self, con: sqlite3.Connection):
        self.until = math.inf
        con.set_progress_handler(self._spent, PROGRESS_STEPS)

    def _spent(self) -> bool:
        return time.monotonic() > self.until

    @contextmanager
    def within(self, seconds: float) -> Iterator[None]:
        self.until = time.monotonic() + seconds
        try:
            yield
        finally:
            self.until = math.inf


def interrupted(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and "interrupt" in str(exc)


def _guarded(con: sqlite3.Connection) -> Deadline:
    """Settings for a file that may be hostile: no functions with side effects from
    its schema, no memory-mapped reads, values and statements of bounded size."""
    con.execute("PRAGMA trusted_schema=OFF")
    con.execute("PRAGMA mmap_size=0")
    con.execute("PRAGMA cell_size_check=ON")
    con.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 2 * MAX_TILE_BYTES)
    con.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 1)
    return Deadline(con)


@dataclass(frozen=True)
class Check:
    problem: str  # "" when the file is usable
    detail: str = ""
    metadata: dict | None = None


class TileStore:
    """Reads are served by one connection per thread (the map's tile requests
    arrive on Qt's IO thread); writes by a lock-guarded writer. Every read has a
    time budget, so even a file that slipped past the import check cannot hang
    the thread that serves the map."""

    def __init__(self, path: Path, *, writable: bool = False, metadata: dict | None = None):
        self.path = Path(path)
        self.writable = writable
        self._local = threading.local()
        self._write_lock = threading.Lock()
        if writable:
            private_dir(self.path.parent)
            private_sqlite(self.path)
            con = sqlite3.connect(self.path)
            con.execute("PRAGMA journal_mode=WAL")
            for sql in SCHEMA:
                con.execute(sql)
            for name, value in (metadata or {}).items():
                con.execute("INSERT OR IGNORE INTO metadata VALUES (?, ?)", (name, str(value)))
            con.commit()
            con.close()
        self.meta = self._read_metadata()

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(file_uri(self.path, "rw" if self.writable else "ro"), uri=True,
                                  check_same_thread=False)
            self._local.deadline = _guarded(con)
            self._local.con = con
        return con

    def _read(self, sql: str, args: tuple = (), seconds: float = READ_SECONDS) -> list:
        con = self._con()
        with self._local.deadline.within(seconds):
            return con.execute(sql, args).fetchall()

    def _read_metadata(self) -> dict:
        rows = self._read("SELECT name, value FROM metadata LIMIT ?", (MAX_METADATA_ROWS,), QUERY_SECONDS)
        return clean_metadata(rows)

    @property
    def mime(self) -> str:
        return FORMATS.get(self.meta.get("format", "png").lower(), "image/png")

    @property
    def datum(self) -> str:
        value = self.meta.get("datum", "WGS84").upper().replace("-", "")
        return value if value in DATUMS else "WGS84"

    def get(self, z: int, x: int, y: int) -> bytes | None:
        try:
            rows = self._read("SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                              (z, x, tms_row(z, y)))
        except sqlite3.OperationalError as exc:
            if interrupted(exc):
                return None  # a tile that takes seconds to find is no tile
            raise
        return rows[0][0] if rows and isinstance(rows[0][0], bytes) else None

    def put_many(self, tiles: list[tuple[int, int, int, bytes]]) -> None:
        """(z, x, y, data) in XYZ."""
        if not self.writable:
            raise PermissionError("an imported tile file is read-only")
        with self._write_lock:
            con = self._con()
            con.executemany("INSERT OR REPLACE INTO tiles VALUES (?, ?, ?, ?)",
                            [(z, x, tms_row(z, y), sqlite3.Binary(d)) for z, x, y, d in tiles])
            con.commit()

    def count(self) -> int:
        return self._con().execute("SELECT count(*) FROM tiles").fetchone()[0]

    def average_tile_bytes(self) -> float | None:
        value = self._con().execute("SELECT avg(length(tile_data)) FROM tiles").fetchone()[0]
        return float(value) if value else None

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None


def clean_metadata(rows: list) -> dict:
    """Text names and values of bounded length, without control characters."""
    meta: dict[str, str] = {}
    for name, value in rows[:MAX_METADATA_ROWS]:
        if not isinstance(name, str) or not isinstance(value, str | int | float) or len(name) > 100:
            continue
        meta[_CONTROL.sub("", name)] = _CONTROL.sub("", str(value))[:MAX_METADATA_VALUE]
    return meta


def check_seconds(size: int) -> float:
    """The budget of a whole-file pass (integrity check, copy): generous for a sound
    file of that size on a slow disk, finite for a hostile one."""
    return 30.0 + size / 10_000_000


def check_mbtiles(path: Path, *, thorough: bool = True, query_seconds: float = QUERY_SECONDS) -> Check:
    """Whether a file offered for import is a usable MBTiles file. `thorough`
    reads every page (quick_check): right once, at import; at each start a file
    of gigabytes would hold the window up, so the tile directory is scanned lightly.
    Every query runs under `query_seconds`: "timeout" when one does not end."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return Check("missing", str(exc))
    if header != b"SQLite format 3\x00":
        return Check("not_sqlite")
    try:
        con = sqlite3.connect(file_uri(path, "ro"), uri=True)
    except sqlite3.Error as exc:
        return Check("corrupt", str(exc))
    try:
        return _check_open(con, path, thorough, query_seconds)
    except sqlite3.OperationalError as exc:
        return Check("timeout", str(exc)) if interrupted(exc) else Check("corrupt", str(exc))
    except sqlite3.DatabaseError as exc:
        return Check("corrupt", str(exc))
    except MemoryError:
        return Check("too_large", "memory")
    finally:
        con.close()


def _check_open(con: sqlite3.Connection, path: Path, thorough: bool, query_seconds: float) -> Check:
    deadline = _guarded(con)
    if thorough:
        with deadline.within(check_seconds(path.stat().st_size)):
            if con.execute("PRAGMA quick_check").fetchone() != ("ok",):
                return Check("corrupt")
    with deadline.within(query_seconds):
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}
    if not {"metadata", "tiles"} <= tables:
        return Check("not_mbtiles")
    with deadline.within(query_seconds):
        meta = clean_metadata(con.execute("SELECT name, value FROM metadata LIMIT ?",
                                          (MAX_METADATA_ROWS,)).fetchall())
    with deadline.within(query_seconds):
        if con.execute("SELECT 1 FROM tiles LIMIT 1").fetchone() is None:
            return Check("no_tiles", metadata=meta)
    if meta.get("format", "png").lower() not in FORMATS:
        return Check("bad_format", meta.get("format", "")[:20], meta)
    return Check("", metadata=meta)


_COPY = (
    "INSERT OR IGNORE INTO main.tiles (zoom_level, tile_column, tile_row, tile_data) "
    "SELECT zoom_level, tile_column, tile_row, tile_data FROM offered.tiles "
    "WHERE typeof(zoom_level) = 'integer' AND typeof(tile_column) = 'integer' AND typeof(tile_row) = 'integer' "
    "AND typeof(tile_data) = 'blob' AND zoom_level BETWEEN 0 AND ? "
    "AND tile_column BETWEEN 0 AND (1 << zoom_level) - 1 AND tile_row BETWEEN 0 AND (1 << zoom_level) - 1 "
    "AND length(tile_data) BETWEEN 1 AND ?"
)


def copy_checked(source: str, target: str, query_seconds: float = QUERY_SECONDS,
                 copy_seconds: float | None = None, max_bytes: int = 0) -> dict:
    """Checks `source` in full and copies its tiles and metadata into `target` (an
    empty 0600 file), a new MBTiles file of plain tables; returns the check as plain
    data ({"problem", "detail", "metadata", "tiles"}). Run in a child process."""
    check = check_mbtiles(Path(source), query_seconds=query_seconds)
    answer = {"problem": check.problem, "detail": check.detail, "metadata": check.metadata or {}, "tiles": 0}
    if check.problem:
        return answer
    seconds = copy_seconds if copy_seconds is not None else check_seconds(os.path.getsize(source))
    con = sqlite3.connect(file_uri(Path(target), "rw"), uri=True)
    try:
        deadline = _guarded(con)
        con.execute("PRAGMA journal_mode=OFF")
        con.execute("PRAGMA synchronous=OFF")
        if max_bytes:
            page = con.execute("PRAGMA page_size").fetchone()[0]
            con.execute(f"PRAGMA max_page_count={max(int(max_bytes // page), 16)}")
        for sql in SCHEMA:
            con.execute(sql)
        con.execute("ATTACH DATABASE ? AS offered", (file_uri(Path(source), "ro"),))
        with deadline.within(seconds):
            con.execute(_COPY, (MAX_ZOOM, MAX_TILE_BYTES))
            count = con.execute("SELECT count(*) FROM main.tiles").fetchone()[0]
        con.executemany("INSERT OR REPLACE INTO main.metadata VALUES (?, ?)", sorted(check.metadata.items()))
        con.commit()
        con.execute("DETACH DATABASE offered")
    except sqlite3.OperationalError as exc:
        full = "full" in str(exc)
        return {**answer, "problem": "timeout" if interrupted(exc) else "too_large" if full else "corrupt",
                "detail": str(exc)}
    except sqlite3.DatabaseError as exc:
        return {**answer, "problem": "corrupt", "detail": str(exc)}
    finally:
        con.close()
    if count == 0:
        return {**answer, "problem": "no_tiles"}
    return {**answer, "tiles": count}
