"""Validation of what an officer types. Problems are codes with a field name;
the UI turns them into Chinese (or English) sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from services.incidents import contract
from services.incidents.model import Casualties, IncidentDraft
from services.incidents.taxonomy import Taxonomy

# The limits are the incident contract's, which the platform enforces too.
TITLE_MAX = contract.TITLE_MAX
PLACE_MAX = contract.PLACE_MAX
DIVISION_MAX = contract.DIVISION_MAX
NAME_MAX = contract.REPORTER_MAX
BODY_MAX = contract.BODY_MAX
CASUALTY_MAX = contract.CASUALTY_MAX
FUTURE_TOLERANCE = timedelta(minutes=10)  # clocks on site phones drift
OLDEST = datetime(1950, 1, 1).astimezone()
PHONE_RE = re.compile(rf"^[0-9+\-() ]{{3,{contract.PHONE_MAX}}}$")
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


def check_time(problems: list[Problem], field: str, value: datetime, now: datetime) -> None:
    if value.tzinfo is None:
        problems.append(Problem(field, "no_timezone"))
    elif value > now + FUTURE_TOLERANCE:
        problems.append(Problem(field, "in_future"))
    elif value < OLDEST:
        problems.append(Problem(field, "too_old"))


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


def check_casualties(problems: list[Problem], c: Casualties) -> None:
    for name in ("deaths", "injured", "missing", "trapped"):
        value = getattr(c, name)
        if not isinstance(value, int) or value < 0 or value > CASUALTY_MAX:
            problems.append(Problem(name, "out_of_range"))


def normalise_draft(draft: IncidentDraft) -> IncidentDraft:
    from dataclasses import replace

    return replace(
        draft,
        title=clean_text(draft.title, single_line=True),
        place=clean_text(draft.place, single_line=True),
        division=clean_text(draft.division, single_line=True),
        reporter=clean_text(draft.reporter, single_line=True),
        reporter_phone=clean_text(draft.reporter_phone, single_line=True),
        summary=clean_text(draft.summary),
    )


def validate_draft(
    draft: IncidentDraft, taxonomy: Taxonomy, now: datetime, region: Region | None
) -> list[Problem]:
    problems: list[Problem] = []
    if not draft.title:
        problems.append(Problem("title", "required"))
    check_length(problems, "title", draft.title, TITLE_MAX)
    itype = taxonomy.type(draft.type_code) if draft.type_code else None
    if draft.type_code and itype is None:
        problems.append(Problem("type", "unknown"))
    elif itype is not None and itype.category != draft.category:
        problems.append(Problem("type", "wrong_category"))
    check_time(problems, "occurred_at", draft.occurred_at, now)
    check_length(problems, "place", draft.place, PLACE_MAX)
    check_length(problems, "division", draft.division, DIVISION_MAX)
    check_length(problems, "reporter", draft.reporter, NAME_MAX)
    if draft.reporter_phone and not PHONE_RE.match(draft.reporter_phone):
        problems.append(Problem("reporter_phone", "invalid"))
    check_length(problems, "summary", draft.summary, BODY_MAX)
    check_coordinates(problems, draft.lat, draft.lon, region)
    check_casualties(problems, draft.casualties)
    return problems
