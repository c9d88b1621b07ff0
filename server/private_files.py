"""Files the platform creates are its own: 0600, in folders made 0700 (DESIGN.md,
"Trust"). The database, its -wal and -shm, the notification log (phone numbers
and message texts) and the token key are read by the platform's account only.
Imports nothing of the project."""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
log = logging.getLogger(__name__)


def private_dir(path: Path) -> Path:
    """Creates `path` and any missing parents 0700; leaves existing folders alone."""
    path = Path(path)
    missing = []
    for folder in (path, *path.parents):
        if folder.exists():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            pass
        else:
            os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask
    return path


def tighten(path: Path) -> None:
    """Takes group and other permissions off an existing file of ours."""
    try:
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        return
    if mode & 0o077:
        log.warning("%s was readable by others (mode %o); now %o", path, mode, FILE_MODE)
        os.chmod(path, FILE_MODE)


def create_private(path: Path, content: bytes = b"") -> bool:
    """Creates `path` 0600 with `content` unless it exists; True if this call made it."""
    private_dir(Path(path).parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    try:
        os.fchmod(fd, FILE_MODE)
        os.write(fd, content)
        os.fsync(fd)
    finally:
        os.close(fd)
    return True


def append_private(path: Path, line: str) -> None:
    """Appends a line to a 0600 file, creating it (and its folders) if need be."""
    path = Path(path)
    private_dir(path.parent)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) & 0o077:
            os.fchmod(fd, FILE_MODE)
        os.write(fd, line.encode("utf-8"))
    finally:
        os.close(fd)


def prepare_sqlite_file(path: Path) -> None:
    """A SQLite database file made 0600 before SQLite opens it: SQLite gives its
    -wal and -shm files the database file's mode. Existing ones are tightened."""
    create_private(path)
    for suffix in ("", "-wal", "-shm", "-journal"):
        tighten(Path(f"{path}{suffix}"))
