"""Starts the sync engine on the GUI's asyncio loop (qasync) when the config
names platform endpoints; local writes wake it at once. Log-in and log-out
from the menu; without a password (keyring, environment, or a file password
the officer accepted once), the officer is asked. Log out ends the session on
the platform too, log out everywhere every session of the account."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer, Signal

from app.composition import AppContext
from services.accounts.admin_client import AccountAdmin, AdminRefused
from services.accounts.credentials import has_keyring, store_password
from services.audit.checkpoints import CheckpointWatch
from services.events import Event
from services.sync.engine import SyncEngine, SyncStatus
from views.sync_panel.login_dialog import LoginDialog

log = logging.getLogger(__name__)
ACCEPTED_KEY = "config_password_accepted:"  # mirror meta, per config file: the officer accepted it once


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
        self.ending: asyncio.Future | None = None  # the platform being told of a log-out
        ctx.events.subscribe(self._on_event)

    @property
    def configured(self) -> bool:
        return bool(self.endpoints)

    def start(self) -> None:
        """At start: sync at once when the config holds a password, else ask."""
        if not self.configured:
            return
        self.endpoints = self.vetted(self.endpoints)
        if self.ctx.config.sync_auth_mode == "certificate" or all(e.password for e in self.endpoints):
            self._run()
        else:
            self.window.set_sync_status(SyncStatus(state="offline", problem="not_logged_in"))
            self.login()

    def login(self) -> None:
        if not self.configured:
            return
        dialog = LoginDialog([e.name or e.url for e in self.endpoints], self.endpoints[0].username,
                             self.window, password_optional=self.ctx.config.sync_auth_mode == "certificate",
                             can_store=has_keyring())
        if dialog.exec() != LoginDialog.DialogCode.Accepted:
            return
        username, password = dialog.credentials()
        if dialog.store.isChecked() and password:
            for e in self.endpoints:  # read from there at the next start (app/config.py)
                store_password(e.url, username, password)
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

    def vetted(self, endpoints: list) -> list:
        """A password from the config file is used only once the officer has accepted
        the warning (asked once per config file on this workstation, kept in the mirror)."""
        if not any(e.password_source == "file" for e in endpoints):
            return endpoints
        key = ACCEPTED_KEY + str(self.ctx.config.path)
        if self.ctx.mirror.meta(key):
            return endpoints
        from views.accounts.file_password import accept_file_password

        if accept_file_password(self.window, str(self.ctx.config.path)):
            self.ctx.mirror.set_meta([(key, datetime.now(UTC).isoformat(timespec="seconds"))])
            return endpoints
        return [replace(e, password="", password_source="") if e.password_source == "file" else e
                for e in endpoints]

    def logout(self, quiet: bool = False, everywhere: bool = False) -> None:
        """Stops exchanging and forgets the password; local work goes on. Unless
        quiet, the platform ends this session (or, everywhere, all of the account's)."""
        engine, self.engine = self.engine, None
        if engine is not None and not quiet:
            self.ending = asyncio.ensure_future(self._end_session(engine, everywhere))
        elif engine is not None:
            engine.stop()
        if not quiet:
            self.endpoints = [replace(e, password="") for e in self.endpoints]
            self.window.set_sync_status(SyncStatus(state="offline", problem="logged_out"))

    def logout_everywhere(self) -> None:
        self.logout(everywhere=True)

    async def _end_session(self, engine: SyncEngine, everywhere: bool) -> bool:
        try:
            await asyncio.wait_for(AccountAdmin(lambda: engine.request).log_out(everywhere), 15)
            return True
        except (AdminRefused, TimeoutError) as exc:
            log.warning("the platform did not end the session: %s", exc)
            self.window.statusBar().showMessage(
                self.tr("The platform could not be told: its session ends when it expires or goes idle."), 15000)
            return False
        finally:
            engine.stop()

    def role(self) -> str:
        """The role of the running log-in ("" when not logged in)."""
        status = getattr(self.window, "last_sync_status", None)
        return status.role if self.engine is not None and status is not None else ""

    def manage_accounts(self) -> None:
        from views.accounts.admin_dialog import AccountsDialog

        dialog = AccountsDialog(AccountAdmin(lambda: self.engine.request if self.engine else None), self.role,
                                self.window)
        dialog.reload()
        dialog.exec()

    def _run(self) -> None:
        self.engine = SyncEngine(
            self.ctx.mirror, self.endpoints, kinds=self.ctx.kinds, client_id=self.ctx.mirror.meta("mirror_id") or "",
            site_code=self.ctx.config.site_code, executor=self.ctx.runner.writer_executor,
            events=self.ctx.events, clock=self.ctx.incidents.clock,
            on_status=self._on_status, tls=self.ctx.config.sync_tls, after_exchange=(self.audit_watch,),
        )
        self.task = asyncio.ensure_future(self.engine.run_forever())

    def _on_status(self, status: SyncStatus) -> None:
        if self.engine is None:  # an engine logging out: its last words are not the window's state
            return
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
        if self.ending is not None:  # a log-out being told to the platform
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(self.ending, 16)
        if self.task is not None:
            with contextlib.suppress(BaseException):
                await asyncio.wait_for(self.task, 5)
