"""A workstation's own exports and prints, uploaded as outbox operations
(services/audit/contract.py) and appended to the audit under the token's
account and workstation (never a name in the payload). Not a synced record
kind: nothing goes back down the feed."""

from __future__ import annotations

from sqlalchemy.orm import Session

from server import audit
from server.actor import actor_of
from server.op_checks import OpRejected
from services.audit.contract import ENTITY, OP, payload_problem
from services.sync.wire import Op, OpResult


def record_event(s: Session, op: Op, now: str) -> OpResult:
    problem = payload_problem(op.payload)
    if problem:
        raise OpRejected(problem)
    p = op.payload
    detail = {"what": p["what"], "target": p.get("target", ""), "count": p.get("count", 0),
              "client_at": p.get("at", ""), "op_id": op.op_id}
    audit.append(s, p["action"], actor_of(s), p.get("entity", ""), p.get("entity_id", ""), detail, at=now)
    return OpResult(op_id=op.op_id, status="applied")


HANDLERS = {(ENTITY, OP): record_event}
