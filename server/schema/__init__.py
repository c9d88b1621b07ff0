"""The platform's schema under Alembic, as the mirror's is (offline_cache/migrations/):
an upgrade runs revisions that migrate data, it never just creates what the models say.

Three kinds of database reach `upgrade()` (server/db.py open_database, holding the
schema lock, so replicas starting together upgrade once):
- a new one: every revision from the baseline (0001) up;
- one made before Alembic (server_meta.schema_version 1..4, no alembic_version):
  the baseline adds the tables it lacks, server/migrate.py's steps bring the old
  ones to schema 4 (= the baseline), then the later revisions;
- an Alembic one: the revisions it has not had.
How to add a revision: server/schema/migrations/versions/README.md."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

SCHEMA_DIR = Path(__file__).with_name("migrations")  # Alembic's script folder: env.py, versions/
BASELINE = "0001"  # the schema as it stood at schema_version 4, the last pre-Alembic step
# Tables every pre-Alembic platform had since wave 1: one of them means "made before Alembic".
_LEGACY_MARKERS = {"server_meta", "users", "incidents", "changes"}
_INSUFFICIENT_PRIVILEGE = "42501"  # PostgreSQL's SQLSTATE
# Alembic's `op` and `context` are process-wide: one run at a time in a process (two
# platforms opened at once, in tests). Taken after the database's schema lock, always.
ALEMBIC_RUN = threading.Lock()


class SchemaError(RuntimeError):
    """The platform cannot bring its database to its schema; the message says what to do."""


class UnknownRevision(SchemaError):
    """The database is at a revision this code does not have: a newer platform made it."""

    def __init__(self, revision: str):
        super().__init__(f"the platform database is at schema revision {revision!r}, which this version of "
                         "the platform does not know (a newer one upgraded it): run that version, or restore "
                         "a backup made before the upgrade")
        self.revision = revision


class NeedsOwner(SchemaError):
    """The database is behind, and the account the platform connects as may not change
    the schema (PostgreSQL: not the tables' owner, e.g. under row-level security)."""

    def __init__(self, before: str, head: str):
        super().__init__(f"the platform database needs upgrading ({before} -> {head}) and the account it "
                         "connects as may not change its schema: run `watchroom-server db upgrade --db URL` "
                         "once with the URL of the tables' owner, then start the platform")


@dataclass(frozen=True)
class SchemaState:
    """Where a database stands: kind is "new", "legacy" (before Alembic; `version` is
    its server_meta schema_version) or "alembic" (`version` is its revision)."""

    kind: str
    version: str = ""

    def describe(self) -> str:
        if self.kind == "new":
            return "empty database (no platform schema yet)"
        if self.kind == "legacy":
            return f"made before Alembic: schema_version {self.version} (not yet upgraded)"
        return self.version


def alembic_config(connection: Connection | None = None, **attributes):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(SCHEMA_DIR))
    cfg.attributes["connection"] = connection
    cfg.attributes.update(attributes)
    return cfg


def script_directory():
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return script_directory().get_current_head() or ""


def state(conn: Connection) -> SchemaState:
    tables = set(inspect(conn).get_table_names())
    if "alembic_version" in tables:
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
        if row is not None:
            return SchemaState("alembic", row[0])
        # (an empty alembic_version: stamped back to base by hand; judged by its tables)
    if tables & _LEGACY_MARKERS:
        version = None
        if "server_meta" in tables:
            version = conn.scalar(text("SELECT value FROM server_meta WHERE key = 'schema_version'"))
        return SchemaState("legacy", version or "1")
    return SchemaState("new")


def upgrade(conn: Connection) -> SchemaState:
    """Brings the database on `conn` (in a transaction holding the schema lock) to the
    newest revision; returns where it stood before. Everything in the one transaction:
    a failing step leaves the database as it was."""
    from alembic import command

    from server.migrate import migrate

    before = state(conn)
    scripts = script_directory()
    if before.kind == "alembic":
        if before.version == scripts.get_current_head():
            return before
        if before.version not in {s.revision for s in scripts.walk_revisions()}:
            raise UnknownRevision(before.version)
    head = scripts.get_current_head() or ""
    log.info("platform schema: %s; upgrading to %s", before.describe(), head)
    try:
        with ALEMBIC_RUN:
            if before.kind == "legacy":
                # The baseline creates only the tables the old database lacks (pre_alembic);
                # the legacy steps then add the columns and indexes of schema 4 to the old ones.
                command.upgrade(alembic_config(conn, pre_alembic=True), BASELINE)
                migrate(conn)
            command.upgrade(alembic_config(conn), "head")
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == _INSUFFICIENT_PRIVILEGE:
            raise NeedsOwner(before.describe(), head) from exc
        raise
    log.info("platform schema now at %s", head)
    return before
