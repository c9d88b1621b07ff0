"""Building change-feed and snapshot pages. These are the hot read paths of a
catch-up (100,000 records in seconds), so rows are read with Core, not ORM
objects, and the page is serialised once, straight to JSON bytes, instead of
being built as pydantic models and validated again on the way out."""

from __future__ import annotations

import json
from typing import Any

import pydantic_core
from sqlalchemy import select
from sqlalchemy.orm import Session

from server.apply import INCIDENT_FIELDS
from server.db import (
    CameraRow,
    ChangeRow,
    ConferenceRow,
    ContactRow,
    EntryRow,
    IncidentRow,
    NotificationRow,
    OrderRow,
    ResourceRow,
    latest_seq,
)
from server.orders import RECORD_FIELDS as ORDER_FIELDS

_INCIDENT_COLUMNS = [IncidentRow.__table__.c[name] for name in INCIDENT_FIELDS] + [
    IncidentRow.__table__.c[name]
    for name in ("updated_at", "last_report_at", "last_report_kind", "version")
]
_ENTRY_COLUMNS = [
    EntryRow.__table__.c[name]
    for name in ("id", "incident_id", "kind", "body", "data", "author", "created_at", "seq")
]
_RESOURCE_COLUMNS = [
    ResourceRow.__table__.c[name]
    for name in ("id", "kind", "name", "lat", "lon", "division", "address", "contact", "phone",
                 "available", "details", "updated_at", "version")
]
_CAMERA_COLUMNS = [
    CameraRow.__table__.c[name]
    for name in ("id", "name", "group_path", "lat", "lon", "main_url", "sub_url", "ptz", "platform",
                 "online", "updated_at", "version")
]
_CONTACT_COLUMNS = [ContactRow.__table__.c[name] for name in
                    ("id", "kind", "name", "parent_id", "role", "duty_phone", "mobile", "members", "notes",
                     "updated_at", "version")]
_NOTIFICATION_COLUMNS = [NotificationRow.__table__.c[name] for name in
                         ("id", "incident_id", "channel", "text", "sender", "created_at", "recipients",
                          "gateway", "updated_at", "version")]
_CONFERENCE_COLUMNS = [ConferenceRow.__table__.c[name] for name in
                       ("id", "incident_id", "title", "state", "opened_by", "opened_at", "closed_at",
                        "participants", "updated_at", "version")]
_ORDER_COLUMNS = [OrderRow.__table__.c[name] for name in ORDER_FIELDS]
# IN lists stay under SQLite's bound-parameter limit and PostgreSQL's sweet spot.
_CHUNK = 2000


def _plain(mapping) -> dict[str, Any]:
    return dict(mapping)


def _entry(mapping) -> dict[str, Any]:
    record = dict(mapping)
    data = record["data"]
    record["data"] = json.loads(data) if data and data != "{}" else {}  # most entries: none
    return record


def _resource(mapping) -> dict[str, Any]:
    record = dict(mapping)
    record["details"] = json.loads(record["details"] or "{}")
    return record


def _contact(mapping) -> dict[str, Any]:
    record = dict(mapping)
    record["members"] = json.loads(record["members"] or "[]")
    return record


def _notification(mapping) -> dict[str, Any]:
    record = dict(mapping)
    record["recipients"] = json.loads(record["recipients"] or "[]")
    return record


def _conference(mapping) -> dict[str, Any]:
    record = dict(mapping)
    record["participants"] = json.loads(record["participants"] or "[]")
    return record


# entity -> (columns, id column, row to record)
_SOURCES = {
    "incident": (_INCIDENT_COLUMNS, IncidentRow.id, _plain),
    "entry": (_ENTRY_COLUMNS, EntryRow.id, _entry),
    "resource": (_RESOURCE_COLUMNS, ResourceRow.id, _resource),
    "camera": (_CAMERA_COLUMNS, CameraRow.id, _plain),
    "order": (_ORDER_COLUMNS, OrderRow.id, _plain),
    "contact": (_CONTACT_COLUMNS, ContactRow.id, _contact),
    "notification": (_NOTIFICATION_COLUMNS, NotificationRow.id, _notification),
    "conference": (_CONFERENCE_COLUMNS, ConferenceRow.id, _conference),
}


def _by_id(s: Session, columns, id_column, ids: list[str], to_record) -> dict[str, dict]:
    con = s.connection()  # Core execution: no ORM result machinery per row
    found: dict[str, dict] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        for row in con.execute(select(*columns).where(id_column.in_(chunk))):
            found[row.id] = to_record(row._mapping)
    return found


def change_page_json(s: Session, cluster_id: str, after: int, limit: int) -> bytes:
    """A ChangePage (services/sync/wire.py) as JSON bytes: each change carries
    the record's current state, in seq order."""
    rows = s.connection().execute(
        select(ChangeRow.seq, ChangeRow.entity, ChangeRow.entity_id)
        .where(ChangeRow.seq > after)
        .order_by(ChangeRow.seq)
        .limit(limit + 1)
    ).all()
    has_more = len(rows) > limit
    rows = rows[:limit]
    records: dict[str, dict[str, dict]] = {}
    for entity, (columns, id_column, to_record) in _SOURCES.items():
        ids = list({r.entity_id for r in rows if r.entity == entity})
        records[entity] = _by_id(s, columns, id_column, ids, to_record) if ids else {}
    changes = []
    for r in rows:
        record = records.get(r.entity, {}).get(r.entity_id)
        if record is not None:
            version = record["version"] if r.entity != "entry" else 1
            changes.append({"seq": r.seq, "entity": r.entity, "entity_id": r.entity_id,
                            "version": version, "data": record})
    page = {"cluster_id": cluster_id, "changes": changes,
            "next_after": rows[-1].seq if rows else after, "has_more": has_more}
    return pydantic_core.to_json(page)


def snapshot_page_json(
    s: Session, cluster_id: str, entity: str, after_id: str, limit: int, as_of: int | None
) -> bytes:
    """A SnapshotPage as JSON bytes: records of one entity in id order."""
    columns, id_column, to_record = _SOURCES[entity]
    start = as_of if as_of is not None else latest_seq(s)
    rows = s.connection().execute(select(*columns).where(id_column > after_id).order_by(id_column).limit(limit + 1)).all()
    more = len(rows) > limit
    rows = rows[:limit]
    page = {"cluster_id": cluster_id, "entity": entity, "as_of": start,
            "records": [to_record(r._mapping) for r in rows],
            "next_after_id": rows[-1].id if more else None}
    return pydantic_core.to_json(page)
