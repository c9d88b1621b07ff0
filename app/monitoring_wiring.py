"""Keeps the mirror's readings to the configured window ([monitoring]
history_days, default 7): a minute after start and then every hour, on the
mirror writer, older readings are folded into hourly rows
(services/monitoring/history.py)."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer

from services.monitoring.history import fold_old_readings

FIRST_MS = 60_000
EVERY_MS = 3_600_000
log = logging.getLogger(__name__)


class MonitoringWiring(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.ctx = window.ctx
        self._timer = QTimer(self, interval=EVERY_MS)
        self._timer.timeout.connect(self.fold)
        self._timer.start()
        QTimer.singleShot(FIRST_MS, self.fold)

    def fold(self) -> None:
        self.ctx.runner.write(fold_old_readings, self.ctx.mirror, datetime.now(UTC),
                              self.ctx.config.monitoring_history_days,
                              on_done=lambda n: log.info("readings window: %d readings folded into hours", n) if n
                              else None,
                              on_error=lambda exc: log.warning("readings window: not folded (%s)", exc), owner=self)
