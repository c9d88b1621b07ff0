"""Opens the roll-call prompt on the duty workstation when a roll call of this
watch room arrives (the sync engine applies it; the relay says so), with the
alert sound, and brings it back with the sound every NAG_MS while it waits.
Only the officer's press of the answer button answers: this never does.

`operator` is asked at the moment of the answer (the name shown beside the
account the platform records), so whoever is on duty then is the one named."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QObject, QTimer, Signal

from services.paths import RESOURCES_DIR
from services.rollcall.service import RollCall, RollCallService
from views.common.gui_op import GuiOp, show_write_error
from views.rollcall.prompt import RollCallPrompt
from widgets.alert_sound import AlertSound

log = logging.getLogger(__name__)
NAG_MS = 15_000
SOUND = RESOURCES_DIR / "sounds" / "rollcall.wav"


class RollCallWatcher(QObject):
    sig_prompted = Signal(str)  # a roll call's id, once its prompt is on screen
    sig_answered = Signal(str)  # a roll call's id, once its answer is written here (queued for the platform)

    def __init__(self, service: RollCallService, runner, relay, *, operator: Callable[[], str], tz: tzinfo,
                 window=None, alert: AlertSound | None = None):
        super().__init__(window)
        self.service, self.runner, self.operator, self.tz, self.window = service, runner, operator, tz, window
        self.alert = alert or AlertSound(SOUND, self)
        self.prompt: RollCallPrompt | None = None
        self._reading = self._again = False
        self._soon = QTimer(self, singleShot=True, interval=0)  # a burst of changes reads once
        self._soon.timeout.connect(self.refresh)
        relay.records("rollcall").sig_changed.connect(lambda _ids: self._soon.start())
        self._nag = QTimer(self, interval=NAG_MS)
        self._nag.timeout.connect(self._remind)
        self._nag.start()

    def refresh(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        GuiOp(self, self.runner, self.service.to_answer).as_read().success(self._show).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._reading = False
        log.warning("roll calls could not be read: %s", exc)

    def _show(self, waiting: list[RollCall]) -> None:
        self._reading = False
        if self._again:
            self._again = False
            self._soon.start()
        current = self.prompt.rollcall.id if self.prompt is not None else None
        if current is not None and current not in {r.id for r in waiting}:
            self._close_prompt()  # answered (here or at another workstation of the room)
        if self.prompt is None and waiting:
            self._open(waiting[0])

    def _open(self, rollcall: RollCall) -> None:
        prompt = RollCallPrompt(rollcall, now=self.service.clock.now, tz=self.tz, parent=self.window)
        prompt.sig_answer.connect(self._answer)
        prompt.sig_shown.connect(self.sig_prompted)
        self.prompt = prompt
        prompt.show()
        prompt.raise_()
        prompt.activateWindow()
        self.alert.play()

    def _remind(self) -> None:
        """Still waiting: the prompt back in front, and the sound again."""
        if self.prompt is not None and self.prompt.answer_button.isEnabled():
            if not self.prompt.isVisible():
                self.prompt.show()
            self.prompt.raise_()
            self.prompt.activateWindow()
            self.alert.play()

    def _answer(self, rollcall_id: str) -> None:
        GuiOp(self, self.runner, self.service.answer, rollcall_id, self.operator()) \
            .success(self._answered).failure(self._answer_failed).run()

    def _answered(self, rollcall: RollCall) -> None:
        if self.prompt is not None and self.prompt.rollcall.id == rollcall.id:
            self._close_prompt()
        self.sig_answered.emit(rollcall.id)
        self._soon.start()  # another one may be waiting

    def _answer_failed(self, exc: BaseException) -> None:
        if self.prompt is not None:
            self.prompt.answer_failed()
            show_write_error(self.prompt, exc, self.prompt.windowTitle())

    def _close_prompt(self) -> None:
        prompt, self.prompt = self.prompt, None
        if prompt is not None:
            prompt.close()
            prompt.deleteLater()
