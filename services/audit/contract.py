"""What a workstation reports to the platform's audit (its exports and prints),
shared by both ends: the operation's entity and op, the actions, the fields and
their limits. Who did it is the token's account on the platform, never a name
in the payload."""

from __future__ import annotations

from typing import Any

from services.text_rules import text_problem

ENTITY = "audit_event"
OP = "append"  # one of the wire's op names (services/sync/wire.py Op.op)
EXPORT = "export"
PRINT = "print"
LOCAL_ACTIONS = (EXPORT, PRINT)
FIELDS = {"action", "what", "entity", "entity_id", "target", "at", "count"}
WHAT_MAX = 64  # report_pdf, cot, csv, incident_list ...
TARGET_MAX = 260  # a file name (not its folder) or a printer's name
ID_MAX = 64
COUNT_MAX = 10**9


def payload_problem(payload: Any) -> str | None:
    """Why a reported event cannot go in the audit, or None."""
    if not isinstance(payload, dict) or not set(payload) <= FIELDS or not {"action", "what"} <= set(payload):
        return "an audit event is {action, what, entity, entity_id, target, at, count}"
    if payload["action"] not in LOCAL_ACTIONS:
        return f"audit action must be one of {', '.join(LOCAL_ACTIONS)}"
    limits = {"what": WHAT_MAX, "entity": 32, "entity_id": ID_MAX, "target": TARGET_MAX, "at": 40}
    for name, limit in limits.items():
        value = payload.get(name, "")
        if not isinstance(value, str) or len(value) > limit:
            return f"{name} must be text of at most {limit} characters"
        problem = text_problem(value)
        if problem:
            return f"{name} holds {problem}"
    count = payload.get("count", 0)
    if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= COUNT_MAX:
        return "count must be a whole number from 0"
    return None
