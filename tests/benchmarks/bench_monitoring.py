"""Monitoring figures (`make bench ONLY=monitoring`): the core's ingest and alarm
latency (tests/benchmarks/monitoring_core.py)."""

from __future__ import annotations

from tests.benchmarks.monitoring_core import run_core


def run() -> None:
    run_core()


if __name__ == "__main__":
    run()
