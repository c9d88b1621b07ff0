"""Opening, checking and migrating the local SQLite mirror.

The mirror is the duty officer's record while the network is down, so opening
it never deletes anything: a file that fails its integrity check is moved aside
(with its WAL) under a dated name and a fresh mirror is created in its place.
"""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from offline_cache import (
    audit_schema,  # noqa: F401 - the platform's audit checkpoints seen (migration 0023)
    checklist_schema,  # noqa: F401 - checklist steps (migration 0018)
    duty_schema,  # noqa: F401 - its tables belong to every mirror's metadata
    plans_schema,  # noqa: F401 - the plan library and responses (migration 0017)
    positions_schema,  # noqa: F401 - live positions (migration 0022)
    warnings_schema,  # noqa: F401 - warnings (migration 0020)
)
from offline_cache.errors import StorageError, classify_storage_error
from offline_cache.file_check import EarlyCheck, check_file, forget_clean, left_clean, mark_clean
from offline_cache.file_modes import private_dir, private_sqlite

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest migration. A mirror already there opens without loading Alembic (a
# fifth of a second at every start); tests/test_mirror.py keeps it equal to Alembic's head.
HEAD_REVISION = "0023"


@dataclass(frozen=True)
class MirrorHealth:
    """What happened when the mirror was opened, for the UI to tell the user."""

    path: Path
    moved_aside_to: Path | None = None
    problem: str = ""
    migrated_from: str | None = None


def _alembic_config(connection):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """Alembic's own head (HEAD_REVISION is the fast copy)."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(cfg).get_current_head() or ""


def move_aside(path: Path, now: datetime) -> Path:
    """Renames a damaged mirror and its WAL/SHM files; returns the new main path."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.corrupt-{stamp}-{n}{path.suffix}")
        n += 1
    for extra in ("-wal", "-shm", "-journal"):
        side = Path(str(path) + extra)
        if side.exists():
            side.rename(Path(str(target) + extra))
    path.rename(target)
    return target


def spaced_chars(value: str | None) -> str:
    """Every character as its own token for the character index (see migration 0002)."""
    return " ".join(value) if value else ""


def _set_pragmas(dbapi_con, _record) -> None:
    # Triggers of the character index call this; every connection needs it.
    dbapi_con.create_function("wr_chars", 1, spaced_chars, deterministic=True)
    cur = dbapi_con.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a confirmed entry survives power loss, which is what the officer is told.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.execute("PRAGMA cache_size=-65536")
    cur.close()


class Mirror:
    """The opened mirror: an engine plus read and write sessions."""

    def __init__(self, path: Path, engine: Engine, health: MirrorHealth, checked_at: float | None = None):
        self.path = path
        self.engine = engine
        self.health = health
        self._checked_at = checked_at  # when the file was last found sound
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One durable transaction: all of it is committed, or none of it."""
        try:
            with self._sessions.begin() as session:
                yield session
        except DBAPIError as exc:
            raise classify_storage_error(exc) from exc

    @contextmanager
    def bulk_write(self) -> Iterator[Session]:
        """A transaction for bulk loads (demo data, catch-up) with relaxed fsync."""
        try:
            with self._sessions.begin() as session:
                session.execute(text("PRAGMA synchronous=NORMAL"))
                yield session
        except DBAPIError as exc:
            raise classify_storage_error(exc) from exc
        finally:
            # Pooled connections must not keep the relaxed setting.
            with self.engine.connect() as con:
                con.exec_driver_sql("PRAGMA synchronous=FULL")

    def raw_connection(self) -> sqlite3.Connection:
        """A plain sqlite3 connection to the same file, for bulk paths and benchmarks."""
        con = sqlite3.connect(self.path, isolation_level=None)
        _set_pragmas(con, None)
        return con

    def meta(self, key: str) -> str | None:
        with self.engine.connect() as con:
            row = con.execute(text("SELECT value FROM mirror_meta WHERE key=:k"), {"k": key}).first()
        return row[0] if row else None

    def set_meta(self, items: Iterable[tuple[str, str]]) -> None:
        with self.write() as s:
            for key, value in items:
                s.execute(text("INSERT OR REPLACE INTO mirror_meta(key, value) VALUES (:k, :v)"),
                          {"k": key, "v": value})

    def close(self) -> None:
        self.engine.dispose()
        if self._checked_at is not None:
            mark_clean(self.path, self._checked_at)


def _stored_revision(con) -> str | None:
    """The mirror's migration (Alembic's alembic_version row), None for a new file."""
    if con.execute(text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")).first() is None:
        return None
    row = con.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


@contextmanager
def creation_lock(path: Path) -> Iterator[None]:
    """Only one process at a time checks, creates or migrates a mirror: a `log`
    and a `mirror` started together on a new file must not both create it."""
    fd = os.open(path.with_name(path.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def open_mirror(path: Path, *, now: datetime | None = None, early_check: EarlyCheck | None = None) -> Mirror:
    """Opens (creating or migrating as needed) the mirror at `path`; `early_check`
    is the integrity check of that file already started by the entry point."""
    now = now or datetime.now(UTC)
    path = Path(path)
    private_dir(path.parent)
    with creation_lock(path):
        return _open_locked(path, now, early_check)


def _open_locked(path: Path, now: datetime, early_check: EarlyCheck | None) -> Mirror:
    moved: Path | None = None
    checked_at = left_clean(path)  # closed cleanly and found sound lately: no need to read it all
    forget_clean(path)
    problem = "" if checked_at is not None else (early_check.result(path) if early_check is not None else None)
    if problem or problem is None:
        # (again under the lock: the early check may have seen another process creating it)
        problem = check_file(path)
    if checked_at is None:
        checked_at = now.timestamp()
    if problem:
        moved = move_aside(path, now)
        log.error("mirror %s failed its integrity check (%s); moved aside to %s", path, problem, moved)

    private_sqlite(path)
    engine = create_engine(f"sqlite+pysqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_pragmas)
    try:
        with engine.begin() as con:
            current = _stored_revision(con)
            if current != HEAD_REVISION:
                from alembic import command

                command.upgrade(_alembic_config(con), "head")
            con.execute(
                text("INSERT OR IGNORE INTO mirror_meta(key, value) VALUES ('mirror_id', :v)"),
                {"v": str(uuid.uuid4())},
            )
            con.execute(
                text("INSERT OR IGNORE INTO mirror_meta(key, value) VALUES ('created_at', :v)"),
                {"v": now.isoformat()},
            )
    except DBAPIError as exc:
        engine.dispose()
        raise classify_storage_error(exc) from exc
    health = MirrorHealth(
        path=path,
        moved_aside_to=moved,
        problem=problem,
        migrated_from=current if current != HEAD_REVISION else None,
    )
    return Mirror(path, engine, health, checked_at)


__all__ = ["Mirror", "MirrorHealth", "StorageError", "open_mirror", "check_file", "move_aside"]
