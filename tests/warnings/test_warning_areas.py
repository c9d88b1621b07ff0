"""The area tests: the banded ring agrees with the plain even-odd rule on a
200-vertex star-like polygon; circles by great-circle distance; division codes
by prefix and by district name."""

from __future__ import annotations

import math
import random

from services.warnings.areas import PreparedRing, code_prefix, contains, division_code, in_ring
from services.warnings.model import Area, Circle


def star(vertices: int = 200) -> tuple[tuple[float, float], ...]:
    ring = [(29.56 + 0.07 * math.sin(2 * math.pi * k / (vertices - 1)) * (1 + 0.4 * math.sin(7 * k)),
             106.55 + 0.08 * math.cos(2 * math.pi * k / (vertices - 1))) for k in range(vertices - 1)]
    return (*ring, ring[0])


def test_the_banded_ring_agrees_with_the_even_odd_rule():
    ring = star()
    prepared = PreparedRing(ring)
    rng = random.Random(4)
    points = [(rng.uniform(29.45, 29.67), rng.uniform(106.45, 106.65)) for _ in range(5000)] + list(ring)
    assert [prepared.contains(*p) for p in points] == [in_ring(*p, ring) for p in points]
    assert sum(prepared.contains(*p) for p in points[:5000]) > 500


def test_circles_codes_and_names():
    areas = (Area("x", circles=(Circle(29.56, 106.55, 5.0),), geocodes=("500100",)),)
    assert contains(areas, 29.56, 106.59)  # about 3.9 km east
    assert not contains(areas, 29.56, 106.62)  # about 6.8 km
    assert contains(areas, None, None, "重庆市渝中区") and contains(areas, None, None, "500112 渝北区")
    assert not contains(areas, None, None, "四川省成都市") and not contains(areas, None, None, "")
    assert (code_prefix("500000"), code_prefix("500100"), code_prefix("500103")) == ("50", "5001", "500103")
    assert division_code("重庆市沙坪坝区三峡广场") == "500106" and division_code("5001031") == ""
