"""Regulations (法规/规章) in the mirror: saved with their operations for the
platform (an admin's edit; the platform refuses anyone else's), read offline
by everyone, listed for the plan they are attached to, and example
regulations (示例) for the demo from resources/regulations/."""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select, text

from offline_cache.database import Mirror
from offline_cache.regulations_schema import RegulationRow
from services.clock import Clock, SystemClock
from services.events import EventBus, RecordsChanged
from services.paths import RESOURCES_DIR
from services.plans.knowledge import Hit, search
from services.plans.regulation_contract import ENTITY, FIELDS, check_regulation, with_defaults
from services.records.writer import RecordTable, save_records

EXAMPLES_DIR = RESOURCES_DIR / "regulations"


def _stored(values: dict) -> dict:
    return {k: json.dumps(v, ensure_ascii=False) if k == "plan_ids" else v for k, v in values.items()}


TABLE = RecordTable(ENTITY, RegulationRow, FIELDS, {}, _stored)


@dataclass(frozen=True)
class RegulationSummary:
    id: str
    title: str
    issuer: str
    doc_number: str
    effective_date: str
    example: bool
    pending_sync: bool


@dataclass(frozen=True)
class Regulation:
    id: str
    title: str
    issuer: str
    doc_number: str
    effective_date: str
    plan_ids: tuple[str, ...]
    full_text: str
    example: bool
    pending_sync: bool

    def as_record(self) -> dict:
        return {"id": self.id, "title": self.title, "issuer": self.issuer, "doc_number": self.doc_number,
                "effective_date": self.effective_date, "plan_ids": list(self.plan_ids),
                "full_text": self.full_text, "example": self.example}


_SUMMARY = (RegulationRow.id, RegulationRow.title, RegulationRow.issuer, RegulationRow.doc_number,
            RegulationRow.effective_date, RegulationRow.example, RegulationRow.sync_state)


def _summary(r) -> RegulationSummary:
    return RegulationSummary(r.id, r.title, r.issuer, r.doc_number, r.effective_date, bool(r.example),
                             r.sync_state == "pending")


class RegulationStore:
    def __init__(self, mirror: Mirror, events: EventBus | None = None, clock: Clock | None = None):
        self.mirror, self.events, self.clock = mirror, events, clock or SystemClock()

    def save_many(self, records: Iterable[dict], *, share: bool = True) -> tuple[int, int]:
        """Checked regulations (regulation_contract.py) into the mirror, with their operations."""
        created, updated, changed = save_records(self.mirror, TABLE, list(records), self.clock.now(), share=share)
        if changed and self.events is not None:
            self.events.publish(RecordsChanged(ENTITY, tuple(changed)))
        return created, updated

    def get(self, regulation_id: str) -> Regulation | None:
        with self.mirror.read() as s:
            r = s.scalar(select(RegulationRow).where(RegulationRow.id == regulation_id))
            if r is None:
                return None
            return Regulation(r.id, r.title, r.issuer, r.doc_number, r.effective_date,
                              tuple(json.loads(r.plan_ids)), r.full_text, bool(r.example), r.sync_state == "pending")

    def list(self, limit: int = 1000) -> list[RegulationSummary]:
        with self.mirror.read() as s:
            return [_summary(r) for r in s.execute(select(*_SUMMARY).order_by(RegulationRow.title).limit(limit))]

    def for_plan(self, plan_id: str) -> list[RegulationSummary]:
        """The regulations attached to a plan (a plan's detail lists them)."""
        with self.mirror.read() as s:
            rows = s.execute(text("SELECT r.id FROM regulations r, json_each(r.plan_ids) j WHERE j.value = :p"),
                             {"p": plan_id})
            ids = [r.id for r in rows]
            if not ids:
                return []
            query = select(*_SUMMARY).where(RegulationRow.id.in_(ids)).order_by(RegulationRow.title)
            return [_summary(r) for r in s.execute(query)]

    def count(self) -> int:
        with self.mirror.read() as s:
            return s.scalar(text("SELECT count(*) FROM regulations")) or 0

    def search(self, term: str) -> list[Hit]:
        """知识检索: plans and regulations together (services/plans/knowledge.py)."""
        return search(self.mirror, term)


def example_regulations() -> list[dict]:
    """The example regulations shipped in resources/regulations/ (示例), checked like any record."""
    records: list[dict] = []
    for path in sorted(EXAMPLES_DIR.glob("*.toml")):
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        for record in doc.get("regulation", []):
            problems = check_regulation(record)
            if problems:
                raise ValueError(f"{path.name}: {problems[:3]}")
            records.append(with_defaults(record))
    return records
