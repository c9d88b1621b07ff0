"""The wall-command channel: duty workstations post commands for a named wall,
the wall (logged in with the viewer role) long-polls for them and reports back
what it shows. Kept in the database, so any replica serves any wall; a wait is
woken at once by a post through this replica and within POLL_S through another.

No `from __future__ import annotations` here: the routes' dependencies are
parameters of wall_router, which FastAPI must see as objects, not names."""


from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Integer, String, Text, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from server import audit, pg_rls
from server.clearance import wall_commands, wall_report
from server.db import Base, Database
from server.http_errors import errors
from server.wakeups import Wakeups
from services.clearance import TOP
from services.text_rules import INT64_MAX, value_problem
from services.wall.wire import MAX_WAIT_S, WALL_ID_PATTERN, WallCommand, WallCommandPage, WallReport

POLL_S = 0.25
KEEP_COMMANDS = 500  # per wall: an audit trail of recent pushes, not an archive
WallId = Annotated[str, PathParam(pattern=WALL_ID_PATTERN)]


def usable(body: Any) -> None:
    """422 for text a wall would show that holds NUL or control characters, or numbers past 64 bits."""
    problem = value_problem(body.model_dump())
    if problem:
        raise HTTPException(422, f"refused: {problem}")


class WallCommandRow(Base):
    __tablename__ = "wall_commands"
    __table_args__ = {"sqlite_autoincrement": True}

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    wall: Mapped[str] = mapped_column(String(40), index=True)
    id: Mapped[str] = mapped_column(String(36))
    body: Mapped[str] = mapped_column(Text)


class WallReportRow(Base):
    __tablename__ = "wall_reports"

    wall: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    body: Mapped[str] = mapped_column(Text)


def wall_router(db: Database, now, can_write, can_read, wakeups: Wakeups | None = None) -> APIRouter:
    router = APIRouter()
    wakeups = Wakeups(POLL_S) if wakeups is None else wakeups

    def last_seq(s: Session, wall: str) -> int:
        return s.scalar(select(func.coalesce(func.max(WallCommandRow.seq), 0)).where(WallCommandRow.wall == wall))

    def store_command(wall: str, command: WallCommand, principal: str = "", station: str = "") -> WallCommand:
        with Session(db.write) as s, s.begin():
            row = WallCommandRow(wall=wall, id=command.id, body="")
            s.add(row)
            s.flush()
            stored = command.model_copy(update={"seq": row.seq})
            row.body = stored.model_dump_json()
            s.execute(delete(WallCommandRow).where(WallCommandRow.wall == wall,
                                                   WallCommandRow.seq <= row.seq - KEEP_COMMANDS))
            audit.append(s, audit.WALL_COMMAND, principal, "wall", wall,
                         {"kind": str(stored.kind), "command": stored.id, "incident_id": stored.incident_id,
                          "camera_id": stored.camera_id, "layout": stored.layout},
                         workstation=station, at=stored.issued_at)
        return stored

    @router.post("/walls/{wall}/commands", response_model=WallCommand, responses=errors(400, 401, 403, 413, 422))
    async def post_command(wall: WallId, command: WallCommand, user: can_write) -> WallCommand:
        usable(command)
        command = command.model_copy(update={"issued_by": user.username, "issued_at": now()})
        stored = await run_in_threadpool(store_command, wall, command, user.username, user.workstation)
        wakeups.poke()
        return stored

    @router.get("/walls/{wall}/commands", response_model=WallCommandPage, responses=errors(401, 403, 422))
    async def get_commands(wall: WallId, user: can_read,
                           after: Annotated[int, Query(ge=-1, le=INT64_MAX)] = -1,
                           wait: Annotated[float, Query(ge=0, le=MAX_WAIT_S)] = 0) -> WallCommandPage:
        """after=-1: nothing, only the latest seq (a wall that starts does not replay)."""

        def check():
            with Session(db.engine) as s:
                if after < 0:
                    return [], last_seq(s, wall)
                bodies = s.scalars(select(WallCommandRow.body).where(WallCommandRow.wall == wall,
                                                                      WallCommandRow.seq > after)
                                   .order_by(WallCommandRow.seq).limit(100)).all()
                return ([WallCommand.model_validate_json(b) for b in bodies], None) if bodies else None

        found = await wakeups.wait_for(check, wait if after >= 0 else 0)
        commands, latest = found if found is not None else ([], None)
        if latest is None:
            latest = commands[-1].seq if commands else max(after, 0)
        if commands:  # nothing above the wall's clearance (server/clearance.py); the seq moves on regardless
            commands = await run_in_threadpool(visible_commands, commands, user.clearance)
        return WallCommandPage(commands=commands, last_seq=latest, now=now())

    def visible_commands(commands: list[WallCommand], clearance: int) -> list[WallCommand]:
        with pg_rls.scope(TOP), Session(db.engine) as s:  # the platform compares levels; only ids come out
            return wall_commands(s, commands, clearance)

    def store_report(wall: str, report: WallReport) -> WallReport:
        with Session(db.write) as s, s.begin():
            row = s.get(WallReportRow, wall)
            version = (row.version if row else 0) + 1
            stored = report.model_copy(update={"version": version, "reported_at": now()})
            if row is None:
                s.add(WallReportRow(wall=wall, version=version, body=stored.model_dump_json()))
            else:
                row.version, row.body = version, stored.model_dump_json()
        return stored

    @router.put("/walls/{wall}/report", response_model=WallReport, responses=errors(400, 401, 403, 413, 422))
    async def put_report(wall: WallId, report: WallReport, _user: can_read) -> WallReport:
        usable(report)
        stored = await run_in_threadpool(store_report, wall, report)
        wakeups.poke()
        return stored

    @router.get("/walls/{wall}/report", response_model=WallReport, responses=errors(204, 401, 403, 422))
    async def get_report(wall: WallId, user: can_read,
                         after_version: Annotated[int, Query(ge=0, le=INT64_MAX)] = 0,
                         wait: Annotated[float, Query(ge=0, le=MAX_WAIT_S)] = 0):
        """The wall's latest report once its version is past `after_version`; 204 if none came in time."""

        def check():
            with Session(db.engine) as s:
                row = s.get(WallReportRow, wall)
                return row.body if row is not None and row.version > after_version else None

        def visible(body: str) -> str:
            with pg_rls.scope(TOP), Session(db.engine) as s:
                report = WallReport.model_validate_json(body)
                shown = wall_report(s, report, user.clearance)
                return body if shown is report else shown.model_dump_json()

        body = await wakeups.wait_for(check, wait)
        if body is None:
            return Response(status_code=204)
        return Response(await run_in_threadpool(visible, body), media_type="application/json")

    return router
