"""The tamper-evident audit log (等级保护 "安全审计"): every change, log-in,
failed log-in, log-out, export, print, roll-call answer, clearance change and
administrative action appends one row holding the SHA-256 of the row before it,
so an edited, deleted or reordered row breaks the chain (server/audit_verify.py
finds where) and signed checkpoints (server/audit_sign.py) pin it.

Appends are serialised across replicas: SQLite's write lock (callers write on
`Database.write`, BEGIN IMMEDIATE), PostgreSQL's advisory transaction lock. They
run in the caller's transaction, so no change commits without its record and a
rolled-back change leaves none. Seqs are gapless (the previous one plus one).

The seam for other features: `append(session_or_connection, action, principal,
entity, entity_id, detail)`."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import BigInteger, Connection, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, Session, mapped_column

from server import pg_bulk
from server.actor import ACCOUNT_MAX, WORKSTATION_MAX, Actor, actor_of
from server.db import Base

_sha256 = hashlib.sha256
_DETAIL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
GENESIS = "0" * 64  # the previous hash of the first record
_PG_AUDIT_LOCK = 727_413  # beside server/app.py's write lock and server/db.py's schema lock
DETAIL_MAX = 4000  # characters of a record's detail (JSON); longer ones are cut, marked so

# The actions the platform records (the admin panel filters on them).
CHANGE = "change"
LOGIN = "login"
LOGIN_FAILED = "login_failed"
LOGOUT = "logout"
EXPORT = "export"
PRINT = "print"
ROLLCALL_ANSWER = "rollcall_answer"
CLEARANCE = "clearance"
ADMIN = "admin"
WALL_COMMAND = "wall_command"
REFUSED = "refused"  # a refused request or TLS handshake (server/refusals.py)
ACTIONS = (CHANGE, LOGIN, LOGIN_FAILED, LOGOUT, EXPORT, PRINT, ROLLCALL_ANSWER, CLEARANCE, ADMIN, WALL_COMMAND,
           REFUSED)


# Kept forever: 64-bit on PostgreSQL (SQLite's INTEGER is 64-bit and the rowid already).
SEQ = BigInteger().with_variant(Integer, "sqlite")


class AuditRow(Base):
    """One audit record; `hash` covers every other column and `prev_hash`."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    seq: Mapped[int] = mapped_column(SEQ, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))  # platform time, UTC ISO
    action: Mapped[str] = mapped_column(String(32))
    account: Mapped[str] = mapped_column(String(ACCOUNT_MAX), default="")  # from the token, "" for the platform
    workstation: Mapped[str] = mapped_column(String(WORKSTATION_MAX), default="")
    entity: Mapped[str] = mapped_column(String(32), default="")
    entity_id: Mapped[str] = mapped_column(String(64), default="")
    detail: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON text
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


COLUMNS = ("seq", "at", "action", "account", "workstation", "entity", "entity_id", "detail", "prev_hash", "hash")


def record_hash(seq: int, at: str, action: str, account: str, workstation: str, entity: str, entity_id: str,
                detail: str, prev_hash: str) -> str:
    """SHA-256 over the canonical encoding: the seq, then each text field as its
    length in characters, a colon and the text (so no field can bleed into the
    next whatever it holds), one per line in a fixed order (the detail as its
    stored text), the previous hash last, UTF-8. Cheap enough to check a
    million records in seconds (security.audit_verify_1m_s)."""
    return _sha256(
        f"{seq}\n{len(at)}:{at}\n{len(action)}:{action}\n{len(account)}:{account}\n{len(workstation)}:{workstation}"
        f"\n{len(entity)}:{entity}\n{len(entity_id)}:{entity_id}\n{len(detail)}:{detail}\n{prev_hash}"
        .encode("utf-8", "surrogatepass")).hexdigest()


def row_hash(row: Mapping[str, Any]) -> str:
    return record_hash(row["seq"], row["at"], row["action"], row["account"], row["workstation"], row["entity"],
                       row["entity_id"], row["detail"], row["prev_hash"])


