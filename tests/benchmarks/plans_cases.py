"""相似案例 figure, part of `make bench ONLY=plans`:

- plans.similar_cases_p95_ms: the ten most similar closed incidents of one
  incident on the 100,000-incident bench mirror, from the call to the list
  (candidates, scores, 终报 and closing times), p95 over 60 different
  incidents of every type, each required to give ten of the same type (and
  most of them with their 终报 and duration)."""

from __future__ import annotations

import random
import time

from offline_cache.database import open_mirror
from services.cases.finder import CaseFinder
from services.cases.model import Reason
from tests.benchmarks.fixtures import bench_mirror_path, emit, p95, require

INCIDENTS, ENTRIES_PER_INCIDENT, SAMPLES = 100_000, 10, 60


def _sample(mirror) -> list[str]:
    """Incidents of every type, open and closed, old and new: a fixed, spread sample."""
    with mirror.read() as s:
        rows = s.connection().exec_driver_sql("SELECT id, type_code FROM incidents ORDER BY pk").all()
    rng = random.Random(15)
    by_type: dict[str, list[str]] = {}
    for incident_id, type_code in rows:
        by_type.setdefault(type_code, []).append(incident_id)
    chosen = [rng.choice(ids) for ids in by_type.values()]  # the rare types too
    chosen += rng.sample([r[0] for r in rows], SAMPLES - len(chosen))
    return chosen


def run_cases() -> None:
    mirror = open_mirror(bench_mirror_path(INCIDENTS, ENTRIES_PER_INCIDENT))
    try:
        finder = CaseFinder(mirror)
        sample = _sample(mirror)
        require(len(set(sample)) >= 50, "fewer than 50 different incidents sampled")
        finder.similar(sample[0])  # the first read warms the page cache, as a running workstation has it
        times, with_final = [], 0
        for incident_id in sample:
            started = time.perf_counter()
            found = finder.similar(incident_id)
            times.append((time.perf_counter() - started) * 1000)
            require(len(found) == 10, f"{incident_id}: {len(found)} similar cases, not ten")
            require(all(Reason.SAME_TYPE in c.reasons for c in found), f"{incident_id}: a case of another type")
            require(all(c.incident_id != incident_id for c in found), f"{incident_id}: found itself")
            with_final += sum(1 for c in found if c.final_report and c.duration is not None)
        # About four in five closed incidents of the bench mirror have a 终报: the cases must show theirs.
        require(with_final >= 5 * len(sample), f"only {with_final} of {10 * len(sample)} cases with their 终报")
        emit("plans.similar_cases_p95_ms", p95(times), "ms", "< 100")
    finally:
        mirror.close()
