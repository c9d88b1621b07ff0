"""A warning as the wire carries it (an op's payload, a feed or snapshot record)
and as both ends store it: plain JSON-able values, checked field by field with
the contract (services/warnings/contract.py) on the way in from a view, an
import, an upload and the feed alike. Also the record id of an external
warning, derived from its `sender,identifier,sent` triplet, so the same alert
imported at two workstations and polled by the platform is one record, and a
reference names the record it refers to. Pure Python: no database, no Qt."""

from __future__ import annotations

import math
import uuid
from datetime import UTC, datetime
from typing import Any

from services.text_rules import text_problem, time_range_problem
from services.warnings import contract as c
from services.warnings.model import Area, Circle, EarlyWarning, Reference, Translation

# Where external warnings' ids come from (uuid5 of the CAP triplet): fixed forever.
_NAMESPACE = uuid.UUID("5b0e4a53-6f3c-4c1e-9b57-2f7a1d0c9e16")
ENUMS = {
    "cap_status": c.CAP_STATUSES, "msg_type": c.MSG_TYPES, "scope": c.SCOPES, "origin": c.ORIGINS,
    "cap_category": c.CAP_CATEGORIES, "urgency": c.URGENCIES, "severity": c.SEVERITIES,
    "certainty": c.CERTAINTIES, "issue_state": c.ISSUE_STATES, "standing": c.STANDINGS,
}  # fmt: skip
ID_FIELDS = ("id", "replaced_by", "incident_id")  # record ids: UUID text, replaced_by/incident_id may be ""
JSON_FIELDS = {"references": "[]", "areas": "[]", "english": "null", "checks": "[]"}
MAX_CHECKS = 100
CHECK_MAX = 500
AREA_TEXT_MAX = 1000  # an area's description
RADIUS_MAX_KM = 20_000.0


class RecordProblem(ValueError):
    """A warning record that may not be stored, with the field at fault."""


def utc_text(value: datetime | None) -> str:
    """The one stored form of a time: UTC ISO 8601 with milliseconds ("" for none)."""
    return value.astimezone(UTC).isoformat(timespec="milliseconds") if value is not None else ""


def triplet_id(sender: str, identifier: str, sent: datetime) -> str:
    """The record id of the message `sender,identifier,sent` (CAP's own key)."""
    return str(uuid.uuid5(_NAMESPACE, f"{sender},{identifier},{utc_text(sent)}"))


def reference_id(ref: Reference) -> str:
    return triplet_id(ref.sender, ref.identifier, ref.sent)


def record_of(w: EarlyWarning) -> dict[str, Any]:
    """The wire form of a warning: every contract field, JSON-able."""
    out: dict[str, Any] = {}
    for name in c.WARNING_FIELDS:
        value = getattr(w, name)
        if name in c.TIME_FIELDS:
            value = utc_text(value)
        elif name == "references":
            value = [[r.sender, r.identifier, utc_text(r.sent)] for r in value]
        elif name == "english":
            value = None if value is None else {k: getattr(value, k) for k in
                                                ("language", "event", "headline", "description", "instruction")}
        elif name == "areas":
            value = [_area_record(a) for a in value]
        elif name == "checks":
            value = list(value)
        out[name] = value
    return out


def _area_record(a: Area) -> dict[str, Any]:
    return {"description": a.description, "polygons": [[[lat, lon] for lat, lon in ring] for ring in a.polygons],
            "circles": [[ci.lat, ci.lon, ci.radius_km] for ci in a.circles], "geocodes": list(a.geocodes),
            "altitude": a.altitude, "ceiling": a.ceiling}


def warning_of(data: Any) -> EarlyWarning:
    """A wire record as a checked EarlyWarning; RecordProblem naming the first bad field."""
    if not isinstance(data, dict):
        raise RecordProblem("a warning record is an object")
    unknown = set(data) - set(c.WARNING_FIELDS)
    if unknown:
        raise RecordProblem(f"unknown warning field(s): {', '.join(sorted(unknown))[:200]}")
    values: dict[str, Any] = {}
    for name in c.WARNING_FIELDS:
        if name not in data:
            raise RecordProblem(f"warning without {name}")
        values[name] = _field(name, data[name])
    for name in ("identifier", "sender"):
        if not values[name]:
            raise RecordProblem(f"warning without {name}")
    if values["sent"] is None:
        raise RecordProblem("warning without sent")
    if not values["id"]:
        raise RecordProblem("warning without id")
    if values["colour"] not in ("", *c.COLOURS):
        raise RecordProblem("colour is not one of red, orange, yellow, blue")
    if values["origin"] == "external" and values["issue_state"] != "received":
        raise RecordProblem("an external warning is received, never drafted here")
    if values["origin"] == "local" and values["issue_state"] == "received":
        raise RecordProblem("a warning drafted here is not received")
    return EarlyWarning(**values)


def _text(name: str, value: Any, limit: int) -> str:
    if not isinstance(value, str):
        raise RecordProblem(f"{name} is not text")
    if len(value) > limit:
        raise RecordProblem(f"{name} longer than {limit} characters")
    problem = text_problem(value)
    if problem:
        raise RecordProblem(f"{name} holds {problem}")
    return value


def _time(name: str, value: Any) -> datetime | None:
    if value in ("", None):
        return None
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise RecordProblem(f"{name} is not a time with a time zone")
    problem = time_range_problem(parsed)
    if problem:
        raise RecordProblem(f"{name} {problem}")
    return parsed.astimezone(UTC)


