"""Notifications (短信 / 语音通知) as a synced record kind: platform records with
each recipient's delivery status, checked into mirror rows."""

from __future__ import annotations

import json

from offline_cache.schema import NotificationRow
from services.records.feed_checks import FeedError, feed_accounts, feed_time
from services.records.kind import RecordKind


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
    values.update(feed_accounts(data, ("sender_account", "sender_workstation"), f"notification {nid}"))
    values["version"] = int(version)
    return values


NOTIFICATION = RecordKind("notification", NotificationRow, notification_values)
