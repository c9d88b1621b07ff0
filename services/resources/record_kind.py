"""Resources as a synced record kind: platform records checked into mirror rows."""

from __future__ import annotations

import json

from offline_cache.schema import ResourceRow
from services.records.feed_checks import (
    FeedError,
    feed_accounts,
    feed_bool,
    feed_coordinate,
    feed_id,
    feed_text,
)
from services.records.kind import RecordKind

KINDS = frozenset({"team", "supply", "equipment", "shelter", "medical", "expert", "hazard",
                   "protected_target"})
TEXT = {"name": 200, "division": 100, "address": 500, "contact": 100, "phone": 40}


def resource_values(data: dict, version: int) -> dict:
    """The mirror row of a platform resource; FeedError when it is unusable."""
    rid = feed_id(data, "resource")
    where = f"resource {rid}"
    if data.get("kind") not in KINDS:
        raise FeedError(f"{where}: unknown kind")
    values: dict = {"id": rid, "kind": data["kind"]}
    for name, limit in TEXT.items():
        values[name] = feed_text(data, name, limit, where, required=name == "name")
    for name in ("lat", "lon"):
        values[name] = feed_coordinate(data.get(name), name, where)
    details = data.get("details", {})
    if not isinstance(details, dict):
        raise FeedError(f"{where}: bad details")
    values["details"] = json.dumps(details, ensure_ascii=False)
    values["available"] = feed_bool(data, "available", where, default=True)
    values["updated_at"] = str(data.get("updated_at", ""))[:32]
    values.update(feed_accounts(data, ("updated_by_account", "updated_workstation"), where))
    values["version"] = version
    return values


RESOURCE = RecordKind("resource", ResourceRow, resource_values)
