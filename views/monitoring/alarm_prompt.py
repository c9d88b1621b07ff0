"""A new 红 or 橙 alarm (保证 and 警戒 count as these) pops up on the duty
workstation with the alert sound, like the roll call's prompt: on top, large,
Enter acknowledges. Each alarm prompts once at each urgent colour it reaches
(an orange alarm escalated to red prompts again; nothing else repeats), so a
river wavering at its threshold — one alarm, held open by the platform's
hysteresis — is one prompt. Alarms raised before RECENT_S ago (a workstation
started late, a long cut link caught up) are in the list, not in a pop-up.
Several arriving together share one prompt and one sound."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from services.monitoring.alarms_service import AlarmService
from services.monitoring.store import Alarm, StationStore
from services.paths import RESOURCES_DIR
from views.common.gui_op import GuiOp, show_write_error
from views.monitoring import words
from widgets.alert_sound import AlertSound
from widgets.plain_text import plain_label

log = logging.getLogger(__name__)
RECENT_S = 3600
SOUND = RESOURCES_DIR / "sounds" / "rollcall.wav"


def describe(alarm: Alarm, tz: tzinfo) -> str:
    at = datetime.fromisoformat(alarm.raised_at).astimezone(tz).strftime("%H:%M:%S")
    return QCoreApplication.translate("Monitoring", "%1  %2 %3 — %4 (threshold %5) at %6").replace("%1", words.level_name(alarm.level)) \
        .replace("%2", alarm.station_name).replace("%3", words.rule_name(alarm.rule)) \
        .replace("%4", f"{alarm.value:g}").replace("%5", f"{alarm.threshold:g}").replace("%6", at)


class AlarmPrompt(QDialog):
    sig_acknowledge = Signal(list)  # alarm ids the officer acknowledged with Enter
    sig_open_list = Signal()

    def __init__(self, tz: tzinfo, parent=None):
        super().__init__(parent)
        self.tz = tz
        self.alarms: dict[str, Alarm] = {}
        self.setObjectName("alarm_prompt")
        self.setWindowTitle(self.tr("New monitoring alarm"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setModal(False)
        self.setMinimumWidth(760)
        self.heading = plain_label(objectName="alarm_prompt_heading", alignment=Qt.AlignmentFlag.AlignCenter)
        self.heading.setStyleSheet("font-size: 18pt; font-weight: bold")
        self.list = QListWidget(objectName="alarm_prompt_list")
        self.list.setStyleSheet("font-size: 13pt")
        self.list.setWordWrap(True)
        self.ack_button = QPushButton(self.tr("Acknowledge (Enter)"), objectName="alarm_prompt_ack")
        self.ack_button.setDefault(True)
        self.ack_button.setMinimumHeight(48)
        self.ack_button.setStyleSheet("font-size: 14pt; font-weight: bold")
        self.ack_button.clicked.connect(self._acknowledge)
        self.list_button = QPushButton(self.tr("Open the alarm list"), objectName="alarm_prompt_open")
        self.list_button.setAutoDefault(False)
        self.list_button.clicked.connect(self.sig_open_list)
        self.list_button.clicked.connect(self.close)
        self.note = plain_label(self.tr("Acknowledging records your name; handle or turn it into an incident "
                                        "in the alarm list."), wordWrap=True)
        self.note.setStyleSheet("color: #555")
        buttons = QHBoxLayout()
        buttons.addWidget(self.ack_button, 2)
        buttons.addWidget(self.list_button, 1)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.list, 1)
        box.addLayout(buttons)
        box.addWidget(self.note)

    def add(self, alarms: list[Alarm]) -> None:
        for alarm in alarms:
            self.alarms[alarm.id] = alarm
        self.list.clear()
        top = max(self.alarms.values(), key=lambda a: words.RANK.get(a.level, 0))
        for alarm in sorted(self.alarms.values(), key=lambda a: -words.RANK.get(a.level, 0)):
            item = QListWidgetItem(describe(alarm, self.tz))  # item text is plain
            item.setForeground(_colour(alarm.level))
            self.list.addItem(item)
        colour = words.colour(top.level)
        self.setStyleSheet(f"#alarm_prompt {{ background: #fff8e1; border: 4px solid {colour}; }}"
                           f" #alarm_prompt_heading {{ color: {colour}; }}")
        self.heading.setText(self.tr("%1 new alarms").replace("%1", str(len(self.alarms))) if len(self.alarms) > 1
                             else self.tr("%1 alarm: %2").replace("%1", words.level_name(top.level))
                             .replace("%2", top.station_name))
        self.ack_button.setEnabled(True)
        self.ack_button.setFocus()

    def drop(self, alarm_ids: set[str]) -> None:
        """Acknowledged or closed meanwhile (here or at another workstation)."""
        left = {k: a for k, a in self.alarms.items() if k not in alarm_ids}
        if len(left) != len(self.alarms):
            self.alarms = {}
            if left:
                self.add(list(left.values()))
            else:
                self.close()

    def _acknowledge(self) -> None:
        self.ack_button.setEnabled(False)
        self.sig_acknowledge.emit(list(self.alarms))


def _colour(level: str):
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(words.colour(level)))


class AlarmWatcher(QObject):
    sig_prompted = Signal(list)  # alarm ids newly on the prompt
    sig_open_list = Signal()  # the officer asked for the alarm list

    def __init__(self, store: StationStore, alarms: AlarmService, runner, relay, *, tz: tzinfo,
                 operator: Callable[[], str], now: Callable[[], datetime] | None = None, window=None,
                 alert: AlertSound | None = None):
        super().__init__(window)
        self.store, self.alarms, self.runner, self.tz, self.operator = store, alarms, runner, tz, operator
        self.now = now or alarms.clock.now
        self.window = window
        self.alert = alert or AlertSound(SOUND, self)
        self.prompt: AlarmPrompt | None = None
        self.prompted: set[tuple[str, str]] = set()  # (alarm id, colour) already shown, here or kept in the mirror
        self._reading = self._again = False
        self._soon = QTimer(self, singleShot=True, interval=0)
        self._soon.timeout.connect(self.refresh)
        relay.records("alarm").sig_changed.connect(lambda _ids: self._soon.start())

    def refresh(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        GuiOp(self, self.runner, self.store.open_alarms_and_prompted).as_read().success(self._seen) \
            .failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._reading = False
        log.warning("alarms could not be read: %s", exc)

    def _seen(self, read: tuple[list[Alarm], set[tuple[str, str]]]) -> None:
        open_alarms, shown = read
        self.prompted |= shown  # popped up before this session (the mirror remembers)
        self._reading = False
        if self._again:
            self._again = False
            self._soon.start()
        waiting = {a.id for a in open_alarms if a.state == "new"}
        if self.prompt is not None:
            self.prompt.drop(set(self.prompt.alarms) - waiting)
        since = self.now() - timedelta(seconds=RECENT_S)
        fresh = []
        for alarm in open_alarms:
            key = (alarm.id, words.colour_key(alarm.level))
            if alarm.state != "new" or key[1] not in words.URGENT or key in self.prompted:
                continue
            latest = max(alarm.raised_at, alarm.escalated_at or "")
            if datetime.fromisoformat(latest) < since:
                continue
            self.prompted.add(key)
            fresh.append(alarm)
        if fresh:
            keys = [(a.id, words.colour_key(a.level)) for a in fresh]
            GuiOp(self, self.runner, self.store.mark_prompted, keys, self.now()) \
                .failure(lambda exc: log.warning("shown alarms not remembered: %s", exc)).run()
            self._show(fresh)

    def _show(self, alarms: list[Alarm]) -> None:
        if self.prompt is None or not self.prompt.isVisible():
            if self.prompt is not None:
                self.prompt.deleteLater()
            self.prompt = AlarmPrompt(self.tz, self.window)
            self.prompt.sig_acknowledge.connect(self._acknowledge)
            self.prompt.sig_open_list.connect(self.sig_open_list)
        self.prompt.add(alarms)
        self.prompt.show()
        self.prompt.raise_()
        self.prompt.activateWindow()
        self.alert.play()
        self.sig_prompted.emit([a.id for a in alarms])

    def _acknowledge(self, alarm_ids: list[str]) -> None:
        for alarm_id in alarm_ids:
            GuiOp(self, self.runner, self.alarms.acknowledge, alarm_id, self.operator()) \
                .success(self._acknowledged).failure(self._ack_failed).run()

    def _acknowledged(self, alarm: Alarm) -> None:
        if self.prompt is not None:
            self.prompt.drop({alarm.id})

    def _ack_failed(self, exc: BaseException) -> None:
        """Acknowledged elsewhere first is fine (the feed will say so); anything else is told."""
        from services.monitoring.alarms_service import AlarmMoveRefused

        self._soon.start()
        if not isinstance(exc, AlarmMoveRefused) and self.prompt is not None:
            self.prompt.ack_button.setEnabled(True)
            show_write_error(self.prompt, exc, self.prompt.windowTitle())
