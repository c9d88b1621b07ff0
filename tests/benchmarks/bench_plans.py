"""`make bench ONLY=plans`: proposing plans and a level for an incident with 500
plans in the library (plans.match_ms < 50): the incident read from the mirror,
the library's rules (read again only after a plan changed) and every applying
plan's levels evaluated. 250 plans apply to the incident's type, the rest are
spread over the taxonomy; the first proposal after a change is counted apart
(plans.match_after_change_ms) because it reads the library again.

The checklist slice adds plans.step_visible_p95_ms and plans.checklist_paint_ms
through tests/benchmarks/plans_checklist.py: run_checklist(), called from run().

The case slice adds its figures through tests/benchmarks/plans_cases.py:
run_cases(), called from run() when that module exists."""

from __future__ import annotations

import copy
import tempfile
import time
import uuid
from pathlib import Path

from offline_cache.database import open_mirror
from services.clock import ManualClock
from services.incidents.deadlines import load_rules
from services.incidents.model import Casualties, Category, IncidentDraft, Severity
from services.incidents.service import IncidentService
from services.incidents.taxonomy import load_taxonomy
from services.plans.files import example_plans
from services.plans.store import PlanStore
from tests.benchmarks.fixtures import NOW, emit, p95, require
from tests.benchmarks.plans_cases import run_cases
from tests.benchmarks.plans_checklist import run_checklist

PLANS = 500
ROUNDS = 200


def library(taxonomy) -> list[dict]:
    flood, chem = (next(p for p in example_plans() if t in p["types"]) for t in ("flood", "hazardous_chemicals"))
    types = [t.code for c in taxonomy.categories for t in c.types]
    plans = []
    for n in range(PLANS):
        plan = copy.deepcopy(flood if n % 2 == 0 else chem)
        plan.update(id=str(uuid.UUID(int=n + 1)), title=f"{plan['title']} 第{n}号", example=False)
        if n % 2:
            plan["types"] = [types[n % len(types)]]
            plan["categories"] = [str(taxonomy.type(types[n % len(types)]).category)]
        plans.append(plan)
    return plans


def bench_match(tmp: Path) -> tuple[float, float]:
    clock = ManualClock(NOW)
    mirror = open_mirror(tmp / "plans.db")
    try:
        taxonomy = load_taxonomy()
        incidents = IncidentService(mirror, taxonomy, load_rules(), site_code="CQ", clock=clock)
        plans = PlanStore(mirror, clock=clock)
        plans.save_many(library(taxonomy), share=False)
        require(plans.count() == PLANS, "the library was not filled")
        ids = [incidents.create_incident(IncidentDraft(
            id=str(uuid.uuid4()), title=f"渝北区道路积水{n}", category=Category.NATURAL, type_code="flood",
            severity=Severity.IV, occurred_at=NOW, casualties=Casualties(deaths=n % 12, trapped=n % 120)),
            "值班员").id for n in range(20)]
        warm, cold = [], []
        for n in range(ROUNDS):
            if n % 20 == 0:  # a plan changed: the next proposal reads the library again
                changed = copy.deepcopy(library(taxonomy)[n])
                changed["issuer"] = f"修订{n}"
                plans.save_many([changed], share=False)
            start = time.perf_counter()
            proposals = plans.propose(incidents.get(ids[n % len(ids)]))
            elapsed = (time.perf_counter() - start) * 1000
            (cold if n % 20 == 0 else warm).append(elapsed)
            require(len(proposals) >= PLANS // 2 and proposals[0].level is not None,
                    f"{len(proposals)} proposals, the first at level {proposals[0].level if proposals else None}")
        return p95(warm), p95(cold)
    finally:
        mirror.close()


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        warm, cold = bench_match(Path(tmp_name))
        emit("plans.match_ms", warm, "ms", "< 50")
        emit("plans.match_after_change_ms", cold, "ms", "< 50")
    run_checklist()
    run_cases()


if __name__ == "__main__":
    run()
