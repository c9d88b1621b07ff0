"""An online tile server on loopback: tiles cached as viewed, a dead host not
waited on, regions pre-seeded with an estimate and progress."""

from __future__ import annotations

import time

import pytest

from offline_cache.tiles import TileStore
from services.maps.online import OnlineSource, TileSourceConfig, tiles_in
from services.maps.tile_library import TileLibrary
from tests.helpers import CHONGQING, TileServer
from tests.pg import free_port


@pytest.fixture
def server():
    s = TileServer()
    yield s
    s.stop()


def source(tmp_path, url: str) -> OnlineSource:
    cache = TileStore(tmp_path / "cache.mbtiles", writable=True, metadata={"format": "png"})
    return OnlineSource(TileSourceConfig("city", url), cache)


def test_tiles_are_cached_as_they_are_viewed(tmp_path, server):
    online = source(tmp_path, server.url())
    first = online.fetch(12, 3245, 1700)
    assert first.startswith(b"tile /t/12/3245/1700.png")
    assert online.cached(12, 3245, 1700) == first and len(server.hits) == 1


def test_a_dead_host_is_not_waited_on(tmp_path):
    online = source(tmp_path, f"http://127.0.0.1:{free_port()}/{{z}}/{{x}}/{{y}}.png")
    assert online.fetch(1, 0, 0) is None
    started = time.monotonic()
    assert [online.fetch(1, 1, n) for n in range(20)] == [None] * 20
    assert time.monotonic() - started < 0.05  # remembered as down, nothing asked


def test_a_failing_server_is_left_alone_for_a_while(tmp_path, server):
    server.broken = True
    online = source(tmp_path, server.url())
    assert online.fetch(3, 1, 1) is None and online.fetch(3, 1, 2) is None
    assert len(server.hits) == 1


def test_seeding_a_region_estimates_reports_progress_and_fills_the_cache(tmp_path, server):
    online = source(tmp_path, server.url())
    count, size = online.estimate(CHONGQING, 8, 11)
    assert count == len(list(tiles_in(CHONGQING, 8, 11))) and size == count * 15_000
    seen = []
    fetched, failed = online.seed(CHONGQING, 8, 11, progress=lambda d, t: seen.append((d, t)))
    assert (fetched, failed) == (count, 0) and seen[-1] == (count, count)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    again = online.seed(CHONGQING, 8, 11)
    assert again == (0, 0) and len(server.hits) == count  # nothing downloaded twice
    assert online.estimate(CHONGQING, 8, 8)[1] == online.estimate(CHONGQING, 8, 8)[0] * 800


def test_seeding_can_be_cancelled(tmp_path, server):
    online = source(tmp_path, server.url())
    fetched, _ = online.seed(CHONGQING, 10, 13, cancelled=lambda: len(server.hits) > 20)
    assert fetched < online.estimate(CHONGQING, 10, 13)[0]


def test_the_library_answers_a_miss_later_and_a_hit_at_once(tmp_path, server):
    library = TileLibrary(tmp_path / "tiles")
    library.add_online(TileSourceConfig("city", server.url()))
    later = library.provide("city", 9, 400, 200)
    assert later.result(5).startswith(b"tile /t/9/400/200.png")
    data, mime = library.provide("city", 9, 400, 200)
    assert data == later.result() and mime == "image/png"
    assert "city" in library.names
