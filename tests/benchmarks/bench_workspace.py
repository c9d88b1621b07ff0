"""Workspace figures: the commander's display from program start to its first
paint with 100,000 incidents in the mirror (the real program, on a virtual
3840x2160 wall); a dashboard refresh on that mirror; and a command pushed by a
duty workstation through a platform process until the wall shows it."""

from __future__ import annotations

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx

from tests.benchmarks.fixtures import NOW, ROOT, bench_mirror_path, emit, p95, require
from tests.helpers import wait_until_async

INCIDENTS = 100_000
ENTRIES_PER_INCIDENT = 10
STARTS = 3
PUSHES = 40
PASSWORD = "bench-password"


def first_paint_s(tmp: Path, mirror: Path) -> float:
    """From launching `watchroom --profile commander` until the display has painted its figures."""
    from tests.workspace.screens import WALL_4K, write_config

    config = tmp / "wall.toml"
    config.write_text(f'config_version = 1\n[mirror]\npath = "{mirror}"\n[logging]\nfile = "wall.log"\n'
                      '[workspace]\nprofile = "commander"\n', encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": write_config(tmp / "screens.json", WALL_4K),
           "WATCHROOM_REPORT_FIRST_PAINT": "1", "QTWEBENGINE_CHROMIUM_FLAGS": "--no-sandbox"}
    started = time.time()
    proc = subprocess.Popen([sys.executable, "-m", "app", "--config", str(config)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        for line in proc.stdout:
            if line.startswith("first-paint "):
                return float(line.split()[1]) - started
        raise RuntimeError(f"the display ended without painting (exit {proc.wait()})")
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()


def dashboard_refresh_ms(mirror: Path) -> tuple[float, float]:
    """p95 of a refresh as the display does it (read off the GUI thread, then shown
    and painted), and p95 of the figures' queries alone."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from app.composition import build_context
    from app.config import AppConfig
    from app.gc_tuning import settle_after_start
    from services.clock import ManualClock
    from views.dashboard.view import DashboardView

    QApplication.instance() or QApplication([])
    ctx = build_context(AppConfig(mirror_path=mirror, log_file=mirror.with_suffix(".log")), clock=ManualClock(NOW))
    view = DashboardView(ctx.dashboard, ctx.runner, ctx.relay, tz=ctx.tz, scale=2.5)
    view.resize(1000, 2000)
    view.show()
    try:
        queries = []
        for _ in range(20):
            start = time.perf_counter()
            ctx.dashboard.figures()
            queries.append((time.perf_counter() - start) * 1000)
        settle_after_start()
        times = []
        for n in range(21):
            loop = QEventLoop()
            shown: list[bool] = []

            def on_shown(*_args, done=shown) -> None:
                done.append(True)

            view.sig_figures_shown.connect(loop.quit)
            view.sig_figures_shown.connect(on_shown)
            start = time.perf_counter()
            view.refresh()
            QTimer.singleShot(10_000, loop.quit)
            loop.exec()
            QApplication.processEvents()  # laid out and painted
            times.append((time.perf_counter() - start) * 1000)
            view.sig_figures_shown.disconnect(loop.quit)
            view.sig_figures_shown.disconnect(on_shown)
            require(shown, f"refresh {n}: the figures were not shown within 10 s")
        return p95(times[1:]), p95(queries)
    finally:
        view.deleteLater()
        ctx.close()


def push_to_wall_ms(tmp: Path) -> float:
    """A viewer-role wall on the platform; the duty side posts each command and the
    time runs until the wall has carried it out and repainted (its report's time)."""
    import qasync
    from PySide6.QtWidgets import QApplication

    from app.composition import build_context
    from app.config import load_config
    from app.sync_wiring import SyncController
    from app.wall.display import CommanderWindow
    from app.wall.link import WallEnd
    from services.clock import SystemClock
    from services.incidents.repository import IncidentQuery
    from services.sync.wire import API_PREFIX
    from services.wall.channel import WallRemote
    from services.wall.wire import WallCommand
    from tests.helpers import draft
    from tests.server.process_server import create_user, start_server_process
    from tests.sync.livesync import make_client

    db = "sqlite:///" + str(tmp / "platform.db")
    create_user(db, "duty", PASSWORD, "duty_officer")
    create_user(db, "wall", PASSWORD, "viewer")
    live = start_server_process(db)
    duty = make_client(tmp / "duty.db", [live.url], SystemClock(), password=PASSWORD)
    incidents = [duty.incidents.create_incident(draft(duty.incidents.clock, title=f"基准事件{n}"), "bench")
                 for n in range(4)]
    require(duty.sync(), f"the incidents did not reach the platform: {duty.engine.status.last_error}")
    duty.close()
    config = tmp / "wall.toml"
    config.write_text(f'config_version = 1\n[mirror]\npath = "wall.db"\n[logging]\nfile = "wall.log"\n'
                      f'[wall]\nid = "hall"\n[[sync.endpoint]]\nurl = "{live.url}"\nusername = "wall"\n'
                      'password_env = "WATCHROOM_BENCH_PASSWORD"\n', encoding="utf-8")
    # Not in the file: a file password waits for the officer to accept a warning.
    os.environ["WATCHROOM_BENCH_PASSWORD"] = PASSWORD
    app = QApplication.instance() or QApplication([])
    ctx = build_context(load_config(config))
    ctx.cameras.save_many([{"id": f"cam-{n}", "name": f"摄像头{n}", "group_path": "基准", "lat": 29.5, "lon": 106.5,
                            "main_url": "http://127.0.0.1:9/none.ts", "sub_url": "", "ptz": False,
                            "platform": "基准", "online": True} for n in range(4)], share=False)
    display = CommanderWindow(ctx, scale=2.5, wall_id="hall")
    display.resize(3840, 2160)
    display.show()
    shown: dict[str, float] = {}
    problems: dict[str, str] = {}

    def on_report(report) -> None:
        shown[report.last_command_id] = report.shown_at
        if report.problem:
            problems[report.last_command_id] = report.problem

    display.sig_reported.connect(on_report)
    sync = SyncController(ctx, display)
    times: list[float] = []

    async def scenario() -> None:
        http = httpx.AsyncClient(base_url=live.url + API_PREFIX, timeout=40)
        login = await http.post("/auth/login", json={"username": "duty", "password": PASSWORD})
        login.raise_for_status()
        token = login.json()
        headers = {"Authorization": f"Bearer {token['access_token']}", "Content-Type": "application/json"}

        async def request(method, path, **kwargs):
            response = await http.request(method, path, headers=headers, **kwargs)
            response.raise_for_status()
            return response

        sync.start()
        end = WallEnd(sync, display, "hall")
        remote = WallRemote(lambda: request, "hall", lambda _r: None)
        # The wall has the incidents and its starting seq: from here on it long-polls after it,
        # so a command pushed now reaches it.
        await wait_until_async(lambda: ctx.incidents.count(IncidentQuery()) == len(incidents)
                               and end._sent_first and end.listener.after >= 0, 30, interval_s=0.05,
                               what="the wall to sync the incidents and start following its commands")
        kinds = ("show_incident_card", "show_camera", "focus_incident", "switch_layout")
        for n in range(PUSHES):
            kind = kinds[n % len(kinds)]
            fields = {"show_incident_card": {"incident_id": incidents[n % 4].id},
                      "focus_incident": {"incident_id": incidents[n % 4].id},
                      "show_camera": {"camera_id": f"cam-{n % 4}", "tile": 1 + n % 4},
                      "switch_layout": {"layout": "基准", "grid": "9" if n % 8 < 4 else "4",
                                        "cameras": {"1": "cam-0", "2": "cam-1"}}}[kind]
            command = WallCommand(id=str(uuid.uuid4()), kind=kind, **fields)
            sent = time.time()
            await remote.push(command)  # raises on a failed request
            await wait_until_async(lambda c=command: c.id in shown, 10, interval_s=0.002,
                                   what=f"the wall to show command {n} ({kind})")
            require(command.id not in problems, f"the wall could not carry out {kind}: {problems.get(command.id)}")
            times.append((shown[command.id] - sent) * 1000)
            await asyncio.sleep(0.2)  # one command at a time: the wall's next long poll is under way
        await end.stop()
        await sync.shutdown()
        await http.aclose()

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            loop.run_until_complete(scenario())
    finally:
        display.wall.stop_all()
        display.close()
        import shiboken6

        shiboken6.delete(display)
        ctx.close()
        live.stop()
    require(len(times) == PUSHES, f"only {len(times)} of {PUSHES} commands reached the wall")
    return p95(times)


def run() -> None:
    # The push's display has a map: its scheme must exist before the application.
    from widgets.map_view import register_schemes

    register_schemes()
    source = bench_mirror_path(INCIDENTS, ENTRIES_PER_INCIDENT)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        mirror = tmp / "wall.db"
        shutil.copyfile(source, mirror)  # the display writes its own bookkeeping: the cache stays clean
        os.sync()
        starts = [first_paint_s(tmp, mirror) for _ in range(STARTS)]
        emit("workspace.wall_first_paint_s", statistics.median(starts), "s", "< 2")
        emit("workspace.wall_first_paint_max_s", max(starts), "s", None)
        refresh, queries = dashboard_refresh_ms(mirror)
        emit("workspace.dashboard_refresh_ms", refresh, "ms", "< 200")
        emit("workspace.dashboard_queries_ms", queries, "ms", None)
    with tempfile.TemporaryDirectory() as tmp_name:
        emit("workspace.push_to_wall_p95_ms", push_to_wall_ms(Path(tmp_name)), "ms", "< 500")
