"""Orders from the platform's feed and snapshot, checked into mirror rows: a
hostile or broken server changes nothing (FeedError), like every record."""

from __future__ import annotations

import json

from services.dispatch.lifecycle import OrderStatus, Priority, TargetKind
from services.sync.apply import FeedError, feed_time

TEXT = {"id": 36, "incident_id": 36, "target_id": 64, "target_name": 200, "content": 4000, "issued_by": 100,
        "reason": 500}
TIMES = ("required_arrival", "ack_deadline", "issued_at", "acknowledged_at", "departed_at", "arrived_at",
         "completed_at", "refused_at", "withdrawn_at", "updated_at")


def order_values(data: dict, version: int) -> dict:
    oid = data.get("id")
    if not isinstance(oid, str) or not oid or len(oid) > 36:
        raise FeedError("order without a usable id")
    values: dict = {}
    for name, limit in TEXT.items():
        value = data.get(name, "")
        if not isinstance(value, str) or len(value) > limit:
            raise FeedError(f"order {oid}: bad {name}")
        values[name] = value
    for name, allowed in (("status", OrderStatus), ("priority", Priority), ("target_kind", TargetKind)):
        if data.get(name) not in set(allowed):
            raise FeedError(f"order {oid}: bad {name}")
        values[name] = data[name]
    for name in TIMES:
        values[name] = feed_time(data.get(name, ""), f"order {oid} {name}")
    if not values["incident_id"] or not values["ack_deadline"] or not values["issued_at"]:
        raise FeedError(f"order {oid}: incomplete")
    values["version"] = int(version)
    return values


def notification_values(data: dict, version: int) -> dict:
    nid = data.get("id")
    if not isinstance(nid, str) or not nid or len(nid) > 36:
        raise FeedError("notification without a usable id")
    values: dict = {"id": nid}
    for name, limit in (("incident_id", 36), ("channel", 8), ("text", 500), ("sender", 100), ("gateway", 40)):
        value = data.get(name, "")
        if not isinstance(value, str) or len(value) > limit:
            raise FeedError(f"notification {nid}: bad {name}")
        values[name] = value
    recipients = data.get("recipients")
    if not isinstance(recipients, list) or not all(
            isinstance(r, dict) and all(isinstance(r.get(k, ""), str) and len(r.get(k, "")) <= 300
                                        for k in ("contact_id", "name", "phone", "status", "detail", "at"))
            for r in recipients):
        raise FeedError(f"notification {nid}: bad recipients")
    values["recipients"] = json.dumps(recipients, ensure_ascii=False)
    for name in ("created_at", "updated_at"):
        values[name] = feed_time(data.get(name, ""), f"notification {nid} {name}", required=True)
    values["version"] = int(version)
    return values
