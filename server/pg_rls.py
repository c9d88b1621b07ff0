"""Clearance enforced a second time by PostgreSQL (row-level security), so a
bug in the platform's own filtering (server/clearance.py) cannot leak.

Every leveled table (services/clearance.py TABLES) gets FORCE ROW LEVEL
SECURITY and one policy: a row is visible and writable only at or below the
transaction's clearance, `watchroom.clearance`, which the platform sets with
set_config(..., true) at the start of every transaction from the clearance of
whoever it serves (a request's: the lower of the account's and the
workstation's; the platform's own background work: all). Entries are visible
only where their incident is. An unset clearance sees nothing above 公开.

The application works through a role that does not own the tables (APP_ROLE,
NOLOGIN, taken with SET ROLE by the owner's connections, or a login role of
the centre's own given as `app_role`): an owner could switch the policies off,
a superuser is never subject to them. The tables stay the owner's, who creates
and migrates them (server/db.py open_database).

The audit tables are append-only for the application role (INSERT and SELECT,
never UPDATE, DELETE or TRUNCATE): a bug or an intruder in the platform cannot
rewrite the history it records; only the owner could, and the chain and the
signed checkpoints would show it (server/audit_verify.py)."""

from __future__ import annotations

import contextlib
import contextvars
import re
from collections.abc import Iterator

from sqlalchemy import Connection, Engine, event, text

from services import clearance as contract

APP_ROLE = "watchroom_app"
# server/audit.py AuditRow, server/audit_sign.py CheckpointRow (a test keeps them equal).
APPEND_ONLY = ("audit_log", "audit_checkpoints")
SETTING = "watchroom.clearance"
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
# The clearance of the work under way in this context: a request's (set by the
# routes that serve it), or the platform's own (background tasks: all).
current: contextvars.ContextVar[int] = contextvars.ContextVar("watchroom_clearance", default=contract.TOP)


@contextlib.contextmanager
def scope(clearance: int) -> Iterator[None]:
    """Transactions begun inside run at this clearance (PostgreSQL enforces it)."""
    token = current.set(clearance)
    try:
        yield
    finally:
        current.reset(token)


class RequestScope:
    """ASGI middleware: every HTTP request starts at 公开 until its route says whose
    clearance it serves, so a route that forgets sees nothing classified."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope_, receive, send):
        if scope_["type"] != "http":
            await self.app(scope_, receive, send)
            return
        token = current.set(contract.PUBLIC)
        try:
            await self.app(scope_, receive, send)
        finally:
            current.reset(token)


def _visible(table: str) -> str:
    own = "level <= watchroom_clearance()"
    if table == "entries":  # an entry goes no further than its incident (itself under its policy)
        return f"{own} AND EXISTS (SELECT 1 FROM incidents i WHERE i.id = entries.incident_id)"
    return own


def install(conn: Connection, app_role: str = APP_ROLE) -> None:
    """The role, its grants, the clearance function and the policies; idempotent,
    run by the owner inside the schema transaction."""
    if not _ROLE_NAME.match(app_role):
        raise ValueError(f"application role {app_role!r}: lower-case letters, digits and _ only")
    exists = conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": app_role}).first()
    if exists is None:
        conn.execute(text(f"CREATE ROLE {app_role} NOLOGIN"))
    owner = conn.execute(text("SELECT current_user")).scalar_one()
    member = conn.execute(text("SELECT pg_has_role(current_user, :r, 'MEMBER')"), {"r": app_role}).scalar()
    if owner != app_role and not member:
        conn.execute(text(f'GRANT {app_role} TO "{owner}"'))  # so the owner's connections may SET ROLE to it
    conn.execute(text(f"GRANT USAGE ON SCHEMA public TO {app_role}"))
    conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {app_role}"))
    conn.execute(text(f"GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {app_role}"))
    # Tables the owner adds later (a feature's new kind) are the application's to use too.
    conn.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE "
                      f"ON TABLES TO {app_role}"))
    conn.execute(text(f"ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE "
                      f"ON SEQUENCES TO {app_role}"))
    # Revoked after the grants above on every start, so an existing deployment loses them too.
    for table in APPEND_ONLY:
        conn.execute(text(f"REVOKE UPDATE, DELETE, TRUNCATE ON {table} FROM {app_role}"))
    conn.execute(text(
        "CREATE OR REPLACE FUNCTION watchroom_clearance() RETURNS integer LANGUAGE sql STABLE AS "
        f"$$ SELECT coalesce(nullif(current_setting('{SETTING}', true), '')::integer, {contract.PUBLIC}) $$"))
    for table in contract.TABLES.values():
        conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
        conn.execute(text(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY"))
        conn.execute(text(f"DROP POLICY IF EXISTS watchroom_clearance ON {table}"))
        conn.execute(text(f"CREATE POLICY watchroom_clearance ON {table} USING ({_visible(table)}) "
                          "WITH CHECK (level <= watchroom_clearance())"))


def bind(engine: Engine, app_role: str = APP_ROLE, *, set_role: bool = True) -> None:
    """Every connection works as the application role (unless it logged in as
    it), and every transaction at the clearance of the context that began it."""
    if not _ROLE_NAME.match(app_role):
        raise ValueError(f"application role {app_role!r}: lower-case letters, digits and _ only")

    if set_role:
        @event.listens_for(engine, "connect")
        def _connect(dbapi_conn, _record) -> None:
            with dbapi_conn.cursor() as cur:
                cur.execute(f"SET ROLE {app_role}")
            dbapi_conn.commit()

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("SELECT set_config(%(k)s, %(v)s, true)", {"k": SETTING, "v": str(current.get())})
