"""Files the program creates are 0600 and its folders 0700: a mirror, a log or
a tile cache says what a watch room handled, and other accounts on the machine
(a shared shelter laptop) have no business reading it.

Folders the program creates are made 0700; a folder that already exists is
left as it is (it may be shared on purpose, or a system folder such as
/var/log). Files are created 0600 whatever the umask, and an existing file of
ours that others may read is tightened to 0600 (a file from an older version,
created under umask 022). Nothing here follows a file that is not ours."""

from __future__ import annotations

import os
import stat
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def private_dir(path: Path) -> Path:
    """Creates `path` and any missing parents as 0700 folders."""
    path = Path(path)
    missing = []
    here = path
    while not here.exists() and here != here.parent:
        missing.append(here)
        here = here.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, DIR_MODE)
        except FileExistsError:
            continue  # another process made it meanwhile: its mode is its own
        os.chmod(folder, DIR_MODE)  # exactly 0700, whatever the umask took away or left
    return path


def tighten(path: Path) -> bool:
    """An existing regular file of ours that group or others may use becomes 0600;
    True when it was changed. Symbolic links and files of other accounts are left alone."""
    try:
        info = os.lstat(path)
    except OSError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or not info.st_mode & 0o077:
        return False
    try:
        os.chmod(path, FILE_MODE)
    except OSError:
        return False
    return True


def private_file(path: Path) -> Path:
    """Creates `path` empty as 0600 (its folder 0700 if missing), or tightens it if it exists."""
    path = Path(path)
    private_dir(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC, FILE_MODE)
    except FileExistsError:
        tighten(path)
        return path
    try:
        os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return path


def private_sqlite(path: Path) -> Path:
    """Before SQLite opens a database the program owns: the file created empty as
    0600 (SQLite takes an empty file for a new database, and creates its -wal,
    -shm and -journal files with the database file's mode), or an existing one
    and its side files tightened to 0600."""
    path = Path(path)
    private_file(path)
    for suffix in SQLITE_SIDECARS:
        tighten(Path(f"{path}{suffix}"))
    return path


def open_private(path: Path, mode: str = "w", encoding: str | None = "utf-8"):
    """open() for writing a new file as 0600 (created so, never widened by the umask)."""
    flags = os.O_WRONLY | os.O_CREAT | _CLOEXEC | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags, FILE_MODE)
    try:
        tighten(Path(path))
        return open(fd, mode, encoding=None if "b" in mode else encoding)  # noqa: SIM115 - the caller closes
    except BaseException:
        os.close(fd)
        raise
