"""Map figures: nearest resources through the R*Tree (more when the page lands)."""

from __future__ import annotations

import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from offline_cache.database import open_mirror
from services.resources.store import ResourceStore
from tests.benchmarks.fixtures import emit

KINDS = ("team", "supply", "equipment", "shelter", "medical", "expert", "hazard", "protected_target")


def resources(count: int, seed: int = 5) -> list[dict]:
    """Spread over Chongqing municipality; hazards and protected targets are never available."""
    rng = random.Random(seed)
    out = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        out.append({"id": str(uuid.UUID(int=rng.getrandbits(128))), "kind": kind, "name": f"资源{n}",
                    "lat": rng.uniform(28.2, 32.2), "lon": rng.uniform(105.3, 110.2),
                    "available": kind not in ("hazard", "protected_target") and rng.random() < 0.8,
                    "details": {}})
    return out


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def bench_nearest(tmp: Path) -> float:
    mirror = open_mirror(tmp / "map.db")
    try:
        store = ResourceStore(mirror)
        records = resources(100_000)
        for start in range(0, len(records), 10_000):
            store.save_many(records[start:start + 10_000])
        rng = random.Random(11)
        times = []
        for n in range(300):
            lat, lon = rng.uniform(28.5, 32.0), rng.uniform(105.5, 110.0)
            kind = None if n % 3 == 0 else KINDS[n % 6]
            started = time.perf_counter()
            found = store.nearest(lat, lon, kind=kind, limit=10)
            times.append((time.perf_counter() - started) * 1000)
            assert len(found) == 10
        return p95(times[20:])  # after the page cache is warm
    finally:
        mirror.close()


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        emit("map.nearest10_of_100k_p95_ms", bench_nearest(Path(tmp_name)), "ms", "< 10")
