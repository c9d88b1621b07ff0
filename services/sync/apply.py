"""Applying the platform's change feed to the mirror: one transaction per page,
the cursor advanced in the same transaction, events published after commit."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select, update

from offline_cache import search_index
from offline_cache.database import Mirror
from offline_cache.schema import EntryRow, IncidentRow, OutboxRow, SyncCursorRow
from services.events import EntryAppended, Event, EventBus, IncidentChanged, RecordsChanged
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


# Pages this large are a catch-up: rows first, search indexing in the background
# (offline_cache/search_index.py). Live trickles are indexed as they arrive.
DEFER_INDEXING_FROM = 500
BULK_EVENT_FROM = 200
BULK_REASON = "bulk"  # IncidentChanged("", "bulk"): many records changed, reload


class FeedError(ValueError):
    """The server sent a change this client cannot use; nothing of the page was applied."""


def feed_time(value, where: str, *, required: bool = False) -> str:
    """A time from the platform in the mirror's one format (so times compare as text in
    queries); "" for an absent one that may be absent; FeedError otherwise."""
    if not value and not required:
        return ""
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) and len(value) <= 40 else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise FeedError(f"{where}: not a time with a time zone")
    return to_db(parsed)


def cursor(mirror: Mirror, cluster_id: str) -> int:
    with mirror.read() as s:
        row = s.get(SyncCursorRow, cluster_id)
        return row.after_seq if row else 0


def incident_values(data: dict, version: int) -> dict:
    missing = [k for k in REQUIRED_INCIDENT if k not in data]
    if missing:
        raise FeedError(f"incident {data.get('id', '?')}: missing {', '.join(missing)}")
    values = {k: data.get(k, DEFAULTS.get(k)) for k in INCIDENT_COLUMNS if k != "version"}
    for key, default in DEFAULTS.items():
        if values.get(key) is None and default is not None:
            values[key] = default
    values["version"] = int(version)
    values["updated_at"] = data.get("updated_at") or data.get("reported_at")
    return values


def entry_values(data: dict) -> dict:
    for key in ("id", "incident_id", "kind", "created_at"):
        if key not in data:
            raise FeedError(f"entry {data.get('id', '?')}: missing {key}")
    extra = data.get("data", {})
    if isinstance(extra, str):
        extra = _parse_object(extra)
    if not isinstance(extra, dict):
        raise FeedError(f"entry {data['id']}: data is not an object")
    return {
        "id": data["id"],
        "incident_id": data["incident_id"],
        "kind": data["kind"],
        "body": data.get("body", ""),
        "data": _dump(extra),
        "author": data.get("author", ""),
        "created_at": data["created_at"],
        "server_seq": _seq(data.get("seq")),
    }


def _seq(value) -> int | None:
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise FeedError("entry seq is not a sequence number")
    return value


def _parse_object(raw: str) -> dict:
    try:
        value = json.loads(raw)
    except ValueError as exc:
        raise FeedError("entry data is not JSON") from exc
    if not isinstance(value, dict):
        raise FeedError("entry data is not a JSON object")
    return value


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False) if value else "{}"


def insert_many(s, table: str, rows: list[dict]) -> None:
    """Plain executemany: the ORM's per-row bookkeeping cost more than SQLite's work."""
    columns = list(rows[0])
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    s.connection().exec_driver_sql(sql, [tuple(r[c] for c in columns) for r in rows])


def apply_page(
    mirror: Mirror, cluster_id: str, changes: list[Change], next_after: int, now: datetime,
    events: EventBus | None = None,
) -> int:
    """Applies a page; returns how many records changed. Idempotent: incidents
    take the server's current state, entries are inserted once by id. Local
    records with operations still queued are left alone: the server's merged
    state arrives in a later page, after those operations. Set-based: a few
    statements per page, so catching up runs near raw SQLite speed."""
    from services.sync.record_apply import RECORDS, apply_records

    incidents = [incident_values(c.data, c.version) for c in changes if c.entity == "incident"]
    entries = [entry_values(c.data) for c in changes if c.entity == "entry"]
    records = {entity: [make(c.data, c.version) for c in changes if c.entity == entity]
               for entity, (make, _table) in RECORDS.items()}
    touched: list[Event] = []
    with mirror.bulk_write() as s:
        if len(changes) >= DEFER_INDEXING_FROM:
            search_index.defer(s)
        touched += apply_incidents(s, latest_by_id(incidents))
        touched += apply_entries(s, entries)
        moved = {entity: apply_records(s, entity, rows) for entity, rows in records.items()}
        row = s.get(SyncCursorRow, cluster_id)
        if row is None:
            s.add(SyncCursorRow(cluster_id=cluster_id, after_seq=next_after, updated_at=to_db(now)))
        elif next_after > row.after_seq:
            row.after_seq, row.updated_at = next_after, to_db(now)
    publish(events, touched)
    publish_records(events, moved)
    return len(touched) + sum(len(ids) for ids in moved.values())


def publish_records(events: EventBus | None, moved: dict[str, list[str]]) -> None:
    if events is None:
        return
    for entity, ids in moved.items():
        if ids:
            events.publish(RecordsChanged(entity, tuple(ids)))


def publish(events: EventBus | None, touched: list[Event]) -> None:
    """One event per record for live trickles; one "bulk" event for a catch-up
    page, which views answer with a single reload instead of thousands of refreshes."""
    if events is None or not touched:
        return
    if len(touched) > BULK_EVENT_FROM:
        events.publish(IncidentChanged("", BULK_REASON))
        return
    for event in touched:
        events.publish(event)


def latest_by_id(values: list[dict]) -> list[dict]:
    """An incident changed several times in one page: its last state counts."""
    return list({v["id"]: v for v in values}.values())


def apply_incidents(s, incidents: list[dict]) -> list[IncidentChanged]:
    """Incidents new to the mirror are `created` (wherever they were logged, so
    every list shows them); changed ones `synced`."""
    if not incidents:
        return []
    ids = [v["id"] for v in incidents]
    columns = [IncidentRow.__table__.c[k] for k in incidents[0]]
    current = {
        r.id: r for r in s.execute(select(IncidentRow.pk, *columns).where(IncidentRow.id.in_(ids)))
    }
    pending = set(
        s.scalars(
            select(OutboxRow.record_key)
            .where(OutboxRow.state == "queued", OutboxRow.record_key.in_(ids))
            .distinct()
        )
    )
    new = [v for v in incidents if v["id"] not in current]
    if new:
        insert_many(s, "incidents", [{**v, "sync_state": "synced"} for v in new])
    touched = [IncidentChanged(v["id"], "created") for v in new]
    for v in incidents:
        old = current.get(v["id"])
        # The feed carries each record's current state in seq order, so the latest
        # page is the truth. Versions are not compared: a site whose own change was
        # merged away holds a local version the server never had.
        if old is None or v["id"] in pending:
            continue
        if all(old._mapping[c.name] == v[c.name] for c in columns):
            continue  # already there: no write, no event
        changes = {k: val for k, val in v.items() if k != "id"}
        s.execute(update(IncidentRow).where(IncidentRow.pk == old.pk).values(**changes, sync_state="synced"))
        touched.append(IncidentChanged(v["id"], "synced"))
    return touched


def apply_entries(s, entries: list[dict], *, skip_orphans: bool = False) -> list[EntryAppended]:
    if not entries:
        return []
    existing = set(s.scalars(select(EntryRow.id).where(EntryRow.id.in_([e["id"] for e in entries]))))
    # Our own entries, whose acknowledgement was lost: they learn their place now.
    confirmed = [(e["server_seq"], e["id"]) for e in entries if e["id"] in existing and e["server_seq"]]
    if confirmed:
        s.connection().exec_driver_sql(
            # (the platform wrote the same entry for an order's step: ours is confirmed too)
            "UPDATE entries SET server_seq = ?, sync_state = 'synced' WHERE id = ? AND server_seq IS NULL",
            confirmed)
    wanted = {e["incident_id"] for e in entries if e["id"] not in existing}
    pks = dict(s.execute(select(IncidentRow.id, IncidentRow.pk).where(IncidentRow.id.in_(wanted))).all())
    rows, touched, seen = [], [], set(existing)
    for e in entries:
        if e["id"] in seen:
            continue
        seen.add(e["id"])
        pk = pks.get(e["incident_id"])
        if pk is None:
            if skip_orphans:  # see bootstrap.py: the record arrives through the feed
                continue
            raise FeedError(f"entry {e['id']} names an unknown incident")
        row = {k: v for k, v in e.items() if k != "incident_id"}
        rows.append({**row, "incident_pk": pk, "sync_state": "synced"})
        touched.append(EntryAppended(e["incident_id"], e["id"]))
    if rows:
        insert_many(s, "entries", rows)
    return touched
