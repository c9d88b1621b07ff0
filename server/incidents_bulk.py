"""Set-based application of the bulk of a batch: incident creates and entry
appends, which make up nearly everything a site replays after an outage.

The per-op path (server/incidents.py) needs about ten statements an operation;
this one needs a handful per segment, with the same answers, rows and feed.
Anything unusual (updates, a database error) goes through the per-op path."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from server import pg_bulk
from server.actor import actor_of
from server.change_log import record_changes
from server.db import AppliedOpRow, ChangeRow, EntryRow, IncidentRow
from server.incident_checks import (
    INCIDENT_DEFAULTS,
    checked_create,
    checked_entry,
    code_taken,
    create_clock,
)
from server.op_checks import OpRejected
from services.incidents import contract
from services.incidents.numbering import with_site
from services.sync.wire import Op, OpResult


@dataclass
class _Write:
    """A row to write, answered once its change has a seq. `op_index` is None
    for the incident change a report entry causes (it answers no op)."""

    op_index: int | None
    entity: str
    rid: str
    values: dict[str, Any] = field(default_factory=dict)


def apply_segment(s: Session, ops: list[Op], now: str) -> list[OpResult]:
    """Applies consecutive creates/appends in op order; same results as one by one."""
    plan = _Plan(s, ops, now)
    for index, op in enumerate(ops):
        plan.decide(index, op)
    seqs = _write(s, plan, ops, now) if plan.writes else []
    done = [answer.result(op.op_id, seqs) for op, answer in zip(ops, plan.answers, strict=True)]
    fresh, recorded = [], set(plan.seen_ops)
    for r in done:  # at-most-once from now on; the first answer of an op counts
        if r.status != "rejected" and r.op_id not in recorded:
            recorded.add(r.op_id)
            fresh.append({"op_id": r.op_id, "status": r.status, "reason": r.reason, "seq": r.seq,
                          "at": now})
    pg_bulk.insert_rows(s, AppliedOpRow.__table__, fresh)
    s.expire_all()  # ORM objects loaded earlier may hold pre-segment values
    return done


@dataclass(frozen=True)
class _Answer:
    """An op's answer; its seq is a known one or that of a write of this segment."""

    status: str
    reason: str = ""
    seq: int | None = None
    write: int | None = None  # position in _Plan.writes

    def result(self, op_id: str, seqs: list[int]) -> OpResult:
        seq = seqs[self.write] if self.write is not None else self.seq
        return OpResult(op_id=op_id, status=self.status, reason=self.reason, seq=seq)


def _write(s: Session, plan: _Plan, ops: list[Op], now: str) -> list[int]:
    """Writes the planned rows and their feed; returns the seqs, in write order."""
    seqs = record_changes(s, [(w.entity, w.rid) for w in plan.writes], now)
    created: dict[str, dict] = {}
    entries: list[dict] = []
    reported: dict[str, dict] = {}  # existing incidents whose last report moved
    changed_by = actor_of(s).stamp("updated")
    entry_seq = 0
    for write, seq in zip(plan.writes, seqs, strict=True):
        if write.entity == "entry":
            entries.append({**write.values, "seq": seq})
            entry_seq = seq
        elif write.op_index is not None:  # a new incident
            created[write.rid] = {**INCIDENT_DEFAULTS, **write.values, "version": 1, "updated_at": now,
                                  "last_report_seq": 0}
        else:  # the report just written moved the incident's last report
            row = created.get(write.rid) or reported.setdefault(
                write.rid, {"id": write.rid, "version": plan.versions[write.rid]})
            row.update(last_report_at=write.values["created_at"], last_report_kind=write.values["kind"],
                       last_report_seq=entry_seq, version=row["version"] + 1, updated_at=now, **changed_by)
    pg_bulk.insert_rows(s, IncidentRow.__table__, list(created.values()))
    pg_bulk.insert_rows(s, EntryRow.__table__, entries)
    if reported:
        s.execute(update(IncidentRow), list(reported.values()))  # by primary key
    return seqs


