"""When the database cannot be reached (PostgreSQL restarting, its standby being
promoted, the network between) a request answers 503 with Retry-After and a
sentence saying so, not a bare 500: clients keep their outbox and send again
(services/sync: a 5xx is retried, on the next endpoint if there is one). The
replica itself keeps running; its pool checks a connection before lending it
(pool_pre_ping, server/db.py connect) and reconnects once the database is back."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import exc as db_errors

RETRY_AFTER_S = 5
MESSAGE = "the platform's database cannot be reached at the moment; try again shortly"
log = logging.getLogger(__name__)

# The driver's "no connection" family and the pool's wait running out. A read-only
# transaction (a demoted primary after a failover) is its own SQLSTATE, 25006.
OUTAGES = (db_errors.OperationalError, db_errors.InterfaceError, db_errors.DisconnectionError,
           db_errors.TimeoutError)
READ_ONLY = "25006"


async def _unreachable(request: Request, exc: Exception) -> JSONResponse:
    cause = getattr(exc, "orig", None) or exc
    first = (str(cause).strip().splitlines() or [""])[0][:200]
    log.warning("%s %s: database unreachable (%s: %s); answered 503", request.method, request.url.path,
                type(cause).__name__, first)
    return JSONResponse({"detail": MESSAGE}, status_code=503, headers={"Retry-After": str(RETRY_AFTER_S)})


async def _internal(request: Request, exc: Exception) -> JSONResponse:
    if getattr(getattr(exc, "orig", None), "sqlstate", None) == READ_ONLY:
        return await _unreachable(request, exc)
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"detail": "Internal Server Error"}, status_code=500)


def install(app: FastAPI) -> None:
    for kind in OUTAGES:
        app.add_exception_handler(kind, _unreachable)
    app.add_exception_handler(db_errors.InternalError, _internal)
