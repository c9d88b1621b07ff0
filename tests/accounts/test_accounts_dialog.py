"""The user management dialog (issue 18 item 2): an admin sees accounts and
workstations and acts on them by keyboard; any other role, or no log-in, gets
a message and nothing enabled; refusals (the password policy among them) are
said in Chinese and the list stays; empty lists say so. Screenshots in
Chinese go to $WATCHROOM_SHOTS (default /tmp/watchroom-shots)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.i18n_build import build
from services.accounts.admin_client import AdminRefused
from services.accounts.wire import AccountInfo, Directory, PolicyInfo, WorkstationInfo
from views.accounts.admin_dialog import AccountsDialog
from views.accounts.forms import PasswordForm

SHOTS = Path(os.environ.get("WATCHROOM_SHOTS", "/tmp/watchroom-shots"))
POLICY = PolicyInfo(min_length=12, min_classes=3, forbid_username=True)


@pytest.fixture(scope="module")
def chinese():
    from app.i18n import install_language

    build()
    translators = install_language(QApplication.instance() or QApplication([]), "zh_CN")
    yield
    for tr in translators:
        QApplication.instance().removeTranslator(tr)


class FakeAdmin:
    """The admin API as the dialog uses it; records what it was asked."""

    def __init__(self, directory: Directory, refuse: AdminRefused | None = None):
        self.directory_answer, self.refuse, self.calls = directory, refuse, []

    async def directory(self):
        if self.refuse and self.refuse.code in ("offline", "forbidden"):
            raise self.refuse
        return self.directory_answer

    def __getattr__(self, name):
        async def act(*args, **kwargs):
            self.calls.append((name, args, kwargs))
            if self.refuse:
                raise self.refuse
        return act


def _directory(accounts=True, stations=True) -> Directory:
    return Directory(
        accounts=[AccountInfo(username="chief", role="duty_chief", active=True, clearance=2),
                  AccountInfo(username="root", role="admin", active=True, clearance=3),
                  AccountInfo(username="wang", role="duty_officer", active=False, clearance=1)] if accounts else [],
        workstations=[WorkstationInfo(name="ws-desk-1", clearance=1, active=True, created_at="2026-11-22T08:00:00"),
                      WorkstationInfo(name="ws-shelter", clearance=0, active=False,
                                      created_at="2026-11-23T02:10:00")] if stations else [],
        policy=POLICY)


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))


def test_an_admin_sees_accounts_and_acts_by_keyboard(qtbot, chinese):
    admin = FakeAdmin(_directory())
    dialog = AccountsDialog(admin, lambda: "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    asyncio.run(dialog.refresh())
    assert dialog.accounts.rowCount() == 3 and dialog.stations.rowCount() == 2
    assert dialog.accounts.item(0, 1).text() == "值班长" and "已停用" in dialog.accounts.item(2, 3).text()
    assert all(b.isEnabled() for b in dialog.actions)
    assert "3 个账户" in dialog.message.text()
    _shot(dialog, "accounts-admin.png")
    dialog.accounts.selectRow(2)
    dialog.confirm = lambda _text: True
    dialog.spawn = lambda coro: asyncio.run(coro)
    dialog.toggle_active()
    dialog.ask_choice = lambda *_a: 4
    dialog.change_clearance()
    dialog.ask_password_form = lambda name, new: {"password": "New-Password-2026"} if not new else None
    dialog.reset_password()
    assert [c[0] for c in admin.calls] == ["set_active", "set_clearance", "reset_password"]
    assert admin.calls[0][1] == ("wang", True) and admin.calls[1][1] == ("wang", 4)
    dialog.tabs.setCurrentIndex(1)
    dialog.stations.selectRow(1)
    dialog.revoke_station()
    assert admin.calls[-1] == ("revoke_workstation", ("ws-shelter",), {})
    _shot(dialog, "accounts-workstations.png")
    shortcuts = {b.shortcut().toString() for b in dialog.actions}
    assert {"Ctrl+N", "F2", "Ctrl+L", "Ctrl+P", "Ctrl+D", "Ctrl+E"} <= shortcuts


def test_a_non_admin_gets_a_message_and_nothing_enabled(qtbot, chinese):
    dialog = AccountsDialog(FakeAdmin(_directory()), lambda: "duty_officer")
    qtbot.addWidget(dialog)
    dialog.show()
    asyncio.run(dialog.refresh())
    assert dialog.accounts.rowCount() == 0
    assert not any(b.isEnabled() for b in dialog.actions) and not dialog.tabs.isEnabled()
    assert "只有管理员" in dialog.message.text() and "值班员" in dialog.message.text()
    _shot(dialog, "accounts-not-admin.png")
    logged_out = AccountsDialog(FakeAdmin(_directory()), lambda: "")
    qtbot.addWidget(logged_out)
    assert "未登录" in logged_out.message.text()


def test_refusals_are_said_in_chinese_and_the_list_stays(qtbot, chinese):
    admin = FakeAdmin(_directory(), AdminRefused("password", "", ("too_short", "contains_username")))
    dialog = AccountsDialog(admin, lambda: "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    asyncio.run(dialog.refresh())
    dialog.ask_password_form = lambda name, new: {"username": "x", "password": "x", "role": "viewer",
                                                  "clearance": 1, "unit_id": ""}
    dialog.spawn = lambda coro: asyncio.run(coro)
    dialog.new_account()
    assert "至少需要 12 个字符" in dialog.message.text() and "不得包含用户名" in dialog.message.text()
    assert dialog.accounts.rowCount() == 3
    _shot(dialog, "accounts-refused.png")
    admin.refuse = AdminRefused("offline", "connection refused")
    asyncio.run(dialog.refresh())
    assert "无法连接平台" in dialog.message.text() and dialog.accounts.rowCount() == 3


def test_empty_lists_say_so(qtbot, chinese):
    dialog = AccountsDialog(FakeAdmin(_directory(accounts=False, stations=False)), lambda: "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    asyncio.run(dialog.refresh())
    dialog.tabs.setCurrentIndex(1)
    assert dialog.stations_empty.isVisible() and "首次登录" in dialog.stations_empty.text()
    _shot(dialog, "accounts-empty.png")
    dialog.change_station_clearance()  # nothing chosen: a message, no call
    assert "请先在列表中选择" in dialog.message.text()


def test_the_password_form_checks_the_policy_before_sending(qtbot, chinese):
    form = PasswordForm("", POLICY, with_account=True)
    qtbot.addWidget(form)
    form.show()
    form.username.setText("wang")
    form.password.setText("wang1234")
    form.again.setText("wang12345")
    form.on_accept()
    text = form.message.text()
    assert "不一致" in text and "至少需要 12 个字符" in text and "不得包含用户名" in text
    assert form.result() == 0  # not accepted
    _shot(form, "accounts-new-account.png")
    form.role.setCurrentIndex(form.role.findData("field_unit"))
    form.password.setText("Sturdy-Pass-2026")
    form.again.setText("Sturdy-Pass-2026")
    form.on_accept()
    assert "单位" in form.message.text()
    form.unit.setText("team-7")
    form.on_accept()
    assert form.result() == 1 and form.values()["unit_id"] == "team-7"
