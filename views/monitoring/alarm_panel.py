"""告警列表: open alarms per level, alarms raised per hour, and the list with the
steps an officer takes — 确认, 处置, 误报, 转为事件 — from the keyboard: arrows
move, Enter acknowledges, Ctrl+D handles, Ctrl+Shift+F marks a false alarm,
Ctrl+E turns the alarm into an incident (the intake form opens pre-filled with
the station, its place and readings). Steps only move forward; one the alarm
does not allow any more (another workstation was quicker) is told, not done."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from services.monitoring.alarms_service import AlarmMoveRefused, AlarmService
from services.monitoring.contract import NOTE_MAX, OPEN_STATES
from services.monitoring.store import Alarm, StationStore
from views.common.gui_op import GuiOp, write_error_text
from views.common.messages import warn
from views.dashboard.charts import BarChart
from views.dashboard.view import FigureTile
from views.monitoring import words
from views.monitoring.alarm_model import ALARM_ROLE, AlarmOverview, AlarmTableModel, read_overview
from widgets.plain_text import plain_label

COALESCE_MS = 200
REFRESH_MS = 60_000  # the per-hour chart moves with the clock


class AlarmPanel(QWidget):
    sig_station_wanted = Signal(str)  # the selected alarm's station (the chart shows it)
    sig_incident_activated = Signal(str)  # an alarm turned into this incident: the log opens it
    sig_shown = Signal(object)  # AlarmOverview, once on screen

    def __init__(self, store: StationStore, alarms: AlarmService, runner, relay, *, tz: tzinfo,
                 operator: Callable[[], str], intake: Callable[..., QWidget] | None = None,
                 now: Callable[[], datetime] | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("alarm_panel")
        self.store, self.alarms, self.runner, self.tz, self.operator = store, alarms, runner, tz, operator
        self.now = now or alarms.clock.now
        self.intake = intake  # (draft, parent) -> an intake dialog, shown; None: no incident log here
        self.overview: AlarmOverview | None = None
        self._reading = self._again = False
        self._step_note = ""
        self._intakes: dict[str, QWidget] = {}  # alarm id -> its open intake form
        self.tiles = {key: FigureTile(words.level_name(key), words.COLOURS[key], 0.8) for key in words.COUNTED}
        self.rate_chart = BarChart(self.tr("Alarms raised per hour (last 24 h)"), point_size=8)
        self.rate_chart.setMinimumHeight(130)
        self.open_only = QCheckBox(self.tr("Open alarms only"), objectName="alarm_open_only", checked=True)
        self.open_only.toggled.connect(self.refresh)
        self.model = AlarmTableModel(tz, self)
        self.table = QTableView(objectName="alarm_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.note = QLineEdit(objectName="alarm_note", maxLength=NOTE_MAX)
        self.note.setPlaceholderText(self.tr("Note for the step (optional): what was done, why it is false"))
        self.buttons = {
            "ack": self._button(self.tr("Acknowledge (Enter)"), "alarm_ack", self.on_acknowledge),
            "resolve": self._button(self.tr("Handled (Ctrl+D)"), "alarm_resolve", self.on_resolve),
            "false": self._button(self.tr("False alarm (Ctrl+Shift+F)"), "alarm_false", self.on_false),
            "incident": self._button(self.tr("Turn into incident (Ctrl+E)"), "alarm_incident", self.on_to_incident),
        }
        for keys, slot in ((("Return", "Enter"), self.on_acknowledge), (("Ctrl+D",), self.on_resolve),
                           (("Ctrl+Shift+F",), self.on_false), (("Ctrl+E",), self.on_to_incident)):
            for key in keys:
                QShortcut(QKeySequence(key), self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.setFocusProxy(self.table)  # brought to the front (Ctrl+Shift+A), the arrows move in the list at once
        self.status = plain_label(objectName="alarm_status", wordWrap=True)
        self.status.setStyleSheet("color: #555")
        self._lay_out()
        self._soon = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._soon.timeout.connect(self.refresh)
        self._clock = QTimer(self, interval=REFRESH_MS)
        self._clock.timeout.connect(self.refresh)
        self._clock.start()
        relay.records("alarm").sig_changed.connect(lambda _ids: self._soon.start())
        self._update_buttons()

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        button.setAutoDefault(False)
        return button

    def _lay_out(self) -> None:
        figures = QWidget(objectName="alarm_figures")
        figures.setMaximumHeight(170)  # the list is what the officer works in
        top = QHBoxLayout(figures)
        top.setContentsMargins(0, 0, 0, 0)
        for tile in self.tiles.values():
            top.addWidget(tile, 1)
        top.addWidget(self.rate_chart, 4)
        steps = QHBoxLayout()
        steps.addWidget(self.note, 1)
        for button in self.buttons.values():
            steps.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(figures)
        box.addWidget(self.open_only)
        box.addWidget(self.table, 1)
        box.addLayout(steps)
        box.addWidget(self.status)

    # ---- reading ----------------------------------------------------------

    def refresh(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        GuiOp(self, self.runner, read_overview, self.store, self.open_only.isChecked(), self.now()).as_read() \
            .success(self.show_overview).failure(self._read_failed).run()

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        self.status.setText(self.tr("Alarms could not be read: %1").replace("%1", str(exc)))

    def show_overview(self, overview: AlarmOverview) -> None:
        self._reading = False
        current = self.current_alarm()
        self.overview = overview
        for key, tile in self.tiles.items():
            tile.show_value(overview.open_by_colour.get(key, 0), self.tr("open"))
        hours = [(datetime.fromtimestamp(t, self.tz).strftime("%H"), n) for t, n in overview.per_hour]
        self.rate_chart.show_bars([n for _, n in hours], [h for h, _ in hours], label_every=3)
        self.model.set_alarms(overview.alarms)
        row = self.model.row_of(current.id) if current is not None else None
        if row is None and overview.alarms:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        if self._step_note:  # what the officer just did, once; then the count again
            self.status.setText(self._step_note)
            self._step_note = ""
        elif not overview.alarms:
            self.status.setText(self.tr("No open alarms.") if self.open_only.isChecked() else self.tr("No alarms."))
        else:
            self.status.setText(self.tr("%1 alarms listed.").replace("%1", str(len(overview.alarms))))
        self._update_buttons()
        self.sig_shown.emit(overview)
        if self._again:
            self._again = False
            self._soon.start()

    def current_alarm(self) -> Alarm | None:
        index = self.table.currentIndex()
        return self.model.data(index, ALARM_ROLE) if index.isValid() else None

    def _selected(self, *_args) -> None:
        self._update_buttons()
        alarm = self.current_alarm()
        if alarm is not None:
            self.sig_station_wanted.emit(alarm.station_id)

    def _update_buttons(self) -> None:
        alarm = self.current_alarm()
        is_open = alarm is not None and alarm.state in OPEN_STATES
        self.buttons["ack"].setEnabled(alarm is not None and alarm.state == "new")
        for key in ("resolve", "false"):
            self.buttons[key].setEnabled(is_open)
        self.buttons["incident"].setEnabled(is_open and self.intake is not None)

    # ---- steps ------------------------------------------------------------

    def on_acknowledge(self) -> None:
        self._step("ack", self.alarms.acknowledge)

    def on_resolve(self) -> None:
        self._step("resolve", self.alarms.resolve)

    def on_false(self) -> None:
        self._step("false", self.alarms.false_alarm)

    def _step(self, key: str, op) -> None:
        alarm = self.current_alarm()
        if alarm is None or not self.buttons[key].isEnabled():
            return
        for button in self.buttons.values():
            button.setEnabled(False)
        GuiOp(self, self.runner, op, alarm.id, self.operator(), self.note.text()) \
            .success(self._stepped).failure(self._step_failed).run()

    def _stepped(self, alarm: Alarm) -> None:
        self.note.clear()
        self._step_note = self.tr("%1: %2").replace("%1", alarm.station_name).replace("%2", words.state_name(alarm.state))
        self.status.setText(self._step_note)
        self._soon.start()

    def _step_failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, AlarmMoveRefused):
            text = self.tr("The alarm has already moved on (at this or another workstation); nothing was changed.")
        else:
            text = write_error_text(exc)
        warn(self, self.tr("Alarm"), text)
        self._soon.start()

    def on_to_incident(self) -> None:
        alarm = self.current_alarm()
        if alarm is None or not self.buttons["incident"].isEnabled():
            return
        GuiOp(self, self.runner, self.alarms.incident_draft, alarm.id).as_read() \
            .success(functools.partial(self._open_intake, alarm.id)).failure(self._step_failed).run()

    def _open_intake(self, alarm_id: str, draft) -> None:
        open_one = self._intakes.get(alarm_id)
        if open_one is not None and Shiboken.isValid(open_one) and open_one.isVisible():
            open_one.raise_()  # Ctrl+E twice: the one form, not two
            open_one.activateWindow()
            return
        dialog = self.intake(draft, self)
        self._intakes[alarm_id] = dialog
        dialog.sig_incident_created.connect(functools.partial(self._incident_logged, alarm_id))

    def _incident_logged(self, alarm_id: str, incident_id: str) -> None:
        """The incident is in the log: the alarm now points at it (the same incident
        however often this runs: its id comes from the alarm's)."""
        self._intakes.pop(alarm_id, None)
        GuiOp(self, self.runner, self.alarms.to_incident, alarm_id, self.operator()) \
            .success(lambda incident: self._turned(incident.id)) \
            .failure(functools.partial(self._turn_failed, incident_id)).run()

    def _turn_failed(self, incident_id: str, exc: BaseException) -> None:
        if not isinstance(exc, AlarmMoveRefused):
            self._step_failed(exc)
            return
        warn(self, self.tr("Alarm"), self.tr("The incident is logged, but the alarm had already been closed "
                                             "(at this or another workstation): it is not marked as turned into "
                                             "this incident."))
        self._turned(incident_id)

    def _turned(self, incident_id: str) -> None:
        self._soon.start()
        self.sig_incident_activated.emit(incident_id)
