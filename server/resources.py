"""Resource operations on the platform: the checks of each field; creating and
merging are those of every record without a timeline (server/records.py)."""

from __future__ import annotations

import json
from typing import Any

from server.apply import Rejected
from server.db import ResourceRow
from server.records import RecordKind, coordinate_check, text_check

KINDS = frozenset({"team", "supply", "equipment", "shelter", "medical", "expert", "hazard",
                   "protected_target"})
TEXT_LIMITS = {"name": 200, "division": 100, "address": 500, "contact": 100, "phone": 40}
FIELDS = ("kind", "name", "lat", "lon", "division", "address", "contact", "phone", "available",
          "details")
REQUIRED = ("id", "kind", "name", "lat", "lon")
MAX_DETAILS_BYTES = 64_000


def check_value(name: str, value: Any) -> Any:
    """The stored form of one field, or Rejected."""
    if name == "kind":
        if value not in KINDS:
            raise Rejected(f"unknown resource kind {str(value)[:40]!r}")
    elif name in TEXT_LIMITS:
        text_check(value, name, TEXT_LIMITS[name], required=name == "name")
    elif name in ("lat", "lon"):
        return coordinate_check(value, name)
    elif name == "available":
        if not isinstance(value, bool):
            raise Rejected("available must be true or false")
    elif name == "details":
        if not isinstance(value, dict):
            raise Rejected("details must be an object")
        text = json.dumps(value, ensure_ascii=False)
        if len(text.encode()) > MAX_DETAILS_BYTES:
            raise Rejected(f"details larger than {MAX_DETAILS_BYTES} bytes")
        return text
    else:
        raise Rejected(f"unknown resource field {name!r}")
    return value


RESOURCE = RecordKind("resource", ResourceRow, REQUIRED, lambda name, value: check_value(name, value),
                      {"details": "{}"})


def resource_record(row) -> dict[str, Any]:
    """A resource as the feed and snapshot send it (no field clock)."""
    return {"id": row.id, **{name: getattr(row, name) for name in FIELDS if name != "details"},
            "details": json.loads(row.details or "{}"), "updated_at": row.updated_at,
            "version": row.version}
