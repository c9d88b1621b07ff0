"""The 30-day chart beyond the mirror's window: the mirror keeps days of raw
readings (a new workstation has nothing older), the platform keeps them all.
When the chart spans further back than the window, the older part is asked of
the platform (server/station_history.py), downsampled to the chart's width
(each bucket's lowest and highest, so no peak is lost), and joined to the
mirror's part at the window's start. Offline, the chart shows what the mirror
has and the note says where the rest is."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from urllib.parse import quote

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Signal

from services.monitoring.contract import number_problem

log = logging.getLogger(__name__)
HISTORY_PATH = "/monitoring/stations/{}/readings"
MIN_POINTS, MAX_POINTS = 10, 4000


def offline_note(days: int) -> str:
    return QCoreApplication.translate("StationPanel", "Offline: this workstation keeps %1 days of readings; older ones are on the platform "
               "and show here once it is reachable.").replace("%1", str(days))


def checked_pairs(data: object, station_id: str) -> tuple[np.ndarray, np.ndarray]:
    """The platform's answer as arrays; ValueError for anything else (a hostile or broken server)."""
    if not isinstance(data, dict) or data.get("station_id") != station_id or not isinstance(
            data.get("readings"), list):
        raise ValueError("not a station history")
    pairs = data["readings"]
    if len(pairs) > 2 * MAX_POINTS + 2 or any(
            not isinstance(p, list) or len(p) != 2 or number_problem(p[0]) or number_problem(p[1]) for p in pairs):
        raise ValueError("a reading is not [time, value]")
    t = np.fromiter((p[0] for p in pairs), dtype=np.float64, count=len(pairs))
    v = np.fromiter((p[1] for p in pairs), dtype=np.float64, count=len(pairs))
    order = np.argsort(t, kind="stable")
    return t[order], v[order]


class PlatformHistory(QObject):
    sig_history = Signal(str, object, object)  # station id, times, values (before the window's start)
    sig_note = Signal(str)  # what the chart shows of the platform's history, in words

    def __init__(self, request: Callable[[], Callable | None] | None, window_days: int, parent=None):
        """`request()`: the sync engine's authenticated request while logged in, else None."""
        super().__init__(parent)
        self.request = request or (lambda: None)
        self.window_days = window_days
        self._task: asyncio.Future | None = None
        self.generation = 0  # answers for an older choice are dropped
        self.last_request: tuple = ()

    def want(self, ids: list[str], since: float, boundary: float, points: int) -> None:
        """The chart needs `since`..`boundary` of these stations from the platform."""
        self.generation += 1
        if self._task is not None and not self._task.done():
            self._task.cancel()
        if self.request() is None:
            self.sig_note.emit(offline_note(self.window_days))
            return
        self.sig_note.emit(QCoreApplication.translate("StationPanel", "Older than %1 days: asking the platform…").replace("%1", str(self.window_days)))
        self.last_request = (list(ids), since, boundary, points, self.generation)
        try:
            loop = asyncio.get_running_loop()  # qasync's, in the program
        except RuntimeError:  # none runs here (a tool; a test runs fetch(*last_request) itself)
            return
        self._task = loop.create_task(self.fetch(*self.last_request))

    async def fetch(self, ids: list[str], since: float, boundary: float, points: int, generation: int) -> None:
        request = self.request()
        if request is None:
            self.sig_note.emit(offline_note(self.window_days))
            return
        from services.sync.engine import SyncError

        points = min(MAX_POINTS, max(MIN_POINTS, points))
        try:
            for sid in ids:
                answer = await request("GET", HISTORY_PATH.format(quote(sid, safe="")),
                                       params={"start": since, "end": boundary, "points": points})
                if getattr(answer, "status_code", 200) >= 400:
                    raise ValueError(f"the platform answered {answer.status_code}")
                t, v = checked_pairs(answer.json(), sid)
                if generation != self.generation:
                    return
                self.sig_history.emit(sid, t, v)
        except (SyncError, ValueError) as exc:
            log.info("station history not fetched from the platform: %s", exc)
            if generation == self.generation:
                self.sig_note.emit(offline_note(self.window_days))
            return
        if generation == self.generation:
            self.sig_note.emit(QCoreApplication.translate("StationPanel", "Older than %1 days: from the platform, one point per pixel's lowest and "
                                   "highest.").replace("%1", str(self.window_days)))
