"""Two workstations through a real platform on loopback: what one logs appears on
the other's screens — the incident list at the top with the count +2 while the
officer's selection and the rows they look at stay put, the map, the dispatch
board and the dashboard — within the propagation budget once the mirror has it.

Workstation B is the real main window with its sync controller on a plain
asyncio loop that pumps Qt events (as tests/gui/test_app_sync.py); workstation A
is a headless client (tests/sync/livesync.py)."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest

from server.demo import seed_demo_incidents
from services.clock import SystemClock
from services.dispatch.lifecycle import TargetKind
from services.dispatch.service import OrderDraft
from services.incidents.model import Severity
from services.incidents.repository import IncidentQuery
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

pytestmark = pytest.mark.gui

SEEDED = 450  # three pages of 200
PROPAGATION_BUDGET_S = 1.0  # from "the mirror has it" to "every screen shows it"


def workstation(tmp_path, url: str):
    from app.composition import build_context
    from app.config import load_config
    from app.main_window import MainWindow
    from app.sync_wiring import SyncController

    cfg = tmp_path / "b.toml"
    cfg.write_text(
        f'config_version = 1\n[site]\ncode = "CQ"\n[mirror]\npath = "b.db"\n[logging]\nfile = "b.log"\n'
        f'[[sync.endpoint]]\nurl = "{url}"\nusername = "duty"\npassword_env = "WATCHROOM_TEST_PASSWORD"\n',
        encoding="utf-8",
    )
    ctx = build_context(load_config(cfg))
    window = MainWindow(ctx)
    window.resize(1600, 960)
    window.show()
    sync = SyncController(ctx, window)
    window.attach_sync(sync)
    return ctx, window, sync


def visible_keys(log) -> tuple[str, str]:
    """The key of the first row on screen and of the selected row."""
    table, model = log.table, log.model
    top = table.rowAt(0)
    current = table.currentIndex()
    return str(model.key_of(top)), str(model.key_of(current.row())) if current.isValid() else ""


def test_incidents_logged_elsewhere_appear_everywhere(qtbot, qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("WATCHROOM_TEST_PASSWORD", "duty-pw")  # a file password would ask the officer first
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    assert seed_demo_incidents(live.app.state.db, SEEDED) == SEEDED
    ctx, window, sync = workstation(tmp_path, live.url)
    qtbot.addWidget(window)
    clock = SystemClock()
    a = make_client(tmp_path / "a.db", [live.url], clock, site="WZ")
    log = window.incident_log

    async def until(predicate, timeout=20.0):
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate() and loop.time() < deadline:
            qapp.processEvents()
            await asyncio.sleep(0.01)
        return predicate()

    def mirror_count() -> int:
        return ctx.incidents.count(IncidentQuery())

    async def scenario():
        sync.start()
        assert await until(lambda: mirror_count() == SEEDED, 60), "B did not catch up"
        assert await until(lambda: log._count == SEEDED and log.model.rowCount() >= 200)
        open_now = ctx.dashboard.figures().open_total
        assert await until(lambda: window.dashboard.figures is not None
                           and window.dashboard.figures.open_total == open_now)
        # The officer scrolls into the middle of the list and selects a row there.
        while log.model.rowCount() < 400:
            log.model.fetchMore()
        table = log.table
        table.setCurrentIndex(log.model.index(300, 0))
        table.verticalScrollBar().setValue(290)
        qapp.processEvents()
        top_before, selected_before = visible_keys(log)
        assert top_before and selected_before and table.rowAt(0) >= 280
        y_before = table.rowViewportPosition(table.rowAt(0))

        # Workstation A logs two incidents (one with an order) and syncs them.
        first = a.incidents.create_incident(
            draft(clock, title="万州区某化工厂泄漏", severity=Severity.II, occurred_at=clock.now()), "李明")
        second = a.incidents.create_incident(
            draft(clock, title="万州区滨江路山体滑坡", lat=30.80, lon=108.40,
                  occurred_at=clock.now() - timedelta(minutes=1)), "李明")
        order = a.dispatch.issue(OrderDraft(first.id, TargetKind.TEAM, "万州消防救援支队", "前往现场处置"), "李明")
        assert await asyncio.get_running_loop().run_in_executor(None, a.sync)

        assert await until(lambda: mirror_count() == SEEDED + 2, 20), "B's mirror did not receive them"
        has_them = time.monotonic()

        def list_shows() -> bool:
            return (log._count == SEEDED + 2 and {log.model.row_for(first.id), log.model.row_for(second.id)}
                    == {0, 1})

        def everything_shows() -> bool:
            figures = window.dashboard.figures
            return (list_shows()
                    and {first.id, second.id} <= set(window.map_panel.incident_points)
                    and figures is not None and figures.open_total == open_now + 2
                    and window.dispatch_board.model.row_of(order.id) >= 0)

        assert await until(everything_shows, 10), (
            f"count {log._count}, rows {log.model.row_for(first.id)}/{log.model.row_for(second.id)}, "
            f"map {first.id in window.map_panel.incident_points}, board {window.dispatch_board.model.row_of(order.id)}")
        shown_after = time.monotonic() - has_them
        assert "2" in log.status_line.text() and str(SEEDED + 2) in log.status_line.text()
        top_after, selected_after = visible_keys(log)
        assert selected_after == selected_before, "the officer's selection moved"
        assert top_after == top_before, "the rows the officer was looking at moved"
        assert table.rowViewportPosition(table.rowAt(0)) == y_before
        heading = window.dispatch_board.model.index(window.dispatch_board.model.row_of(order.id) - 1, 0).data()
        assert first.code in heading
        assert shown_after < PROPAGATION_BUDGET_S, f"took {shown_after:.2f} s after the mirror had them"
        await sync.shutdown()

    try:
        asyncio.run(scenario())
        window.close()
        qapp.processEvents()
    finally:
        a.close()
        ctx.close()
        live.stop()
