"""The platform the load runs against: replicas (`python -m server.main`, as
deployed) on one PostgreSQL database sharing one token key, the accounts the
load logs in as, and the count on the database after a load: every acknowledged
op's record exists, and exactly once."""

from __future__ import annotations

import os
import resource
import secrets
import signal
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import bindparam, create_engine, text
from sqlalchemy.pool import NullPool

from tests.load.generator import Account
from tests.server.process_server import ServerProcess, start_server_process

TABLES = {"incident": "incidents", "entry": "entries"}


def enough_files(wanted: int) -> int:
    """Raises this process's open-file limit to `wanted` (up to the hard limit): 500
    streams are 500 sockets here, and the replicas started from here inherit it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < wanted:
        target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        soft = target
    return soft


def create_accounts(db_url: str, accounts: list[Account], role: str = "duty_officer") -> None:
    """All in one process (a `--create-user` process each would take a minute for
    fifty); accounts sharing a password share its hash, made once (argon2 is slow
    on purpose, and log-ins are not what is measured)."""
    from sqlalchemy.orm import Session

    from server import auth
    from server.db import UserRow, open_database

    db = open_database(db_url)
    hashes: dict[str, str] = {}
    try:
        with Session(db.write) as s, s.begin():
            for account in accounts:
                if account.password not in hashes:
                    hashes[account.password] = auth.create_user(s, account.username, account.password,
                                                                role).password_hash
                    continue
                s.add(UserRow(username=account.username, password_hash=hashes[account.password], role=role,
                              active=True, token_version=1))
    finally:
        db.dispose()


def accounts(prefix: str, count: int, password: str = "load-test-password") -> list[Account]:
    return [Account(f"{prefix}{n:03d}", password, f"{prefix}-ws-{n:03d}") for n in range(count)]


@contextmanager
def replicas(db_url: str, count: int, folder: Path) -> Iterator[list[ServerProcess]]:
    """`count` replicas on `db_url` sharing the token and audit keys (made here first,
    so the replicas can start at once without racing to make them), logs in `folder`."""
    from server.audit_sign import load_signer
    from server.private_files import create_private

    key, audit_key = folder / "token.key", folder / "audit.key"
    create_private(key, secrets.token_urlsafe(48).encode("ascii") + b"\n")
    load_signer(db_url, audit_key)
    with ThreadPoolExecutor(count) as pool:
        starting = [pool.submit(start_server_process, db_url, log=folder / f"replica{n}.log", key_file=key,
                                extra=("--audit-key-file", str(audit_key))) for n in range(count)]
    started = [f.result() for f in starting if f.exception() is None]
    try:
        if len(started) < count:
            raise RuntimeError(f"{count - len(started)} of {count} replicas did not start (logs in {folder})")
        yield started
    finally:
        for server in started:
            if server.proc.poll() is None:
                server.stop()


def kill_hard(server: ServerProcess) -> None:
    """kill -9: no shutdown, requests in flight cut, its transactions left to PostgreSQL."""
    os.kill(server.proc.pid, signal.SIGKILL)
    server.proc.wait(10)


def fresh_database(postgres, prefix: str) -> str:
    return postgres.create_database(f"{prefix}_{uuid.uuid4().hex[:8]}")


def count_on_database(db_url: str, acknowledged: dict[str, tuple[str, str, str]]) -> tuple[int, int]:
    """(lost, duplicates) among the acknowledged ops, counted as the database's owner:
    lost = an op not in applied_ops as applied, or its record missing; duplicates = a
    record announced in the feed more than once (each op here makes one change)."""
    engine = create_engine(db_url, poolclass=NullPool)
    lost = duplicates = 0
    ops = list(acknowledged.items())
    try:
        with engine.connect() as con:
            for start in range(0, len(ops), 5000):
                chunk = ops[start:start + 5000]
                ids = [op_id for op_id, _ in chunk]
                applied = set(con.execute(text("SELECT op_id FROM applied_ops WHERE status = 'applied' "
                                               "AND op_id IN :ids").bindparams(bindparam("ids", expanding=True)),
                                          {"ids": ids}).scalars())
                lost += sum(op_id not in applied for op_id in ids)
                for entity, table in TABLES.items():
                    records = [rid for _, (e, rid, _s) in chunk if e == entity]
                    if not records:
                        continue
                    found = set(con.execute(text(f"SELECT id FROM {table} WHERE id IN :ids").bindparams(  # noqa: S608 - fixed names
                        bindparam("ids", expanding=True)), {"ids": records}).scalars())
                    lost += sum(rid not in found for rid in records)
                    duplicates += con.execute(text(
                        "SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM changes "
                        "WHERE entity = :entity AND entity_id IN :ids GROUP BY entity_id) AS c").bindparams(
                        bindparam("ids", expanding=True)), {"entity": entity, "ids": records}).scalar_one()
    finally:
        engine.dispose()
    return lost, int(duplicates)


def latest_seq(db_url: str) -> int:
    engine = create_engine(db_url, poolclass=NullPool)
    try:
        with engine.connect() as con:
            return int(con.execute(text("SELECT coalesce(max(seq), 0) FROM changes")).scalar_one())
    finally:
        engine.dispose()