def canonical_detail(detail: Mapping[str, Any] | None) -> str:
    encoded = _DETAIL.encode(dict(detail)) if detail else "{}"
    if len(encoded) > DETAIL_MAX:
        encoded = json.dumps({"truncated": encoded[:DETAIL_MAX - 100]}, ensure_ascii=False, separators=(",", ":"))
    return encoded


def _connection(target: Session | Connection) -> Connection:
    return target.connection() if isinstance(target, Session) else target


def _lock(conn: Connection) -> None:
    """PostgreSQL: the advisory lock until the transaction ends (taken once per
    transaction; SQLite's writer already holds the database lock)."""
    if conn.dialect.name != "postgresql":
        return
    transaction = conn.get_transaction()
    # The transaction object itself (held, so a later one can never be mistaken for it).
    if transaction is not None and conn.info.get("audit_locked") is transaction:
        return
    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_AUDIT_LOCK})
    conn.info["audit_locked"] = transaction


def head(conn: Connection) -> tuple[int, str]:
    """The last record's seq and hash ((0, GENESIS) for an empty log)."""
    row = conn.execute(text("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")).first()
    return (row[0], row[1]) if row is not None else (0, GENESIS)


def _who(target: Session | Connection, principal: Actor | str | None, workstation: str | None) -> tuple[str, str]:
    if principal is None:
        principal = actor_of(target) if isinstance(target, Session) else Actor()
    if isinstance(principal, Actor):
        return principal.account, principal.workstation if workstation is None else workstation
    return principal, workstation or ""


def append(target: Session | Connection, action: str, principal: Actor | str | None = None, entity: str = "",
           entity_id: str = "", detail: Mapping[str, Any] | None = None, *, workstation: str | None = None,
           at: str | None = None) -> int:
    """Appends one record in the caller's transaction; returns its seq. `principal`
    is the account (an Actor, whose workstation comes along, or a name; None: the
    session's actor). `at` defaults to the platform's clock (UTC)."""
    return append_many(target, [(action, entity, entity_id, detail)], principal, workstation=workstation, at=at)[0]


def append_many(target: Session | Connection, records: Iterable[tuple[str, str, str, Mapping[str, Any] | None]],
                principal: Actor | str | None = None, *, workstation: str | None = None,
                at: str | None = None) -> list[int]:
    """(action, entity, entity_id, detail) records by one principal, chained in
    order and inserted in one statement (a bulk apply's thousands of changes)."""
    conn = _connection(target)
    account, station = _who(target, principal, workstation)
    stamp = at or _utc_now()
    _lock(conn)
    seq, prev = head(conn)
    rows = []
    for action, entity, entity_id, detail in records:
        seq += 1
        encoded = canonical_detail(detail)
        digest = record_hash(seq, stamp, action, account, station, entity, entity_id, encoded, prev)
        rows.append({"seq": seq, "at": stamp, "action": action, "account": account, "workstation": station,
                     "entity": entity, "entity_id": entity_id, "detail": encoded, "prev_hash": prev,
                     "hash": digest})
        prev = digest
    pg_bulk.insert_rows(conn, AuditRow.__table__, rows)  # one statement on PostgreSQL
    return [row["seq"] for row in rows]


def _utc_now() -> str:
    from datetime import UTC, datetime

    return datetime.now(UTC).isoformat(timespec="milliseconds")


def in_own_transaction(db, action: str, principal: Actor | str | None, entity: str = "", entity_id: str = "",
                       detail: Mapping[str, Any] | None = None, *, workstation: str | None = None,
                       at: str | None = None) -> int:
    """For what is not itself a write (a log-in, a failed one): a short write
    transaction of its own on `db` (server.db.Database)."""
    with db.write.begin() as conn:
        return append(conn, action, principal, entity, entity_id, detail, workstation=workstation, at=at)
