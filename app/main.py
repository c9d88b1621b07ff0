"""Entry point: `watchroom` / `python -m app`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
import time
from datetime import datetime
from pathlib import Path

from app.config import load_or_explain

log = logging.getLogger("watchroom")
# The headless commands of app.cli (named here so the GUI start does not import them).
COMMANDS = ("mirror", "status", "log", "cap", "cot-export", "rekey", "audit-key")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="watchroom", description="Watchroom 应急值守指挥调度客户端")
    p.add_argument("--config", type=Path, help="configuration file (TOML)")
    p.add_argument("--lang", choices=("zh_CN", "en"), help="UI language (default: zh_CN)")
    p.add_argument("--mirror", type=Path, help="local mirror database file")
    p.add_argument("--operator", help="duty officer's name for new entries")
    p.add_argument("--demo", action="store_true", help="fill an empty mirror with demo incidents")
    p.add_argument("--log-level", choices=("DEBUG", "INFO", "WARNING", "ERROR"))
    p.add_argument("--screenshot", type=Path, help="save a PNG of the main window, then quit")
    from views.panels import PANELS  # every panel the window has, so a new one is a choice at once

    p.add_argument("--panel", choices=tuple(spec.name for spec in PANELS),
                   default="incidents", help="the panel shown at start (default: incidents)")
    p.add_argument("--profile", help="station profile: duty (值班席), commander (指挥大屏) or backup (掩体备份)")
    p.add_argument("--screen", help="screen of the commander's display: its name or number (1 = primary)")
    p.add_argument("--wall", help="the wall's name on the platform (default: main)")
    p.add_argument("--wall-layout", metavar="NAME",
                   help="open the video wall on this saved layout (its cameras may arrive from the platform)")
    p.add_argument("--demo-wall", action="store_true",
                   help="save a layout of the demo cameras if missing and open the video wall on it")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if any(a in COMMANDS for a in argv[:3]) and not any(a.startswith("--screenshot") for a in argv):
        from app.cli import main as cli_main

        return cli_main(argv)
    args = parse_args(argv)
    config = load_or_explain(args.config)
    if config is None:
        return 2
    if args.lang:
        config.language = args.lang
    if args.mirror:
        config.mirror_path = args.mirror.resolve()
    if args.operator:
        config.operator = args.operator
    if args.log_level:
        config.log_level = args.log_level
    if args.profile:
        from app.config import ConfigError, normalise_profile

        try:
            config.profile = normalise_profile(args.profile)
        except ConfigError as exc:
            print(exc, file=sys.stderr)
            return 2
    if args.screen is not None:
        config.wall_screen = args.screen.strip()
    if args.wall:
        config.wall_id = args.wall
    from offline_cache.file_check import EarlyCheck

    early_check = EarlyCheck(config.mirror_path)  # runs while the GUI's modules load

    from app.logging_setup import setup_logging

    setup_logging(config.log_level, config.log_file)
    from app.webengine_env import allow_webengine_as_root

    allow_webengine_as_root()
    return run_gui(config, args, early_check)


def open_wall_layout(ctx, station, args) -> None:
    """--wall-layout / --demo-wall: the video walls open on a saved layout."""
    if args.demo_wall:
        from app.workspace.demo_wall import save_demo_wall
        from services.video.presets import WallPresets

        ctx.runner.write(save_demo_wall, WallPresets(ctx.mirror), datetime.now(ctx.tz),
                         on_done=lambda preset: station.open_layout(preset.name),
                         on_error=lambda exc: log.warning("demo wall layout not saved: %s", exc))
    elif args.wall_layout:
        station.open_layout(args.wall_layout)


def run_gui(config, args, early_check=None) -> int:
    import qasync
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.composition import build_context, seed_demo_if_empty
    from app.gc_tuning import settle_after_start
    from app.i18n import install_language
    from app.stall_monitor import StallMonitor
    from app.style import apply_style
    from app.workspace.station import open_station  # imported while the mirror's check runs
    from offline_cache.errors import StorageError
    from widgets.map_view import register_schemes

    register_schemes()  # the map's tile scheme must exist before the application
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Watchroom")
    app.setOrganizationName("Watchroom")
    install_language(app, config.language)
    apply_style(app)
    from app.mirror_unlock_dialog import build_unlocked

    try:
        ctx = build_unlocked(build_context, config, early_check=early_check)  # asks an encrypted mirror's passphrase
        if ctx is None:
            return 2
    except StorageError as exc:
        from views.common.labels import storage_message

        log.error("cannot open mirror %s: %s", config.mirror_path, exc)
        QMessageBox.critical(None, "Watchroom", storage_message(exc.problem.value) + f"\n\n{config.mirror_path}")
        return 2
    if args.demo:
        added = seed_demo_if_empty(ctx)
        log.info("demo data: %d incidents added", added)

    station = open_station(ctx, args.panel)
    window = station.window
    open_wall_layout(ctx, station, args)
    started = time.monotonic()

    def first_paint() -> None:
        log.info("commander's display: first paint %.2f s after the window was built", time.monotonic() - started)
        if os.environ.get("WATCHROOM_REPORT_FIRST_PAINT"):  # the workspace benchmark
            print(f"first-paint {time.time():.3f}", flush=True)

    if station.display is not None:
        station.display.sig_first_paint.connect(first_paint)
    monitor = StallMonitor()
    monitor.start()
    if station.display is not window:
        QTimer.singleShot(0, window.show_mirror_health)
    QTimer.singleShot(3000, settle_after_start)  # after the first lists and the map page are built
    from app.warning_folder import start_watched_folder

    start_watched_folder(ctx, window)  # [warnings] folder: CAP files dropped there are imported
    if args.screenshot:
        def shoot() -> None:
            args.screenshot.parent.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(args.screenshot))
            print(f"screenshot saved: {args.screenshot}")
            for other in station.workspace.windows():
                if other is not window and other.isVisible():
                    path = args.screenshot.with_name(f"{args.screenshot.stem}-{other.objectName()}.png")
                    other.grab().save(str(path))
                    print(f"screenshot saved: {path}")
            closed.set()  # ends the loop as closing the window does

        started = time.monotonic()

        def shoot_when_synced() -> None:
            """After the first exchange with the platform (a fresh mirror's bootstrap), at most 60 s."""
            status = getattr(window, "last_sync_status", None)
            synced = status is not None and status.last_success is not None
            if ctx.config.endpoints and not synced and time.monotonic() - started < 60:
                QTimer.singleShot(500, shoot_when_synced)
            else:
                QTimer.singleShot(3000, shoot)  # the panels' reads after the exchange

        QTimer.singleShot(2000, shoot_when_synced)

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    closed = asyncio.Event()
    app.aboutToQuit.connect(closed.set)
    app.lastWindowClosed.connect(closed.set)
    from app.sync_wiring import SyncController

    with loop:
        sync = SyncController(ctx, window)
        window.attach_sync(sync)
        if sync.configured:
            from app.audit_wiring import AuditWiring

            window.audit_wiring = AuditWiring(ctx, window, sync)
        QTimer.singleShot(0, sync.start)
        if sync.configured:
            from app.wall.link import engine_request
            from app.warning_feed_light import WarningFeedLight

            window.statusBar().insertPermanentWidget(0, WarningFeedLight(engine_request(sync), window))
        wall_end = None
        if station.display is window and sync.configured:
            from app.wall.link import WallEnd

            wall_end = WallEnd(sync, station.display, ctx.config.wall_id, window)
        elif station.push_menu is not None and station.display is None and sync.configured:
            from app.wall.link import PlatformWallLink

            station.push_menu.set_link(PlatformWallLink(sync, ctx.config.wall_id, window))

        async def until_closed() -> None:
            await closed.wait()
            if wall_end is not None:
                await wall_end.stop()
            if station.push_menu is not None and station.push_menu.link is not None:
                station.push_menu.link.stop()
            await sync.shutdown()

        # One run only: each ends with QApplication.exit(), whose aboutToQuit
        # tears QtWebEngine down; a second one crashes inside it.
        loop.run_until_complete(until_closed())
    # The map's web view must go while the application (and its web profile)
    # still exist; left to Python's exit it is torn down afterwards and crashes.
    import shiboken6

    if not station.workspace.closing:  # ended without closing the main window (a screenshot, a signal)
        station.workspace.save()
    station.video_stop()
    for other in station.workspace.windows():
        if other is not window:
            shiboken6.delete(other)
    shiboken6.delete(window)
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