class _Plan:
    """What is already there, read once for the whole segment, and what to write."""

    def __init__(self, s: Session, ops: list[Op], now: str):
        self.s = s
        self.now = now
        self.actor = actor_of(s)
        op_ids = [op.op_id for op in ops]
        self.seen_ops = {
            r.op_id: r for r in s.execute(
                select(AppliedOpRow.op_id, AppliedOpRow.reason, AppliedOpRow.seq)
                .where(pg_bulk.among(s, AppliedOpRow.op_id, op_ids)))
        }  # fmt: skip
        incident_ids = {op.entity_id for op in ops if op.entity == "incident"}
        incident_ids |= {str(op.payload.get("incident_id")) for op in ops if op.entity == "entry"}
        existing = s.execute(
            select(IncidentRow.id, IncidentRow.last_report_kind, IncidentRow.version)
            .where(pg_bulk.among(s, IncidentRow.id, incident_ids))).all()  # fmt: skip
        # What the per-op path would find: each incident's last report and version
        # before the segment, and the seq (or the write) of its latest change.
        self.last_report: dict[str, str | None] = {iid: kind for iid, kind, _v in existing}
        self.versions: dict[str, int] = {iid: version for iid, _k, version in existing}
        self.incident_change: dict[str, _Answer] = {}
        entry_ids = [op.entity_id for op in ops if op.entity == "entry"]
        self.entries: dict[str, _Answer] = {
            eid: _Answer("duplicate", "entry already exists", seq)
            for eid, seq in s.execute(select(EntryRow.id, EntryRow.seq).where(pg_bulk.among(s, EntryRow.id, entry_ids)))
        }  # fmt: skip
        codes = {with_site(op.payload["code"], op.payload["site_code"]) for op in ops if op.entity == "incident"
                 and isinstance(op.payload.get("code"), str) and isinstance(op.payload.get("site_code"), str)}
        self.codes = set(s.scalars(select(IncidentRow.code).where(pg_bulk.among(s, IncidentRow.code, codes))))
        self.first_of: dict[str, _Answer] = {}  # op_id -> its first answer in this segment
        self.writes: list[_Write] = []
        self.answers: list[_Answer] = []

    def decide(self, index: int, op: Op) -> None:
        seen = self.seen_ops.get(op.op_id)
        if seen is not None:
            answer = _Answer("duplicate", seen.reason, seen.seq)
        elif op.op_id in self.first_of:  # the same op twice in one batch
            answer = replace(self.first_of[op.op_id], status="duplicate")
        else:
            try:
                answer = self._decide_new(index, op)
            except OpRejected as exc:
                answer = _Answer("rejected", str(exc))
            else:
                self.first_of[op.op_id] = answer
        self.answers.append(answer)

    def _decide_new(self, index: int, op: Op) -> _Answer:
        if op.entity == "incident":
            payload = checked_create(op, self.actor, self.now)
            if op.entity_id in self.last_report:
                return replace(self._latest_change(op.entity_id), status="duplicate",
                               reason="incident already exists")
            if payload["code"] in self.codes:
                raise code_taken(payload["code"])
            self.codes.add(payload["code"])
            self.last_report[op.entity_id] = None
            self.incident_change[op.entity_id] = self._add(
                _Write(index, "incident", op.entity_id, {**payload, "field_clock": create_clock(op)}))
            return self.incident_change[op.entity_id]
        values = checked_entry(op, self.actor, self.now)
        if op.entity_id in self.entries:
            return replace(self.entries[op.entity_id], status="duplicate", reason="entry already exists")
        incident_id = values["incident_id"]
        if incident_id not in self.last_report:
            raise OpRejected("incident unknown")
        answer = self.entries[op.entity_id] = self._add(_Write(index, "entry", op.entity_id, values))
        if contract.report_moves(self.last_report[incident_id], values["kind"]):
            self.last_report[incident_id] = values["kind"]
            self.incident_change[incident_id] = self._add(_Write(None, "incident", incident_id, values))
        return answer

    def _add(self, write: _Write) -> _Answer:
        self.writes.append(write)
        return _Answer("applied", write=len(self.writes) - 1)

    def _latest_change(self, incident_id: str) -> _Answer:
        if incident_id in self.incident_change:
            return self.incident_change[incident_id]
        seq = self.s.scalar(
            select(ChangeRow.seq).where(ChangeRow.entity == "incident", ChangeRow.entity_id == incident_id)
            .order_by(ChangeRow.seq.desc()).limit(1))  # fmt: skip
        return _Answer("applied", seq=seq)
