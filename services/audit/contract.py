"""What a workstation reports to the platform's audit (its exports, prints and failed mirror unlocks),
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
# A wrong passphrase or key at the mirror's unlock, kept beside the mirror and queued
# after the next successful unlock (offline_cache/unlock_failures.py): `what` is the
# reason, `at` the (first) failure's time, `count` how many failures it stands for.
MIRROR_UNLOCK_FAILED = "mirror_unlock_failed"
UNLOCK_REASONS = ("wrong_key",)
LOCAL_ACTIONS = (EXPORT, PRINT, MIRROR_UNLOCK_FAILED)
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
    if payload["action"] == MIRROR_UNLOCK_FAILED and (payload["what"] not in UNLOCK_REASONS or count < 1
                                                       or payload.get("entity", "") or payload.get("entity_id", "")):
        return f"a failed unlock is one of {', '.join(UNLOCK_REASONS)}, counted from 1, about no record"
    return None
