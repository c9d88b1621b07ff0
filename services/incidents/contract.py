"""The incident contract both ends keep (as services/dispatch/lifecycle.py is
for orders): which fields an incident and a timeline entry have, the values
they take, their limits and the status lifecycle. The client's validation, its
feed checks and the platform's apply all read it, so they cannot drift apart.

The problem functions return a reason in English (shown to the user with a
rejected op, logged for a refused feed record) or None when all is well; they
never raise. Pure Python: no database, no Qt."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from services.incidents.model import (
    ALLOWED_TRANSITIONS,
    Category,
    EntryKind,
    Severity,
    Source,
    Status,
)
from services.text_rules import text_problem, time_range_problem

# ---- incident fields -------------------------------------------------------

INCIDENT_FIELDS = (
    "id", "site_code", "code", "title", "category", "type_code", "type_name", "severity",
    "status", "occurred_at", "reported_at", "place", "lat", "lon", "division", "deaths",
    "injured", "missing", "trapped", "source", "reporter", "reporter_phone", "exercise",
    "summary", "created_by",
)  # fmt: skip
REQUIRED_ON_CREATE = ("id", "site_code", "code", "title", "category", "severity", "status",
                      "occurred_at", "reported_at", "source")  # fmt: skip
# Identity and provenance never change after creation.
IMMUTABLE = frozenset({"id", "site_code", "code", "reported_at", "created_by"})
UPDATABLE = tuple(f for f in INCIDENT_FIELDS if f not in IMMUTABLE)
# Set by the platform only and sent with the incident in the feed and snapshot.
# The accounts are the authenticated ones behind the create and the last change
# (with the workstation each came from); created_by stays the client's display name.
ACCOUNT_FIELDS = ("created_by_account", "created_workstation", "updated_by_account", "updated_workstation")
DERIVED_FIELDS = ("updated_at", "last_report_at", "last_report_kind", "version", *ACCOUNT_FIELDS)
CASUALTY_FIELDS = ("deaths", "injured", "missing", "trapped")
TIME_FIELDS = ("occurred_at", "reported_at")

# ---- entry fields ----------------------------------------------------------

ENTRY_FIELDS = ("id", "incident_id", "kind", "body", "data", "author", "created_at")
# Sent by the platform with each entry: who appended it (author is display only).
ENTRY_ACCOUNT_FIELDS = ("author_account", "author_workstation")
REQUIRED_ENTRY = ("id", "incident_id", "kind", "created_at")

# ---- values ----------------------------------------------------------------

CATEGORIES = frozenset(c.value for c in Category)
SEVERITIES = frozenset(s.value for s in Severity)
STATUSES = frozenset(s.value for s in Status)
SOURCES = frozenset(s.value for s in Source)
ENTRY_KINDS = frozenset(k.value for k in EntryKind)
REPORT_KINDS = frozenset(k.value for k in EntryKind if k.is_report)
FINAL_REPORT = EntryKind.FINAL_REPORT.value
TRANSITIONS: dict[str, frozenset[str]] = {
    old.value: frozenset(new.value for new in targets) for old, targets in ALLOWED_TRANSITIONS.items()
}
CHOICES: dict[str, frozenset[str]] = {
    "category": CATEGORIES, "severity": SEVERITIES, "status": STATUSES, "source": SOURCES,
}  # fmt: skip

# ---- limits ----------------------------------------------------------------

ID_MAX = 36
SITE_CODE_MAX = 32
CODE_MAX = 32
TITLE_MAX = 200
TYPE_MAX = 64  # type_code and type_name
PLACE_MAX = 500
DIVISION_MAX = 100
REPORTER_MAX = 100
PHONE_MAX = 40
AUTHOR_MAX = 100  # an entry's author, an incident's created_by
BODY_MAX = 20_000  # an entry's body, an incident's summary
CASUALTY_MAX = 1_000_000
TIME_TEXT_MAX = 40
ACCOUNT_MAX = 100  # a platform account's name
WORKSTATION_MAX = 64  # a workstation's mirror id
TEXT_LIMITS: dict[str, int] = {
    "id": ID_MAX, "site_code": SITE_CODE_MAX, "code": CODE_MAX, "title": TITLE_MAX,
    "type_code": TYPE_MAX, "type_name": TYPE_MAX, "place": PLACE_MAX, "division": DIVISION_MAX,
    "reporter": REPORTER_MAX, "reporter_phone": PHONE_MAX, "summary": BODY_MAX,
    "created_by": AUTHOR_MAX, "created_by_account": ACCOUNT_MAX, "updated_by_account": ACCOUNT_MAX,
    "created_workstation": WORKSTATION_MAX, "updated_workstation": WORKSTATION_MAX,
}  # fmt: skip
NOT_EMPTY = frozenset({"id", "code", "title"})


def can_move(current: str, to: str) -> bool:
    """Whether the status may go from `current` to `to` (it only moves forward)."""
    return to in TRANSITIONS.get(current, frozenset())


def report_moves(last_kind: str | None, kind: str) -> bool:
    """Whether an entry of `kind` becomes the incident's last report (what the
    reporting deadlines read): a final report stays the last one, a late 续报
    does not reopen it."""
    return kind in REPORT_KINDS and not (last_kind == FINAL_REPORT and kind != FINAL_REPORT)


def time_problem(value: Any, name: str) -> str | None:
    """An ISO-8601 time with a time zone, as text."""
    if not isinstance(value, str) or len(value) > TIME_TEXT_MAX:
        return f"{name} must be an ISO-8601 time text"
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return f"{name} is not an ISO-8601 time: {value[:40]!r}"
    if parsed.tzinfo is None:
        return f"{name} has no time zone"
    problem = time_range_problem(parsed)
    return f"{name} {problem}" if problem else None


def incident_field_problem(name: str, value: Any) -> str | None:
    """What is wrong with `value` in incident field `name` (derived fields too)."""
    if name in CHOICES:
        if not isinstance(value, str) or value not in CHOICES[name]:
            return f"{name}: {str(value)[:40]!r} is not one of {', '.join(sorted(CHOICES[name]))}"
        return None
    if name in TEXT_LIMITS:
        if not isinstance(value, str):
            return f"{name} must be text"
        if len(value) > TEXT_LIMITS[name]:
            return f"{name} is longer than {TEXT_LIMITS[name]} characters"
        if name in NOT_EMPTY and not value.strip():
            return f"{name} must not be empty"
        problem = text_problem(value)
        return f"{name} holds {problem}" if problem else None
    if name in TIME_FIELDS or name == "updated_at":
        return time_problem(value, name)
    if name in ("lat", "lon"):
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
            return f"{name} must be a number or null"
        bound = 90 if name == "lat" else 180
        return None if -bound <= value <= bound else f"{name} is out of range"
    if name in CASUALTY_FIELDS:
        if isinstance(value, bool) or not isinstance(value, int):
            return f"{name} must be a whole number"
        return None if 0 <= value <= CASUALTY_MAX else f"{name} must be between 0 and {CASUALTY_MAX}"
    if name == "exercise":
        return None if isinstance(value, bool) else "exercise must be true or false"
    if name == "last_report_at":
        return None if value is None else time_problem(value, name)
    if name == "last_report_kind":
        if value is None or value in REPORT_KINDS:
            return None
        return f"last_report_kind: {str(value)[:40]!r} is not one of {', '.join(sorted(REPORT_KINDS))}"
    if name == "version":
        ok = isinstance(value, int) and not isinstance(value, bool) and value >= 1
        return None if ok else "version must be a whole number from 1"
    return f"unknown incident field {name!r}"


def position_problem(lat: Any, lon: Any) -> str | None:
    """A position is both coordinates or neither (the forms never make half of one)."""
    return "lat and lon must be given together" if (lat is None) != (lon is None) else None


def _keys_problem(payload: Mapping[str, Any], allowed: tuple[str, ...], required: tuple[str, ...],
                  what: str) -> str | None:  # fmt: skip
    unknown = sorted(str(k) for k in payload if k not in allowed)
    if unknown:
        return f"unknown {what} field(s): {', '.join(unknown)[:200]}"
    missing = [k for k in required if k not in payload]
    return f"missing {what} field(s): {', '.join(missing)}" if missing else None


def new_incident_problem(payload: Mapping[str, Any]) -> str | None:
    """What is wrong with the fields of a new incident (its create)."""
    problem = _keys_problem(payload, INCIDENT_FIELDS, REQUIRED_ON_CREATE, "incident")
    if problem:
        return problem
    for name, value in payload.items():
        problem = incident_field_problem(name, value)
        if problem:
            return problem
    return None


def incident_change_problem(name: str, value: Any) -> str | None:
    """What is wrong with changing field `name` of an existing incident to `value`."""
    if name in IMMUTABLE:
        return f"{name} cannot be changed"
    if name not in UPDATABLE:
        return f"unknown incident field {name!r}"
    return incident_field_problem(name, value)


def entry_problem(payload: Mapping[str, Any], *, from_feed: bool = False) -> str | None:
    """What is wrong with one timeline entry, as a client appends it or, with
    `from_feed`, as the platform sends it (with its `seq` on the timeline)."""
    fields = dict(payload)
    if from_feed:
        seq = fields.pop("seq", None)
        if seq is not None and (not isinstance(seq, int) or isinstance(seq, bool) or seq < 0):
            return "seq must be a whole number from 0"
    allowed = (*ENTRY_FIELDS, *ENTRY_ACCOUNT_FIELDS) if from_feed else ENTRY_FIELDS
    problem = _keys_problem(fields, allowed, REQUIRED_ENTRY, "entry")
    if problem:
        return problem
    for name in ("id", "incident_id"):
        value = fields[name]
        if not isinstance(value, str) or not value.strip() or len(value) > ID_MAX:
            return f"{name} must be an id of at most {ID_MAX} characters"
    kind = fields["kind"]
    if not isinstance(kind, str) or kind not in ENTRY_KINDS:
        return f"kind: {str(kind)[:40]!r} is not one of {', '.join(sorted(ENTRY_KINDS))}"
    body = fields.get("body", "")
    if not isinstance(body, str) or len(body) > BODY_MAX:
        return f"body must be text of at most {BODY_MAX} characters"
    author = fields.get("author", "")
    if not isinstance(author, str) or len(author) > AUTHOR_MAX:
        return f"author must be text of at most {AUTHOR_MAX} characters"
    for name, limit in (("author_account", ACCOUNT_MAX), ("author_workstation", WORKSTATION_MAX)):
        value = fields.get(name, "")
        if not isinstance(value, str) or len(value) > limit:
            return f"{name} must be text of at most {limit} characters"
    if not isinstance(fields.get("data", {}), dict):
        return "data must be a JSON object"
    if not from_feed and kind == "decision" and "response_id" in fields.get("data", {}):
        # shown as 响应决定 everywhere (timeline.is_response_decision): only a response writes one
        return "a response decision is made by deciding the response, not appended as an entry"
    return time_problem(fields["created_at"], "created_at")
