"""The platform the load runs against: replicas (`python -m server.main`, as
deployed) on one PostgreSQL database sharing one token key, the accounts the
load logs in as, and the count on the database after a load: every acknowledged
op's record exists, and exactly once."""

from __future__ import annotations

import os
import resource
import signal
import uuid
from collections.abc import Iterator
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
    """All in one process (a `--create-user` process each would take a minute for fifty)."""
    from server.app import add_user
    from server.db import open_database

    db = open_database(db_url)
    try:
        for account in accounts:
            add_user(db, account.username, account.password, role)
    finally:
        db.dispose()


def accounts(prefix: str, count: int, password: str = "load-test-password") -> list[Account]:
    return [Account(f"{prefix}{n:03d}", password, f"{prefix}-ws-{n:03d}") for n in range(count)]


@contextmanager
def replicas(db_url: str, count: int, folder: Path) -> Iterator[list[ServerProcess]]:
    """`count` replicas on `db_url`, one token key, each one's log in `folder`."""
    key = folder / "token.key"
    started: list[ServerProcess] = []
    try:
        for n in range(count):
            started.append(start_server_process(db_url, log=folder / f"replica{n}.log", key_file=key,
                                                extra=("--audit-key-file", str(folder / "audit.key"))))
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
