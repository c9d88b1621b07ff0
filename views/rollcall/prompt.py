"""The roll-call prompt (查岗): on top of everything, large, with a countdown to
the deadline, answered with Enter. Closing it does not answer it: the watcher
brings it back while the roll call waits. After the deadline it says that an
answer now is recorded as late (the platform decides, by its own clock)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout

from services.rollcall.service import RollCall
from views.common.durations import remaining_text
from widgets.plain_text import plain_label

TICK_MS = 1000


class RollCallPrompt(QDialog):
    sig_answer = Signal(str)  # the roll call's id: the officer pressed answer
    sig_shown = Signal(str)  # the roll call's id, once the prompt is on screen

    def __init__(self, rollcall: RollCall, *, now: Callable[[], datetime], tz: tzinfo, parent=None):
        super().__init__(parent)
        self.rollcall, self.now, self.tz = rollcall, now, tz
        self.setObjectName("rollcall_prompt")
        self.setWindowTitle(self.tr("Roll call"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setModal(False)
        self.setMinimumWidth(520)
        self.setStyleSheet("#rollcall_prompt { background: #fff8e1; } #rollcall_heading { color: #b71c1c; }")
        heading = QLabel(self.tr("Roll call from the superior level: answer now"), objectName="rollcall_heading")
        heading.setStyleSheet("font-size: 20pt; font-weight: bold")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading.setWordWrap(True)
        posted = rollcall.posted_at.astimezone(tz).strftime("%H:%M:%S")
        deadline = rollcall.deadline.astimezone(tz).strftime("%H:%M:%S")
        self.times = plain_label(self.tr("Posted %1 · answer by %2").replace("%1", posted).replace("%2", deadline),
                                 objectName="rollcall_times")
        self.times.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = plain_label(rollcall.message, objectName="rollcall_message", wordWrap=True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("font-size: 13pt")
        self.message.setVisible(bool(rollcall.message.strip()))
        self.countdown = plain_label(objectName="rollcall_countdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note = plain_label(objectName="rollcall_note", wordWrap=True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.answer_button = QPushButton(self.tr("Answer (Enter)"), objectName="rollcall_answer")
        self.answer_button.setDefault(True)
        self.answer_button.setAutoDefault(True)
        self.answer_button.setMinimumHeight(56)
        self.answer_button.setStyleSheet("font-size: 16pt; font-weight: bold")
        self.answer_button.clicked.connect(self._on_answer)
        account = plain_label(self.tr("The answer is recorded with the account signed in to the platform "
                                      "and the platform's time."), wordWrap=True)
        account.setStyleSheet("color: #555")
        box = QVBoxLayout(self)
        for widget in (heading, self.times, self.message, self.countdown, self.note, self.answer_button, account):
            box.addWidget(widget)
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        self.tick()

    def tick(self) -> None:
        left = (self.rollcall.deadline - self.now()).total_seconds()
        if left >= 0:
            self.countdown.setText(self.tr("Time left %1").replace("%1", remaining_text(left)[3:]
                                                                   if left < 3600 else remaining_text(left)))
            self.countdown.setStyleSheet("font-size: 30pt; font-weight: bold; color: #b26b00")
            self.note.setText("")
        else:
            self.countdown.setText(self.tr("Overdue %1").replace("%1", remaining_text(-left)[3:]
                                                                 if -left < 3600 else remaining_text(-left)))
            self.countdown.setStyleSheet("font-size: 30pt; font-weight: bold; color: #c00000")
            self.note.setText(self.tr("The time to answer has passed: an answer now is recorded as late."))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.answer_button.setFocus()
        self.sig_shown.emit(self.rollcall.id)

    def _on_answer(self) -> None:
        self.answer_button.setEnabled(False)
        self.answer_button.setText(self.tr("Recording the answer…"))
        self.sig_answer.emit(self.rollcall.id)

    def answer_failed(self) -> None:
        """The answer could not be written here: the officer may press again."""
        self.answer_button.setEnabled(True)
        self.answer_button.setText(self.tr("Answer (Enter)"))
        self.answer_button.setFocus()
