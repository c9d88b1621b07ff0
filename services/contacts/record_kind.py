"""Contacts (通讯录) as a synced record kind: platform records checked into mirror rows."""

from __future__ import annotations

import json
import re

from offline_cache.schema import ContactRow
from services.contacts.store import initials
from services.records.feed_checks import FeedError, feed_accounts
from services.records.kind import RecordKind

TEXT = {"name": 100, "parent_id": 36, "role": 100, "notes": 500}
PHONE = re.compile(r"^[0-9+\-() ]{0,40}$")


def contact_values(data: dict, version: int) -> dict:
    cid = data.get("id")
    if not isinstance(cid, str) or not cid or len(cid) > 36:
        raise FeedError("contact without a usable id")
    if data.get("kind") not in ("org", "person", "group"):
        raise FeedError(f"contact {cid}: bad kind")
    values: dict = {"id": cid, "kind": data["kind"]}
    for name, limit in TEXT.items():
        value = data.get(name, "")
        if not isinstance(value, str) or len(value) > limit or (name == "name" and not value.strip()):
            raise FeedError(f"contact {cid}: bad {name}")
        values[name] = value
    for name in ("duty_phone", "mobile"):
        value = data.get(name, "")
        if not isinstance(value, str) or not PHONE.match(value):
            raise FeedError(f"contact {cid}: bad {name}")
        values[name] = value
    members = data.get("members", [])
    if not isinstance(members, list) or not all(isinstance(m, str) and 0 < len(m) <= 36 for m in members):
        raise FeedError(f"contact {cid}: bad members")
    values["members"] = json.dumps(members)
    values["initials"] = initials(values["name"])
    values["updated_at"] = str(data.get("updated_at", ""))[:40]
    values.update(feed_accounts(data, ("updated_by_account", "updated_workstation"), f"contact {cid}"))
    values["version"] = int(version)
    return values


CONTACT = RecordKind("contact", ContactRow, contact_values)
