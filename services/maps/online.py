"""An online tile server (天地图, or the EGIS service on the secure network) with
its tiles cached in an MBTiles file as they are viewed, and regions pre-seeded
while the link is up so the map still works after it drops.

A host that fails is left alone for a while, so an offline map asks the cache
only and never waits on the network."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import httpx

from offline_cache.tiles import TileStore

MAX_TILE_BYTES = 1_000_000
TIMEOUT_S = 5.0
BACKOFF_S = 30.0  # after a failure, the host is not asked again for this long
DEFAULT_TILE_BYTES = 15_000
MAX_SEED_TILES = 200_000


@dataclass(frozen=True)
class TileSourceConfig:
    name: str
    url: str  # with {z} {x} {y} and optionally {s}
    datum: str = "WGS84"
    max_zoom: int = 18
    subdomains: tuple[str, ...] = ()
    attribution: str = ""


def tile_range(south: float, west: float, north: float, east: float, z: int) -> tuple[int, int, int, int]:
    """(x0, x1, y0, y1) of the XYZ tiles covering the box at zoom z (Web Mercator)."""
    def to_xy(lat: float, lon: float) -> tuple[int, int]:
        lat = max(min(lat, 85.0511), -85.0511)
        n = 1 << z
        x = int((lon + 180.0) / 360.0 * n)
        y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
        return min(max(x, 0), n - 1), min(max(y, 0), n - 1)

    x0, y0 = to_xy(north, west)
    x1, y1 = to_xy(south, east)
    return x0, x1, y0, y1


def tiles_in(box: tuple[float, float, float, float], zmin: int, zmax: int) -> Iterator[tuple[int, int, int]]:
    for z in range(zmin, zmax + 1):
        x0, x1, y0, y1 = tile_range(*box, z)
        for x in range(x0, x1 + 1):
            for y in range(y0, y1 + 1):
                yield z, x, y


class OnlineSource:
    def __init__(self, config: TileSourceConfig, cache: TileStore, client: httpx.Client | None = None):
        self.config = config
        self.cache = cache
        self._client = client or httpx.Client(timeout=TIMEOUT_S, follow_redirects=True)
        self._down_until = 0.0
        self._pool = ThreadPoolExecutor(4, thread_name_prefix=f"tiles-{config.name}")
        self._lock = threading.Lock()

    def cached(self, z: int, x: int, y: int) -> bytes | None:
        return self.cache.get(z, x, y)

    def fetch(self, z: int, x: int, y: int) -> bytes | None:
        """From the server, stored in the cache; None (quickly) when the host is down."""
        if time.monotonic() < self._down_until or z > self.config.max_zoom:
            return None
        url = self.config.url.format(z=z, x=x, y=y, s=self._subdomain(x, y))
        status, data = 0, b""
        try:
            response = self._client.get(url)
            status, data = response.status_code, response.content
            ok = status == 200 and response.headers.get("content-type", "").startswith("image/") \
                and 0 < len(data) <= MAX_TILE_BYTES
        except httpx.HTTPError:
            ok = False
        if not ok:
            if status == 0 or status >= 500:  # the host is the problem, not this tile
                self._down_until = time.monotonic() + BACKOFF_S
            return None
        self.cache.put_many([(z, x, y, data)])
        return data

    def fetch_later(self, z: int, x: int, y: int) -> Future:
        return self._pool.submit(self.fetch, z, x, y)

    def estimate(self, box, zmin: int, zmax: int) -> tuple[int, int]:
        """(tiles, bytes) a pre-seed of the box would download at most."""
        count = 0
        for z in range(zmin, zmax + 1):
            x0, x1, y0, y1 = tile_range(*box, z)
            count += (x1 - x0 + 1) * (y1 - y0 + 1)
        average = self.cache.average_tile_bytes() or DEFAULT_TILE_BYTES
        return count, int(count * average)

    def seed(self, box, zmin: int, zmax: int, progress: Callable[[int, int], None] | None = None,
             cancelled: Callable[[], bool] = lambda: False) -> tuple[int, int]:
        """Downloads the missing tiles of the box; returns (fetched, failed)."""
        total, _ = self.estimate(box, zmin, zmax)
        if total > MAX_SEED_TILES:
            raise ValueError(f"{total} tiles: choose a smaller area or fewer zoom levels")
        fetched = failed = done = 0
        pending: list[Future] = []
        for z, x, y in tiles_in(box, zmin, zmax):
            if cancelled():
                break
            if self.cache.get(z, x, y) is None:
                pending.append(self._pool.submit(self.fetch, z, x, y))
            else:
                done += 1
            if len(pending) >= 16 or done % 64 == 0:
                for future in pending:
                    if future.result() is None:
                        failed += 1
                    else:
                        fetched += 1
                    done += 1
                pending = []
                if progress is not None:
                    progress(done, total)
        for future in pending:
            fetched, failed = (fetched + 1, failed) if future.result() is not None else (fetched, failed + 1)
            done += 1
        if progress is not None:
            progress(done, total)
        return fetched, failed

    def _subdomain(self, x: int, y: int) -> str:
        subs = self.config.subdomains
        return subs[(x + y) % len(subs)] if subs else ""

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._client.close()
