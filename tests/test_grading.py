"""Severity suggestion per 国务院令第493号 thresholds."""

import pytest

from services.incidents.grading import suggest_severity
from services.incidents.model import Casualties, Category, Severity


@pytest.mark.parametrize(
    "c, loss, expected",
    [
        (Casualties(deaths=30), 0, Severity.I),
        (Casualties(injured=100), 0, Severity.I),
        (Casualties(), 100_000_000, Severity.I),
        (Casualties(deaths=29), 0, Severity.II),
        (Casualties(injured=50), 0, Severity.II),
        (Casualties(deaths=3), 0, Severity.III),
        (Casualties(injured=9), 9_999_999, Severity.IV),
        (Casualties(deaths=2), 0, Severity.IV),
        (Casualties(), 0, None),
    ],
)
def test_accident_levels(c, loss, expected):
    assert suggest_severity(Category.ACCIDENT, c, loss) == expected


def test_only_accidents_are_graded_this_way():
    assert suggest_severity(Category.NATURAL, Casualties(deaths=40)) is None
