"""Temporary wrapper for this slice's own runs (not committed: bench_duty.py calls run_rollcall)."""
from tests.benchmarks.duty_rollcall import run_rollcall as run  # noqa: F401
