"""Set-based application of the bulk of a batch: incident creates and entry
appends, which make up nearly everything a site replays after an outage.

The per-op path in server/apply.py needs about ten statements an operation;
this one needs a handful per segment, with the same answers. Anything unusual
(updates, a database error) goes through the per-op path instead."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from server.apply import REPORT_KINDS, Rejected, checked_create, checked_entry, create_clock
from server.db import AppliedOpRow, ChangeRow, EntryRow, IncidentRow
from services.sync.wire import Op, OpResult

FAST = frozenset({("incident", "create"), ("entry", "append")})
INCIDENT_DEFAULTS: dict[str, Any] = {
    "type_code": "", "type_name": "", "place": "", "lat": None, "lon": None, "division": "",
    "deaths": 0, "injured": 0, "missing": 0, "trapped": 0, "reporter": "", "reporter_phone": "",
    "exercise": False, "summary": "", "created_by": "",
}  # fmt: skip


def is_fast(op: Op) -> bool:
    return (op.entity, op.op) in FAST


def apply_segment(s: Session, ops: list[Op], now: str) -> list[OpResult]:
    """Applies consecutive creates/appends in op order; same results as one by one."""
    plan = _Plan(s, ops)
    results: list[OpResult | None] = []
    writes: list[tuple[int, str, str, dict]] = []  # (result index, entity, id, values)
    for op in ops:
        result, write = plan.decide(op)
        if write is not None:
            writes.append((len(results), *write))
        results.append(result)
    if writes:
        seqs = _record_changes(s, [(entity, rid) for _, entity, rid, _ in writes], now)
        incidents, entries = [], []
        for (index, entity, _rid, values), seq in zip(writes, seqs, strict=True):
            results[index] = OpResult(op_id=ops[index].op_id, status="applied", seq=seq)
            if entity == "incident":
                incidents.append({**INCIDENT_DEFAULTS, **values, "version": 1, "updated_at": now,
                                  "last_report_seq": 0})
            else:
                entries.append({**values, "seq": seq})
        if incidents:
            s.execute(insert(IncidentRow), incidents)
        if entries:
            s.execute(insert(EntryRow), entries)
            _note_reports(s, entries)
    done = [r for r in results if r is not None]
    fresh, recorded = [], set(plan.seen_ops)
    for r in done:  # at-most-once from now on; the first answer of an op counts
        if r.status != "rejected" and r.op_id not in recorded:
            recorded.add(r.op_id)
            fresh.append({"op_id": r.op_id, "status": r.status, "reason": r.reason, "seq": r.seq,
                          "at": now})
    if fresh:
        s.execute(insert(AppliedOpRow), fresh)
    s.expire_all()  # ORM objects loaded earlier may hold pre-segment values
    return done


def _record_changes(s: Session, changes: list[tuple[str, str]], now: str) -> list[int]:
    """Feed rows for the changes, in order; returns their seqs. On SQLite the
    writer holds the database lock (BEGIN IMMEDIATE), so the seqs are simply the
    next ones, inserted in one executemany: RETURNING with guaranteed order
    makes SQLAlchemy insert SQLite rows one at a time."""
    rows = [{"entity": entity, "entity_id": rid, "at": now} for entity, rid in changes]
    if s.get_bind().dialect.name != "sqlite":
        return list(s.scalars(insert(ChangeRow).returning(ChangeRow.seq, sort_by_parameter_order=True),
                              rows))
    used = s.execute(text(
        "SELECT max(IFNULL((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0), "
        "IFNULL((SELECT max(seq) FROM changes), 0))")).scalar_one()
    seqs = list(range(used + 1, used + 1 + len(rows)))
    s.execute(insert(ChangeRow), [{**row, "seq": seq} for row, seq in zip(rows, seqs, strict=True)])
    return seqs


class _Plan:
    """What is already there, read once for the whole segment."""

    def __init__(self, s: Session, ops: list[Op]):
        self.s = s
        op_ids = [op.op_id for op in ops]
        self.seen_ops = {
            r.op_id: r for r in s.execute(
                select(AppliedOpRow.op_id, AppliedOpRow.reason, AppliedOpRow.seq)
                .where(AppliedOpRow.op_id.in_(op_ids)))
        }  # fmt: skip
        incident_ids = {op.entity_id for op in ops if op.entity == "incident"}
        incident_ids |= {str(op.payload.get("incident_id")) for op in ops if op.entity == "entry"}
        self.incidents = set(s.scalars(select(IncidentRow.id).where(IncidentRow.id.in_(incident_ids))))
        entry_ids = [op.entity_id for op in ops if op.entity == "entry"]
        self.entries = dict(s.execute(select(EntryRow.id, EntryRow.seq).where(EntryRow.id.in_(entry_ids))).all())
        codes = {str(op.payload.get("code")) for op in ops if op.entity == "incident"}
        self.codes = {
            (site, code): iid for iid, site, code in s.execute(
                select(IncidentRow.id, IncidentRow.site_code, IncidentRow.code)
                .where(IncidentRow.code.in_(codes)))
        }  # fmt: skip
        self.first_of: dict[str, OpResult] = {}  # op_id -> its first answer in this segment

    def decide(self, op: Op) -> tuple[OpResult | None, tuple[str, str, dict] | None]:
        """The answer now, or None plus the row to write (answered once it has a seq)."""
        seen = self.seen_ops.get(op.op_id)
        if seen is not None:
            return OpResult(op_id=op.op_id, status="duplicate", reason=seen.reason, seq=seen.seq), None
        if op.op_id in self.first_of:  # the same op twice in one batch
            first = self.first_of[op.op_id]
            return OpResult(op_id=op.op_id, status="duplicate", reason=first.reason, seq=first.seq), None
        try:
            result, write = self._decide_new(op)
        except Rejected as exc:
            return OpResult(op_id=op.op_id, status="rejected", reason=str(exc)), None
        placeholder = result or OpResult(op_id=op.op_id, status="applied")
        self.first_of[op.op_id] = placeholder
        return result, write

    def _decide_new(self, op: Op):
        if op.entity == "incident":
            payload = checked_create(op)
            if op.entity_id in self.incidents:
                seq = self.s.scalar(
                    select(ChangeRow.seq).where(ChangeRow.entity == "incident",
                                                ChangeRow.entity_id == op.entity_id)
                    .order_by(ChangeRow.seq.desc()).limit(1))  # fmt: skip
                return OpResult(op_id=op.op_id, status="duplicate",
                                reason="incident already exists", seq=seq), None
            key = (payload["site_code"], payload["code"])
            if key in self.codes:
                raise Rejected(f"incident code {key[0]}/{key[1]} is already used by another incident")
            self.codes[key] = op.entity_id
            self.incidents.add(op.entity_id)
            return None, ("incident", op.entity_id, {**payload, "field_clock": create_clock(op)})
        values = checked_entry(op)
        if op.entity_id in self.entries:
            return OpResult(op_id=op.op_id, status="duplicate", reason="entry already exists",
                            seq=self.entries[op.entity_id]), None
        if values["incident_id"] not in self.incidents:
            raise Rejected("incident unknown")
        self.entries[op.entity_id] = 0
        return None, ("entry", op.entity_id, values)


def _note_reports(s: Session, entries: list[dict]) -> None:
    """The incident's last report, as the per-op path keeps it: a final report
    stays the last one; a later 续报 does not reopen it."""
    latest: dict[str, dict] = {}
    for e in entries:
        if e["kind"] in REPORT_KINDS:
            latest.setdefault(e["incident_id"], [])
            latest[e["incident_id"]].append(e)
    if not latest:
        return
    rows = s.execute(
        select(IncidentRow.id, IncidentRow.last_report_kind, IncidentRow.last_report_seq)
        .where(IncidentRow.id.in_(list(latest)))
    ).all()
    for iid, kind, last_seq in rows:
        for e in sorted(latest[iid], key=lambda x: x["seq"]):
            if e["seq"] <= (last_seq or 0):
                continue
            if kind == "final_report" and e["kind"] != "final_report":
                continue
            kind, last_seq = e["kind"], e["seq"]
            s.execute(
                update(IncidentRow).where(IncidentRow.id == iid).values(
                    last_report_at=e["created_at"], last_report_kind=kind, last_report_seq=last_seq)
            )  # fmt: skip