def _field(name: str, value: Any) -> Any:  # noqa: PLR0911 - one branch per kind of field
    if name in c.TIME_FIELDS:
        return _time(name, value)
    if name in ENUMS:
        if value not in ENUMS[name]:
            raise RecordProblem(f"{name} is not one of {', '.join(ENUMS[name])}")
        return value
    if name in ID_FIELDS:
        return _text(name, value, 36)
    if name == "colour":
        return _text(name, value, 8)
    if name == "signature":
        if value not in ("", "valid", "invalid"):
            raise RecordProblem("signature is not '', valid or invalid")
        return value
    if name in c.TEXT_LIMITS:
        return _text(name, value, c.TEXT_LIMITS[name])
    if name == "references":
        return _references(value)
    if name == "english":
        return _english(value)
    if name == "areas":
        return _areas(value)
    if name == "checks":
        if not isinstance(value, list) or len(value) > MAX_CHECKS:
            raise RecordProblem(f"checks is a list of at most {MAX_CHECKS}")
        return tuple(_text("checks", v, CHECK_MAX) for v in value)
    raise RecordProblem(f"no rule for {name}")  # pragma: no cover - every contract field has one


def _references(value: Any) -> tuple[Reference, ...]:
    if not isinstance(value, list) or len(value) > c.MAX_REFERENCES:
        raise RecordProblem(f"references is a list of at most {c.MAX_REFERENCES}")
    out = []
    for item in value:
        if not isinstance(item, list) or len(item) != 3:
            raise RecordProblem("a reference is [sender, identifier, sent]")
        sender = _text("references sender", item[0], c.TEXT_LIMITS["sender"])
        identifier = _text("references identifier", item[1], c.TEXT_LIMITS["identifier"])
        sent = _time("references sent", item[2])
        if not sender or not identifier or sent is None:
            raise RecordProblem("a reference needs sender, identifier and sent")
        out.append(Reference(sender, identifier, sent))
    return tuple(out)


def _english(value: Any) -> Translation | None:
    if value is None:
        return None
    names = ("language", "event", "headline", "description", "instruction")
    if not isinstance(value, dict) or set(value) != set(names):
        raise RecordProblem(f"english is null or an object of {', '.join(names)}")
    return Translation(**{n: _text(f"english {n}", value[n], c.TEXT_LIMITS[n]) for n in names})


def _number(name: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise RecordProblem(f"{name} is not a number")
    if not low <= value <= high:
        raise RecordProblem(f"{name} is outside {low:g} to {high:g}")
    return float(value)


def _point(value: Any) -> tuple[float, float]:
    if not isinstance(value, list) or len(value) != 2:
        raise RecordProblem("a polygon point is [lat, lon]")
    return _number("latitude", value[0], -90, 90), _number("longitude", value[1], -180, 180)


def _areas(value: Any) -> tuple[Area, ...]:
    if not isinstance(value, list) or len(value) > c.MAX_AREAS:
        raise RecordProblem(f"areas is a list of at most {c.MAX_AREAS}")
    return tuple(_area(a) for a in value)


def _area(value: Any) -> Area:
    names = {"description", "polygons", "circles", "geocodes", "altitude", "ceiling"}
    if not isinstance(value, dict) or set(value) != names:
        raise RecordProblem(f"an area is an object of {', '.join(sorted(names))}")
    polygons, circles, geocodes = value["polygons"], value["circles"], value["geocodes"]
    if not isinstance(polygons, list) or len(polygons) > c.MAX_POLYGONS:
        raise RecordProblem(f"an area has at most {c.MAX_POLYGONS} polygons")
    rings = []
    for ring in polygons:
        if not isinstance(ring, list) or not 4 <= len(ring) <= c.MAX_POLYGON_POINTS:
            raise RecordProblem(f"a polygon has 4 to {c.MAX_POLYGON_POINTS} points")
        points = tuple(_point(p) for p in ring)
        if points[0] != points[-1]:
            raise RecordProblem("a polygon is closed: its last point is its first")
        rings.append(points)
    if not isinstance(circles, list) or len(circles) > c.MAX_CIRCLES:
        raise RecordProblem(f"an area has at most {c.MAX_CIRCLES} circles")
    found = []
    for ci in circles:
        if not isinstance(ci, list) or len(ci) != 3:
            raise RecordProblem("a circle is [lat, lon, radius_km]")
        lat, lon = _point(ci[:2])
        found.append(Circle(lat, lon, _number("radius", ci[2], 0, RADIUS_MAX_KM)))
    if not isinstance(geocodes, list) or len(geocodes) > c.MAX_GEOCODES:
        raise RecordProblem(f"an area has at most {c.MAX_GEOCODES} division codes")
    for code in geocodes:
        if not isinstance(code, str) or len(code) != c.GEOCODE_DIGITS or not code.isascii() or not code.isdigit():
            raise RecordProblem(f"a division code is {c.GEOCODE_DIGITS} digits (GB/T 2260)")
    heights = [None if value[k] is None else _number(k, value[k], -1e5, 1e6) for k in ("altitude", "ceiling")]
    if heights[1] is not None and heights[0] is None:
        raise RecordProblem("an area's ceiling needs its altitude")
    return Area(_text("area description", value["description"], AREA_TEXT_MAX), tuple(rings), tuple(found),
                tuple(geocodes), heights[0], heights[1])

