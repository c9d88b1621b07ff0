"""The accounts panel offers the sensor-gateway role (传感网关, issue 17): the
new-account form lists it by its Chinese name and sends `sensor_gateway`; the
account list and the change-role choice name it. Screenshots in Chinese go to
$WATCHROOM_SHOTS (default /tmp/watchroom-shots)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.i18n_build import build
from services.accounts.wire import ROLES, AccountInfo, Directory, PolicyInfo
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
    def __init__(self, directory: Directory):
        self.directory_answer, self.calls = directory, []

    async def directory(self):
        return self.directory_answer

    def __getattr__(self, name):
        async def act(*args, **kwargs):
            self.calls.append((name, args, kwargs))
        return act


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / name))


def test_the_new_account_form_offers_the_gateway_role(qtbot, chinese):
    form = PasswordForm("", POLICY, with_account=True)
    qtbot.addWidget(form)
    form.show()
    index = form.role.findData("sensor_gateway")
    assert index >= 0 and form.role.itemText(index) == "传感网关"
    form.role.setCurrentIndex(index)
    form.username.setText("gw-cuntan")
    form.password.setText("Sturdy-Pass-2026")
    form.again.setText("Sturdy-Pass-2026")
    _shot(form, "accounts-new-gateway.png")
    form.on_accept()
    assert form.result() == 1 and form.values()["role"] == "sensor_gateway"


def test_the_account_list_names_a_gateway_and_its_role_can_be_chosen(qtbot, chinese):
    admin = FakeAdmin(Directory(accounts=[
        AccountInfo(username="gw-cuntan", role="sensor_gateway", active=True, clearance=0),
        AccountInfo(username="wang", role="duty_officer", active=True, clearance=1)], workstations=[], policy=POLICY))
    dialog = AccountsDialog(admin, lambda: "admin")
    qtbot.addWidget(dialog)
    dialog.show()
    asyncio.run(dialog.refresh())
    names = {dialog.accounts.item(row, 0).text(): dialog.accounts.item(row, 1).text() for row in range(2)}
    assert names == {"gw-cuntan": "传感网关", "wang": "值班员"}
    _shot(dialog, "accounts-gateway-listed.png")
    row = [r for r in range(2) if dialog.accounts.item(r, 0).text() == "wang"][0]
    dialog.accounts.selectRow(row)
    dialog.spawn = lambda coro: asyncio.run(coro)
    offered = []
    dialog.ask_choice = lambda _title, _label, names, _current: offered.extend(names) or ROLES.index("sensor_gateway")
    dialog.change_role()
    assert "传感网关" in offered
    assert admin.calls[-1][0] == "set_role" and admin.calls[-1][1] == ("wang", "sensor_gateway")
