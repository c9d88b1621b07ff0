"""A workstation's own exports and prints, recorded in its mirror as outbox
operations (services/audit/contract.py) so they reach the platform's audit at
the next exchange, even when they happened offline. The platform files them
under the token's account; the mirror keeps nothing else of them."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy.orm import Session

from offline_cache.database import Mirror
from services.audit.contract import ENTITY, OP, TARGET_MAX, WHAT_MAX, payload_problem
from services.clock import Clock, SystemClock
from services.outbox import RECORD, queue
from services.timefmt import to_db


def event_payload(action: str, what: str, *, entity: str = "", entity_id: str = "", target: str = "",
                  count: int = 0, at: datetime) -> dict:
    """The operation's payload; a file's name only (never its folder), cut to size."""
    name = target.replace("\\", "/").rsplit("/", 1)[-1]
    target = "".join(ch for ch in name if ch.isprintable())[:TARGET_MAX]
    payload = {"action": action, "what": what[:WHAT_MAX], "entity": entity, "entity_id": entity_id,
               "target": target, "at": to_db(at), "count": max(0, int(count))}
    problem = payload_problem(payload)
    if problem:
        raise ValueError(problem)
    return payload


def queue_event(s: Session, payload: dict, now: datetime) -> str:
    """In the caller's transaction; returns the event's id."""
    event_id = str(uuid.uuid4())
    queue(s, ENTITY, event_id, OP, 0, payload, RECORD, now, event_id)
    return event_id


class LocalAudit:
    """Records exports and prints on the mirror writer (views call it through
    GuiOp; command-line exports call it directly)."""

    def __init__(self, mirror: Mirror, clock: Clock | None = None):
        self.mirror = mirror
        self.clock = clock or SystemClock()

    def record(self, action: str, what: str, entity: str = "", entity_id: str = "", target: str = "",
               count: int = 0) -> str:
        now = self.clock.now()
        payload = event_payload(action, what, entity=entity, entity_id=entity_id, target=target, count=count,
                                at=now)
        with self.mirror.write() as s:
            return queue_event(s, payload, now)
