"""Resources travel like incidents: saved on one workstation, in every mirror
after a sync; concurrent edits of different fields both survive; a new mirror
gets them from the snapshot."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from services.resources.store import ResourceStore
from tests.helpers import resource_record as record
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(server)
    yield server
    server.stop()


def state(client) -> dict:
    store = ResourceStore(client.mirror)
    return {p.id: (p.kind, p.name, round(p.lat, 6), round(p.lon, 6), p.available, p.phone, p.details)
            for p in store.points()}


def test_resources_reach_every_mirror_and_merge_by_field(tmp_path, live, clock):
    a = make_client(tmp_path / "a.db", [live.url], clock, site="A")
    b = make_client(tmp_path / "b.db", [live.url], clock, site="B")
    try:
        rng = random.Random(9)
        records = [record(rng, n) for n in range(30)]
        ResourceStore(a.mirror, clock=clock).save_many(records)
        assert a.sync() and b.sync()
        assert state(b) == state(a) and len(state(b)) == 30
        assert all(not p.pending_sync for p in ResourceStore(b.mirror).points())

        target = records[0]
        clock.advance(timedelta(minutes=1))
        ResourceStore(a.mirror, clock=clock).save_many([{**target, "phone": "023-12345678"}])
        clock.advance(timedelta(minutes=1))
        ResourceStore(b.mirror, clock=clock).save_many([{**target, "lat": 29.7, "lon": 106.6}])
        assert a.sync() and b.sync() and a.sync()
        assert state(a) == state(b)
        merged = ResourceStore(a.mirror).get(target["id"])
        assert (merged.phone, merged.lat, merged.lon) == ("023-12345678", 29.7, 106.6)

        c = make_client(tmp_path / "c.db", [live.url], clock, site="C")
        try:
            assert c.sync()  # bootstrap through the snapshot
            assert state(c) == state(a)
        finally:
            c.close()
    finally:
        a.close()
        b.close()
