"""Under injected faults, nothing a client acknowledged to its user is lost or
applied twice, and every mirror ends equal to the server (short CI version;
`make soak` runs longer rounds with a fresh seed)."""

from __future__ import annotations

import random
import threading

import pytest

from services.incidents.model import EntryKind
from services.sync import outbox_store
from tests.faultproxy import FaultProxy
from tests.helpers import draft, join_all
from tests.server.live_server import start_live_server
from tests.soak import seed, soak
from tests.sync.livesync import add_users, make_client, mirror_state

ROUNDS = soak(12)


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    yield server
    server.stop()


def work(client, proxy, rng: random.Random, clock, written: list[str], errors: list) -> None:
    try:
        mine: list[str] = []
        for n in range(ROUNDS):
            if not mine or rng.random() < 0.3:
                inc = client.incidents.create_incident(draft(clock, title=f"站点事件{n}"), "x")
                mine.append(inc.id)
            else:
                entry = client.incidents.append_entry(
                    rng.choice(mine), EntryKind.NOTE, f"备注 {rng.random():.9f}", "x"
                )
                written.append(entry.id)
            fault = rng.random()
            if fault < 0.25:
                proxy.cut()
            elif fault < 0.35:
                proxy.reset_after(rng.randrange(0, 400))
            elif fault < 0.45:
                proxy.latency(rng.randrange(10, 80))
            else:
                proxy.restore()
            client.sync()
    except Exception as exc:  # noqa: BLE001 - reported by the test thread
        errors.append(exc)


def test_three_clients_under_random_cuts_converge(tmp_path, live, clock):
    proxies = [FaultProxy(int(live.url.rsplit(":", 1)[1])).start() for _ in range(3)]
    clients = [make_client(tmp_path / f"c{i}.db", [p.url()], clock, site=f"S{i}")
               for i, p in enumerate(proxies)]
    written: list[list[str]] = [[], [], []]
    errors: list = []
    try:
        threads = [
            threading.Thread(target=work, args=(c, p, random.Random(seed(0) + i), clock, written[i], errors))
            for i, (c, p) in enumerate(zip(clients, proxies, strict=True))
        ]
        for t in threads:
            t.start()
        join_all(threads, 180)
        assert not errors
        for p in proxies:
            p.restore()
        for _ in range(3):  # heal: everyone pushes, then everyone pulls the rest
            for c in clients:
                assert c.sync(), c.engine.status.last_error
        for c in clients:
            assert outbox_store.count_by_state(c.mirror).get("queued", 0) == 0
            assert outbox_store.count_by_state(c.mirror).get("rejected", 0) == 0
        fresh = make_client(tmp_path / "fresh.db", [live.url], clock, site="F")
        try:
            assert fresh.sync()
            server_state = mirror_state(fresh)
        finally:
            fresh.close()
        for c in clients:
            assert mirror_state(c) == server_state
        entries = server_state[1]
        for ids in written:
            assert all(entry_id in entries for entry_id in ids)  # nothing lost
        bodies = [v[2] for v in entries.values() if v[1] == "note"]
        assert len(bodies) == len(set(bodies))  # nothing twice
    finally:
        for c in clients:
            c.close()
        for p in proxies:
            p.stop()
