"""Before an encrypted mirror opens: its SQLCipher can search and map, an interrupted
conversion is made consistent, the key is found and checked, a plaintext mirror is
converted. A wrong key stops here with the file untouched; only a file the right
key opens and that then fails its integrity check counts as damaged."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from offline_cache.file_check import WrongKey, check_file
from offline_cache.mirror_connect import MissingFeatures, check_features, has_content, is_plaintext
from offline_cache.mirror_convert import convert, finish, plaintext_path, recover
from offline_cache.mirror_key import (
    Encryption,
    MirrorKeyError,
    existing_key,
    load_record,
    new_key,
    record_path,
)

log = logging.getLogger(__name__)


@contextmanager
def wrong_key_guard() -> Iterator[None]:
    try:
        yield
    except WrongKey as exc:
        raise MirrorKeyError("wrong_key", str(exc)) from exc


def is_encrypted(path: Path) -> bool:
    """A mirror that is not plaintext and has a key record beside it."""
    return has_content(path) and not is_plaintext(path) and record_path(path).exists()


def refuse_if_encrypted(path: Path) -> None:
    """With encryption off, an encrypted mirror is refused, never taken for a damaged one."""
    if is_encrypted(path):
        raise MirrorKeyError("encrypted_but_off", str(path))


def _retire(path: Path, now: datetime) -> None:
    """A key record of another mode (or unreadable) beside a plaintext mirror: kept
    aside, not deleted (a mirror moved aside earlier may still need it)."""
    record = record_path(path)
    os.replace(record, record.with_name(f"{record.name}.{now.strftime('%Y%m%d-%H%M%S')}"))


def unlock(path: Path, enc: Encryption, now: datetime,
           move_aside: Callable[[Path, datetime], Path]) -> tuple[bytes, Path | None, str]:
    """The mirror's key; the file at `path` is encrypted (or absent) when this returns.
    Also returns where a damaged file was moved and what was wrong with it."""
    try:
        check_features()
    except MissingFeatures as exc:
        raise MirrorKeyError("missing_features", ", ".join(exc.args)) from exc
    recover(path)
    encrypted = has_content(path) and not is_plaintext(path)
    try:
        doc = load_record(path)
    except MirrorKeyError:
        if encrypted:
            raise
        _retire(path, now)  # nothing encrypted depends on it yet: kept aside, a new key is made
        doc = None
    if encrypted and doc is None:
        raise MirrorKeyError("no_key_record", str(record_path(path)))
    if not encrypted and doc is not None and doc["mode"] != enc.mode:
        _retire(path, now)
        doc = None
    key = new_key(path, enc) if doc is None else existing_key(path, enc, doc)
    moved: Path | None = None
    problem = ""
    if has_content(path) and is_plaintext(path):
        problem = check_file(path)
        if problem:
            moved = move_aside(path, now)
            log.error("mirror %s failed its integrity check (%s); moved aside to %s", path, problem, moved)
        else:
            convert(path, key)
    elif encrypted and plaintext_path(path).exists():
        # Swapped, then interrupted: the encrypted file must open before the plaintext goes.
        with wrong_key_guard():
            problem = check_file(path, key)
        if problem:
            moved = move_aside(path, now)
            os.rename(plaintext_path(path), path)
            log.error("mirror %s: the encrypted copy is damaged (%s); converting the plaintext again",
                      path, problem)
            convert(path, key)
        else:
            finish(path)
    return key, moved, problem
