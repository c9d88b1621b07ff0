"""PostgreSQL's LISTEN/NOTIFY wakes a replica's event streams with the seq the
NOTIFY carries: many streams woken at once cost no query each (the figure is
`scale.propagation_500_listeners_p95_ms`), and a change that came without a
NOTIFY is still found by the one safety-net poll per interval."""

from __future__ import annotations

import asyncio
import uuid

from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from server.change_notifier import CHANNEL, PgListenNotifier
from server.db import open_database

STREAMS = 50


def notifier_on(postgres, interval: float) -> tuple[PgListenNotifier, str, list[int]]:
    url = postgres.create_database("ln_" + uuid.uuid4().hex[:8])
    notifier = PgListenNotifier(open_database(url), url, interval=interval)
    queries: list[int] = []
    polled = notifier._latest_sync

    def counted() -> int:
        queries.append(1)
        return polled()

    notifier._latest_sync = counted  # type: ignore[method-assign]
    return notifier, url, queries


def owner_execute(url: str, sql: str) -> None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as con:
            con.execute(text(sql))
    finally:
        engine.dispose()


async def notify_until_done(url: str, waiting: asyncio.Future, seq: int) -> None:
    """NOTIFY `seq` every 0.1 s until the waiters return (the LISTEN connection is
    made by the first wait: a NOTIFY before it would be missed, as in production)."""
    for _ in range(100):
        if waiting.done():
            return
        await asyncio.to_thread(owner_execute, url, f"SELECT pg_notify('{CHANNEL}', '{seq}')")
        await asyncio.sleep(0.1)


def test_many_streams_woken_by_one_notify_take_its_seq_without_a_query_each(postgres):
    notifier, url, queries = notifier_on(postgres, interval=30)  # the poll out of the way

    async def run() -> list[int]:
        waiting = asyncio.gather(*(notifier.wait_after(0, 10) for _ in range(STREAMS)))
        await notify_until_done(url, waiting, 7)
        return await waiting

    try:
        # 7: the NOTIFY's seq, not the database's (which has no change at all).
        assert asyncio.run(run()) == [7] * STREAMS
        assert len(queries) <= 2, f"{len(queries)} queries for {STREAMS} streams"
    finally:
        notifier.close()
        notifier.db.dispose()


def test_a_change_without_a_notify_is_found_by_the_poll(postgres):
    notifier, url, queries = notifier_on(postgres, interval=0.3)
    owner_execute(url, "INSERT INTO changes (entity, entity_id, at) VALUES ('incident', 'x', '2026-11-22')")

    async def run() -> list[int]:
        return list(await asyncio.gather(*(notifier.wait_after(0, 5) for _ in range(STREAMS))))

    try:
        assert asyncio.run(run()) == [1] * STREAMS
        assert len(queries) <= 3, f"{len(queries)} queries for {STREAMS} streams"  # once per interval, not each
    finally:
        notifier.close()
        notifier.db.dispose()
