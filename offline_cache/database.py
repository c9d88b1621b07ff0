"""Opening, checking and migrating the local SQLite mirror.

The mirror is the duty officer's record while the network is down, so opening
it never deletes anything: a file that fails its integrity check is moved aside
(with its WAL) under a dated name and a fresh mirror is created in its place.
"""

from __future__ import annotations

import logging
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
    audit_schema,  # noqa: F401 - the platform's audit checkpoints seen (migration 0025)
    checklist_schema,  # noqa: F401 - checklist steps (migration 0018)
    duty_schema,  # noqa: F401 - its tables belong to every mirror's metadata
    feed_gaps_schema,  # noqa: F401 - telemetry a coalesced feed skipped (migration 0023)
    plans_schema,  # noqa: F401 - the plan library and responses (migration 0017)
    positions_schema,  # noqa: F401 - live positions (migration 0022)
    warnings_schema,  # noqa: F401 - warnings (migration 0020)
)
from offline_cache.errors import StorageError, classify_storage_error
from offline_cache.file_check import EarlyCheck, check_file, forget_clean, left_clean, mark_clean
from offline_cache.file_lock import held
from offline_cache.file_modes import private_dir, private_sqlite
from offline_cache.mirror_connect import (
    ENCRYPTED_CACHE_KIB,
    cipher_module,
    connect,
    is_wrong_key_error,
    spaced_chars,
)
from offline_cache.mirror_key import Encryption, MirrorKeyError
from offline_cache.mirror_unlock import refuse_if_encrypted, unlock, wrong_key_guard
from offline_cache.unlock_failures import record_failure

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest migration. A mirror already there opens without loading Alembic (a
# fifth of a second at every start); tests/test_mirror.py keeps it equal to Alembic's head.
HEAD_REVISION = "0026"  # 0025: the audit checkpoints seen; 0026: the open figures index


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


def _set_cipher_pragmas(dbapi_con, _record) -> None:
    # SQLCipher decrypts a page each time it leaves SQLite's own cache (the OS cache holds
    # only ciphertext): a larger ceiling keeps a search's working set decrypted, which is
    # what keeps searches within 1.3x of the plain mirror (bench_security_mirror).
    dbapi_con.execute(f"PRAGMA cache_size=-{ENCRYPTED_CACHE_KIB}")


class Mirror:
    """The opened mirror: an engine plus read and write sessions."""

    def __init__(self, path: Path, engine: Engine, health: MirrorHealth, checked_at: float | None = None,
                 key: bytes | None = None):
        self.path = path
        self.engine = engine
        self._key = key  # SQLCipher's raw key, None for a plaintext mirror
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

    @property
    def encrypted(self) -> bool:
        return self._key is not None

    def raw_connection(self) -> sqlite3.Connection:
        """A DB-API connection to the same file (keyed when encrypted), for bulk paths and benchmarks."""
        con = connect(self.path, self._key, isolation_level=None)
        _set_pragmas(con, None)
        if self._key is not None:
            _set_cipher_pragmas(con, None)
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
    with held(path):
        yield


def open_mirror(path: Path, *, now: datetime | None = None, early_check: EarlyCheck | None = None,
                encryption: Encryption | None = None) -> Mirror:
    """Opens (creating or migrating as needed) the mirror at `path`; `early_check`
    is the integrity check of that file already started by the entry point;
    `encryption` ([mirror] encryption) makes it SQLCipher, converting a plaintext one."""
    now = now or datetime.now(UTC)
    path = Path(path)
    private_dir(path.parent)
    with creation_lock(path):
        try:
            return _open_locked(path, now, early_check, encryption)
        except MirrorKeyError as exc:
            if exc.reason == "wrong_key":  # for the platform's audit after the next unlock
                record_failure(path, exc.reason, now)
            raise


def _engine(path: Path, key: bytes | None) -> Engine:
    """Every pooled connection comes from mirror_connect.connect, keyed when encrypted."""
    if key is None:
        engine = create_engine(f"sqlite+pysqlite:///{path}", connect_args={"check_same_thread": False})
    else:
        engine = create_engine(f"sqlite+pysqlite:///{path}", module=cipher_module(),
                               creator=lambda: connect(path, key, check_same_thread=False))
    event.listen(engine, "connect", _set_pragmas)
    if key is not None:
        event.listen(engine, "connect", _set_cipher_pragmas)
    return engine


def _open_locked(path: Path, now: datetime, early_check: EarlyCheck | None,
                 encryption: Encryption | None) -> Mirror:
    moved: Path | None = None
    key: bytes | None = None
    unlock_problem = ""
    if encryption is not None and encryption.on:
        if early_check is not None:
            early_check.result(path)  # its reader must be gone before a conversion takes the file
        key, moved, unlock_problem = unlock(path, encryption, now, move_aside)
    else:
        refuse_if_encrypted(path)
    checked_at = left_clean(path)  # closed cleanly and found sound lately: no need to read it all
    forget_clean(path)
    if key is not None:
        problem = "" if checked_at is not None else None  # the early check had no key
    else:
        problem = "" if checked_at is not None else (early_check.result(path) if early_check is not None else None)
    if problem or problem is None:
        # (again under the lock: the early check may have seen another process creating it)
        with wrong_key_guard():
            problem = check_file(path) if key is None else check_file(path, key)
    if checked_at is None:
        checked_at = now.timestamp()
    if problem:
        moved = move_aside(path, now)
        log.error("mirror %s failed its integrity check (%s); moved aside to %s", path, problem, moved)
    problem = problem or unlock_problem

    private_sqlite(path)
    engine = _engine(path, key)
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
        if key is not None and is_wrong_key_error(exc):
            raise MirrorKeyError("wrong_key") from exc
        raise classify_storage_error(exc) from exc
    health = MirrorHealth(
        path=path,
        moved_aside_to=moved,
        problem=problem,
        migrated_from=current if current != HEAD_REVISION else None,
    )
    return Mirror(path, engine, health, checked_at, key)


__all__ = ["Encryption", "Mirror", "MirrorHealth", "MirrorKeyError", "StorageError", "open_mirror",
           "check_file", "move_aside"]
