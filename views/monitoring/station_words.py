"""The station editor's refusals in the officer's words: each StationProblem of
the contract (services/monitoring/contract.py) as one sentence naming the field
(context "StationEditor"); coordinates the region check refused are worded as
everywhere else (views/common/labels.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.input_checks import Problem
from services.monitoring.contract import (
    CODE_MAX,
    KINDS,
    MAX_MIN_DURATION_S,
    NAME_MAX,
    ORG_MAX,
    PLACE_MAX,
    StationKind,
    StationProblem,
)
from views.common.labels import problem_message
from views.monitoring import words

# The contract's limits, for a problem that came without one (an import's row).
_LIMITS = {("lat", "out_of_range"): 90.0, ("lon", "out_of_range"): 180.0, ("name", "too_long"): float(NAME_MAX),
           ("code", "too_long"): float(CODE_MAX), ("org", "too_long"): float(ORG_MAX),
           ("place", "too_long"): float(PLACE_MAX), ("min_duration_s", "too_big"): float(MAX_MIN_DURATION_S)}


def _tr(text: str) -> str:
    return QCoreApplication.translate("StationEditor", text)


def field_name(name: str) -> str:
    names = {"name": _tr("Name"), "code": _tr("Station code"), "org": _tr("Organisation"), "place": _tr("Place"),
             "lat": _tr("Latitude"), "lon": _tr("Longitude"), "kind": _tr("Kind"), "margin": _tr("Hysteresis margin"),
             "min_duration_s": _tr("Minimum duration"), "rate_per_h": _tr("Rate of rise"),
             "rate_level": _tr("Level of a rate alarm"), "thresholds": _tr("Thresholds"), "rules": _tr("Alarm rules")}
    if name in names:
        return names[name]
    return _tr("Threshold %1").replace("%1", words.level_name(name))


def problem_text(problem: StationProblem, kind: str = "") -> str:
    """One sentence for one problem; `kind` names the physical range a threshold left."""
    if problem.field == "coordinates":
        return problem_message(Problem("coordinates", problem.code))
    field, code = field_name(problem.field), problem.code
    limit = _LIMITS.get((problem.field, code)) if problem.limit is None else problem.limit
    if code == "required":
        return _tr("%1 must not be empty.").replace("%1", field)
    if code == "too_long":
        return _tr("%1 is too long: at most %2 characters.").replace("%1", field).replace("%2", f"{limit or 0:g}")
    if code == "not_text":
        return _tr("%1 must be text.").replace("%1", field)
    if code == "not_number":
        if problem.field in ("lat", "lon"):
            return _tr("Enter the %1 as a number of degrees (for example %2).").replace("%1", field) \
                .replace("%2", "29.56" if problem.field == "lat" else "106.55")
        return _tr("%1 must be a number.").replace("%1", field)
    if code == "out_of_range":
        return _tr("%1 must be within ±%2°.").replace("%1", field).replace("%2", f"{limit or 0:g}")
    if code == "unknown" and problem.field == "kind":
        return _tr("Choose the kind of station.")
    if code == "unknown":
        return _tr("%1 does not apply to this kind of station.").replace("%1", field)
    if code == "physical_range":
        try:
            info = KINDS[StationKind(kind)]
        except ValueError:
            return _tr("%1 is outside the station's measuring range.").replace("%1", field)
        return (_tr("%1 is outside the measuring range of this kind of station (%2 to %3 %4).")
                .replace("%1", field).replace("%2", f"{info.low:g}").replace("%3", f"{info.high:g}")
                .replace("%4", info.unit))
    if code == "not_rising":
        return _tr("%1 must be above the thresholds of the lower levels (levels rise in order).").replace("%1", field)
    if code == "negative":
        return _tr("%1 must not be below zero.").replace("%1", field)
    if code == "too_big":
        return _tr("%1 is at most %2 seconds.").replace("%1", field).replace("%2", f"{limit or 0:g}")
    return _tr("%1 is not valid.").replace("%1", field)
