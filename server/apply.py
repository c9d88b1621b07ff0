"""Applying a batch of client operations inside the caller's transaction.

Each op runs in its own SAVEPOINT so one bad op never blocks the rest of a
batch; a rejected op changes nothing (not even applied_ops: the client may fix
and re-send it under the same op_id). Runs of ops a kind applies set-based
(ServerKind.segment) go through its segment applier, in one savepoint; if that
fails, one by one. What each op does is its kind's (server/record_kind.py)."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.orm import Session

from server.db import AppliedOpRow
from server.op_checks import OpRejected, op_id_of, parse_op
from server.record_kind import Registry, SegmentApplier
from services.sync.wire import MAX_OP_BYTES, Op, OpResult

log = logging.getLogger(__name__)


def apply_batch(s: Session, registry: Registry, raw_ops: list[Any], now: str,
                body_bytes: int | None = None) -> list[OpResult]:  # fmt: skip
    """Applies a batch in order. `body_bytes`, the request's size, spares
    measuring each op when the whole is under the limit."""
    check_size = body_bytes is None or body_bytes > MAX_OP_BYTES
    results: list[OpResult] = []
    run: list[Op] = []
    run_applier: SegmentApplier | None = None

    def flush_run() -> None:
        if not run or run_applier is None:
            return
        savepoint = s.begin_nested()
        try:
            answers = run_applier(s, run, now)
        except Exception:  # noqa: BLE001 - the per-op path gives the precise answer
            log.warning("set-based apply failed; applying %d ops one by one", len(run), exc_info=True)
            savepoint.rollback()
            s.expire_all()
            answers = [apply_one(s, registry, op.model_dump(), now) for op in run]
        else:
            savepoint.commit()
        results.extend(answers)
        run.clear()

    for raw in raw_ops:
        try:
            op = parse_op(raw, check_size=check_size)
        except OpRejected as exc:
            flush_run()
            results.append(OpResult(op_id=op_id_of(raw), status="rejected", reason=str(exc)))
            continue
        applier = registry.segment_of(op)
        if applier is not run_applier:
            flush_run()
        if applier is None:
            results.append(apply_one(s, registry, raw, now))
        else:
            run_applier = applier
            run.append(op)
    flush_run()
    return results


def apply_one(s: Session, registry: Registry, raw: Any, now: str) -> OpResult:
    """One op in its own savepoint: rejected ones change nothing."""
    savepoint = s.begin_nested()
    try:
        op = parse_op(raw)
        result = apply_op(s, registry, op, now)
    except OpRejected as exc:
        savepoint.rollback()
        return OpResult(op_id=op_id_of(raw), status="rejected", reason=str(exc))
    except Exception:
        savepoint.rollback()
        raise
    savepoint.commit()
    return result


def apply_op(s: Session, registry: Registry, op: Op, now: str) -> OpResult:
    """Applies one valid op at most once; raises OpRejected for a refused one."""
    seen = s.get(AppliedOpRow, op.op_id)
    if seen is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason=seen.reason, seq=seen.seq)
    result = registry.handler(op.entity, op.op)(s, op, now)
    s.add(AppliedOpRow(op_id=op.op_id, status=result.status, reason=result.reason, seq=result.seq, at=now))
    s.flush()
    return result
