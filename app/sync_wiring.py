"""Starts the sync engine on the GUI's asyncio loop (qasync) when the config
names platform endpoints; local writes wake it at once. Log-in and log-out
from the menu; without a password in the config, the officer is asked."""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from app.composition import AppContext
from services.audit.checkpoints import CheckpointWatch
from services.events import Event
from services.sync.engine import SyncEngine, SyncStatus
from views.sync_panel.login_dialog import LoginDialog


class SyncController(QObject):
    sig_status = Signal(object)  # SyncStatus, after the window has shown it
    sig_audit_finding = Signal(object)  # services.audit.checkpoints.Finding, after each exchange

    def __init__(self, ctx: AppContext, window):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.engine: SyncEngine | None = None
        # The platform's signed audit checkpoints, kept and compared at each exchange.
        self.audit_watch = CheckpointWatch(ctx.mirror, self.sig_audit_finding.emit)
        self.task: asyncio.Future | None = None
        self.endpoints = list(ctx.config.endpoints)
        ctx.events.subscribe(self._on_event)

    @property
    def configured(self) -> bool:
        return bool(self.endpoints)

    def start(self) -> None:
        """At start: sync at once when the config holds a password, else ask."""
        if not self.configured:
            return
        if self.ctx.config.sync_auth_mode == "certificate" or all(e.password for e in self.endpoints):
            self._run()
        else:
            self.window.set_sync_status(SyncStatus(state="offline", problem="not_logged_in"))
            self.login()

    def login(self) -> None:
        if not self.configured:
            return
        dialog = LoginDialog([e.name or e.url for e in self.endpoints], self.endpoints[0].username,
                             self.window, password_optional=self.ctx.config.sync_auth_mode == "certificate")
        if dialog.exec() != LoginDialog.DialogCode.Accepted:
            return
        username, password = dialog.credentials()
        self.endpoints = [replace(e, username=username, password=password) for e in self.endpoints]
        self.logout(quiet=True)
        self._run()

    def login_as(self, username: str, password: str) -> None:
        """Exchanges as this account from now on (an officer signed in to a shift with it)."""
        if not self.configured:
            return
        self.endpoints = [replace(e, username=username, password=password) for e in self.endpoints]
        self.logout(quiet=True)
        self._run()

    def logout(self, quiet: bool = False) -> None:
        """Stops exchanging and forgets the password; local work goes on."""
        if self.engine is not None:
            self.engine.stop()
        self.engine = None
        if not quiet:
            self.endpoints = [replace(e, password="") for e in self.endpoints]
            self.window.set_sync_status(SyncStatus(state="offline", problem="logged_out"))

    def _run(self) -> None:
        self.engine = SyncEngine(
            self.ctx.mirror, self.endpoints, kinds=self.ctx.kinds, client_id=self.ctx.mirror.meta("mirror_id") or "",
            site_code=self.ctx.config.site_code, executor=self.ctx.runner.writer_executor,
            events=self.ctx.events, clock=self.ctx.incidents.clock,
            on_status=self._on_status, tls=self.ctx.config.sync_tls, after_exchange=(self.audit_watch,),
        )
        self.task = asyncio.ensure_future(self.engine.run_forever())

    def _on_status(self, status: SyncStatus) -> None:
        self.window.set_sync_status(status)
        self.sig_status.emit(status)
        if status.problem == "login_refused" and self.engine is not None:
            # Retrying a wrong password only locks the account: stop and ask.
            self.logout(quiet=True)
            self.endpoints = [replace(e, password="") for e in self.endpoints]
            QTimer.singleShot(0, self.login)

    def _on_event(self, _event: Event) -> None:
        # Our own writes wake the engine (it ignores the events of what it applies).
        if self.engine is not None:
            self.engine.wake()

    async def shutdown(self) -> None:
        if self.engine is not None:
            self.engine.stop()
        if self.task is not None:
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(self.task, 5)
