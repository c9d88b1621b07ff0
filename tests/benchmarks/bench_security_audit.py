"""`make bench ONLY=security_audit` (or ONLY=security, the family): the tamper-evident audit's costs (issue 18, item 5).

- security.audit_verify_1m_s: `audit verify`'s walk over 1,000,000 chained
  records with their checkpoints (budget < 10 s).
- audit.<shape>_write_overhead: the platform applying uploads with the audit
  appended in the same transaction, against the same with the append switched
  off (here only), CPU time, interleaved runs on fresh SQLite files: incidents
  with their entries (the replay benchmark's shape, set-based apply) and
  contacts (one op at a time, one append each).
"""

from __future__ import annotations

import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from tests.benchmarks.fixtures import emit, require

RECORDS = 1_000_000
CHUNK = 20_000
BATCHES, PER_BATCH = 60, 50  # 3,000 ops: 600 incidents, 2,400 entries


def _verify_1m(tmp: Path) -> tuple[float, float]:
    from server import audit, audit_sign, audit_verify
    from server.db import open_database

    url = f"sqlite:///{tmp / 'audit.db'}"
    db = open_database(url)
    signer = audit_sign.new_signer("ed25519")
    started = time.perf_counter()
    at = datetime.now(UTC).isoformat(timespec="milliseconds")
    for first in range(0, RECORDS, CHUNK):
        with db.write.begin() as conn:
            audit.append_many(conn, [("change", "entry", str(uuid.uuid4()), {"change": first + k})
                                     for k in range(CHUNK)], "duty", workstation="ws-1", at=at)
        if (first // CHUNK) % 10 == 9:
            require(audit_sign.make_checkpoint(db, signer, at), "checkpoint not made")
    built = time.perf_counter() - started
    with db.engine.connect() as conn:
        started, cpu = time.perf_counter(), time.process_time()
        verdict = audit_verify.verify(conn, audit_verify.trusted_keys(signer, []))
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    require(verdict.ok and verdict.records == RECORDS, f"verify failed: {verdict}")
    db.dispose()
    return elapsed, cpu, built


def _ops(n_batches: int, shape: str) -> list[list[dict]]:
    """"incidents": the replay's shape (set-based apply, one bulk audit append per
    run); "contacts": records applied one op at a time (one audit append each)."""
    now = datetime.now(UTC).isoformat(timespec="milliseconds")
    if shape == "contacts":
        return [[_op("contact", cid, "create", {"id": cid, "kind": "group", "name": "防汛值班群",
                                                 "members": ["p1", "p2"]}, now)
                 for cid in (str(uuid.uuid4()) for _ in range(PER_BATCH))] for _ in range(n_batches)]
    batches = []
    for b in range(n_batches):
        ops = []
        for i in range(PER_BATCH // 5):
            iid = str(uuid.uuid4())
            code = f"2026-{b * 10 + i + 1:05d}"
            ops.append(_op("incident", iid, "create", {
                "id": iid, "site_code": "CQ", "code": code, "title": "bench", "category": "natural",
                "type_code": "geo.landslide", "type_name": "Landslide", "severity": "IV", "status": "received",
                "occurred_at": now, "reported_at": now, "place": "x", "lat": 29.5, "lon": 106.5, "division": "",
                "deaths": 0, "injured": 0, "missing": 0, "trapped": 0, "source": "phone", "reporter": "",
                "reporter_phone": "", "exercise": False, "summary": "", "created_by": "duty"}, now))
            for _ in range(4):
                eid = str(uuid.uuid4())
                ops.append(_op("entry", eid, "append", {"id": eid, "incident_id": iid, "kind": "note",
                                                         "body": "note", "data": {}, "author": "duty",
                                                         "created_at": now}, now))
        batches.append(ops)
    return batches


def _op(entity: str, rid: str, op: str, payload: dict, now: str) -> dict:
    return {"op_id": str(uuid.uuid4()), "entity": entity, "entity_id": rid, "op": op, "base_version": 0,
            "payload": payload, "priority": 1, "created_at": now, "site_code": "CQ"}


def _apply_s(tmp: Path, name: str, audited: bool, shape: str) -> float:
    """CPU seconds to apply the batches through the platform's own write path
    (in this thread: write_locked runs where it is called)."""
    from server import audit
    from server.actor import Actor
    from server.app import create_app

    app = create_app(f"sqlite:///{tmp / (name + '.db')}", key_file=tmp / "token.key")
    original = audit.append_many
    if not audited:
        audit.append_many = lambda _target, records, *_a, **_k: [0 for _ in records]  # the baseline only
    try:
        batches = _ops(BATCHES, shape)
        write_locked = app.state.write_locked
        from server.apply import apply_batch

        actor = Actor(account="duty", role="duty_officer", workstation="ws-1")
        started = time.process_time()  # CPU time: the host is shared, wall time swings with its load
        for ops in batches:
            results, _ = write_locked(actor, lambda s, ops=ops: apply_batch(s, app.state.registry, ops,
                                                                            datetime.now(UTC).isoformat()))
            require(all(r.status == "applied" for r in results), "ops not applied")
        elapsed = time.process_time() - started
        with app.state.db.engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one()
        require(count == (BATCHES * PER_BATCH if audited else 0), f"{count} audit records")
    finally:
        audit.append_many = original
        app.state.db.dispose()
    return elapsed


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        ops = BATCHES * PER_BATCH
        for shape in ("incidents", "contacts"):
            runs = [(_apply_s(tmp, f"plain-{shape}{k}", False, shape), _apply_s(tmp, f"audited-{shape}{k}", True, shape))
                    for k in range(3)]
            plain, audited = min(r[0] for r in runs), min(r[1] for r in runs)  # interleaved: the load is shared
            emit(f"audit.{shape}_ops_per_cpu_s", ops / audited, "ops/s", "report (audit on, per CPU second)")
            emit(f"audit.{shape}_ops_per_cpu_s_without", ops / plain, "ops/s", "report (audit off, baseline)")
            emit(f"audit.{shape}_write_overhead", audited / plain, "ratio", "report (CPU with audit / without)")
        elapsed, cpu, built = _verify_1m(tmp)
        emit("audit.append_1m_s", built, "s", "report (bulk append, 1,000,000 records)")
        emit("security.audit_verify_1m_s", elapsed, "s", "< 10")
        emit("audit.verify_1m_cpu_s", cpu, "s", "report (the process's CPU time: the figure on an idle host)")


if __name__ == "__main__":
    run()
