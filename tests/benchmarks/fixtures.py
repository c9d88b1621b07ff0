"""What every benchmark shares: emitting a figure, the one p95, failing loudly,
and the benchmark mirrors (generated once per size and cached under var/bench/)."""

from __future__ import annotations

import json
import math
import shutil
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from offline_cache.database import head_revision, open_mirror
from services.demo_data import GENERATOR_VERSION, DemoGenerator
from services.incidents.bulk import load_batch, raise_code_counters
from services.incidents.taxonomy import load_taxonomy

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
    key = f"mirror-{incidents}-{entries_per_incident:g}-{head_revision()}-g{GENERATOR_VERSION}.db"
    path = CACHE / key
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
        p.unlink(missing_ok=True)
    mirror = open_mirror(tmp)
    gen = DemoGenerator(load_taxonomy(), seed=7)
    top: dict[int, int] = {}
    done = 0
    for batch in gen.batches(incidents, NOW, span=timedelta(days=365 * 3),
                             entries_per_incident=entries_per_incident, exercise_share=0.03,
                             batch_size=5000):
        load_batch(mirror, batch.incidents, batch.entries)
        for year, n in gen.code_counters(batch).items():
            top[year] = max(top.get(year, 0), n)
        done += len(batch.incidents)
        print(f"[bench] building mirror: {done}/{incidents} incidents", file=sys.stderr, flush=True)
    raise_code_counters(mirror, "CQ", top)
    mirror.set_meta([("demo", "bench")])
    with mirror.engine.connect() as con:
        con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    mirror.close()
    shutil.move(tmp, path)
    for leftover in (Path(str(tmp) + ".clean"), Path(str(tmp) + ".lock")):
        leftover.unlink(missing_ok=True)
    open_mirror(path).close()  # checked once under its own name, as a workstation leaves it at close
    return path
