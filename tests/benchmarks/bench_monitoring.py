"""Monitoring figures (`make bench ONLY=monitoring`), one module per slice: the
core's ingest and alarm latency (tests/benchmarks/monitoring_core.py), the
station chart's pan (tests/benchmarks/monitoring_chart.py)."""

from __future__ import annotations

from tests.benchmarks import monitoring_chart
from tests.benchmarks.monitoring_core import run_core


def run() -> None:
    run_core()
    monitoring_chart.run()


if __name__ == "__main__":
    run()
