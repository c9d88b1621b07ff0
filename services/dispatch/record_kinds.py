"""Dispatch orders as a synced record kind: platform records checked into mirror
rows; a hostile or broken server changes nothing (FeedError)."""

from __future__ import annotations

from offline_cache.schema import OrderRow
from services.dispatch.lifecycle import OrderStatus, Priority, TargetKind
from services.records.feed_checks import FeedError, feed_accounts, feed_time
from services.records.kind import RecordKind

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
    values.update(feed_accounts(data, ("issued_by_account", "issued_workstation", "updated_by_account",
                                       "updated_workstation"), f"order {oid}"))
    values["version"] = int(version)
    return values


ORDER = RecordKind("order", OrderRow, order_values)
