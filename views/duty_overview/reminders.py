"""值班提醒 in the 值班概况 dock: the room's timed tasks of the last hours and the
next ones — due (with the time left), missed, upcoming, done (by whom, when).
Enter or a double click on one that is due (or missed, or coming up) records
it done now, by the officer on duty; the platform adds the account."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.reminders.schedule import OccurrenceState
from services.reminders.service import DefaultTitles, Occurrence, ReminderService
from views.common import labels
from views.common.durations import remaining_text
from views.common.gui_op import GuiOp
from widgets.plain_text import plain_label

REFRESH_MS = 30_000
COLOURS = {OccurrenceState.DUE: "#b26b00", OccurrenceState.MISSED: "#c00000", OccurrenceState.UPCOMING: "#555555",
           OccurrenceState.DONE: "#1b7f2a", OccurrenceState.DONE_LATE: "#1b7f2a"}
OPEN = (OccurrenceState.DUE, OccurrenceState.MISSED, OccurrenceState.UPCOMING)


class RemindersBox(QWidget):
    def __init__(self, service: ReminderService, runner, relay, *, operator: Callable[[], str], tz: tzinfo,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("reminders_box")
        self.service, self.runner, self.operator, self.tz = service, runner, operator, tz
        self.occurrences: list[Occurrence] = []
        self._reading = self._again = False
        self.title = plain_label(self.tr("Duty reminders"))
        self.title.setStyleSheet("font-weight: bold")
        self.add_defaults = QPushButton(self.tr("Add the usual reminders"), objectName="reminders_defaults")
        self.add_defaults.setToolTip(self.tr("Daily 08:00 report upward, hourly check, weather-warning checks at "
                                             "07:00 and 16:00"))
        self.add_defaults.clicked.connect(self._on_add_defaults)
        self.add_defaults.hide()
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self.title, 1)
        head.addWidget(self.add_defaults)
        self.list = QListWidget(objectName="reminders_list")
        self.list.itemActivated.connect(self._on_activated)
        self.list.itemDoubleClicked.connect(self._on_activated)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(head)
        box.addWidget(self.list, 1)
        self._timer = QTimer(self, interval=REFRESH_MS)  # states move with the clock
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        for entity in ("reminder", "reminder_done"):
            relay.records(entity).sig_changed.connect(lambda _ids: self.refresh())

    def refresh(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        GuiOp(self, self.runner, self.service.board).as_read().success(self.show_board).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._reading = False
        self.title.setText(self.tr("Duty reminders: could not be read (%1)").replace("%1", str(exc)))

    def show_board(self, occurrences: list[Occurrence]) -> None:
        self._reading = False
        self.occurrences = occurrences
        now = self.service.clock.now()
        self.list.clear()
        for o in occurrences:
            item = QListWidgetItem(self.item_text(o, now))
            item.setData(Qt.ItemDataRole.UserRole, o)
            item.setForeground(QBrush(QColor(COLOURS[o.state])))
            if o.state not in OPEN:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        due = sum(1 for o in occurrences if o.state == OccurrenceState.DUE)
        missed = sum(1 for o in occurrences if o.state == OccurrenceState.MISSED)
        self.title.setText(self.tr("Duty reminders (%1 due, %2 missed)").replace("%1", str(due))
                           .replace("%2", str(missed)))
        if not occurrences:
            empty = QListWidgetItem(self.tr("No reminder in these hours."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self.add_defaults.setVisible(not occurrences)
        if self._again:
            self._again = False
            self.refresh()

    def item_text(self, o: Occurrence, now) -> str:
        when = o.due_at.astimezone(self.tz).strftime("%H:%M")
        title = o.reminder.title
        if o.state == OccurrenceState.DUE:
            left = (o.due_at + o.reminder.window - now).total_seconds()
            state = self.tr("due, %1 left").replace("%1", remaining_text(left, with_seconds=False))
        elif o.state == OccurrenceState.MISSED:
            state = self.tr("missed")
        elif o.state == OccurrenceState.UPCOMING:
            state = self.tr("upcoming")
        else:
            at = o.done_at.astimezone(self.tz).strftime("%H:%M") if o.done_at else ""
            who = labels.attributed(o.done_by, o.done_by_account)
            text = self.tr("done late at %1 by %2") if o.state == OccurrenceState.DONE_LATE \
                else self.tr("done at %1 by %2")
            state = text.replace("%1", at).replace("%2", who)
        return f"{when}  {title} — {state}"

    def _on_activated(self, item: QListWidgetItem) -> None:
        occurrence = item.data(Qt.ItemDataRole.UserRole)
        if not isinstance(occurrence, Occurrence) or occurrence.state not in OPEN:
            return
        GuiOp(self, self.runner, self.service.mark_done, occurrence.reminder.id, occurrence.due_at,
              self.operator()).titled(self.tr("Duty reminders")).success(lambda _o: self.refresh()).run()

    def _on_add_defaults(self) -> None:
        titles = DefaultTitles(self.tr("Report the duty situation upward (08:00)"),
                               self.tr("Hourly check of systems, lines and video"),
                               self.tr("Check weather warnings"))
        GuiOp(self, self.runner, self.service.add_defaults, titles).titled(self.tr("Duty reminders")) \
            .success(lambda _added: self.refresh()).run()
