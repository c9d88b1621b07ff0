"""The admin's audit panel shows refusals (server/refusals.py): the `refused`
action in the filter, in Chinese, with its fields named in Chinese."""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from server.app import add_user
from services.sync.wire import API_PREFIX
from tests.server.live_server import start_live_server
from views.audit.panel import AuditPanel

SHOTS = Path(os.environ.get("WATCHROOM_SHOTS", "/tmp/audit_shots"))


@pytest.fixture
def chinese():
    from app.i18n_build import build

    build()
    translator = QTranslator()
    assert translator.load("watchroom_zh_CN", str(Path(__file__).parents[2] / "resources" / "i18n"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_refusals_are_shown_and_filtered(qtbot, tmp_path, chinese):
    live = start_live_server("sqlite:///" + str(tmp_path / "p.db"))
    try:
        add_user(live.app.state.db, "admin", "admin-pw-1", "admin")
        assert httpx.get(live.url + API_PREFIX + "/changes").status_code == 401
        assert httpx.get(live.url + API_PREFIX + "/changes", headers={"Authorization": "Bearer x.y"}).status_code == 401
        token = httpx.post(live.url + API_PREFIX + "/auth/login", json={"username": "admin", "password": "admin-pw-1",
                                                                        "workstation": "值班台-1"}).json()["access_token"]

        async def request(method: str, path: str, **kwargs):
            async with httpx.AsyncClient() as http:
                response = await http.request(method, live.url + API_PREFIX + path, **kwargs,
                                              headers={"Authorization": f"Bearer {token}"})
                response.raise_for_status()
                return response

        panel = AuditPanel(lambda: request, ZoneInfo("Asia/Shanghai"), lambda: datetime.now(UTC))
        qtbot.addWidget(panel)
        panel.action.setCurrentIndex(panel.action.findData("refused"))
        asyncio.new_event_loop().run_until_complete(panel._fetch(panel.params()))
        assert [r.action for r in panel.records] == ["refused", "refused"]
        assert panel.table.item(0, 2).text() == "拒绝访问" and panel.table.item(0, 3).text() == "（未认证）"
        detail = panel.table.item(1, 6).text()
        assert "状态码: 401" in detail and "原因: missing bearer token" in detail and "接口: /api/v1/changes" in detail
        SHOTS.mkdir(parents=True, exist_ok=True)
        panel.resize(1200, 420)
        panel.show()
        QCoreApplication.processEvents()
        assert panel.grab().save(str(SHOTS / "audit_refused.png"))
    finally:
        live.stop()
