"""The set-based path answers and writes exactly what the per-op path does."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.app import build_registry
from server.apply import apply_batch, apply_one
from server.db import AppliedOpRow, EntryRow, IncidentRow, open_database

NOW = "2026-11-22T08:00:00.000+00:00"
KINDS = build_registry()


def create(iid: str, code: str) -> dict:
    payload = {
        "id": iid, "site_code": "CQ", "code": code, "title": f"事件{code}", "category": "accident",
        "severity": "IV", "status": "received", "occurred_at": NOW, "reported_at": NOW,
        "source": "phone",
    }  # fmt: skip
    return op("incident", iid, "create", payload, priority=1)


def append(eid: str, iid: str, kind: str = "note", body: str = "备注") -> dict:
    payload = {"id": eid, "incident_id": iid, "kind": kind, "body": body, "data": {},
               "author": "a", "created_at": NOW}
    return op("entry", eid, "append", payload)


def op(entity, eid, kind, payload, priority=5) -> dict:
    return {"op_id": str(uuid.uuid4()), "entity": entity, "entity_id": eid, "op": kind,
            "base_version": 0, "payload": payload, "priority": priority, "created_at": NOW,
            "site_code": "CQ"}


def mixed_batch() -> list[dict]:
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    first = create(a, "2026-0001")
    batch = [
        first,
        append("e1", a, "initial_report", "首报"),
        append("e2", a, "final_report", "终报"),
        append("e3", a, "follow_up_report", "迟到的续报"),  # final stays final
        dict(first),  # the same op twice in one batch
        create(b, "2026-0001"),  # code clash
        append("e4", c, "note"),  # unknown incident
        append("e1", a, "note", "重复的条目"),  # entry id again, new op
        create(c, "2026-0002"),
        append("e5", c, "initial_report", "另一起首报"),
        {"op_id": "bad"},  # malformed
        create(a, "2026-0001") | {"op_id": str(uuid.uuid4())},  # incident exists, new op
    ]
    return batch


def state(db) -> tuple:
    with Session(db.engine) as s:
        incidents = sorted(
            (r.id, r.code, r.last_report_kind, r.version)
            for r in s.scalars(select(IncidentRow))
        )
        entries = sorted((r.id, r.incident_id, r.kind, r.body) for r in s.scalars(select(EntryRow)))
        applied = sorted((r.op_id, r.status) for r in s.scalars(select(AppliedOpRow)))
    return incidents, entries, applied


def test_fast_and_per_op_paths_agree(tmp_path, caplog):
    batch = mixed_batch()
    fast_db = open_database(f"sqlite:///{tmp_path / 'fast.db'}")
    slow_db = open_database(f"sqlite:///{tmp_path / 'slow.db'}")
    with Session(fast_db.write) as s, s.begin():
        fast = apply_batch(s, KINDS, batch, NOW)
    with Session(slow_db.write) as s, s.begin():
        slow = [apply_one(s, KINDS, raw, NOW) for raw in batch]
    assert [(r.op_id, r.status, r.reason) for r in fast] == [(r.op_id, r.status, r.reason) for r in slow]
    assert [r.status for r in fast] == [
        "applied", "applied", "applied", "applied", "duplicate", "rejected", "rejected",
        "duplicate", "applied", "applied", "rejected", "duplicate",
    ]
    assert state(fast_db) == state(slow_db)
    assert "set-based apply failed" not in caplog.text  # the fast path really ran
    # A replay of the whole batch: applied ops are duplicates now; a rejected op
    # is not remembered, so the entry whose incident now exists goes in.
    with Session(fast_db.write) as s, s.begin():
        fast_again = apply_batch(s, KINDS, batch, NOW)
    with Session(slow_db.write) as s, s.begin():
        slow_again = [apply_one(s, KINDS, raw, NOW) for raw in batch]
    assert [(r.status, r.reason) for r in fast_again] == [(r.status, r.reason) for r in slow_again]
    assert [r.status for r in fast_again].count("applied") == 1
    assert state(fast_db) == state(slow_db)
