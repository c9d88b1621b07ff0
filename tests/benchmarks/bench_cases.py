"""`make bench ONLY=cases`: the 相似案例 figure alone (tests/benchmarks/plans_cases.py)."""

from __future__ import annotations

from tests.benchmarks.plans_cases import run_cases


def run() -> None:
    run_cases()
