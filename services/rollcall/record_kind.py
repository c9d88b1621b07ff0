"""Roll calls as a synced record kind: platform records checked into mirror rows
(a hostile or broken server changes nothing: FeedError)."""

from __future__ import annotations

from offline_cache.duty_rollcall_schema import RollCallRow
from services.records.feed_checks import FeedError, feed_accounts, feed_id, feed_text, feed_time
from services.records.kind import RecordKind
from services.rollcall.contract import (
    BY_MAX,
    MAX_ALLOWED_S,
    MESSAGE_MAX,
    MIN_ALLOWED_S,
    SITE_MAX,
    STATES,
)


def rollcall_values(data: dict, version: int) -> dict:
    rid = feed_id(data, "roll call")
    where = f"roll call {rid}"
    values: dict = {"id": rid, "site_code": feed_text(data, "site_code", SITE_MAX, where, required=True),
                    "message": feed_text(data, "message", MESSAGE_MAX, where),
                    "answered_by": feed_text(data, "answered_by", BY_MAX, where)}
    if data.get("state") not in STATES:
        raise FeedError(f"{where}: bad state")
    values["state"] = data["state"]
    allowed = data.get("allowed_s")
    if isinstance(allowed, bool) or not isinstance(allowed, int) or not MIN_ALLOWED_S <= allowed <= MAX_ALLOWED_S:
        raise FeedError(f"{where}: bad allowed_s")
    values["allowed_s"] = allowed
    for name in ("posted_at", "deadline"):
        values[name] = feed_time(data.get(name, ""), f"{where} {name}", required=True)
    for name in ("answered_at", "updated_at"):
        values[name] = feed_time(data.get(name, ""), f"{where} {name}")
    values.update(feed_accounts(data, ("answered_by_account", "answered_workstation", "created_by_account",
                                       "created_workstation"), where))
    values["version"] = int(version)
    return values


ROLLCALL = RecordKind("rollcall", RollCallRow, rollcall_values)
