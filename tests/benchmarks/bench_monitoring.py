"""Figures of issue 17 (监测预警 and live positions), one module per slice."""

from __future__ import annotations


def run() -> None:
    from tests.benchmarks import monitoring_chart

    monitoring_chart.run()
