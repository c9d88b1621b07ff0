"""Turning a plaintext mirror into an encrypted one in place, safely.

The steps: take the file for ourselves (leaving WAL mode fails while any other
process has it open), copy it encrypted beside it (sqlcipher_export), verify the
copy (integrity check, the same row count in every table, the same user_version),
then swap: a hard link keeps the plaintext under another name while the copy is
renamed over the mirror, and only then is the plaintext removed. recover() at the
next start puts an interrupted conversion back in a consistent state: before the
swap the plaintext is still the mirror and the copy is discarded; after it the
encrypted file is the mirror and the plaintext is removed once the key opens it."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from offline_cache.errors import StorageError, StorageProblem
from offline_cache.file_modes import SQLITE_SIDECARS
from offline_cache.mirror_connect import (
    attach_key,
    cipher_module,
    connect,
    has_content,
    is_plaintext,
    spaced_chars,
)
from offline_cache.mirror_key import pending_record_path, record_path, sync_dir

log = logging.getLogger(__name__)

Step = Callable[[str], None]  # called before each step by name; tests raise in it


class ConversionFailed(StorageError):
    """The encrypted copy did not match the plaintext; the plaintext is still the mirror."""

    def __init__(self, detail: str):
        super().__init__(StorageProblem.OTHER, detail)


def copy_path(path: Path) -> Path:
    return path.with_name(path.name + ".encrypting")


def plaintext_path(path: Path) -> Path:
    return path.with_name(path.name + ".plaintext-old")


def remove_with_sidecars(path: Path) -> None:
    for extra in ("", *SQLITE_SIDECARS):
        Path(str(path) + extra).unlink(missing_ok=True)


def recover(path: Path) -> None:
    """Before the key is asked: whatever an interrupted conversion left, made consistent."""
    copy, old, pending = copy_path(path), plaintext_path(path), pending_record_path(path)
    if any(Path(str(copy) + extra).exists() for extra in ("", *SQLITE_SIDECARS)):
        remove_with_sidecars(copy)  # the swap renames the copy away: a copy still here was never swapped in
        pending.unlink(missing_ok=True)  # a re-key's new record, whose file never came
        log.warning("mirror %s: an unfinished encrypted copy was discarded", path)
    elif pending.exists():
        os.replace(pending, record_path(path))  # a re-key swapped the file: its record follows
        sync_dir(path.parent)
    if old.exists():
        if not path.exists():
            os.rename(old, path)  # nothing at the mirror's name: the plaintext is the mirror
        elif is_plaintext(path):
            old.unlink()  # a second name of the same plaintext, made just before the swap
        sync_dir(path.parent)


def finish(path: Path) -> None:
    """After the encrypted mirror opened with its key: the old plaintext goes."""
    old = plaintext_path(path)
    if old.exists() and not is_plaintext(path):
        remove_with_sidecars(old)
        sync_dir(path.parent)
        log.info("mirror %s: the plaintext copy left by its conversion was removed", path)


def table_counts(con) -> dict[str, int]:
    """Rows per ordinary table; a virtual table's rows live in its shadow tables, counted here."""
    names = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
        "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")]
    return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def take(path: Path, key: bytes | None = None) -> tuple[dict[str, int], int]:
    """The mirror for ourselves, whole in one file: counts and user_version."""
    con = connect(path, key, isolation_level=None, timeout=2)
    busy = (sqlite3.OperationalError,) if key is None else (cipher_module().OperationalError,)
    try:
        try:
            mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        except busy as exc:
            raise StorageError(StorageProblem.LOCKED, f"another program has the mirror open: {exc}") from exc
        if mode != "delete":
            raise StorageError(StorageProblem.LOCKED, "another program has the mirror open")
        return table_counts(con), con.execute("PRAGMA user_version").fetchone()[0]
    finally:
        con.close()


def export(path: Path, copy: Path, key: bytes, user_version: int, source_key: bytes | None = None) -> None:
    """`path` (plaintext, or under source_key) copied to `copy` under `key`, on disk."""
    if source_key is None:
        con = cipher_module().connect(str(path), isolation_level=None)  # SQLCipher, no key: plaintext
    else:
        con = connect(path, source_key, isolation_level=None)
    try:
        con.create_function("wr_chars", 1, spaced_chars, deterministic=True)
        con.execute("ATTACH DATABASE ? AS enc KEY ?", (str(copy), attach_key(key)))
        con.execute("SELECT sqlcipher_export('enc')")
        con.execute(f"PRAGMA enc.user_version = {int(user_version)}")
        con.execute("DETACH DATABASE enc")
    finally:
        con.close()
    fd = os.open(copy, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def verify(copy: Path, key: bytes, counts: dict[str, int], user_version: int) -> None:
    con = connect(copy, key, isolation_level=None)
    try:
        con.create_function("wr_chars", 1, spaced_chars, deterministic=True)
        check = con.execute("PRAGMA integrity_check").fetchall()
        if check != [("ok",)]:
            raise ConversionFailed("integrity: " + "; ".join(str(r[0]) for r in check[:5]))
        got = table_counts(con)
        if got != counts:
            diff = sorted(n for n in set(got) | set(counts) if got.get(n) != counts.get(n))
            raise ConversionFailed("row counts differ: " + ", ".join(diff[:10]))
        if con.execute("PRAGMA user_version").fetchone()[0] != user_version:
            raise ConversionFailed("user_version differs")
    finally:
        con.close()


def convert(path: Path, key: bytes, on_step: Step | None = None) -> None:
    """The plaintext mirror at `path` becomes encrypted under `key` (see the module doc)."""
    step = on_step or (lambda _name: None)
    path = Path(path)
    if not has_content(path) or not is_plaintext(path):
        return
    copy, old = copy_path(path), plaintext_path(path)
    remove_with_sidecars(copy)
    step("take")
    counts, user_version = take(path)
    step("export")
    export(path, copy, key, user_version)
    step("verify")
    try:
        verify(copy, key, counts, user_version)
    except BaseException:
        remove_with_sidecars(copy)
        raise
    os.chmod(copy, 0o600)
    step("link")
    old.unlink(missing_ok=True)
    os.link(path, old)
    sync_dir(path.parent)
    step("swap")
    os.replace(copy, path)
    sync_dir(path.parent)
    step("remove")
    finish(path)
    log.info("mirror %s: converted to SQLCipher (%d tables verified)", path, len(counts))
