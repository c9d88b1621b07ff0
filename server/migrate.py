"""Bringing a platform database made before Alembic up to schema 4, the schema
of server/schema's baseline revision (server/schema/__init__.py runs this only
for such a database, after the baseline has added the tables it lacks). FROZEN:
no new steps, no new columns here; every change after schema 4 is an Alembic
revision (server/schema/migrations/versions/README.md). Each step is plain SQL of the schema
as it was when the step was written, runs inside the opener's transaction, which
holds the schema lock (server/db.py), and is recorded in server_meta.schema_version.

Step 2: incident numbers carry the site code (`2026-0001` at CQ becomes
`CQ-2026-0001`) and are unique across the platform. Each renumbered incident
is announced in the feed so every mirror, old or new, learns its number.

Step 3: the platform keeps the account (and workstation) behind every change
beside the client's display names, users get a token version, a field unit's
unit and a site; the feed's entity ids are as long as camera ids. Columns a
table already has (one the baseline just made) are left alone.

Step 4: accounts carry a clearance (密级); workstations get a table of their own
(made by the baseline)."""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, datetime

from sqlalchemy import Connection, inspect, text

from services.incidents.numbering import with_site

SCHEMA_VERSION = 4
CODE_MAX = 32  # incidents.code
log = logging.getLogger(__name__)


def migrate(conn: Connection) -> None:
    row = conn.execute(text("SELECT value FROM server_meta WHERE key = 'schema_version'")).first()
    current = int(row[0]) if row else 1
    if current >= SCHEMA_VERSION:
        return
    if current < 2:
        _numbers_carry_site_codes(conn)
    _accounts_kept(conn)
    _add_columns(conn, _STEP4_COLUMNS)
    if row is None:
        conn.execute(text("INSERT INTO server_meta (key, value) VALUES ('schema_version', :v)"),
                     {"v": str(SCHEMA_VERSION)})
    else:
        conn.execute(text("UPDATE server_meta SET value = :v WHERE key = 'schema_version'"),
                     {"v": str(SCHEMA_VERSION)})


def _numbers_carry_site_codes(conn: Connection) -> None:
    rows = conn.execute(text("SELECT id, site_code, code FROM incidents ORDER BY id")).all()
    codes = {iid: code for iid, _site, code in rows}
    used = Counter(codes.values())
    for iid, site, code in rows:
        new = with_site(code, site)
        if new != code and len(new) <= CODE_MAX and not used[new]:
            used[code] -= 1
            used[new] += 1
            codes[iid] = new
    # Whatever still clashes (never made by a Watchroom client) keeps its number
    # with the start of its id, so the unique index can be built.
    seen: set[str] = set()
    for iid, code in codes.items():
        if used[code] > 1 and code in seen:
            codes[iid] = f"{code[:CODE_MAX - 9]}-{iid[:8]}"
            log.warning("incident %s: number %s is used by another incident; now %s", iid, code, codes[iid])
        seen.add(code)
    changed = [{"id": iid, "code": new} for iid, _site, old in rows if (new := codes[iid]) != old]
    if changed:
        now = datetime.now(UTC).isoformat(timespec="milliseconds")
        conn.execute(text("UPDATE incidents SET code = :code, version = version + 1, updated_at = :now "
                          "WHERE id = :id"), [{**c, "now": now} for c in changed])
        conn.execute(text("INSERT INTO changes (entity, entity_id, at) VALUES ('incident', :id, :now)"),
                     [{"id": c["id"], "now": now} for c in changed])
        log.info("%d incident numbers now carry their site code", len(changed))
    if conn.dialect.name == "postgresql":
        conn.execute(text("ALTER TABLE incidents DROP CONSTRAINT IF EXISTS uq_incident_site_code"))
    # (SQLite keeps the old per-site constraint inside its table: harmless, implied by this one.)
    conn.execute(text("CREATE UNIQUE INDEX IF NOT EXISTS uq_incident_code ON incidents (code)"))


_ACCOUNT, _WORKSTATION = "VARCHAR(100) NOT NULL DEFAULT ''", "VARCHAR(64) NOT NULL DEFAULT ''"
_STEP3_COLUMNS = {
    "users": {"token_version": "INTEGER NOT NULL DEFAULT 1", "unit_id": "VARCHAR(64) NOT NULL DEFAULT ''",
              "site_code": "VARCHAR(32) NOT NULL DEFAULT ''"},
    "changes": {"account": _ACCOUNT, "workstation": _WORKSTATION},
    "incidents": {"created_by_account": _ACCOUNT, "created_workstation": _WORKSTATION,
                  "updated_by_account": _ACCOUNT, "updated_workstation": _WORKSTATION},
    "entries": {"author_account": _ACCOUNT, "author_workstation": _WORKSTATION},
    "orders": {"issued_by_account": _ACCOUNT, "issued_workstation": _WORKSTATION,
               "updated_by_account": _ACCOUNT, "updated_workstation": _WORKSTATION},
    "conferences": {"opened_by_account": _ACCOUNT, "opened_workstation": _WORKSTATION,
                    "opened_site": "VARCHAR(32) NOT NULL DEFAULT ''", "updated_by_account": _ACCOUNT,
                    "updated_workstation": _WORKSTATION},
    "notifications": {"sender_account": _ACCOUNT, "sender_workstation": _WORKSTATION},
    **{table: {"updated_by_account": _ACCOUNT, "updated_workstation": _WORKSTATION}
       for table in ("resources", "cameras", "contacts")},
}  # fmt: skip


_STEP4_COLUMNS = {"users": {"clearance": "INTEGER NOT NULL DEFAULT 1"}}


def _add_columns(conn: Connection, tables: dict[str, dict[str, str]]) -> None:
    inspector = inspect(conn)
    for table, columns in tables.items():
        have = {c["name"] for c in inspector.get_columns(table)}
        for name, definition in columns.items():
            if name not in have:
                conn.execute(text(f"ALTER TABLE {table} ADD COLUMN {name} {definition}"))


def _accounts_kept(conn: Connection) -> None:
    _add_columns(conn, _STEP3_COLUMNS)
    if conn.dialect.name == "postgresql":  # SQLite keeps no lengths
        conn.execute(text("ALTER TABLE changes ALTER COLUMN entity_id TYPE VARCHAR(64)"))
