"""Polling the [warnings] watched folder from the GUI's timer: the files are
checked on a reader (in the bounded child process, services/warnings/folder.py,
no Qt there) and imported on the mirror's writer, never on the GUI thread; a
poll still under way is not started again."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer

from services.warnings.folder import WatchedFolder
from services.warnings.service import WarningService

log = logging.getLogger(__name__)
POLL_MS = 5000


def start_watched_folder(ctx, parent: QObject, interval_ms: int = POLL_MS) -> QTimer | None:
    """A timer polling the configured folder; None when none is configured."""
    options = ctx.config.warnings
    if options.folder is None:
        return None
    service = getattr(ctx, "warning_service", None) or WarningService(
        ctx.mirror, ctx.events, ctx.incidents.clock, region_code=options.region_code, agency_code=options.agency_code)
    try:
        options.folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("watched folder %s cannot be made: %s", options.folder, exc)
        return None
    watched = WatchedFolder(options.folder, service, trust=options.trust)
    busy = {"now": False}

    def done(results) -> None:
        busy["now"] = False
        for r in results or ():
            log.info("watched folder: %s %s", r.name, "imported" if r.outcome is not None else "refused")

    def failed(exc: BaseException) -> None:
        busy["now"] = False
        log.warning("watched folder %s: poll failed: %s", options.folder, exc)

    def check_all() -> list:
        return [(path, *watched.check(path)) for path in watched.pending()]

    def import_all(checked: list) -> None:
        if not checked:
            done([])
            return
        ctx.runner.write(lambda: [watched.finish(*one) for one in checked], on_done=done, on_error=failed,
                         owner=parent)

    def tick() -> None:
        if busy["now"]:
            return
        busy["now"] = True
        ctx.runner.read(check_all, on_done=import_all, on_error=failed, owner=parent)

    timer = QTimer(parent, interval=interval_ms)
    timer.timeout.connect(tick)
    timer.start()
    log.info("watching %s for CAP files every %d s", options.folder, interval_ms // 1000)
    return timer
