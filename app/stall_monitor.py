"""Logs GUI-thread stalls over a threshold (DESIGN: a view must never freeze)."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)


class StallMonitor(QObject):
    def __init__(self, threshold_ms: int = 200, interval_ms: int = 50, parent=None):
        super().__init__(parent)
        self.threshold_ms = threshold_ms
        self.interval_ms = interval_ms
        self.worst_ms = 0.0
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_tick)

    def start(self) -> None:
        self._last = time.monotonic()
        self._timer.start()

    def _on_tick(self) -> None:
        now = time.monotonic()
        late_ms = (now - self._last) * 1000 - self.interval_ms
        self._last = now
        if late_ms > self.threshold_ms:
            self.worst_ms = max(self.worst_ms, late_ms)
            log.debug("GUI thread stalled for %.0f ms", late_ms)
