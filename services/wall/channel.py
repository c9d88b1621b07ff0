"""Both ends of the wall-command channel through the platform, Qt-free: the wall
listens (long poll) and reports; a workstation pushes and watches the reports.
`request` is SyncEngine.request (an authenticated call on a healthy endpoint)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

import httpx
from pydantic import ValidationError

from services.sync.engine import SyncError, backoff
from services.wall.wire import COMMAND_TTL_S, WallCommand, WallCommandPage, WallReport

log = logging.getLogger(__name__)
Request = Callable[..., Awaitable[httpx.Response]]
POLL_WAIT_S = 20.0


def fresh(command: WallCommand, now: str) -> bool:
    """Young enough to act on, by the platform's own clock."""
    try:
        age = (datetime.fromisoformat(now) - datetime.fromisoformat(command.issued_at)).total_seconds()
    except ValueError:
        return False
    return age <= COMMAND_TTL_S


class WallListener:
    """On the wall: hands each fresh command to `on_command` in order, and sends
    the reports given to `report`. `request()` returns None while not logged in."""

    def __init__(self, request: Callable[[], Request | None], wall_id: str,
                 on_command: Callable[[WallCommand], None], on_state: Callable[[str], None] = lambda _s: None):
        self.request, self.wall_id = request, wall_id
        self.on_command, self.on_state = on_command, on_state
        self.after = -1
        self._stop = False

    def stop(self) -> None:
        self._stop = True

    async def run(self) -> None:
        failures = 0
        while not self._stop:
            call = self.request()
            if call is None:
                await asyncio.sleep(1.0)
                continue
            try:
                wait = POLL_WAIT_S if self.after >= 0 else 0
                response = await call("GET", f"/walls/{self.wall_id}/commands", params={"after": self.after,
                                      "wait": wait}, timeout=wait + 10)
                page = WallCommandPage.model_validate_json(response.content)
            except (SyncError, ValidationError, ValueError) as exc:
                failures += 1
                self.on_state("offline")
                log.info("wall channel: %s", exc)
                await asyncio.sleep(backoff(failures, base=0.5, cap=10.0))
                continue
            failures = 0
            self.on_state("online")
            for command in page.commands:
                if fresh(command, page.now):
                    self.on_command(command)
                else:
                    log.info("wall command %s skipped: older than %s s", command.id, COMMAND_TTL_S)
            self.after = page.last_seq

    async def report(self, report: WallReport) -> bool:
        call = self.request()
        if call is None:
            return False
        try:
            await call("PUT", f"/walls/{self.wall_id}/report", content=report.model_dump_json(), timeout=10)
        except SyncError as exc:
            log.info("wall report not sent: %s", exc)
            return False
        return True


class WallRemote:
    """On a workstation: pushes commands and follows what the wall reports."""

    def __init__(self, request: Callable[[], Request | None], wall_id: str, on_report: Callable[[WallReport], None]):
        self.request, self.wall_id, self.on_report = request, wall_id, on_report
        self.version = 0
        self._stop = False

    def stop(self) -> None:
        self._stop = True

    async def push(self, command: WallCommand) -> WallCommand:
        """The command as the platform stored it; SyncError when it could not be sent."""
        call = self.request()
        if call is None:
            raise SyncError("not logged in to the platform", "not_logged_in")
        response = await call("POST", f"/walls/{self.wall_id}/commands", content=command.model_dump_json(),
                              timeout=10)
        try:
            return WallCommand.model_validate_json(response.content)
        except ValidationError as exc:
            raise SyncError(f"wall command answer: {exc}", "bad_answer") from exc

    async def follow(self) -> None:
        failures = 0
        while not self._stop:
            call = self.request()
            if call is None:
                await asyncio.sleep(1.0)
                continue
            try:
                response = await call("GET", f"/walls/{self.wall_id}/report",
                                      params={"after_version": self.version, "wait": POLL_WAIT_S},
                                      timeout=POLL_WAIT_S + 10)
                if response.status_code == 204:
                    continue
                report = WallReport.model_validate_json(response.content)
            except (SyncError, ValidationError, ValueError) as exc:
                failures += 1
                log.info("wall reports: %s", exc)
                await asyncio.sleep(backoff(failures, base=0.5, cap=10.0))
                continue
            failures = 0
            self.version = report.version
            self.on_report(report)
