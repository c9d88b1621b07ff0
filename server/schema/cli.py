"""`watchroom-server db upgrade|current|check|history [--db URL]`: the platform's
schema for an IT department. The server upgrades by itself when it starts; these
let a department upgrade first (one process, before the replicas), see where a
database stands, and list the revisions, without starting the server."""

from __future__ import annotations

import argparse
import sys
import uuid
from collections.abc import Callable

from server.schema import (
    SchemaError,
    SchemaState,
    head_revision,
    script_directory,
    state,
    upgrade,
)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="watchroom-server db", description=__doc__)
    parser.add_argument("action", choices=("upgrade", "current", "check", "history"),
                        help="upgrade: to the newest revision (a database made before Alembic included); "
                             "current: where the database stands; check: exit 1 unless at the newest; "
                             "history: the revisions, oldest first")
    parser.add_argument("--db", help="SQLAlchemy URL or a SQLite file path (default: the server's)")
    return parser.parse_args(argv)


def run(argv: list[str], resolve_url: Callable[[str | None], str]) -> int:
    args = parse(argv)
    try:
        return _carry_out(args, resolve_url)
    except SchemaError as exc:
        print(f"watchroom-server db {args.action}: {exc}", file=sys.stderr)
        return 2


def _carry_out(args: argparse.Namespace, resolve_url: Callable[[str | None], str]) -> int:
    if args.action == "history":
        print(history(current_state(resolve_url(args.db)) if args.db else None))
        return 0
    url = resolve_url(args.db)
    if args.action == "upgrade":
        before, after = upgrade_database(url)
        print(f"{before.describe()} -> {after.describe()}" if before != after
              else f"{after.describe()}: already the newest")
        return 0
    now, head = current_state(url), head_revision()
    at_head = now.kind == "alembic" and now.version == head
    print(f"{now.describe()}{' (head)' if at_head else f'; the newest is {head}'}")
    return 0 if at_head or args.action == "current" else 1


def current_state(url: str) -> SchemaState:
    from server.db import connect

    db = connect(url)
    try:
        with db.engine.connect() as conn:
            return state(conn)
    finally:
        db.dispose()


def upgrade_database(url: str) -> tuple[SchemaState, SchemaState]:
    """What open_database does, saying where the database stood before and after."""
    from server.db import connect, ensure_meta, schema_lock

    db = connect(url)
    try:
        with schema_lock(db) as conn:
            before = upgrade(conn)
            after = state(conn)
        ensure_meta(db, "cluster_id", lambda: str(uuid.uuid4()))
        return before, after
    finally:
        db.dispose()


def history(current: SchemaState | None) -> str:
    """One line per revision, oldest first: id, its docstring's first line, and
    which one the database is at (with --db)."""
    lines = []
    for script in reversed(list(script_directory().walk_revisions())):
        title = (script.module.__doc__ or "").strip().splitlines()[0] if script.module.__doc__ else ""
        mark = "  <- this database" if current and current.kind == "alembic" and current.version == script.revision else ""
        lines.append(f"{script.revision}  {title}{mark}")
    if current and current.kind != "alembic":
        lines.append(f"(this database: {current.describe()})")
    return "\n".join(lines)
