"""Resource operations on the platform: the checks of each field; creating and
merging are those of every record without a timeline (server/merged_record.py)."""

from __future__ import annotations

import json
from typing import Any

from server.db import ResourceRow
from server.merged_record import MergedRecord
from server.op_checks import OpRejected, coordinate_check, text_check
from server.record_kind import ServerKind

KINDS = frozenset({"team", "supply", "equipment", "shelter", "medical", "expert", "hazard",
                   "protected_target"})
TEXT_LIMITS = {"name": 200, "division": 100, "address": 500, "contact": 100, "phone": 40}
FIELDS = ("kind", "name", "lat", "lon", "division", "address", "contact", "phone", "available",
          "details")
REQUIRED = ("id", "kind", "name", "lat", "lon")
MAX_DETAILS_BYTES = 64_000


def check_value(name: str, value: Any) -> Any:
    """The stored form of one field, or OpRejected."""
    if name == "kind":
        if value not in KINDS:
            raise OpRejected(f"unknown resource kind {str(value)[:40]!r}")
    elif name in TEXT_LIMITS:
        text_check(value, name, TEXT_LIMITS[name], required=name == "name")
    elif name in ("lat", "lon"):
        return coordinate_check(value, name)
    elif name == "available":
        if not isinstance(value, bool):
            raise OpRejected("available must be true or false")
    elif name == "details":
        if not isinstance(value, dict):
            raise OpRejected("details must be an object")
        text = json.dumps(value, ensure_ascii=False)
        if len(text.encode()) > MAX_DETAILS_BYTES:
            raise OpRejected(f"details larger than {MAX_DETAILS_BYTES} bytes")
        return text
    else:
        raise OpRejected(f"unknown resource field {name!r}")
    return value


_RECORD = MergedRecord("resource", ResourceRow, REQUIRED, check_value, {"details": "{}"})
RESOURCE = ServerKind("resource", ResourceRow, _RECORD.handlers, ("id", *FIELDS, "updated_at", "version"),
                      json_columns={"details": "{}"})
