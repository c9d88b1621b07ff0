"""An incident's and an entry's 密级 as the officer sets it: any level from
公开 up to the clearance the platform last granted this workstation (what the
mirror holds, services/clearance.py), never above, because the platform would
refuse it and the record would vanish from this very workstation."""

from __future__ import annotations

from services.clearance import (
    MIRROR_CLEARANCE_KEY,
    MIRROR_NAMES_KEY,
    level_problem,
    mirror_clearance,
    names_from_meta,
)
from services.incidents.validation import Problem


def check_level(problems: list[Problem], level: object, clearance_meta: str | None) -> None:
    """Adds a problem for a level that is not one, or above this workstation's clearance."""
    if level_problem(level):
        problems.append(Problem("level", "invalid"))
    elif level > mirror_clearance(clearance_meta):  # type: ignore[operator]
        problems.append(Problem("level", "above_clearance"))


def workstation_levels(meta) -> tuple[int, dict[int, str]]:
    """This workstation's clearance and the level names, as the feed last said
    (`meta`: the mirror's meta lookup, Mirror.meta)."""
    return mirror_clearance(meta(MIRROR_CLEARANCE_KEY)), names_from_meta(meta(MIRROR_NAMES_KEY))
