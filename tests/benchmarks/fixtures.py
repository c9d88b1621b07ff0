"""What every benchmark shares: emitting a figure, the one p95, failing loudly,
and the benchmark mirrors (generated once per size and cached under var/bench/)."""

from __future__ import annotations

import json
import math
import shutil
import sys
from datetime import UTC, datetime
from pathlib import Path

from offline_cache.database import head_revision
from services.demo_data import GENERATOR_VERSION
from tests.benchmarks.mirror_build import build_mirror

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "var" / "bench"
NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


class BenchmarkFailed(RuntimeError):
    """The run did not do what its figure claims (a lost acknowledgement, a tile that
    never went live, a failed request): no figure, the run stops."""


def require(condition: object, message: str) -> None:
    """Raises BenchmarkFailed unless `condition` holds (not an assert: never optimised away)."""
    if not condition:
        raise BenchmarkFailed(message)


def p95(values: list[float]) -> float:
    """The 95th percentile by nearest rank: the smallest value that at least 95 % of
    the samples do not exceed (one of the samples, never an interpolation). The one
    formula of every benchmark."""
    require(values, "p95 of no samples")
    ordered = sorted(values)
    return ordered[math.ceil(0.95 * len(ordered)) - 1]


def emit(name: str, value: float, unit: str, budget: str | None) -> None:
    """One JSON object per figure on stdout, as `make bench` promises."""
    require(math.isfinite(value), f"{name}: not a number ({value})")
    print(json.dumps({"name": name, "value": round(value, 3), "unit": unit, "budget": budget},
                     ensure_ascii=False), flush=True)


def bench_mirror_path(incidents: int, entries_per_incident: float) -> Path:
    """The cached mirror of that size, built once (tests/benchmarks/mirror_build.py:
    27 minutes for 1,000,000 incidents on a shared 2-core machine) under a name
    keyed on the mirror's schema head and the generator, so a migration or a new
    generator builds anew."""
    key = f"mirror-{incidents}-{entries_per_incident:g}-{head_revision()}-g{GENERATOR_VERSION}.db"
    path = CACHE / key
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for p in (tmp, *(Path(str(tmp) + extra) for extra in ("-wal", "-shm", "-journal", ".clean", ".lock"))):
        p.unlink(missing_ok=True)
    times = build_mirror(tmp, incidents, entries_per_incident, NOW,
                         progress=lambda line: print(f"[bench] building {key}: {line}", file=sys.stderr, flush=True))
    shutil.move(tmp, path)
    # The clean-close marker names the file: it moves with it (same size and mtime).
    Path(str(tmp) + ".clean").rename(Path(str(path) + ".clean"))
    Path(str(tmp) + ".lock").unlink(missing_ok=True)
    print(f"[bench] built {key} in {times['total_s']:.0f} s ({times})", file=sys.stderr, flush=True)
    return path
