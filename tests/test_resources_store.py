"""Resources in the mirror: saving with outbox operations, nearest-available
through the R*Tree (checked against brute force), areas, counts."""

from __future__ import annotations

import random

import pytest

from services.events import RecordsChanged
from services.geo.distance import haversine_m
from services.resources.store import ResourceStore, inside
from services.sync import outbox_store
from tests.helpers import RESOURCE_KINDS as KINDS
from tests.helpers import resource_record as record


@pytest.fixture
def store(mirror, events, clock):
    return ResourceStore(mirror, events, clock)


def test_nearest_available_equals_brute_force(store):
    rng = random.Random(3)
    records = [record(rng, n) for n in range(3000)]
    assert store.save_many(records) == (3000, 0)
    for _ in range(25):
        lat, lon = rng.uniform(29.0, 30.5), rng.uniform(105.5, 108.5)
        kind = rng.choice([None, *KINDS])
        got = store.nearest(lat, lon, kind=kind, limit=10)
        expected = sorted(
            (haversine_m(lat, lon, r["lat"], r["lon"]), r["id"]) for r in records
            if r["available"] and (kind is None or r["kind"] == kind))[:10]
        assert [p.id for p, _ in got] == [rid for _, rid in expected]
        assert [round(d) for _, d in got] == [round(d) for d, _ in expected]


def test_far_away_and_empty_cases(store):
    assert store.nearest(29.5, 106.5) == []
    rng = random.Random(1)
    store.save_many([record(rng, 0, lat=45.0, lon=126.6, available=True)])  # Harbin
    [(point, metres)] = store.nearest(29.56, 106.55, limit=5)
    assert 2_350_000 < metres < 2_550_000  # Chongqing to Harbin, about 2,450 km
    assert point.lat == 45.0


def test_saving_queues_operations_and_publishes_one_event(store, mirror, events):
    seen = []
    events.subscribe(seen.append)
    rng = random.Random(2)
    records = [record(rng, n) for n in range(5)]
    store.save_many(records)
    assert outbox_store.count_by_state(mirror) == {"queued": 5}
    assert store.save_many(records) == (0, 0)  # the same import again changes nothing
    moved = {**records[0], "lat": 29.9}
    assert store.save_many([moved]) == (0, 1)
    ops = outbox_store.next_batch(mirror, 10)
    assert [o.op for o in ops] == ["create"] * 5 + ["update"]
    assert ops[-1].payload == {"fields": {"lat": 29.9}}
    assert [type(e) for e in seen] == [RecordsChanged, RecordsChanged]
    assert store.get(records[0]["id"]).lat == 29.9


def test_polygon_and_counts(store):
    rng = random.Random(4)
    store.save_many([record(rng, n) for n in range(400)])
    square = [(29.4, 106.3), (29.4, 106.8), (29.8, 106.8), (29.8, 106.3)]
    got = store.within_polygon(square)
    assert got and all(29.4 <= p.lat <= 29.8 and 106.3 <= p.lon <= 106.8 for p in got)
    everything = store.points()
    assert {p.id for p in got} == {p.id for p in everything if inside(p.lat, p.lon, square)}
    counts = store.counts()
    assert sum(total for total, _ in counts.values()) == 400
    assert all(avail <= total for total, avail in counts.values())
    assert sum(avail for _, avail in counts.values()) == sum(p.available for p in everything)
    assert store.search("资源12")[0].name.startswith("资源12")
