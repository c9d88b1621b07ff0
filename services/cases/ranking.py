"""How alike two incidents are, in points, with the reasons an officer reads.

Same type outranks everything, then another type of the same category; within a
tier one grade of severity weighs more than the whole distance range, and
distance and text decide among cases of the same grade. Pure functions on plain
values: the finder feeds them mirror rows, tests feed them literals."""

from __future__ import annotations

import math
from dataclasses import dataclass

from rapidfuzz import fuzz

from services.cases.model import Reason
from services.geo.distance import haversine_m

SAME_TYPE_POINTS = 1000.0
SAME_CATEGORY_POINTS = 500.0
SEVERITY_STEP_POINTS = 35.0  # more than DISTANCE_POINTS: a grade apart is never made up by nearness
SEVERITY_STEPS = 3  # I..IV
UNKNOWN_SEVERITY_STEPS = 2  # 未定级 against anything: neither alike nor far apart
DISTANCE_POINTS = 30.0
DISTANCE_SCALE_KM = 15.0  # points halve about every 10 km
TITLE_POINTS = 15.0
REPORT_POINTS = 10.0
ALIKE_RATIO = 60.0  # a title or report this alike (0-100) is named as a reason
GRADES = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Profile:
    """The fields similarity looks at, from a mirror row or a test."""

    type_code: str
    category: str
    severity: str
    lat: float | None
    lon: float | None
    title: str
    text: str = ""  # report texts: the target's reports, a candidate's 终报


def position(lat: object, lon: object) -> tuple[float, float] | None:
    """A usable WGS-84 position, or None (missing, NaN, out of range)."""
    if not isinstance(lat, int | float) or not isinstance(lon, int | float):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return float(lat), float(lon)


def distance_km(a: Profile, b: Profile) -> float | None:
    pa, pb = position(a.lat, a.lon), position(b.lat, b.lon)
    if pa is None or pb is None:
        return None
    return haversine_m(pa[0], pa[1], pb[0], pb[1]) / 1000.0


def severity_steps(a: str, b: str) -> int:
    if a and a == b:
        return 0
    if a in GRADES and b in GRADES:
        return abs(GRADES.index(a) - GRADES.index(b))
    return UNKNOWN_SEVERITY_STEPS


def text_ratio(a: str, b: str) -> float:
    """0-100; nothing is alike an empty text."""
    a, b = a.strip(), b.strip()
    if not a or not b:
        return 0.0
    return float(fuzz.ratio(a, b))


def base_score(target: Profile, other: Profile) -> tuple[float, list[Reason], float | None]:
    """Everything but the report texts (which the finder reads only for the leaders)."""
    reasons: list[Reason] = []
    score = 0.0
    if target.type_code and target.type_code == other.type_code:
        score += SAME_TYPE_POINTS
        reasons.append(Reason.SAME_TYPE)
    elif target.category and target.category == other.category:
        score += SAME_CATEGORY_POINTS
        reasons.append(Reason.SAME_CATEGORY)
    steps = severity_steps(target.severity, other.severity)
    score += SEVERITY_STEP_POINTS * (SEVERITY_STEPS - min(steps, SEVERITY_STEPS))
    if steps == 0:
        reasons.append(Reason.SAME_SEVERITY)
    elif steps == 1:
        reasons.append(Reason.NEAR_SEVERITY)
    km = distance_km(target, other)
    if km is not None:
        score += DISTANCE_POINTS * math.exp(-km / DISTANCE_SCALE_KM)
        reasons.append(Reason.DISTANCE)
    title = text_ratio(target.title, other.title)
    score += TITLE_POINTS * title / 100.0
    if title >= ALIKE_RATIO:
        reasons.append(Reason.TITLE_ALIKE)
    return score, reasons, km


def report_score(target: Profile, other: Profile) -> tuple[float, bool]:
    ratio = text_ratio(target.text, other.text)
    return REPORT_POINTS * ratio / 100.0, ratio >= ALIKE_RATIO
