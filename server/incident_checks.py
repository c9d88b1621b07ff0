"""What an incident create or an entry append must be on the platform
(services/incidents/contract.py) and what it stores, shared by the per-op
handlers (server/incidents.py) and the set-based path (server/incidents_bulk.py)
so both answer alike."""

from __future__ import annotations

import json
from typing import Any

from server.op_checks import OpRejected, same_id
from services.incidents import contract
from services.incidents.numbering import with_site
from services.sync.wire import Op

# Columns a create may leave out, as the table's defaults fill them.
INCIDENT_DEFAULTS: dict[str, Any] = {
    "type_code": "", "type_name": "", "place": "", "lat": None, "lon": None, "division": "",
    "deaths": 0, "injured": 0, "missing": 0, "trapped": 0, "reporter": "", "reporter_phone": "",
    "exercise": False, "summary": "", "created_by": "",
}  # fmt: skip


def platform_code(code: str, site_code: str) -> str:
    """The number an incident is stored under: unique across the platform, so a
    legacy `2026-0001` (queued by a client from before site codes) gets its site's."""
    stored = with_site(code, site_code)
    if len(stored) > contract.CODE_MAX:
        raise OpRejected(f"incident number {stored[:40]!r} is longer than {contract.CODE_MAX} characters")
    return stored


def code_taken(code: str) -> OpRejected:
    return OpRejected(f"incident number {code} is already used by another incident")


def checked_create(op: Op) -> dict[str, Any]:
    """The column values of a valid incident create, or OpRejected."""
    problem = contract.new_incident_problem(op.payload)
    if problem:
        raise OpRejected(problem)
    same_id(op)
    payload = dict(op.payload)
    payload["code"] = platform_code(payload["code"], payload["site_code"])
    return payload


def create_clock(op: Op) -> str:
    """The field clock of a new incident: each field as written by its create."""
    clock = {
        name: {"at": op.created_at, "op": op.op_id, "v": 1, "site": op.site_code}
        for name in op.payload
        if name in contract.UPDATABLE
    }
    return json.dumps(clock)


def checked_entry(op: Op) -> dict[str, Any]:
    """The column values of a valid entry append, or OpRejected."""
    payload = op.payload
    problem = contract.entry_problem(payload)
    if problem:
        raise OpRejected(problem)
    same_id(op)
    return {
        "id": payload["id"], "incident_id": payload["incident_id"], "kind": payload["kind"],
        "body": payload.get("body", ""), "data": json.dumps(payload.get("data", {}), ensure_ascii=False),
        "author": payload.get("author", ""), "created_at": payload["created_at"],
    }  # fmt: skip
