"""Map tiles in MBTiles files (the MBTiles 1.3 layout: `metadata` and `tiles`
with TMS rows). One file per source: imported ones are read-only; the cache of
an online source is written as tiles are viewed or a region is pre-seeded."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

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
}
SCHEMA = [
    "CREATE TABLE IF NOT EXISTS metadata (name TEXT PRIMARY KEY, value TEXT)",
    "CREATE TABLE IF NOT EXISTS tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, "
    "tile_data BLOB, PRIMARY KEY (zoom_level, tile_column, tile_row))",
]


def tms_row(z: int, y: int) -> int:
    """MBTiles counts rows from the south (TMS); the map asks in XYZ."""
    return (1 << z) - 1 - y


@dataclass(frozen=True)
class Check:
    problem: str  # "" when the file is usable
    detail: str = ""
    metadata: dict | None = None


class TileStore:
    """Reads are served by one connection per thread (the map's tile requests
    arrive on Qt's IO thread); writes by a lock-guarded writer."""

    def __init__(self, path: Path, *, writable: bool = False, metadata: dict | None = None):
        self.path = Path(path)
        self.writable = writable
        self._local = threading.local()
        self._write_lock = threading.Lock()
        if writable:
            self.path.parent.mkdir(parents=True, exist_ok=True)
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
            uri = f"file:{self.path}?mode={'rw' if self.writable else 'ro'}"
            con = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.con = con
        return con

    def _read_metadata(self) -> dict:
        return dict(self._con().execute("SELECT name, value FROM metadata").fetchall())

    @property
    def mime(self) -> str:
        return FORMATS.get(self.meta.get("format", "png").lower(), "image/png")

    @property
    def datum(self) -> str:
        value = self.meta.get("datum", "WGS84").upper().replace("-", "")
        return value if value in DATUMS else "WGS84"

    def get(self, z: int, x: int, y: int) -> bytes | None:
        row = self._con().execute(
            "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
            (z, x, tms_row(z, y))).fetchone()
        return row[0] if row else None

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


def check_mbtiles(path: Path, *, thorough: bool = True) -> Check:
    """Whether a file offered for import is a usable MBTiles file. `thorough`
    reads every page (quick_check): right once, at import; at each start a file
    of gigabytes would hold the window up, so the tile directory is scanned lightly."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return Check("missing", str(exc))
    if header != b"SQLite format 3\x00":
        return Check("not_sqlite")
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if thorough and con.execute("PRAGMA quick_check").fetchone() != ("ok",):
                return Check("corrupt")
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}
            if not {"metadata", "tiles"} <= tables:
                return Check("not_mbtiles")
            meta = dict(con.execute("SELECT name, value FROM metadata").fetchall())
            if con.execute("SELECT 1 FROM tiles LIMIT 1").fetchone() is None:
                return Check("no_tiles", metadata=meta)
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return Check("corrupt", str(exc))
    if meta.get("format", "png").lower() not in FORMATS:
        return Check("bad_format", meta.get("format", ""), meta)
    return Check("", metadata=meta)


def import_mbtiles(source: Path, directory: Path) -> Path:
    """Copies a checked file into the tile directory: a temporary copy renamed
    into place, so a full disk or a crash never leaves half a file."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / Path(source).name
    if target.suffix != ".mbtiles":
        target = target.with_suffix(".mbtiles")
    tmp = target.with_name(target.name + ".importing")
    try:
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target
