"""The secret tokens are signed with, kept out of the database (which backups
copy and more people can read): WATCHROOM_TOKEN_SECRET in the environment, or
a key file made 0600 (beside a SQLite database, in the platform's data folder
for PostgreSQL, or where --key-file says). Replicas must share it: set the
variable, or give each the same file. A database from before kept the secret
in server_meta: it moves to the key file (so tokens already issued stay good)
and is wiped from the database."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.engine import make_url

from server.db import Database, MetaRow
from server.private_files import create_private, tighten

ENV = "WATCHROOM_TOKEN_SECRET"
MIN_CHARS = 32
APP_NAME = "watchroom-server"
log = logging.getLogger(__name__)


def default_key_file(db_url: str) -> Path:
    url = make_url(db_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database)
        return path.with_name(path.name + ".token-key")
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME)) / "token.key"


def _checked(secret: str, where: str) -> str:
    secret = secret.strip()
    if len(secret) < MIN_CHARS:
        raise SystemExit(f"the token secret in {where} is shorter than {MIN_CHARS} characters")
    return secret


def take_meta(db: Database, key: str) -> str | None:
    """Removes a setting and returns it (None if absent), leaving no copy behind
    in the file: SQLite overwrites the freed space and folds the WAL back,
    PostgreSQL vacuums the table (best effort: it may be busy)."""
    with db.write.begin() as conn:
        value = conn.execute(select(MetaRow.value).where(MetaRow.key == key)).scalar()
        if value is None:
            return None
        if not db.is_postgres:
            conn.exec_driver_sql("PRAGMA secure_delete=ON")
        conn.execute(delete(MetaRow).where(MetaRow.key == key))
    if db.is_postgres:
        try:
            with db.engine.connect() as conn:
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM server_meta")
        except Exception:  # noqa: BLE001 - the row is gone; its dead copy goes at the next vacuum
            pass
    else:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return value



def load_secret(db: Database, db_url: str, key_file: Path | None = None) -> str:
    """The signing secret; moves one still kept in the database out of it."""
    stored = take_meta(db, "token_secret")
    from_env = os.environ.get(ENV)
    if from_env:
        if stored is not None:
            log.info("token secret removed from the database; %s is used", ENV)
        return _checked(from_env, ENV)
    path = Path(key_file) if key_file is not None else default_key_file(db_url)
    made = secrets.token_urlsafe(48)
    if create_private(path, (stored or made).encode("ascii") + b"\n"):
        if stored is not None:
            log.info("token secret moved from the database to %s (mode 0600)", path)
        else:
            log.info("token key created at %s (mode 0600); replicas need the same key", path)
    elif stored is not None:
        log.warning("token secret removed from the database; the key in %s is used, so earlier tokens "
                    "must log in again", path)
    tighten(path)
    return _checked(path.read_text(encoding="ascii"), str(path))
