"""The load generator itself, small: writers on two replicas of one PostgreSQL
database, listeners on both, one replica killed (-9) in the middle. The
writers that were on it fail over to the other and send the same op_ids
again; on the database every acknowledged op's record exists exactly once,
and the surviving replica's listeners are told the last write. And a real
workstation with both replicas as its endpoints carries on when one dies."""

from __future__ import annotations

import asyncio
import time

import httpx

from tests.helpers import draft
from tests.load import generator as load
from tests.load.platform import (
    accounts,
    count_on_database,
    create_accounts,
    fresh_database,
    kill_hard,
    replicas,
)
from tests.sync.livesync import make_client

WRITERS, BATCHES, OPS = 4, 6, 20


def test_a_replica_killed_mid_load_loses_and_duplicates_nothing(postgres, tmp_path):
    db = fresh_database(postgres, "load")
    writers, watchers = accounts("w", WRITERS), accounts("l", 1)
    create_accounts(db, writers + watchers)
    with replicas(db, 2, tmp_path) as (a, b):
        tally = asyncio.run(drive(a, b, writers, watchers[0]))
    lost, duplicates = count_on_database(db, tally.acknowledged)
    assert len(tally.acknowledged) == WRITERS * BATCHES * OPS + 1  # and the last one, listened for
    assert (lost, duplicates) == (0, 0)
    assert tally.failovers >= WRITERS // 2  # every writer that was on A moved to B
    assert tally.sent_again  # and sent a batch again under its op_ids


async def drive(a, b, writers: list[load.Account], watcher: load.Account) -> load.Tally:
    tally = load.Tally()
    async with load.client(64) as http:
        deadline = time.monotonic() + 120  # the load stops by itself
        headers = {url: await load.login(http, url, watcher, deadline) for url in (a.url, b.url)}
        listeners, tasks = await load.listen_all(http, [(a.url, headers[a.url]), (a.url, headers[a.url]),
                                                        (b.url, headers[b.url]), (b.url, headers[b.url])], 30)
        try:
            # Half the writers start on A, half on B; each knows both (as a client's config does).
            team = [load.Writer(http, [a.url, b.url] if n % 2 == 0 else [b.url, a.url], account, f"S{n:02d}",
                                tally, deadline) for n, account in enumerate(writers)]  # fmt: skip
            half = asyncio.Event()

            async def write(writer: load.Writer) -> None:
                for k in range(BATCHES):
                    if k == BATCHES // 2:
                        await half.wait()  # the second half goes after A is gone: it must fail over
                    await writer.send(load.incident_batch(writer.site, k + 1, OPS))

            work = [asyncio.create_task(write(w)) for w in team]
            while tally.batches < WRITERS * BATCHES // 2:
                await asyncio.sleep(0.01)
            await asyncio.to_thread(kill_hard, a)
            half.set()
            await asyncio.wait_for(asyncio.gather(*work), 90)
            last = (await team[0].send(load.incident_batch("S99", 1, 1)))[-1]["seq"]
            await load.until_told(listeners[2:], last, 10)  # B's streams, told of B's writes and A's
            assert all(x.heard for x in listeners[:2])  # A's streams were open before it died
        finally:
            await load.stop(tasks)
    return tally



def test_a_workstation_with_both_replicas_as_endpoints_carries_on_when_one_dies(postgres, tmp_path, clock):
    """The real client (its sync engine, its outbox), not the load generator."""
    db = fresh_database(postgres, "ends")
    create_accounts(db, [load.Account("duty", "duty-pw", "")])
    with replicas(db, 2, tmp_path) as (a, b):
        client = make_client(tmp_path / "ws.db", [a.url, b.url], clock)
        try:
            first = client.incidents.create_incident(draft(clock, title="主用"), "duty")
            assert client.sync() and client.engine.status.endpoint == a.url
            kill_hard(a)
            second = client.incidents.create_incident(draft(clock, title="备用"), "duty")
            assert client.sync(), client.engine.status.last_error
            assert client.engine.status.endpoint == b.url
            feed = httpx.get(b.url + "/api/v1/changes", params={"after": 0},
                             headers=asyncio.run(_headers(b.url))).json()
            assert {first.id, second.id} <= {c["entity_id"] for c in feed["changes"]}
        finally:
            client.close()


async def _headers(url: str) -> dict[str, str]:
    async with load.client(1) as http:
        return await load.login(http, url, load.Account("duty", "duty-pw", "check"), time.monotonic() + 30)
