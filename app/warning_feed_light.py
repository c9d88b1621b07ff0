"""The status bar's light for the platform's CAP feeds (预警信息源): asks the
platform every minute how its feeds are polled and says so, red when one is
failing (the platform keeps retrying it; the light goes back by itself).
Hidden while no feed is configured or the platform cannot be asked."""

from __future__ import annotations

import asyncio
import html
import logging

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel

from services.sync.engine import SyncError
from services.warnings.feed_status import FeedSummary, summarize
from widgets.plain_text import make_plain

log = logging.getLogger(__name__)
POLL_MS = 60_000


def _tr(text: str) -> str:
    return QCoreApplication.translate("WarningFeedLight", text)


class WarningFeedLight(QLabel):
    def __init__(self, request, parent=None):
        """`request()`: the sync engine's authenticated request while logged in, else None."""
        super().__init__(parent)
        self.setObjectName("warning_feed_light")
        make_plain(self)
        self.request = request
        self.summary = FeedSummary()
        self.hide()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.poll)
        self.timer.start(POLL_MS)
        QTimer.singleShot(8000, self.poll)  # after the first exchange
        self._task: asyncio.Future | None = None

    def poll(self) -> None:
        if self._task is not None and not self._task.done():
            return
        self._task = asyncio.ensure_future(self._ask())

    async def _ask(self) -> None:
        request = self.request()
        if request is None:
            self.hide()
            return
        try:
            answer = await request("GET", "/warning-feeds")
            self.show_summary(summarize(answer.json()))
        except (SyncError, ValueError) as exc:
            log.info("warning feed status not read: %s", exc)
            self.hide()

    def show_summary(self, summary: FeedSummary) -> None:
        self.summary = summary
        if summary.state == "none":
            self.hide()
            return
        if summary.state == "ok":
            self.setText(_tr("Warning feeds: all %1 working").replace("%1", str(summary.feeds)))
            self.setStyleSheet("color: #2e7d32")
            self.setToolTip("")
        else:
            self.setText(_tr("Warning feeds: %1 of %2 failing").replace("%1", str(len(summary.failing)))
                         .replace("%2", str(summary.feeds)))
            self.setStyleSheet("color: #c62828; font-weight: bold")
            lines = [_tr("%1: %2 (failed %3 times in a row; last success %4)").replace("%1", f.url)
                     .replace("%2", f.last_error or "?").replace("%3", str(f.failures))
                     .replace("%4", f.last_success or _tr("never")) for f in summary.failing]
            # a tooltip guesses at markup: the platform's words are escaped, the lines joined as markup
            self.setToolTip("<br>".join(html.escape(line) for line in lines))
        self.show()
