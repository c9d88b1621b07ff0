"""The audit over HTTP: the signed checkpoints, for every signed-in
workstation to keep and compare (services/audit/checkpoints.py), and the
records, for admins only (read-only: there is no route that writes one)."""

# No `from __future__ import annotations`: the routes' dependencies are resolved at run time.

from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import select

from server import audit, audit_sign
from server.audit import AuditRow
from server.db import Database
from server.http_errors import errors
from services.audit.wire import (
    CHECKPOINTS_PATH,
    MAX_CHECKPOINTS,
    MAX_RECORDS,
    RECORDS_PATH,
    AuditPage,
    AuditRecord,
    Checkpoint,
    CheckpointPage,
)
from services.text_rules import INT64_MAX

PLAIN = r"^[^\x00-\x1f\x7f]*$"
WHEN = r"^[0-9T:.+\-Z ]{0,40}$"  # ISO times, compared as text (stored UTC with the same format)


def audit_router(db: Database, signer: Callable[[], audit_sign.Signer], can_read, is_admin) -> APIRouter:
    """`signer()`: the platform's current checkpoint key (app.state.audit_signer)."""
    router = APIRouter()

    @router.get(CHECKPOINTS_PATH, response_model=CheckpointPage, responses=errors(401, 403, 422))
    async def checkpoints(_user: can_read, after: Annotated[int, Query(ge=0, le=INT64_MAX)] = 0,
                          limit: Annotated[int, Query(ge=1, le=MAX_CHECKPOINTS)] = 100) -> CheckpointPage:
        """Checkpoints numbered above `after`, oldest first, and the key that signs them."""

        def read():
            with db.engine.connect() as conn:
                return audit_sign.checkpoints_after(conn, after, limit)

        rows = await run_in_threadpool(read)
        key = signer()
        return CheckpointPage(algorithm=key.algorithm, key_id=key.key_id, public_key=key.public_key,
                              checkpoints=[Checkpoint(**row) for row in rows])

    @router.get(RECORDS_PATH, response_model=AuditPage, responses=errors(401, 403, 422))
    async def records(_admin: is_admin,
                      since: Annotated[str, Query(max_length=40, pattern=WHEN)] = "",
                      until: Annotated[str, Query(max_length=40, pattern=WHEN)] = "",
                      account: Annotated[str, Query(max_length=100, pattern=PLAIN)] = "",
                      action: Annotated[str, Query(max_length=32, pattern=PLAIN)] = "",
                      before: Annotated[int, Query(ge=0, le=INT64_MAX)] = 0,
                      limit: Annotated[int, Query(ge=1, le=MAX_RECORDS)] = 100) -> AuditPage:
        """Newest first, filtered by UTC time range [since, until), account and action;
        `before` pages on (the last page's `next_before`)."""
        table = AuditRow.__table__
        query = select(*(table.c[c] for c in audit.COLUMNS if c != "prev_hash"))
        if since:
            query = query.where(table.c.at >= since)
        if until:
            query = query.where(table.c.at < until)
        if account:
            query = query.where(table.c.account == account)
        if action:
            query = query.where(table.c.action == action)
        if before:
            query = query.where(table.c.seq < before)
        query = query.order_by(table.c.seq.desc()).limit(limit + 1)

        def read():
            with db.engine.connect() as conn:
                return [dict(r._mapping) for r in conn.execute(query)]

        rows = await run_in_threadpool(read)
        more = len(rows) > limit
        rows = rows[:limit]
        return AuditPage(records=[AuditRecord(**r) for r in rows], next_before=rows[-1]["seq"] if more else None)

    return router
