"""Checks of what an officer types or imports, shared by every feature: problems
are codes with a field name (the UI turns them into Chinese or English sentences),
text is cleaned of control characters, coordinates are checked against the
centre's region to catch swapped or mistyped values."""

from __future__ import annotations

import re
from dataclasses import dataclass

PHONE_RE = re.compile(r"^[0-9+\-() ]{3,40}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Region:
    """A bounding box in WGS-84 used to catch swapped or mistyped coordinates."""

    min_lat: float
    max_lat: float
    min_lon: float
    max_lon: float

    def contains(self, lat: float, lon: float) -> bool:
        return self.min_lat <= lat <= self.max_lat and self.min_lon <= lon <= self.max_lon


CHINA = Region(3.8, 53.6, 73.4, 135.1)


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    limit: int | None = None


class ValidationError(ValueError):
    def __init__(self, problems: list[Problem]):
        super().__init__(", ".join(f"{p.field}:{p.code}" for p in problems))
        self.problems = problems


def clean_text(value: str, *, single_line: bool = False) -> str:
    value = _CONTROL.sub("", value or "")
    if single_line:
        value = " ".join(value.split())
    return value.strip()


def check_length(problems: list[Problem], field: str, value: str, limit: int) -> None:
    if len(value) > limit:
        problems.append(Problem(field, "too_long", limit))


def check_coordinates(
    problems: list[Problem], lat: float | None, lon: float | None, region: Region | None
) -> None:
    if lat is None and lon is None:
        return
    if lat is None or lon is None:
        problems.append(Problem("coordinates", "incomplete"))
        return
    if lat != lat or lon != lon:  # NaN
        problems.append(Problem("coordinates", "out_of_range"))
        return
    valid = -90 <= lat <= 90 and -180 <= lon <= 180
    swapped_ok = -90 <= lon <= 90 and -180 <= lat <= 180
    if region is not None and not (valid and region.contains(lat, lon)):
        if swapped_ok and region.contains(lon, lat):
            problems.append(Problem("coordinates", "swapped"))
        elif valid:
            problems.append(Problem("coordinates", "outside_region"))
        else:
            problems.append(Problem("coordinates", "out_of_range"))
    elif not valid:
        problems.append(Problem("coordinates", "out_of_range"))
