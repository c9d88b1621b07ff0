"""Applying a batch of client operations inside the caller's transaction.

Each op runs in its own SAVEPOINT so one bad op never blocks the rest of a
batch; a rejected op changes nothing (not even applied_ops: the client may fix
and re-send it under the same op_id). Runs of ops a kind applies set-based
(ServerKind.segment) go through its segment applier, in one savepoint; if that
fails, one by one. What each op does is its kind's (server/record_kind.py),
but for a workstation's audit events (server/audit_events.py)."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import exc as db_errors
from sqlalchemy.orm import Session

from server import audit_events
from server.actor import Actor, actor_of
from server.clearance import PendingLevel, apply_level_only, batch_levels, check_op, write_levels
from server.db import AppliedOpRow
from server.op_checks import OpRejected, op_id_of, parse_op
from server.record_kind import Registry, SegmentApplier
from services.sync.wire import MAX_OP_BYTES, Op, OpResult

log = logging.getLogger(__name__)
# Errors that say the platform, not the op, is in trouble (a lost connection, a
# deadlock, a timeout): the batch answers 5xx and the client sends it again.
PLATFORM_TROUBLE = (db_errors.OperationalError, db_errors.InterfaceError, db_errors.InternalError,
                    db_errors.TimeoutError, db_errors.DisconnectionError, MemoryError)


# An op of a batch read and checked before the write lock: the op, or why it is refused.
Parsed = Op | OpRejected


def parse_batch(raw_ops: list[Any], actor: Actor, body_bytes: int | None = None) -> list[Parsed]:
    """What of a batch needs no database (decoding, the op's form, its site), done
    before the write lock so another replica's batch can be applied meanwhile.
    `body_bytes`, the request's size, spares measuring each op when the whole is
    under the limit."""
    check_size = body_bytes is None or body_bytes > MAX_OP_BYTES
    out: list[Parsed] = []
    for raw in raw_ops:
        try:
            op = parse_op(raw, check_size=check_size)
            site_check(op, actor)
        except OpRejected as exc:
            out.append(exc)
        else:
            out.append(op)
    return out


def apply_batch(s: Session, registry: Registry, raw_ops: list[Any], now: str,
                body_bytes: int | None = None, parsed: list[Parsed] | None = None) -> list[OpResult]:  # fmt: skip
    """Applies a batch in order. `parsed`: parse_batch's answers for `raw_ops`, by
    the session's actor (made here when not given)."""
    actor = actor_of(s)
    if parsed is None:
        parsed = parse_batch(raw_ops, actor, body_bytes)
    results: list[OpResult] = []
    run: list[Op] = []
    run_applier: SegmentApplier | None = None
    levels: list[PendingLevel] = []  # written once their ops applied (server/clearance.py)
    known = batch_levels(s, raw_ops)

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

    for raw, op in zip(raw_ops, parsed, strict=True):
        try:
            if isinstance(op, OpRejected):
                raise op
            op, level = check_op(s, op, actor.clearance, known)
        except OpRejected as exc:
            flush_run()
            results.append(OpResult(op_id=op_id_of(raw), status="rejected", reason=str(exc)))
            continue
        if level is not None and level.only:
            flush_run()
            results.append(_level_only(s, level, now))
            continue
        if level is not None:
            levels.append(level)
        applier = registry.segment_of(op)
        if applier is not run_applier:
            flush_run()
        if applier is None:  # the op as checked (without its level), made only where needed: under the lock
            results.append(apply_one(s, registry, op.model_dump() if level is not None else raw, now))
        else:
            run_applier = applier
            run.append(op)
    flush_run()
    if levels:
        write_levels(s, levels, results, actor.clearance, now)
    return results


def _level_only(s: Session, pending: PendingLevel, now: str) -> OpResult:
    """A level change alone (server/clearance.py), in its own savepoint like any op."""
    savepoint = s.begin_nested()
    try:
        result = apply_level_only(s, pending, now)
    except OpRejected as exc:
        savepoint.rollback()
        return OpResult(op_id=pending.op_id, status="rejected", reason=str(exc))
    savepoint.commit()
    return result


def site_check(op: Op, actor: Actor) -> None:
    """An account bound to a site writes for that site only: its ops' site code
    is the token's to vouch for, not the client's to claim."""
    if actor.site_code and op.site_code != actor.site_code:
        raise OpRejected(f"account {actor.account} writes for site {actor.site_code}, not {op.site_code or 'none'!r}")


def apply_one(s: Session, registry: Registry, raw: Any, now: str) -> OpResult:
    """One op in its own savepoint: rejected ones change nothing."""
    savepoint = s.begin_nested()
    try:
        op = parse_op(raw)
        result = apply_op(s, registry, op, now)
    except OpRejected as exc:
        savepoint.rollback()
        return OpResult(op_id=op_id_of(raw), status="rejected", reason=str(exc))
    except PLATFORM_TROUBLE:
        savepoint.rollback()
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence: this op, not the batch
        savepoint.rollback()
        s.expire_all()
        log.exception("operation %s could not be stored; refused", op_id_of(raw))
        return OpResult(op_id=op_id_of(raw), status="rejected", reason=unstorable(exc))
    savepoint.commit()
    return result


def unstorable(exc: Exception) -> str:
    """A rejection's reason for an op the database refused: the driver's first
    line (never the statement or its parameters)."""
    cause = exc.orig if isinstance(exc, db_errors.DBAPIError) and exc.orig is not None else exc
    first = (str(cause).strip().splitlines() or [""])[0][:200]
    return f"the platform could not store this operation ({type(cause).__name__}: {first})"


def apply_op(s: Session, registry: Registry, op: Op, now: str) -> OpResult:
    """Applies one valid op at most once; raises OpRejected for a refused one."""
    seen = s.get(AppliedOpRow, op.op_id)
    if seen is not None:
        return OpResult(op_id=op.op_id, status="duplicate", reason=seen.reason, seq=seen.seq)
    handler = audit_events.HANDLERS.get((op.entity, op.op)) or registry.handler(op.entity, op.op)
    result = handler(s, op, now)
    s.add(AppliedOpRow(op_id=op.op_id, status=result.status, reason=result.reason, seq=result.seq, at=now))
    s.flush()
    return result
