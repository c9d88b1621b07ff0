"""Records without a timeline of their own (resources, cameras, contacts, orders,
notifications, conferences) from the change feed and the
snapshot into the mirror: the platform's current state, set-based, leaving
alone records with local operations still queued (their merged state comes in
a later page). Every value is checked first: a hostile server changes nothing."""

from __future__ import annotations

import json
import math

from sqlalchemy import select, update

from offline_cache.schema import (
    CameraRow,
    ConferenceRow,
    ContactRow,
    NotificationRow,
    OrderRow,
    OutboxRow,
    ResourceRow,
)
from services.conference.records import conference_values
from services.contacts.records import contact_values
from services.dispatch.records import notification_values, order_values
from services.sync.apply import FeedError, insert_many

TEXT = {"name": 200, "division": 100, "address": 500, "contact": 100, "phone": 40}
KINDS = frozenset({"team", "supply", "equipment", "shelter", "medical", "expert", "hazard",
                   "protected_target"})


def resource_values(data: dict, version: int) -> dict:
    """The mirror row of a platform resource; FeedError when it is unusable."""
    rid = data.get("id")
    if not isinstance(rid, str) or not rid or data.get("kind") not in KINDS:
        raise FeedError(f"resource {str(rid)[:40]}: no id or unknown kind")
    values = {"id": rid, "kind": data["kind"]}
    for name, limit in TEXT.items():
        value = data.get(name, "")
        if not isinstance(value, str) or len(value) > limit:
            raise FeedError(f"resource {rid}: bad {name}")
        values[name] = value
    for name, bound in (("lat", 90), ("lon", 180)):
        value = data.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                or abs(value) > bound:
            raise FeedError(f"resource {rid}: bad {name}")
        values[name] = float(value)
    details = data.get("details", {})
    available = data.get("available", True)
    if not isinstance(details, dict) or not isinstance(available, bool):
        raise FeedError(f"resource {rid}: bad details or availability")
    values["details"] = json.dumps(details, ensure_ascii=False)
    values["available"] = available
    values["updated_at"] = str(data.get("updated_at", ""))[:32]
    values["version"] = int(version)
    return values


CAMERA_TEXT = {"name": 200, "group_path": 500, "main_url": 1000, "sub_url": 1000, "platform": 100}


def camera_values(data: dict, version: int) -> dict:
    """The mirror row of a platform camera; FeedError when it is unusable."""
    cid = data.get("id")
    if not isinstance(cid, str) or not cid or len(cid) > 64:
        raise FeedError("camera without a usable id")
    values: dict = {"id": cid}
    for name, limit in CAMERA_TEXT.items():
        value = data.get(name, "")
        if not isinstance(value, str) or len(value) > limit or (name == "name" and not value):
            raise FeedError(f"camera {cid}: bad {name}")
        values[name] = value
    for name, bound in (("lat", 90), ("lon", 180)):
        value = data.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)
                                  or not math.isfinite(value) or abs(value) > bound):
            raise FeedError(f"camera {cid}: bad {name}")
        values[name] = None if value is None else float(value)
    for name in ("ptz", "online"):
        if not isinstance(data.get(name, False), bool):
            raise FeedError(f"camera {cid}: bad {name}")
        values[name] = data.get(name, False)
    values["updated_at"] = str(data.get("updated_at", ""))[:32]
    values["version"] = int(version)
    return values


# entity -> (checks a platform record into a mirror row, the mirror table)
RECORDS = {"resource": (resource_values, ResourceRow), "camera": (camera_values, CameraRow),
           "order": (order_values, OrderRow), "contact": (contact_values, ContactRow),
           "notification": (notification_values, NotificationRow),
           "conference": (conference_values, ConferenceRow)}


def apply_records(s, entity: str, records: list[dict]) -> list[str]:
    """Upserts rows made by RECORDS[entity]; returns the ids that changed."""
    if not records:
        return []
    row_class = RECORDS[entity][1]
    table = row_class.__table__
    latest = list({v["id"]: v for v in records}.values())
    ids = [v["id"] for v in latest]
    columns = [table.c[k] for k in latest[0]]
    current = {r.id: r for r in s.execute(select(table.c.pk, *columns).where(table.c.id.in_(ids)))}
    # records with operations of their own still queued (an order's are keyed by its incident)
    pending = set(s.scalars(select(OutboxRow.entity_id).where(
        OutboxRow.state == "queued", OutboxRow.entity_id.in_(ids))))
    new = [{**v, "sync_state": "synced"} for v in latest if v["id"] not in current]
    if new:
        insert_many(s, table.name, new)
    changed = [v["id"] for v in new]
    for v in latest:
        old = current.get(v["id"])
        if old is None or v["id"] in pending:
            continue
        if all(old._mapping[c.name] == v[c.name] for c in columns):
            continue
        s.execute(update(table).where(table.c.pk == old.pk)
                  .values(**{k: x for k, x in v.items() if k != "id"}, sync_state="synced"))
        changed.append(v["id"])
    return changed
