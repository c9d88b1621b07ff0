"""用户管理: the platform's accounts and workstations for an administrator,
keyboard first (F5 refresh, Ctrl+N new account, F2 role, Ctrl+L clearance,
Ctrl+P reset password, Ctrl+D deactivate or activate, Ctrl+E end sessions).
Everything goes to the platform at once through the admin API (nothing waits
in the outbox: an admin acts on the live platform or not at all); refusals and
an unreachable platform are said in Chinese and the list stays as it was. For
any other role the dialog says so and every action is disabled."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from services.accounts.admin_client import AccountAdmin, AdminRefused
from services.accounts.wire import CLEARANCE_MIN, ROLES, Directory
from views.accounts.forms import PasswordForm, clearance_items
from views.accounts.messages import clearance_name, refusal, role_name

log = logging.getLogger(__name__)


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    """The rows, keeping the selected name selected (an admin acts on one account after another)."""
    current = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    keep = current.text() if current is not None else ""
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))  # items are plain text, never markup
    table.resizeColumnsToContents()
    names = [row[0] for row in rows]
    if rows:
        table.selectRow(names.index(keep) if keep in names else 0)


class AccountsDialog(QDialog):
    """`admin`: the admin API client; `role()`: the role of the platform log-in ("" when none)."""

    def __init__(self, admin: AccountAdmin, role: Callable[[], str], parent=None):
        super().__init__(parent)
        self.admin, self.role = admin, role
        self.directory: Directory | None = None
        self.task: asyncio.Future | None = None
        self.setWindowTitle(self.tr("User management"))
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        self.message = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.message.setObjectName("accounts_message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.tabs = QTabWidget()
        self.accounts = _table([self.tr("User name"), self.tr("Role"), self.tr("Clearance"), self.tr("State")])
        self.stations = _table([self.tr("Workstation"), self.tr("Clearance"), self.tr("State"),
                                self.tr("Registered")])
        self.accounts_empty = QLabel(self.tr("No accounts on the platform yet."), textFormat=Qt.TextFormat.PlainText)
        self.stations_empty = QLabel(self.tr("No workstation has logged in yet: each is registered at its first "
                                             "log-in."), textFormat=Qt.TextFormat.PlainText)
        self.tabs.addTab(self._page(self.accounts, self.accounts_empty, self._account_buttons()), self.tr("&Accounts"))
        self.tabs.addTab(self._page(self.stations, self.stations_empty, self._station_buttons()),
                         self.tr("&Workstations"))
        layout.addWidget(self.tabs)
        bottom = QHBoxLayout()
        self.refresh_button = self._button(self.tr("Refresh"), QKeySequence(Qt.Key.Key_F5), self.reload)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        bottom.addWidget(self.refresh_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        self.actions: list[QPushButton] = [*self.account_actions, *self.station_actions]
        self.check_role()

    # ---- building --------------------------------------------------------------

    def _button(self, text: str, key: QKeySequence | str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setShortcut(QKeySequence(key))
        button.setToolTip(QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText))
        button.clicked.connect(slot)
        return button

    def _page(self, table: QTableWidget, empty: QLabel, buttons: QHBoxLayout) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.addWidget(table)
        empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty.setWordWrap(True)
        empty.hide()
        box.addWidget(empty)
        box.addLayout(buttons)
        return page

    def _account_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.account_actions = [
            self._button(self.tr("New account…"), "Ctrl+N", self.new_account),
            self._button(self.tr("Role…"), "F2", self.change_role),
            self._button(self.tr("Clearance…"), "Ctrl+L", self.change_clearance),
            self._button(self.tr("Reset password…"), "Ctrl+P", self.reset_password),
            self._button(self.tr("Deactivate / activate"), "Ctrl+D", self.toggle_active),
            self._button(self.tr("End its sessions"), "Ctrl+E", self.revoke),
        ]
        for button in self.account_actions:
            row.addWidget(button)
        return row

    def _station_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.station_actions = [
            self._button(self.tr("Workstation clearance…"), "Ctrl+Shift+L", self.change_station_clearance),
            self._button(self.tr("Deactivate / activate workstation"), "Ctrl+Shift+D", self.toggle_station),
            self._button(self.tr("End sessions on it"), "Ctrl+Shift+E", self.revoke_station),
        ]
        for button in self.station_actions:
            row.addWidget(button)
        return row

    # ---- state -------------------------------------------------------------------

    def is_admin(self) -> bool:
        return self.role() == "admin"

    def check_role(self) -> bool:
        """Disables everything for a role that is not admin, and says why."""
        role = self.role()
        allowed = role == "admin"
        for button in [*self.actions, self.refresh_button]:
            button.setEnabled(allowed)
        self.tabs.setEnabled(allowed)
        if not role:
            self.say(self.tr("Not logged in to the platform: log in first (Platform → Log in)."), error=True)
        elif not allowed:
            self.say(self.tr("Only an administrator may manage accounts (this log-in is: %1).")
                     .replace("%1", role_name(role)), error=True)
        return allowed

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #b00000" if error else "color: #1b5e20")

    def show_directory(self, directory: Directory) -> None:
        self.directory = directory
        _fill(self.accounts, [[a.username, role_name(a.role), clearance_name(a.clearance),
                               self.tr("active") if a.active else self.tr("deactivated")]
                              for a in directory.accounts])
        _fill(self.stations, [[s.name, clearance_name(s.clearance), self.tr("active") if s.active
                               else self.tr("deactivated"), s.created_at] for s in directory.workstations])
        self.accounts_empty.setVisible(not directory.accounts)
        self.stations_empty.setVisible(not directory.workstations)

    def selected(self, table: QTableWidget) -> str:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return item.text() if item is not None else ""

    # ---- talking to the platform -------------------------------------------------

    def reload(self) -> None:
        self.spawn(self.refresh())

    def spawn(self, coro: Awaitable) -> None:
        if self.task is not None and not self.task.done():
            coro.close()
            return
        self.task = asyncio.ensure_future(coro)

    async def refresh(self) -> None:
        if not self.check_role():
            return
        try:
            self.show_directory(await self.admin.directory())
        except AdminRefused as exc:
            log.info("accounts not listed: %s", exc)
            self.say(refusal(exc), error=True)
            return
        self.say(self.tr("%1 accounts, %2 workstations.").replace("%1", str(len(self.directory.accounts)))
                 .replace("%2", str(len(self.directory.workstations))))

    async def carry_out(self, action: Callable[[], Awaitable], done: str) -> bool:
        """One admin action, then the list again; False (and why) when refused."""
        try:
            await action()
        except AdminRefused as exc:
            log.info("account action refused: %s", exc)
            self.say(refusal(exc, self.directory.policy if self.directory else None), error=True)
            return False
        await self.refresh()
        self.say(done)
        return True

    # ---- asking (replaced in tests) --------------------------------------------

    def ask_password_form(self, username: str, with_account: bool) -> dict | None:
        form = PasswordForm(username, self.directory.policy if self.directory else None, self,
                            with_account=with_account)
        return form.values() if form.exec() == QDialog.DialogCode.Accepted else None

    def ask_choice(self, title: str, label: str, items: list[str], current: int) -> int | None:
        text, ok = QInputDialog.getItem(self, title, label, items, current, False)
        return items.index(text) if ok and text in items else None

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.windowTitle(), text)
        return answer == QMessageBox.StandardButton.Yes

    # ---- the actions ---------------------------------------------------------------

    def _account(self):
        name = self.selected(self.accounts)
        found = [a for a in self.directory.accounts if a.username == name] if self.directory else []
        if not found:
            self.say(self.tr("Choose an account in the list first."), error=True)
        return found[0] if found else None

    def _station(self):
        name = self.selected(self.stations)
        found = [s for s in self.directory.workstations if s.name == name] if self.directory else []
        if not found:
            self.say(self.tr("Choose a workstation in the list first."), error=True)
        return found[0] if found else None

    def new_account(self) -> None:
        values = self.ask_password_form("", True)
        if values:
            self.spawn(self.carry_out(lambda: self.admin.create_user(**values),
                                      self.tr("Account %1 created.").replace("%1", values["username"])))

    def change_role(self) -> None:
        account = self._account()
        if account is None:
            return
        names = [role_name(r) for r in ROLES]
        chosen = self.ask_choice(self.tr("Role"), self.tr("Role of %1 (its sessions end):")
                                 .replace("%1", account.username), names,
                                 ROLES.index(account.role) if account.role in ROLES else 0)
        if chosen is not None and ROLES[chosen] != account.role:
            self.spawn(self.carry_out(lambda: self.admin.set_role(account.username, ROLES[chosen]),
                                      self.tr("Role of %1 changed.").replace("%1", account.username)))

    def change_clearance(self) -> None:
        account = self._account()
        if account is None:
            return
        chosen = self.ask_choice(self.tr("Clearance"), self.tr("Clearance of %1:").replace("%1", account.username),
                                 clearance_items(), account.clearance - CLEARANCE_MIN)
        if chosen is not None:
            self.spawn(self.carry_out(lambda: self.admin.set_clearance(account.username, chosen + CLEARANCE_MIN),
                                      self.tr("Clearance of %1 changed.").replace("%1", account.username)))

    def reset_password(self) -> None:
        account = self._account()
        values = self.ask_password_form(account.username, False) if account is not None else None
        if values:
            self.spawn(self.carry_out(lambda: self.admin.reset_password(account.username, values["password"]),
                                      self.tr("Password of %1 reset; its sessions are ended.")
                                      .replace("%1", account.username)))

    def toggle_active(self) -> None:
        account = self._account()
        if account is None:
            return
        question = (self.tr("Deactivate %1? Its sessions end and it cannot log in.") if account.active
                    else self.tr("Let %1 log in again?")).replace("%1", account.username)
        if self.confirm(question):
            self.spawn(self.carry_out(lambda: self.admin.set_active(account.username, not account.active),
                                      self.tr("%1 changed.").replace("%1", account.username)))

    def revoke(self) -> None:
        account = self._account()
        if account is not None and self.confirm(self.tr("End every session of %1 now?")
                                                .replace("%1", account.username)):
            self.spawn(self.carry_out(lambda: self.admin.revoke_user(account.username),
                                      self.tr("Every session of %1 is ended.").replace("%1", account.username)))

    def change_station_clearance(self) -> None:
        station = self._station()
        if station is None:
            return
        chosen = self.ask_choice(self.tr("Clearance"), self.tr("Clearance of workstation %1:")
                                 .replace("%1", station.name), clearance_items(), station.clearance - CLEARANCE_MIN)
        if chosen is not None:
            self.spawn(self.carry_out(lambda: self.admin.set_workstation_clearance(station.name, chosen + CLEARANCE_MIN),
                                      self.tr("Clearance of %1 changed.").replace("%1", station.name)))

    def toggle_station(self) -> None:
        station = self._station()
        if station is None:
            return
        question = (self.tr("Deactivate workstation %1? Every session on it ends.") if station.active
                    else self.tr("Let workstation %1 log in again?")).replace("%1", station.name)
        if self.confirm(question):
            self.spawn(self.carry_out(lambda: self.admin.set_workstation_active(station.name, not station.active),
                                      self.tr("%1 changed.").replace("%1", station.name)))

    def revoke_station(self) -> None:
        station = self._station()
        if station is not None and self.confirm(self.tr("End every session on workstation %1 now?")
                                                .replace("%1", station.name)):
            self.spawn(self.carry_out(lambda: self.admin.revoke_workstation(station.name),
                                      self.tr("Every session on %1 is ended.").replace("%1", station.name)))
