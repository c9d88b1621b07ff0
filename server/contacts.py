"""应急通讯录 on the platform: organisations, people and call groups, created
once by id and merged field by field like every record without a timeline."""

from __future__ import annotations

import json
import re
from typing import Any

from server.db import ContactRow
from server.merged_record import MergedRecord
from server.op_checks import OpRejected, text_check
from server.record_kind import ServerKind

KINDS = frozenset({"org", "person", "group"})
TEXT_LIMITS = {"name": 100, "parent_id": 36, "role": 100, "notes": 500}
PHONE = re.compile(r"^[0-9+\-() ]{0,40}$")
MAX_MEMBERS = 2000
FIELDS = ("kind", "name", "parent_id", "role", "duty_phone", "mobile", "members", "notes")


def check_value(name: str, value: Any) -> Any:
    if name == "kind":
        if value not in KINDS:
            raise OpRejected(f"unknown contact kind {str(value)[:20]!r}")
        return value
    if name in TEXT_LIMITS:
        return text_check(value, name, TEXT_LIMITS[name], required=name == "name")
    if name in ("duty_phone", "mobile"):
        if not isinstance(value, str) or not PHONE.match(value):
            raise OpRejected(f"{name} is not a phone number")
        return value
    if name == "members":
        if not isinstance(value, list) or len(value) > MAX_MEMBERS or \
                not all(isinstance(m, str) and 0 < len(m) <= 36 for m in value):
            raise OpRejected(f"members must be a list of at most {MAX_MEMBERS} contact ids")
        return json.dumps(value)
    raise OpRejected(f"unknown contact field {name!r}")


_RECORD = MergedRecord("contact", ContactRow, ("id", "kind", "name"), check_value, {"members": "[]"})
CONTACT = ServerKind("contact", ContactRow, _RECORD.handlers, ("id", *FIELDS, "updated_at", "version"),
                     json_columns={"members": "[]"})
