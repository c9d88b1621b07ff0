"""Benchmark mirrors: generated once per size and cached under var/bench/."""

from __future__ import annotations

import json
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


def emit(name: str, value: float, unit: str, budget: str | None) -> None:
    """One JSON object per figure on stdout, as `make bench` promises."""
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
    return path
