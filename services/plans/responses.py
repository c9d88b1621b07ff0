"""Deciding an incident's response at this workstation: the decision checked
by the shared rules (response.py), then in one transaction the response row,
its timeline entry (the id the platform gives its copy) and the operation for
the platform. Also what the incident list, card and dashboard show: the
response in force per incident and the incidents under response by level."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from offline_cache.database import Mirror
from offline_cache.plans_schema import ResponseRow
from offline_cache.schema import IncidentRow
from services.clock import Clock, SystemClock
from services.errors import NotFound
from services.events import EntryAppended, EventBus, IncidentChanged, RecordsChanged
from services.input_checks import Problem, ValidationError, clean_text
from services.outbox import URGENT, queue
from services.plans.checklists import create_for_response
from services.plans.response import (
    ACTIVE,
    REASON_MAX,
    Action,
    Current,
    after,
    decision_entry_id,
    entry_body,
    refusal,
    response_id,
)
from services.timefmt import from_db, to_db
from services.timeline import EntryKind, write_entry


@dataclass(frozen=True)
class Response:
    id: str
    incident_id: str
    plan_id: str
    plan_version: str
    plan_title: str
    level: str
    state: str  # active / ended
    reason: str
    started_at: datetime
    changed_at: datetime
    ended_at: datetime | None
    decided_by: str
    pending_sync: bool

    @property
    def active(self) -> bool:
        return self.state == ACTIVE


def _response(row: ResponseRow) -> Response:
    return Response(row.id, row.incident_id, row.plan_id, row.plan_version, row.plan_title, row.level, row.state,
                    row.reason, from_db(row.started_at), from_db(row.changed_at),
                    from_db(row.ended_at) if row.ended_at else None, row.decided_by, row.sync_state == "pending")


class ResponseRefused(ValueError):
    """The rules refuse this decision now; `code` says why (response.refusal)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


class ResponseService:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None):
        self.mirror, self.events, self.clock = mirror, events, clock or SystemClock()

    def current(self, incident_id: str) -> Response | None:
        with self.mirror.read() as s:
            row = s.scalar(select(ResponseRow).where(ResponseRow.incident_id == incident_id))
            return _response(row) if row is not None else None

    def levels_of(self, incident_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """incident id -> (level, state) for those with a response (the incident list's column)."""
        wanted = list(incident_ids)
        out: dict[str, tuple[str, str]] = {}
        with self.mirror.read() as s:
            for start in range(0, len(wanted), 2000):
                rows = s.execute(select(ResponseRow.incident_id, ResponseRow.level, ResponseRow.state)
                                 .where(ResponseRow.incident_id.in_(wanted[start:start + 2000])))
                out.update({r.incident_id: (r.level, r.state) for r in rows})
        return out

    def active_by_level(self) -> dict[str, int]:
        """Incidents under response, by level (the dashboard)."""
        with self.mirror.read() as s:
            rows = s.execute(select(ResponseRow.level, func.count()).where(ResponseRow.state == ACTIVE)
                             .group_by(ResponseRow.level))
            return {level: count for level, count in rows}

    def decide(self, incident_id: str, action: Action, *, level: str = "", reason: str, author: str,
               plan_id: str = "", plan_version: str = "", plan_title: str = "") -> Response:
        """Start (from a plan), raise, lower or end the incident's response; ResponseRefused
        when the rules forbid it now, ValidationError for a missing or long reason."""
        reason = clean_text(reason, single_line=True).strip()
        if not reason:
            raise ValidationError([Problem("reason", "required")])
        if len(reason) > REASON_MAX:
            raise ValidationError([Problem("reason", "too_long", REASON_MAX)])
        if action == Action.START and not plan_id:
            raise ValidationError([Problem("plan", "required")])
        now = self.clock.now()
        rid, decision = response_id(incident_id), str(uuid.uuid4())
        with self.mirror.write() as s:
            incident = s.scalar(select(IncidentRow).where(IncidentRow.id == incident_id))
            if incident is None:
                raise NotFound(f"incident {incident_id}")
            row = s.scalar(select(ResponseRow).where(ResponseRow.id == rid))
            current = Current(row.state, row.level) if row is not None else Current()
            if action == Action.END:
                level = current.level
            problem = refusal(current, action, level)
            if problem:
                raise ResponseRefused(problem)
            template = None
            if row is None:
                made_version, _, template = create_for_response(s, incident_id, plan_id, now)
                plan_version = made_version or plan_version
                row = ResponseRow(id=rid, incident_id=incident_id, plan_id=plan_id, plan_version=plan_version[:32],
                                  plan_title=plan_title[:200], started_at=to_db(now), ended_at="", version=0)
                s.add(row)
            state = after(current, action, level)
            row.level, row.state, row.reason, row.changed_at = state.level, state.state, reason, to_db(now)
            if state.state != ACTIVE:
                row.ended_at = to_db(now)
            row.decided_by, row.updated_at = author[:100], to_db(now)
            row.version, row.sync_state = row.version + 1, "pending"
            s.flush()
            entry_id = write_entry(s, incident, EntryKind.DECISION,
                                entry_body(action, row.plan_title, row.plan_version, state.level, reason, author),
                                author, now, {"response_id": rid, "action": str(action), "level": state.level,
                                              "plan_id": row.plan_id, "plan_version": row.plan_version},
                                decision_entry_id(decision)).id
            payload = {"incident_id": incident_id, "action": str(action), "level": state.level,
                       "decision_id": decision, "reason": reason, "decided_by": author[:100],
                       "plan_id": row.plan_id, "plan_version": row.plan_version, "plan_title": row.plan_title}
            if template is not None:
                payload["template"] = template
            # keyed by the incident: it goes out after the incident's creation and earlier entries
            queue(s, "response", rid, "advance", row.version - 1, payload, URGENT, now, incident_id)
            response = _response(row)
        if self.events is not None:
            self.events.publish(RecordsChanged("response", (rid,)))
            self.events.publish(EntryAppended(incident_id, entry_id))
            self.events.publish(IncidentChanged(incident_id, "response"))
        return response
