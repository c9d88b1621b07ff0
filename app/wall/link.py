"""Qt ends of the wall-command channel. A workstation pushes through a link:
straight to a commander's display in this program, or through the platform to
one elsewhere; either way `sig_report` says what the wall shows afterwards."""

from __future__ import annotations

import asyncio
import contextlib
import logging

from PySide6.QtCore import QObject, Signal

from services.sync.engine import SyncError
from services.wall.channel import WallListener, WallRemote
from services.wall.wire import WallCommand, WallReport

log = logging.getLogger(__name__)


def engine_request(sync):
    """SyncEngine.request while logged in, else None."""
    return lambda: sync.engine.request if sync is not None and sync.engine is not None else None


class LocalWallLink(QObject):
    """The display is a window of this program: commands are applied at once."""

    sig_report = Signal(object)  # WallReport
    sig_problem = Signal(str)

    def __init__(self, display, parent=None):
        super().__init__(parent)
        self.display = display
        display.sig_reported.connect(self.sig_report)

    def push(self, command: WallCommand) -> None:
        self.display.apply(command)

    def stop(self) -> None:
        """Nothing runs in the background."""


class PlatformWallLink(QObject):
    sig_report = Signal(object)
    sig_problem = Signal(str)

    def __init__(self, sync, wall_id: str, parent=None):
        super().__init__(parent)
        self.remote = WallRemote(engine_request(sync), wall_id, self.sig_report.emit)
        self.task = asyncio.ensure_future(self.remote.follow())

    def push(self, command: WallCommand) -> None:
        async def send() -> None:
            try:
                await self.remote.push(command)
            except SyncError as exc:
                log.info("wall command not sent: %s", exc)
                self.sig_problem.emit(exc.problem)

        asyncio.ensure_future(send())

    def stop(self) -> None:
        self.remote.stop()
        self.task.cancel()


class WallEnd(QObject):
    """On the commander's display: commands from the platform applied, reports sent back."""

    sig_state = Signal(str)  # online / offline

    def __init__(self, sync, display, wall_id: str, parent=None):
        super().__init__(parent)
        self.display = display
        self.listener = WallListener(engine_request(sync), wall_id, display.apply, self.sig_state.emit)
        display.sig_reported.connect(self._send)
        self.task = asyncio.ensure_future(self.listener.run())
        self._sent_first = False
        self.sig_state.connect(self._on_state)

    def _on_state(self, state: str) -> None:
        if state == "online" and not self._sent_first:  # workstations see the wall is there
            self._sent_first = True
            self.display.report()

    def _send(self, report: WallReport) -> None:
        asyncio.ensure_future(self.listener.report(report))

    async def stop(self) -> None:
        self.listener.stop()
        self.task.cancel()
        with contextlib.suppress(BaseException):
            await self.task
