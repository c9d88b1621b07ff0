"""Incidents and their timeline entries as synced record kinds: platform records
checked as strictly as any typed by an officer (a hostile severity, status or
time never reaches a list page), then set-based into the mirror."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from offline_cache.bulk_insert import insert_many
from offline_cache.schema import EntryRow, IncidentRow
from services.events import EntryAppended, Event, IncidentChanged
from services.incidents import contract
from services.records.feed_checks import FeedError, feed_accounts, feed_id, feed_text, feed_time
from services.records.kind import RecordKind
from services.records.upsert import upsert

_OPTIONAL: dict[str, Any] = {
    "type_code": "", "type_name": "", "place": "", "lat": None, "lon": None, "division": "", "deaths": 0,
    "injured": 0, "missing": 0, "trapped": 0, "reporter": "", "reporter_phone": "", "exercise": False,
    "summary": "", "created_by": "", "last_report_at": None, "last_report_kind": None,
}  # fmt: skip
_TIMES = ("occurred_at", "reported_at", "updated_at", "last_report_at")


def incident_values(data: dict, version: int) -> dict:
    """The mirror row of a platform incident, checked by the incident contract the
    platform applies too; FeedError for anything the contract refuses."""
    iid = feed_id(data, "incident")
    where = f"incident {iid}"
    values: dict[str, Any] = {"id": iid}
    for name in (*contract.INCIDENT_FIELDS[1:], "updated_at", "last_report_at", "last_report_kind"):
        if name not in data and name not in _OPTIONAL and name != "updated_at":
            raise FeedError(f"{where}: missing {name}")
        value = data.get(name, _OPTIONAL.get(name))
        if name == "updated_at" and value is None:
            value = data.get("reported_at")
        problem = contract.incident_field_problem(name, value)
        if problem:
            raise FeedError(f"{where}: {problem}")
        if isinstance(value, str) and name not in _TIMES:
            value = feed_text({name: value}, name, contract.TEXT_LIMITS.get(name, len(value)), where)
        values[name] = value
    for name in _TIMES:
        values[name] = feed_time(values[name], f"{where} {name}") or None
    problem = contract.position_problem(values["lat"], values["lon"])
    if problem:
        raise FeedError(f"{where}: {problem}")
    if values["lat"] is not None:
        values["lat"], values["lon"] = float(values["lat"]), float(values["lon"])
    if (values["last_report_kind"] is None) != (values["last_report_at"] is None):
        raise FeedError(f"{where}: last report without its kind or time")
    values.update(feed_accounts(data, contract.ACCOUNT_FIELDS, where))
    values["version"] = version
    return values


def entry_values(data: dict, _version: int = 1) -> dict:
    """The mirror row of a platform entry, checked by the contract's entry rules."""
    eid = feed_id(data, "entry")
    where = f"entry {eid}"
    fields = dict(data)
    if isinstance(fields.get("data"), str):  # an older platform sent the JSON text
        fields["data"] = _parse_object(fields["data"], where)
    problem = contract.entry_problem(fields, from_feed=True)
    if problem:
        raise FeedError(f"{where}: {problem}")
    extra = fields.get("data", {})
    return {
        "id": eid, "incident_id": fields["incident_id"], "kind": fields["kind"],
        "body": feed_text(fields, "body", contract.BODY_MAX, where),
        "data": json.dumps(extra, ensure_ascii=False) if extra else "{}",
        "author": feed_text(fields, "author", contract.AUTHOR_MAX, where),
        "created_at": feed_time(fields["created_at"], f"{where} created_at", required=True),
        "server_seq": fields.get("seq"),
        **feed_accounts(fields, contract.ENTRY_ACCOUNT_FIELDS, where),
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
    list shows them); changed ones `synced`. One with operations of this workstation
    still queued is left alone, one already as the mirror holds it announces nothing
    (services/records/upsert.py)."""
    created, changed = upsert(s, kind, incidents)
    return [*(IncidentChanged(i, "created") for i in created), *(IncidentChanged(i, "synced") for i in changed)]


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
    vouched = [(e["author_account"], e["author_workstation"], e["id"]) for e in entries
               if e["id"] in existing and e["author_account"]]
    if vouched:  # who the platform says wrote our own entries
        s.connection().exec_driver_sql(
            "UPDATE entries SET author_account = ?, author_workstation = ? WHERE id = ? AND author_account = ''",
            vouched)
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
