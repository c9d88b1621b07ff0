"""查岗 status in a small tile of its own, for the dashboard and the commander's
display (beside the roster's "on duty now"): the roll call waiting, with the
time left by this workstation's clock (the platform decides), and how the last
one went — answered, late or missed, by whom and when."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QVBoxLayout

from services.rollcall.contract import ANSWERED, LATE, MISSED, PENDING
from services.rollcall.service import RollCall, RollCallService, RollCallStatus
from views.common import labels
from views.common.durations import remaining_text
from views.common.gui_op import GuiOp
from widgets.plain_text import plain_label

TICK_MS = 1000
REFRESH_MS = 30_000
COLOURS = {ANSWERED: "#1b7f2a", LATE: "#b26b00", MISSED: "#c00000", PENDING: "#b26b00"}


class RollCallStatusView(QFrame):
    def __init__(self, service: RollCallService, runner, relay, *, tz: tzinfo, scale: float = 1.0, parent=None):
        super().__init__(parent)
        self.setObjectName("rollcall_status")
        self.service, self.runner, self.tz, self.scale = service, runner, tz, scale
        self.status: RollCallStatus | None = None
        self._reading = self._again = False
        self.setStyleSheet(f"#rollcall_status {{ border: 1px solid #ccc; border-left: {int(6 * scale)}px solid"
                           f" #6a1b9a; background: #fafafa; }}")
        self.caption = plain_label(self.tr("Roll call"))
        self.caption.setStyleSheet(f"color: #444; font-size: {int(11 * scale)}pt")
        self.waiting = plain_label(objectName="rollcall_waiting")
        self.last = plain_label(objectName="rollcall_last", wordWrap=True)
        self.last.setStyleSheet(f"color: #555; font-size: {int(9 * scale)}pt")
        box = QVBoxLayout(self)
        box.setContentsMargins(int(8 * scale), int(4 * scale), int(8 * scale), int(4 * scale))
        box.setSpacing(0)
        for label in (self.caption, self.waiting, self.last):
            box.addWidget(label)
        self._tick = QTimer(self, interval=TICK_MS)
        self._tick.timeout.connect(self._show_waiting)
        self._refresh = QTimer(self, interval=REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        self._refresh.start()
        relay.records("rollcall").sig_changed.connect(lambda _ids: self.refresh())
        self._show_waiting()

    def refresh(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        GuiOp(self, self.runner, self.service.status).as_read().success(self.show_status) \
            .failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._reading = False
        self.last.setText(self.tr("Roll calls could not be read: %1").replace("%1", str(exc)))

    def show_status(self, status: RollCallStatus) -> None:
        self._reading = False
        self.status = status
        self._show_waiting()
        self.last.setText(self.last_text(status.last) if status.last else self.tr("No roll call yet"))
        colour = COLOURS.get(status.last.state, "#555") if status.last else "#555"
        self.last.setStyleSheet(f"color: {colour}; font-size: {int(9 * self.scale)}pt")
        if status.waiting is not None:
            self._tick.start()
        else:
            self._tick.stop()
        if self._again:
            self._again = False
            self.refresh()

    def _show_waiting(self) -> None:
        waiting = self.status.waiting if self.status else None
        size = f"font-size: {int(16 * self.scale)}pt; font-weight: bold"
        if waiting is None:
            self.waiting.setText(self.tr("None waiting"))
            self.waiting.setStyleSheet(f"{size}; color: #1b7f2a")
            return
        left = (waiting.deadline - self.service.clock.now()).total_seconds()
        if left >= 0 and waiting.state == PENDING:
            self.waiting.setText(self.tr("Waiting for an answer: %1 left").replace("%1", remaining_text(left)))
            self.waiting.setStyleSheet(f"{size}; color: {COLOURS[PENDING]}")
        else:
            self.waiting.setText(self.tr("Not answered: %1 overdue").replace("%1", remaining_text(abs(left))))
            self.waiting.setStyleSheet(f"{size}; color: {COLOURS[MISSED]}")

    def last_text(self, rollcall: RollCall) -> str:
        posted = rollcall.posted_at.astimezone(self.tz).strftime("%m-%d %H:%M")
        if rollcall.state in (ANSWERED, LATE):
            when = rollcall.answered_at.astimezone(self.tz).strftime("%H:%M:%S") if rollcall.answered_at else ""
            who = labels.attributed(rollcall.answered_by, rollcall.answered_by_account)
            text = self.tr("Last: %1 answered late at %2 by %3") if rollcall.state == LATE \
                else self.tr("Last: %1 answered at %2 by %3")
            return text.replace("%1", posted).replace("%2", when).replace("%3", who)
        if rollcall.answered_here_at is not None:
            return self.tr("Last: %1 answered here, waiting for the platform").replace("%1", posted)
        return self.tr("Last: %1 not answered (missed)").replace("%1", posted)
