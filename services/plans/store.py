"""The plan library (预案库) in the mirror: plans saved with their operations
for the platform, the library listed by type and status, plan texts searched
in Chinese (the trigram index for 3+ characters, LIKE over the few hundred
plans for 1-2 characters, as the incident search does), and the plans that
apply to an incident proposed with their level (services/plans/matching.py)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select, text

from offline_cache.database import Mirror
from offline_cache.plans_schema import PlanRow
from services.clearance import workstation_levels
from services.clock import Clock, SystemClock
from services.errors import NotFound
from services.events import EventBus, RecordsChanged
from services.plans.contract import FIELDS, MAX_TEXT
from services.plans.matching import Library, PlanRules, Proposal, incident_figures
from services.records.writer import RecordTable, save_records
from services.text_match import like_pattern

FTS_MIN_CHARS = 3  # the trigram tokenizer cannot match shorter terms
_JSON = ("categories", "types", "levels", "command", "checklist")


def _stored(values: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if k in _JSON else v for k, v in values.items()}


TABLE = RecordTable("plan", PlanRow, FIELDS, {}, _stored)


@dataclass(frozen=True)
class PlanSummary:
    id: str
    title: str
    plan_type: str
    issuer: str
    plan_version: str
    status: str
    example: bool
    pending_sync: bool
    level: int = 1  # 密级 (services/clearance.py)


@dataclass(frozen=True)
class Plan:
    id: str
    title: str
    plan_type: str
    issuer: str
    plan_version: str
    status: str
    categories: tuple[str, ...]
    types: tuple[str, ...]
    levels: tuple[dict, ...]
    command: dict
    checklist: tuple[dict, ...]
    full_text: str
    example: bool
    pending_sync: bool
    level: int = 1  # 密级 (services/clearance.py): not part of as_record, it travels beside the fields

    def as_record(self) -> dict:
        """The plan as the contract and the platform take it."""
        return {"id": self.id, "title": self.title, "plan_type": self.plan_type, "issuer": self.issuer,
                "plan_version": self.plan_version, "status": self.status, "categories": list(self.categories),
                "types": list(self.types), "levels": list(self.levels), "command": self.command,
                "checklist": list(self.checklist), "full_text": self.full_text, "example": self.example}


def _summary(row: PlanRow) -> PlanSummary:
    return PlanSummary(row.id, row.title, row.plan_type, row.issuer, row.plan_version, row.status, bool(row.example),
                       row.sync_state == "pending", row.level)


def _plan(row: PlanRow) -> Plan:
    return Plan(row.id, row.title, row.plan_type, row.issuer, row.plan_version, row.status,
                tuple(json.loads(row.categories)), tuple(json.loads(row.types)), tuple(json.loads(row.levels)),
                json.loads(row.command), tuple(json.loads(row.checklist)), row.full_text, bool(row.example),
                row.sync_state == "pending", row.level)


_SUMMARY_COLUMNS = (PlanRow.id, PlanRow.title, PlanRow.plan_type, PlanRow.issuer, PlanRow.plan_version,
                    PlanRow.status, PlanRow.example, PlanRow.sync_state, PlanRow.level)


class PlanStore:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None):
        self.mirror, self.events, self.clock = mirror, events, clock or SystemClock()
        self._library: tuple[tuple, Library] | None = None
        self._rules: dict[str, tuple[int, PlanRules]] = {}  # id -> (version, rules) of published plans

    def levels(self) -> tuple[int, dict[int, str]]:
        """This workstation's clearance and the level names (what the editor offers)."""
        return workstation_levels(self.mirror.meta)

    def save_many(self, plans: Iterable[dict], *, share: bool = True, level: int | None = None) -> tuple[int, int]:
        """Checked plans (services/plans/contract.py) into the mirror, with their operations;
        `level`: their 密级 (None: a new plan 内部, an existing one as it was)."""
        created, updated, changed = save_records(self.mirror, TABLE, list(plans), self.clock.now(), share=share,
                                                 level=level)
        if changed and self.events is not None:
            self.events.publish(RecordsChanged("plan", tuple(changed)))
        return created, updated

    def set_text(self, plan_id: str, text: str) -> int:
        """A plan's full text replaced (an admin's edit; the platform refuses anyone else's)."""
        plan = self.get(plan_id)
        if plan is None:
            raise NotFound(f"plan {plan_id}")
        record = plan.as_record()
        record["full_text"] = text[:MAX_TEXT]
        created, updated = self.save_many([record])
        return created + updated

    def list(self, *, plan_type: str = "", status: str = "", term: str = "", limit: int = 1000) -> list[PlanSummary]:
        """The library, newest title first within its filters; `term` searches titles and texts."""
        query = select(*_SUMMARY_COLUMNS)
        if plan_type:
            query = query.where(PlanRow.plan_type == plan_type)
        if status:
            query = query.where(PlanRow.status == status)
        term = " ".join(term.split())
        with self.mirror.read() as s:
            if term:
                query = query.where(self._matching(s, term))
            rows = s.execute(query.order_by(PlanRow.status != "published", PlanRow.title).limit(limit))
            return [PlanSummary(r.id, r.title, r.plan_type, r.issuer, r.plan_version, r.status, bool(r.example),
                                r.sync_state == "pending", r.level) for r in rows]

    @staticmethod
    def _matching(s, term: str):
        if len(term) >= FTS_MIN_CHARS:
            phrase = '"' + term.replace('"', '""') + '"'
            pks = [pk for (pk,) in s.execute(text("SELECT rowid FROM plan_fts WHERE plan_fts MATCH :q"),
                                             {"q": phrase})]
            return PlanRow.pk.in_(pks)
        pattern = like_pattern(term)
        return or_(PlanRow.title.like(pattern, escape="\\"), PlanRow.full_text.like(pattern, escape="\\"))

    def get(self, plan_id: str) -> Plan | None:
        with self.mirror.read() as s:
            row = s.scalar(select(PlanRow).where(PlanRow.id == plan_id))
            return _plan(row) if row is not None else None

    def count(self) -> int:
        with self.mirror.read() as s:
            return s.scalar(text("SELECT count(*) FROM plans")) or 0

    def library(self) -> Library:
        """The published plans' matching rules. Read again only when a plan changed
        (the count, newest updated_at and versions say so), and then only the
        plans whose version this copy has not seen."""
        with self.mirror.read() as s:
            stamp = tuple(s.execute(text("SELECT count(*), max(updated_at), sum(version) FROM plans")).one())
            if self._library is not None and self._library[0] == stamp:
                return self._library[1]
            versions = dict(s.execute(select(PlanRow.id, PlanRow.version).where(PlanRow.status == "published")).all())
            known = {plan_id: rules for plan_id, rules in self._rules.items() if rules[0] == versions.get(plan_id)}
            wanted = [plan_id for plan_id in versions if plan_id not in known]
            for start in range(0, len(wanted), 500):
                rows = s.execute(select(PlanRow.id, PlanRow.version, PlanRow.title, PlanRow.plan_version,
                                        PlanRow.plan_type, PlanRow.categories, PlanRow.types, PlanRow.levels)
                                 .where(PlanRow.id.in_(wanted[start:start + 500])))
                for r in rows:
                    known[r.id] = (r.version, PlanRules(r.id, r.title, r.plan_version, r.plan_type,
                                                        frozenset(json.loads(r.categories)),
                                                        frozenset(json.loads(r.types)), tuple(json.loads(r.levels))))
        self._rules = known
        library = Library(rules for _version, rules in known.values())
        self._library = (stamp, library)
        return library

    def propose(self, incident: Any) -> list[Proposal]:
        """The plans that apply to this incident with their level and reasons (matching.py)."""
        return self.library().propose(incident_figures(incident))
