"""The admin's audit panel against a live platform: read-only records, newest
first, filtered and paged, in Chinese; a non-admin is refused; the status
bar's warning for a platform whose audit disagrees with the kept checkpoints."""

from __future__ import annotations

import asyncio
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from server.app import add_user
from services.audit import checkpoints
from services.sync.wire import API_PREFIX
from tests.server.live_server import start_live_server
from views.audit.alert import AuditAlert
from views.audit.panel import AuditPanel

SHOTS = Path(os.environ.get("WATCHROOM_SHOTS", "/tmp/audit_shots"))
TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def chinese():
    from app.i18n_build import build

    build()
    translator = QTranslator()
    assert translator.load("watchroom_zh_CN", str(Path(__file__).parents[2] / "resources" / "i18n"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def live(tmp_path):
    server = start_live_server("sqlite:///" + str(tmp_path / "p.db"))
    add_user(server.app.state.db, "admin", "admin-pw-1", "admin")
    add_user(server.app.state.db, "duty", "duty-pw-1", "duty_officer")
    yield server
    server.stop()


def requester(url: str, user: str, password: str):
    token = httpx.post(url + API_PREFIX + "/auth/login", json={"username": user, "password": password,
                                                               "workstation": "值班台-1"}).json()["access_token"]

    async def request(method: str, path: str, **kwargs):
        async with httpx.AsyncClient() as http:
            response = await http.request(method, url + API_PREFIX + path, **kwargs,
                                          headers={"Authorization": f"Bearer {token}"})
            response.raise_for_status()
            return response
    return request


def activity(url: str) -> None:
    """Log-ins, a failed one, and incidents written by the duty officer."""
    httpx.post(url + API_PREFIX + "/auth/login", json={"username": "duty", "password": "wrong-pw"})
    token = httpx.post(url + API_PREFIX + "/auth/login", json={"username": "duty", "password": "duty-pw-1"}).json()
    ops = []
    for n in range(3):
        iid = str(uuid.uuid4())
        ops.append({"op_id": str(uuid.uuid4()), "entity": "audit_event", "entity_id": iid, "op": "append",
                    "base_version": 0, "priority": 5, "created_at": datetime.now(UTC).isoformat(), "site_code": "CQ",
                    "payload": {"action": "export", "what": "report_pdf", "entity": "incident", "entity_id": iid,
                                "target": f"首报-{n}.pdf", "count": 1}})
    answer = httpx.post(url + API_PREFIX + "/ops", json={"client_id": "值班台-2", "ops": ops},
                        headers={"Authorization": f"Bearer {token['access_token']}"})
    assert answer.status_code == 200


def fetch(panel: AuditPanel) -> None:
    asyncio.new_event_loop().run_until_complete(panel._fetch(panel.params()))


def shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.resize(1200, 520)
    widget.show()
    QCoreApplication.processEvents()  # the header lays out its sections as the window would
    assert widget.grab().save(str(SHOTS / name))


def test_an_admin_reads_filters_and_pages(qtbot, live, chinese):
    activity(live.url)
    panel = AuditPanel(lambda: requester(live.url, "admin", "admin-pw-1"), TZ, lambda: datetime.now(UTC))
    qtbot.addWidget(panel)
    fetch(panel)
    actions = [r.action for r in panel.records]
    assert actions[:4] == ["login"] + ["export"] * 3 and "login_failed" in actions  # the admin's own log-in first
    assert [r.seq for r in panel.records] == sorted((r.seq for r in panel.records), reverse=True)
    assert panel.table.item(1, 2).text() == "导出" and panel.table.item(1, 3).text() == "duty"
    assert panel.table.item(1, 4).text() == "值班台-2" and "首报-2.pdf" in panel.table.item(1, 6).text()
    assert not panel.table.item(0, 0).flags() & panel.table.item(0, 0).flags().ItemIsEditable
    shot(panel, "audit_panel.png")
    panel.action.setCurrentIndex(panel.action.findData("login_failed"))
    fetch(panel)
    assert [(r.action, r.account) for r in panel.records] == [("login_failed", "duty")]
    panel.action.setCurrentIndex(0)
    panel.account.setText("nobody")
    fetch(panel)
    assert panel.records == [] and panel.empty.text() == "没有符合条件的审计记录。"
    shot(panel, "audit_panel_empty.png")
    panel.account.setText("")
    panel.use_time.setChecked(True)
    fetch(panel)
    assert panel.records  # the last day
    panel.use_time.setChecked(False)


def test_paging(qtbot, live, monkeypatch):
    activity(live.url)
    monkeypatch.setattr("views.audit.panel.PAGE", 2)
    request = requester(live.url, "admin", "admin-pw-1")  # one log-in: the records stay put
    panel = AuditPanel(lambda: request, TZ, lambda: datetime.now(UTC))
    qtbot.addWidget(panel)
    fetch(panel)
    first = [r.seq for r in panel.records]
    assert len(first) == 2 and panel.older.isEnabled() and not panel.newer.isEnabled()
    panel.pages.append(panel.next_before)
    fetch(panel)
    assert [r.seq for r in panel.records] == [first[-1] - 1, first[-1] - 2]
    panel.pages.pop()
    fetch(panel)
    assert [r.seq for r in panel.records] == first


def test_a_non_admin_is_refused(qtbot, live, chinese):
    panel = AuditPanel(lambda: requester(live.url, "duty", "duty-pw-1"), TZ, lambda: datetime.now(UTC))
    qtbot.addWidget(panel)
    fetch(panel)
    assert panel.records == [] and panel.empty.text() == "只有管理员可以查看审计记录。"
    offline = AuditPanel(lambda: None, TZ, lambda: datetime.now(UTC))
    qtbot.addWidget(offline)
    fetch(offline)
    assert offline.empty.text() == "未登录平台：审计记录保存在平台上。"
    shot(panel, "audit_panel_refused.png")


def test_the_status_bar_warns_of_a_rewritten_history(qtbot, chinese):
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    qtbot.addWidget(window)
    alert = AuditAlert(window)
    window.statusBar().addPermanentWidget(alert)
    alert.show_finding(checkpoints.Finding(""))
    assert alert.isHidden()
    alert.show_finding(checkpoints.Finding(checkpoints.REWRITTEN, 3, "checkpoint 3: kept <b>x</b>"))
    assert not alert.isHidden() and alert.text() == "审计警告：平台的审计记录与本机保存的不一致"
    assert "检查点 3" in alert.toolTip() and "可能已被篡改" in alert.toolTip()
    window.resize(900, 120)
    shot(window, "audit_alert.png")
    alert.show_finding(checkpoints.Finding(""))
    assert alert.isHidden()


def test_only_an_admin_sees_the_audit_log_action(qtbot):
    """平台 → 审计日志… appears while an admin account is signed in, and goes with it."""
    from types import SimpleNamespace

    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QMainWindow

    from app.audit_wiring import AuditWiring
    from services.sync.engine import SyncStatus

    class Sync(QObject):
        sig_status = Signal(object)
        sig_audit_finding = Signal(object)
        engine = None

    window = QMainWindow()
    qtbot.addWidget(window)
    window.platform_menu = window.menuBar().addMenu("Platform")
    sync = Sync()
    ctx = SimpleNamespace(tz=TZ, incidents=SimpleNamespace(clock=SimpleNamespace(now=lambda: datetime.now(UTC))))
    wiring = AuditWiring(ctx, window, sync)
    assert wiring.action in window.platform_menu.actions() and not wiring.action.isVisible()
    sync.sig_status.emit(SyncStatus(state="online", account="root", role="admin"))
    assert wiring.action.isVisible()
    loop = asyncio.new_event_loop()  # the application's is qasync's; the panel asks on the current one
    asyncio.set_event_loop(loop)
    try:
        wiring.action.trigger()
        assert wiring.panel_window is not None and wiring.panel_window.isVisible()
        panel = wiring.panel_window.centralWidget()
        loop.run_until_complete(panel._task)
        assert panel.empty.text()  # not logged in here: said in the panel
    finally:
        asyncio.set_event_loop(None)
        loop.close()
    sync.sig_status.emit(SyncStatus(state="online", account="duty", role="duty_officer"))
    assert not wiring.action.isVisible()
    qtbot.waitUntil(lambda: wiring.panel_window is None)
    sync.sig_audit_finding.emit(checkpoints.Finding(checkpoints.KEY_CHANGED))
    assert not wiring.alert.isHidden()
