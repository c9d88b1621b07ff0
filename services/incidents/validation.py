"""Validation of what an officer types. Problems are codes with a field name;
the UI turns them into Chinese (or English) sentences."""

from __future__ import annotations

from datetime import datetime, timedelta

from services.incidents import contract
from services.incidents.model import Casualties, IncidentDraft
from services.incidents.taxonomy import Taxonomy
from services.input_checks import (  # noqa: F401 - shared checks, named here for the incident forms
    CHINA,
    PHONE_RE,
    Problem,
    Region,
    ValidationError,
    check_coordinates,
    check_length,
    clean_text,
)

# The limits are the incident contract's, which the platform enforces too.
TITLE_MAX = contract.TITLE_MAX
PLACE_MAX = contract.PLACE_MAX
DIVISION_MAX = contract.DIVISION_MAX
NAME_MAX = contract.REPORTER_MAX
BODY_MAX = contract.BODY_MAX
CASUALTY_MAX = contract.CASUALTY_MAX
FUTURE_TOLERANCE = timedelta(minutes=10)  # clocks on site phones drift
OLDEST = datetime(1950, 1, 1).astimezone()


def check_time(problems: list[Problem], field: str, value: datetime, now: datetime) -> None:
    if value.tzinfo is None:
        problems.append(Problem(field, "no_timezone"))
    elif value > now + FUTURE_TOLERANCE:
        problems.append(Problem(field, "in_future"))
    elif value < OLDEST:
        problems.append(Problem(field, "too_old"))


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
