"""Incidents and their timeline entries as synced record kinds: platform records
checked as strictly as any typed by an officer (a hostile severity, status or
time never reaches a list page), then set-based into the mirror."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from offline_cache.bulk_insert import insert_many
from offline_cache.schema import EntryRow, IncidentRow
from services.events import EntryAppended, Event, IncidentChanged
from services.incidents.model import REPORT_KINDS, Category, EntryKind, Severity, Source, Status
from services.incidents.validation import BODY_MAX, CASUALTY_MAX
from services.records.feed_checks import (
    FeedError,
    feed_bool,
    feed_coordinate,
    feed_id,
    feed_text,
    feed_time,
)
from services.records.kind import RecordKind
from services.records.upsert import BOOKKEEPING, held_back

_TEXT = {"site_code": 32, "code": 32, "title": 200, "type_code": 64, "type_name": 64, "place": 500,
         "division": 100, "reporter": 100, "reporter_phone": 40, "summary": BODY_MAX, "created_by": 100}
_REQUIRED_TEXT = ("site_code", "code", "title")
_CHOICES = {"category": Category, "severity": Severity, "status": Status, "source": Source}
_CASUALTIES = ("deaths", "injured", "missing", "trapped")


def incident_values(data: dict, version: int) -> dict:
    """The mirror row of a platform incident; FeedError for anything it could not hold."""
    iid = feed_id(data, "incident")
    where = f"incident {iid}"
    values: dict[str, Any] = {"id": iid}
    for name, limit in _TEXT.items():
        values[name] = feed_text(data, name, limit, where, required=name in _REQUIRED_TEXT)
    for name, enum in _CHOICES.items():
        if data.get(name) not in set(enum):
            raise FeedError(f"{where}: bad {name}")
        values[name] = data[name]
    for name in _CASUALTIES:
        value = data.get(name, 0)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= CASUALTY_MAX:
            raise FeedError(f"{where}: bad {name}")
        values[name] = value
    lat, lon = data.get("lat"), data.get("lon")
    if (lat is None) != (lon is None):
        raise FeedError(f"{where}: half a position")
    values["lat"] = feed_coordinate(lat, "lat", where, optional=True)
    values["lon"] = feed_coordinate(lon, "lon", where, optional=True)
    values["exercise"] = feed_bool(data, "exercise", where)
    for name in ("occurred_at", "reported_at"):
        values[name] = feed_time(data.get(name), f"{where} {name}", required=True)
    values["updated_at"] = feed_time(data.get("updated_at"), f"{where} updated_at") or values["reported_at"]
    values["last_report_at"] = feed_time(data.get("last_report_at"), f"{where} last_report_at") or None
    kind = data.get("last_report_kind")
    if kind is not None and kind not in REPORT_KINDS:
        raise FeedError(f"{where}: bad last_report_kind")
    values["last_report_kind"] = kind
    if (kind is None) != (values["last_report_at"] is None):
        raise FeedError(f"{where}: last report without its kind or time")
    values["version"] = version
    return values


def entry_values(data: dict, _version: int = 1) -> dict:
    eid = feed_id(data, "entry")
    where = f"entry {eid}"
    incident_id = data.get("incident_id")
    if not isinstance(incident_id, str) or not incident_id or len(incident_id) > 36:
        raise FeedError(f"{where}: bad incident_id")
    if data.get("kind") not in set(EntryKind):
        raise FeedError(f"{where}: bad kind")
    extra = data.get("data", {})
    if isinstance(extra, str):
        extra = _parse_object(extra, where)
    if not isinstance(extra, dict):
        raise FeedError(f"{where}: data is not an object")
    seq = data.get("seq")
    if seq is not None and (not isinstance(seq, int) or isinstance(seq, bool) or seq < 0):
        raise FeedError(f"{where}: seq is not a sequence number")
    return {
        "id": eid, "incident_id": incident_id, "kind": data["kind"],
        "body": feed_text(data, "body", BODY_MAX, where),
        "data": json.dumps(extra, ensure_ascii=False) if extra else "{}",
        "author": feed_text(data, "author", 100, where),
        "created_at": feed_time(data.get("created_at"), f"{where} created_at", required=True),
        "server_seq": seq,
    }  # fmt: skip


def _parse_object(raw: str, where: str) -> dict:
    try:
        value = json.loads(raw)
    except ValueError as exc:
        raise FeedError(f"{where}: data is not JSON") from exc
    if not isinstance(value, dict):
        raise FeedError(f"{where}: data is not a JSON object")
    return value


def apply_incidents(s: Session, kind: RecordKind, incidents: list[dict]) -> list[Event]:
    """Incidents new to the mirror are `created` (wherever they were logged, so every
    list shows them); changed ones `synced`. An incident with operations of this
    workstation still queued is left alone: the platform's merged state follows them.
    One already as the mirror holds it is not rewritten and announces nothing."""
    if not incidents:
        return []
    incidents = list({v["id"]: v for v in incidents}.values())  # its last state in the page counts
    ids = [v["id"] for v in incidents]
    columns = [IncidentRow.__table__.c[k] for k in incidents[0]]
    current = {r.id: r for r in s.execute(select(IncidentRow.pk, *columns).where(IncidentRow.id.in_(ids)))}
    pending = held_back(s, kind, ids)
    new = [v for v in incidents if v["id"] not in current]
    if new:
        insert_many(s, "incidents", [{**v, "sync_state": "synced"} for v in new])
    touched: list[Event] = [IncidentChanged(v["id"], "created") for v in new]
    for v in incidents:
        old = current.get(v["id"])
        if old is None or v["id"] in pending:
            continue
        differs = [c.name for c in columns if old._mapping[c.name] != v[c.name]]
        if not differs:
            continue
        changes = {k: val for k, val in v.items() if k != "id"}
        s.execute(update(IncidentRow).where(IncidentRow.pk == old.pk).values(**changes, sync_state="synced"))
        if not BOOKKEEPING.issuperset(differs):
            touched.append(IncidentChanged(v["id"], "synced"))
    return touched


def apply_entries(s: Session, _kind: RecordKind, entries: list[dict], *, skip_orphans: bool = False) -> list[Event]:
    """Entries are append-only: inserted once by id. Our own, whose acknowledgement
    was lost, learn their place in the platform's order instead."""
    if not entries:
        return []
    existing = set(s.scalars(select(EntryRow.id).where(EntryRow.id.in_([e["id"] for e in entries]))))
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
            if skip_orphans:  # a snapshot: the incident arrives through the feed after as_of
                continue
            raise FeedError(f"entry {e['id']} names an unknown incident")
        row = {k: v for k, v in e.items() if k != "incident_id"}
        rows.append({**row, "incident_pk": pk, "sync_state": "synced"})
        touched.append(EntryAppended(e["incident_id"], e["id"]))
    if rows:
        insert_many(s, "entries", rows)
    return touched


def entries_without_incident(s: Session, entries: list[dict]) -> dict[str, str]:
    wanted = {e["incident_id"] for e in entries}
    known = set(s.scalars(select(IncidentRow.id).where(IncidentRow.id.in_(wanted))))
    return {e["id"]: "names an incident this mirror does not have" for e in entries
            if e["incident_id"] not in known}


def apply_snapshot_entries(s: Session, kind: RecordKind, entries: list[dict]) -> list[Event]:
    return apply_entries(s, kind, entries, skip_orphans=True)


INCIDENT = RecordKind("incident", IncidentRow, incident_values, apply_incidents,
                      held_by="record_key")  # an incident's entries hold it back too
ENTRY = RecordKind("entry", EntryRow, entry_values, apply_entries, apply_snapshot_entries,
                   unplaceable=entries_without_incident)
