"""The set-based path answers and writes exactly what the per-op path does."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from server.app import build_registry
from server.apply import apply_batch, apply_one
from server.db import AppliedOpRow, ChangeRow, EntryRow, IncidentRow, open_database

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
            (r.id, r.code, r.last_report_kind, r.last_report_at, r.last_report_seq, r.version, r.updated_at)
            for r in s.scalars(select(IncidentRow))
        )
        entries = sorted((r.id, r.incident_id, r.kind, r.body) for r in s.scalars(select(EntryRow)))
        applied = sorted((r.op_id, r.status, r.seq) for r in s.scalars(select(AppliedOpRow)))
        feed = [(r.seq, r.entity, r.entity_id) for r in s.scalars(select(ChangeRow).order_by(ChangeRow.seq))]
    return incidents, entries, applied, feed


def test_fast_and_per_op_paths_agree(tmp_path, caplog):
    batch = mixed_batch()
    fast_db = open_database(f"sqlite:///{tmp_path / 'fast.db'}")
    slow_db = open_database(f"sqlite:///{tmp_path / 'slow.db'}")
    with Session(fast_db.write) as s, s.begin():
        fast = apply_batch(s, KINDS, batch, NOW)
    with Session(slow_db.write) as s, s.begin():
        slow = [apply_one(s, KINDS, raw, NOW) for raw in batch]
    assert [(r.op_id, r.status, r.reason, r.seq) for r in fast] == [(r.op_id, r.status, r.reason, r.seq) for r in slow]
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


def test_reports_on_known_incidents_agree_and_announce_the_incident(tmp_path, caplog):
    """A report moves its incident's last report: the incident's change follows
    the entry's in the feed on both paths, for incidents old and new."""
    a, c, d, w = (str(uuid.uuid4()) for _ in range(4))
    first = [create(a, "2026-0001"), append("r1", a, "final_report", "终报"), create(c, "2026-0002")]
    wz = create(w, "2026-0001")  # another site's legacy number: its own
    wz["site_code"] = wz["payload"]["site_code"] = "WZ"
    again = create(d, "2026-0003") | {"op_id": str(uuid.uuid4())}
    second = [
        append("r2", a, "follow_up_report", "终报后的续报"),  # final stays final: no incident change
        append("r3", c, "initial_report", "首报"),
        append("n1", c, "note"),
        append("r4", c, "follow_up_report", "续报"),
        create(d, "2026-0003"), append("r5", d, "initial_report", "首报"),
        again,  # exists since this segment: answered with the seq of its latest change
        wz,
    ]
    fast_db = open_database(f"sqlite:///{tmp_path / 'fast.db'}")
    slow_db = open_database(f"sqlite:///{tmp_path / 'slow.db'}")
    answers = []
    for db, run in ((fast_db, lambda s, ops: apply_batch(s, KINDS, ops, NOW)),
                    (slow_db, lambda s, ops: [apply_one(s, KINDS, raw, NOW) for raw in ops])):  # fmt: skip
        with Session(db.write) as s, s.begin():
            run(s, first)
        with Session(db.write) as s, s.begin():
            answers.append([(r.status, r.reason, r.seq) for r in run(s, second)])
    assert answers[0] == answers[1]
    assert state(fast_db) == state(slow_db)
    assert "set-based apply failed" not in caplog.text
    feed = state(fast_db)[3]
    after_first = feed[4:]  # create a, r1 + a's change, create c
    assert [(entity, rid) for _seq, entity, rid in after_first] == [
        ("entry", "r2"), ("entry", "r3"), ("incident", c), ("entry", "n1"), ("entry", "r4"), ("incident", c),
        ("incident", d), ("entry", "r5"), ("incident", d), ("incident", w),
    ]
    assert answers[0][6] == ("duplicate", "incident already exists", after_first[8][0])
    with Session(fast_db.engine) as s:
        rows = {r.id: r for r in s.scalars(select(IncidentRow))}
    assert (rows[a].last_report_kind, rows[a].version) == ("final_report", 2)
    assert (rows[c].last_report_kind, rows[c].version) == ("follow_up_report", 3)
    assert (rows[d].last_report_kind, rows[d].version) == ("initial_report", 2)
    assert rows[w].code == "WZ-2026-0001" and rows[a].code == "CQ-2026-0001"
