"""The duty side in the main window: who the workstation's officer is (the one
signed in here, or with its platform account, on the shift under way — the
config's name only when nobody is), so new entries carry that name; the
platform account and role the last log-in gave (the duty services refuse
early what the platform would); and a sign-in's account taking over the
workstation's exchange with the platform."""

from __future__ import annotations

import getpass
import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from views.common.gui_op import GuiOp

log = logging.getLogger(__name__)
REFRESH_MS = 60_000
WATCHED = ("duty_signin", "handover", "shift_pattern")


def apply_operator(window, name: str) -> None:
    """The name new entries, orders and minutes carry, everywhere in the window."""
    ctx = window.ctx
    ctx.operator = name
    window.operator_label.setText(QCoreApplication.translate("MainWindow", "Duty officer: %1").replace("%1", name))
    for panel in window.panels.values():
        if hasattr(panel, "author"):
            panel.author = name
        dialogs = getattr(panel, "_dialogs", None)
        if dialogs is not None and hasattr(dialogs, "author"):
            dialogs.author = name


class DutyWiring(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.ctx = window, window.ctx
        self.sync = None
        self.fallback = self.ctx.config.operator or getpass.getuser()
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self._coalesce = QTimer(self, singleShot=True, interval=300)
        self._coalesce.timeout.connect(self.refresh)
        for entity in WATCHED:
            self.ctx.relay.records(entity).sig_changed.connect(lambda *_: self._coalesce.start())
        self.refresh()

    def refresh(self) -> None:
        identity = self.ctx.duty.identity
        GuiOp(self.window, self.ctx.runner, self.ctx.duty.shifts.current_officer, identity.account,
              identity.workstation).as_read().success(self._officer).run()

    def _officer(self, signin) -> None:
        name = signin.person_name if signin is not None else self.fallback
        if name != self.ctx.operator:
            log.info("the officer at this workstation is now %s", name)
            apply_operator(self.window, name)

    def identity_from(self, status) -> None:
        """What the last log-in said: the account the exchange runs as, and its role."""
        identity = self.ctx.duty.identity
        if status.account and (status.account, status.role) != (identity.account, identity.role):
            identity.account, identity.role = status.account, status.role
            self._coalesce.start()

    def signed_in(self, _signin, account: str, password: str) -> None:
        """An officer took over here with their platform account: the workstation now exchanges
        as that account (at a backup site without a link, once it returns)."""
        self.ctx.duty.identity.account = account
        if self.sync is not None and account and password:
            self.sync.login_as(account, password)
        self.refresh()
