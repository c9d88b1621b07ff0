"""The GUI syncing with a real platform server: the status bar goes 在线 and
pending reaches 0; log-out stops the exchange, work goes on.

A plain asyncio loop drives the engine and pumps Qt events while waiting (the
app itself uses qasync; tests/gui/test_app_start.py starts the real program)."""

from __future__ import annotations

import asyncio

from tests.helpers import draft, wait_until_async
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users


def test_window_syncs_and_logs_out(qtbot, qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("WATCHROOM_TEST_PASSWORD", "duty-pw")  # a file password would ask the officer first
    from app.composition import build_context
    from app.config import load_config
    from app.main_window import MainWindow
    from app.sync_wiring import SyncController

    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        f'config_version = 1\n[mirror]\npath = "m.db"\n[logging]\nfile = "w.log"\n'
        f'[[sync.endpoint]]\nurl = "{live.url}"\nusername = "duty"\npassword_env = "WATCHROOM_TEST_PASSWORD"\n',
        encoding="utf-8",
    )
    ctx = build_context(load_config(cfg))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    sync = SyncController(ctx, window)
    window.attach_sync(sync)

    async def until(predicate, timeout=10.0):
        return await wait_until_async(predicate, timeout, qt_events=True)

    async def scenario():
        sync.start()
        ctx.incidents.create_incident(draft(ctx.incidents.clock), "值班员")
        assert await until(
            lambda: sync.engine.status.state == "online" and sync.engine.status.pending == 0
        )
        assert await until(lambda: "Online" in window.network_label.text())
        assert window.pending_label.text() == window.tr("Pending sync: %1").replace("%1", "0")
        sync.logout()
        assert "Offline" in window.network_label.text()
        assert await until(lambda: sync.ending.done()) and sync.ending.result() is True  # the platform ended it
        ctx.incidents.create_incident(draft(ctx.incidents.clock), "值班员")  # still works offline
        await sync.shutdown()

    try:
        asyncio.run(scenario())
        window.close()
        qapp.processEvents()
    finally:
        ctx.close()
        live.stop()


def test_a_refused_password_stops_the_engine_and_asks_again(qtbot, qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("WATCHROOM_TEST_PASSWORD", "wrong-pw")
    from app.composition import build_context
    from app.config import load_config
    from app.main_window import MainWindow
    from app.sync_wiring import SyncController

    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        f'config_version = 1\n[mirror]\npath = "m.db"\n[logging]\nfile = "w.log"\n'
        f'[[sync.endpoint]]\nurl = "{live.url}"\nusername = "duty"\npassword_env = "WATCHROOM_TEST_PASSWORD"\n',
        encoding="utf-8",
    )
    ctx = build_context(load_config(cfg))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    sync = SyncController(ctx, window)
    window.attach_sync(sync)
    asked = []
    monkeypatch.setattr(sync, "login", lambda: asked.append(True))

    async def scenario():
        sync.start()
        await wait_until_async(lambda: asked, 10, what="the log-in dialog to be asked for", qt_events=True)
        assert sync.engine is None  # no more guessing with the wrong password
        assert "log-in refused" in window.network_label.text()
        assert all(not e.password for e in sync.endpoints)
        await sync.shutdown()

    try:
        asyncio.run(scenario())
        window.close()
        qapp.processEvents()
    finally:
        ctx.close()
        live.stop()
