"""Applying the platform's change feed to the mirror: one transaction per page,
the cursor advanced in the same transaction, events published after commit."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import func, insert, select, update

from offline_cache.database import Mirror
from offline_cache.schema import EntryRow, IncidentRow, OutboxRow, SyncCursorRow
from services.events import EntryAppended, EventBus, IncidentChanged
from services.sync.wire import Change
from services.timefmt import to_db

INCIDENT_COLUMNS = [c.name for c in IncidentRow.__table__.columns if c.name not in ("pk", "sync_state")]
REQUIRED_INCIDENT = ("id", "site_code", "code", "title", "category", "severity", "status",
                     "occurred_at", "reported_at", "source")
DEFAULTS = {
    "type_code": "", "type_name": "", "place": "", "lat": None, "lon": None, "division": "",
    "deaths": 0, "injured": 0, "missing": 0, "trapped": 0, "reporter": "", "reporter_phone": "",
    "exercise": False, "summary": "", "created_by": "", "last_report_at": None,
    "last_report_kind": None,
}


class FeedError(ValueError):
    """The server sent a change this client cannot use; nothing of the page was applied."""


def cursor(mirror: Mirror, cluster_id: str) -> int:
    with mirror.read() as s:
        row = s.get(SyncCursorRow, cluster_id)
        return row.after_seq if row else 0


def _incident_values(change: Change) -> dict:
    data = change.data
    missing = [k for k in REQUIRED_INCIDENT if k not in data]
    if missing:
        raise FeedError(f"incident {change.entity_id}: missing {', '.join(missing)}")
    values = {k: data.get(k, DEFAULTS.get(k)) for k in INCIDENT_COLUMNS if k != "version"}
    for key, default in DEFAULTS.items():
        if values.get(key) is None and default is not None:
            values[key] = default
    values["version"] = int(change.version)
    values["updated_at"] = data.get("updated_at") or data.get("reported_at")
    return values


def _entry_values(change: Change) -> dict:
    data = change.data
    for key in ("id", "incident_id", "kind", "created_at"):
        if key not in data:
            raise FeedError(f"entry {change.entity_id}: missing {key}")
    extra = data.get("data", {})
    return {
        "id": data["id"],
        "incident_id": data["incident_id"],
        "kind": data["kind"],
        "body": data.get("body", ""),
        "data": extra if isinstance(extra, str) else json.dumps(extra, ensure_ascii=False),
        "author": data.get("author", ""),
        "created_at": data["created_at"],
    }


def apply_page(
    mirror: Mirror, cluster_id: str, changes: list[Change], next_after: int, now: datetime,
    events: EventBus | None = None,
) -> int:
    """Applies a page; returns how many records changed. Idempotent: incidents
    take the server's current state, entries are inserted once by id. Local
    records with operations still queued are left alone: the server's merged
    state arrives in a later page, after those operations."""
    touched: list[tuple[str, str | None]] = []
    with mirror.bulk_write() as s:
        pending = set(
            s.scalars(select(OutboxRow.record_key).where(OutboxRow.state == "queued").distinct())
        )
        for change in changes:
            if change.entity == "incident":
                if _apply_incident(s, change, pending):
                    touched.append((change.entity_id, None))
            elif change.entity == "entry":
                entry_id = _apply_entry(s, change)
                if entry_id:
                    touched.append((change.data["incident_id"], entry_id))
        row = s.get(SyncCursorRow, cluster_id)
        if row is None:
            s.add(SyncCursorRow(cluster_id=cluster_id, after_seq=next_after, updated_at=to_db(now)))
        elif next_after > row.after_seq:
            row.after_seq, row.updated_at = next_after, to_db(now)
    if events is not None:
        for incident_id, entry_id in touched:
            if entry_id is None:
                events.publish(IncidentChanged(incident_id, "synced"))
            else:
                events.publish(EntryAppended(incident_id, entry_id))
    return len(touched)


def _apply_incident(s, change: Change, pending: set[str]) -> bool:
    values = _incident_values(change)
    columns = [IncidentRow.__table__.c[k] for k in values]
    current = s.execute(
        select(IncidentRow.pk, *columns).where(IncidentRow.id == change.entity_id)
    ).first()
    if current is None:
        s.execute(insert(IncidentRow).values(**values, sync_state="synced"))
        return True
    # The feed carries each record's current state in seq order, so the latest
    # page is the truth. Versions are not compared: a site whose own change was
    # merged away holds a local version the server never had.
    if change.entity_id in pending:
        return False
    if all(current._mapping[c.name] == values[c.name] for c in columns):
        return False  # already there: no write, no event
    values.pop("id")
    s.execute(update(IncidentRow).where(IncidentRow.pk == current.pk).values(**values, sync_state="synced"))
    return True


def _apply_entry(s, change: Change) -> str | None:
    values = _entry_values(change)
    if s.scalar(select(func.count()).select_from(EntryRow).where(EntryRow.id == values["id"])):
        return None
    incident_pk = s.scalar(select(IncidentRow.pk).where(IncidentRow.id == values.pop("incident_id")))
    if incident_pk is None:
        raise FeedError(f"entry {values['id']} names an unknown incident")
    s.execute(insert(EntryRow).values(**values, incident_pk=incident_pk, sync_state="synced"))
    return values["id"]
