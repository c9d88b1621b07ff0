"""A duty workstation pushes to a commander's display on another machine through
a real platform: the display (logged in with the viewer role) syncs the incident,
receives each command, shows it, and reports back what it shows."""

from __future__ import annotations

import asyncio

import httpx

from services.clock import SystemClock
from services.incidents.repository import IncidentQuery
from services.sync.wire import API_PREFIX
from services.wall.channel import WallRemote
from services.wall.wire import WallCommand
from tests.helpers import draft, wait_until_async
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client


def test_a_push_reaches_the_display_through_the_platform(qtbot, qapp, tmp_path, monkeypatch):
    import shiboken6

    from app.composition import build_context
    from app.config import load_config
    from app.sync_wiring import SyncController
    from app.wall.display import CommanderWindow
    from app.wall.link import WallEnd

    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    cfg = tmp_path / "c.toml"
    cfg.write_text(
        f'config_version = 1\n[mirror]\npath = "wall.db"\n[logging]\nfile = "w.log"\n[wall]\nid = "hall"\n'
        f'[[sync.endpoint]]\nurl = "{live.url}"\nusername = "wall"\npassword_env = "WR_WALL_PW"\n', encoding="utf-8")
    monkeypatch.setenv("WR_WALL_PW", "wall-pw")  # not in the file: that waits for the officer's consent
    ctx = build_context(load_config(cfg))
    display = CommanderWindow(ctx, wall_id="hall")
    display.resize(1600, 900)
    display.show()
    sync = SyncController(ctx, display)
    with httpx.Client(base_url=live.url + API_PREFIX) as login:
        token = login.post("/auth/login", json={"username": "duty", "password": "duty-pw"}).json()["access_token"]
    duty = None  # an async client, made on the scenario's loop: a blocking long poll would stall it

    async def as_duty(method, path, **kwargs):
        response = await duty.request(method, path, headers={"Authorization": f"Bearer {token}",
                                                             "Content-Type": "application/json"}, **kwargs)
        assert response.status_code < 400, response.text
        return response

    async def until(predicate, timeout=15.0):
        return await wait_until_async(predicate, timeout, qt_events=True)

    reports = []
    # The incident comes from a duty workstation through the platform.
    other = make_client(tmp_path / "duty.db", [live.url], SystemClock())
    incident = other.incidents.create_incident(draft(other.incidents.clock, title="朝天门码头落水"), "陈晓")
    assert other.sync()
    other.close()

    async def scenario():
        nonlocal duty
        duty = httpx.AsyncClient(base_url=live.url + API_PREFIX, timeout=40)
        sync.start()
        end = WallEnd(sync, display, "hall")
        remote = WallRemote(lambda: as_duty, "hall", reports.append)
        follow = asyncio.ensure_future(remote.follow())
        assert await until(lambda: reports)  # the display says it is there before any push
        assert await until(lambda: ctx.incidents.count(IncidentQuery()) == 1)
        sent = await remote.push(WallCommand(id="c-1", kind="show_incident_card", incident_id=incident.id))
        assert sent.seq > 0 and sent.issued_by == "duty"
        assert await until(lambda: display.card.isVisible() and display.card.incident_id == incident.id)
        assert "朝天门码头落水" in display.card.body.text()
        assert await until(lambda: reports[-1].last_command_id == "c-1")
        assert reports[-1].showing.card_incident_id == incident.id and not reports[-1].problem
        await remote.push(WallCommand(id="c-2", kind="show_camera", camera_id="nope", tile=2))
        assert await until(lambda: reports[-1].last_command_id == "c-2")
        assert reports[-1].problem  # an unknown camera is reported, nothing changes
        remote.stop()
        follow.cancel()
        await end.stop()
        await sync.shutdown()
        await duty.aclose()

    try:
        asyncio.run(scenario())
        display.wall.stop_all()
        display.close()
        qapp.processEvents()
        # Deleted now, not at exit: a map page outliving its web profile crashes the interpreter.
        shiboken6.delete(display)
    finally:
        ctx.close()
        live.stop()
