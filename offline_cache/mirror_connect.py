"""The one way to open a connection to the mirror's file, plain or SQLCipher.

The engine, the raw bulk connections, the integrity check and the conversion all
come here, so an encrypted mirror is never opened by a path that forgets the key.
The key is always 32 raw bytes made or derived by mirror_key, given to SQLCipher
as a hex blob literal: no passphrase text ever reaches SQL."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

SQLITE_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32
# SQLite's page cache ceiling per connection of an encrypted mirror (plain: 64 MiB);
# only pages actually read take memory.
ENCRYPTED_CACHE_KIB = 262144
# The mirror's search (FTS5) and map (R*Tree) need these; a SQLCipher built without
# them would open the file and fail at the first search.
REQUIRED_OPTIONS = ("ENABLE_FTS5", "ENABLE_RTREE")


def spaced_chars(value: str | None) -> str:
    """Every character as its own token for the character index (see migration 0002)."""
    return " ".join(value) if value else ""


class MissingFeatures(Exception):
    """The SQLCipher library here lacks FTS5 or R*Tree (the options it lacks are in args)."""


def cipher_module():
    """sqlcipher3's DB-API module (imported only for an encrypted mirror)."""
    from sqlcipher3 import dbapi2

    return dbapi2


def key_pragma(key: bytes) -> str:
    """PRAGMA key for 32 raw bytes: SQLCipher's raw-key form, no KDF of its own."""
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise ValueError("the mirror key is 32 raw bytes")
    hexed = bytes(key).hex()
    assert re.fullmatch(r"[0-9a-f]{64}", hexed)
    return f"PRAGMA key = \"x'{hexed}'\""


def attach_key(key: bytes) -> str:
    """The same raw key as the value bound to ATTACH ... KEY ?."""
    key_pragma(key)  # the same checks
    return f"x'{bytes(key).hex()}'"


def is_plaintext(path: Path) -> bool:
    """True for a file that starts as SQLite does (an encrypted one starts with its salt)."""
    try:
        with Path(path).open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def has_content(path: Path) -> bool:
    path = Path(path)
    return path.exists() and path.stat().st_size > 0


def connect(path: Path | str, key: bytes | None = None, **kwargs: Any):
    """A DB-API connection to `path` (sqlite3 when key is None, else SQLCipher keyed).

    kwargs go to connect() (uri, isolation_level, check_same_thread, timeout)."""
    if key is None:
        return sqlite3.connect(path, **kwargs)
    dbapi = cipher_module()
    con = dbapi.connect(str(path), **kwargs)
    try:
        con.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is ours to explain, not stderr's
        # Wiping every buffer SQLCipher frees (and locking its memory) is what SQLCipher
        # itself recommends turning off for speed; it is already off by default since
        # SQLCipher 4.5, pinned here so a build with another default cannot slow every
        # page down. It protects nothing here: the raw key stays in this process's
        # memory (Mirror._key) for the pool's new connections anyway. HMAC stays on:
        # it is the pages' integrity.
        con.execute("PRAGMA cipher_memory_security = OFF")
        con.execute(key_pragma(key))
    except BaseException:
        con.close()
        raise
    return con


def missing_options(con) -> list[str]:
    """Of REQUIRED_OPTIONS, those the library behind `con` was built without."""
    have = {row[0] for row in con.execute("PRAGMA compile_options")}
    return [opt for opt in REQUIRED_OPTIONS if opt not in have]


def check_features() -> None:
    """Raises MissingFeatures when SQLCipher here cannot run the mirror's search or map."""
    con = cipher_module().connect(":memory:")
    try:
        missing = missing_options(con)
    finally:
        con.close()
    if missing:
        raise MissingFeatures(*missing)


def is_wrong_key_error(exc: BaseException) -> bool:
    """SQLCipher's answer when page 1 does not decrypt: a wrong key (or no key at all)."""
    return "file is not a database" in str(getattr(exc, "orig", exc) or exc)
