"""Suggested severity from casualty figures and direct economic loss, following
生产安全事故报告和调查处理条例 (国务院令第493号): any one criterion puts an accident
in the level. It is a suggestion for accidents only; the officer grades."""

from __future__ import annotations

from services.incidents.model import Casualties, Category, Severity

# (level, deaths at least, seriously injured at least, loss in yuan at least)
THRESHOLDS: tuple[tuple[Severity, int, int, int], ...] = (
    (Severity.I, 30, 100, 100_000_000),
    (Severity.II, 10, 50, 50_000_000),
    (Severity.III, 3, 10, 10_000_000),
)


def suggest_severity(
    category: Category, casualties: Casualties, direct_loss_yuan: int = 0
) -> Severity | None:
    """None when the rule does not apply (not an accident, or nothing reported yet)."""
    if category != Category.ACCIDENT:
        return None
    for level, deaths, injured, loss in THRESHOLDS:
        if casualties.deaths >= deaths or casualties.injured >= injured or direct_loss_yuan >= loss:
            return level
    if casualties.total == 0 and direct_loss_yuan == 0:
        return None
    return Severity.IV
