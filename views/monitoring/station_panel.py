"""监测曲线: the stations (name, kind, latest value, level) and the chart of the
chosen ones — one station with its threshold lines, or several compared
(Ctrl+click). 24 h / 7 d / 30 d read the mirror's history off the GUI thread;
readings that arrive (RecordsChanged("reading", station ids)) are read since the
last one shown and queued into the chart, which draws them on its own timer.
30 d reaches past the mirror's window: that part comes from the platform when
it is reachable (views/monitoring/platform_history.py), a note says which."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import tzinfo

import numpy as np
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from services.monitoring.contract import DEFAULT_HISTORY_DAYS
from services.monitoring.store import History, Station, StationStore
from views.common.gui_op import GuiOp
from views.monitoring import words
from views.monitoring.platform_history import PlatformHistory
from widgets.plain_text import plain_label, tooltip
from widgets.station_chart import SPANS_S, StationChart, Threshold

STATION_ROLE = Qt.ItemDataRole.UserRole
COMPARE_MAX = 6  # more curves than colours is no comparison


def read_histories(store: StationStore, ids: list[str], since: float, until: float) -> dict[str, History]:
    """The chosen stations' readings in the window (runs on a reader)."""
    return {sid: store.history(sid, since, until) for sid in ids}


class StationPanel(QWidget):
    sig_shown = Signal(list)  # station ids whose history is on the chart

    def __init__(self, store: StationStore, runner, relay, *, tz: tzinfo,
                 now: Callable[[], float] = time.time, request: Callable[[], Callable | None] | None = None,
                 window_days: int = DEFAULT_HISTORY_DAYS, parent=None):
        """`request()`: the sync engine's authenticated request while logged in (for 30 d), else None."""
        super().__init__(parent)
        self.setObjectName("station_panel")
        self.store, self.runner, self.tz, self.now = store, runner, tz, now
        self.stations: dict[str, Station] = {}
        self.shown: list[str] = []
        self.span = "24h"
        self._last_t: dict[str, float] = {}  # the newest reading on the chart, per station
        self._live: set[str] = set()
        self.list = QListWidget(objectName="station_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.itemSelectionChanged.connect(self._chosen)
        self.chart = StationChart(tz, now=now, empty_text=self.tr("Choose a station: its readings show here."))
        self.older = PlatformHistory(request, window_days, self)
        self.older.sig_history.connect(self._older_arrived)
        self.note = plain_label(objectName="station_chart_note", wordWrap=True)
        self.note.setStyleSheet("color: #555")
        self.note.hide()
        self.older.sig_note.connect(self._show_note)
        self._boundary = 0.0
        self.title = plain_label(objectName="station_chart_title")
        self.title.setStyleSheet("font-weight: bold")
        spans = QHBoxLayout()
        self.span_group = QButtonGroup(self)
        for key, text in (("24h", self.tr("24 h")), ("7d", self.tr("7 days")), ("30d", self.tr("30 days"))):
            button = QPushButton(text, objectName=f"span_{key}", checkable=True, checked=key == self.span)
            button.clicked.connect(lambda _=False, k=key: self.set_span(k))
            self.span_group.addButton(button)
            spans.addWidget(button)
        spans.addStretch(1)
        spans.addWidget(self.title, 4)
        right = QWidget()
        rbox = QVBoxLayout(right)
        rbox.setContentsMargins(0, 0, 0, 0)
        rbox.addLayout(spans)
        rbox.addWidget(self.chart, 1)
        rbox.addWidget(self.note)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 4)
        split.setSizes([260, 900])
        box = QVBoxLayout(self)
        box.addWidget(split)
        self._soon = QTimer(self, singleShot=True, interval=300)  # a sync page of readings reads once
        self._soon.timeout.connect(self._read_new)
        self._list_soon = QTimer(self, singleShot=True, interval=1000)  # latest values in the list, at most 1/s
        self._list_soon.timeout.connect(self.reload)
        relay.records("reading").sig_changed.connect(self._readings_arrived)
        relay.records("station").sig_changed.connect(lambda _ids: self.reload())
        relay.records("alarm").sig_changed.connect(lambda _ids: self.reload())  # levels move with alarms

    # ---- stations ---------------------------------------------------------

    def reload(self) -> None:
        GuiOp(self, self.runner, self.store.stations).as_read().success(self._show_stations).run()

    def _show_stations(self, stations: list[Station]) -> None:
        self.stations = {s.id: s for s in stations}
        chosen = set(self.shown)
        self.list.blockSignals(True)
        self.list.clear()
        for st in sorted(stations, key=lambda s: (-words.RANK.get(s.level or "", 0), s.name)):
            value = "" if st.latest_value is None else f"{st.latest_value:g} {st.unit}"
            item = QListWidgetItem(f"{st.name}  {value}".strip())
            item.setData(STATION_ROLE, st.id)
            item.setForeground(_brush(words.colour(st.level) if st.level else "#222"))
            item.setToolTip(tooltip(f"{words.kind_name(st.kind)} · {st.org}\n{st.place}"))
            self.list.addItem(item)
            item.setSelected(st.id in chosen)
        self.list.blockSignals(False)
        if not stations:
            self.list.addItem(self.tr("No monitoring stations yet."))

    def show_station(self, station_id: str) -> None:
        """Another panel asks for a station (the alarm list's selection)."""
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(STATION_ROLE) == station_id:
                self.list.setCurrentItem(item)
                return
        self._show([station_id])

    def _chosen(self) -> None:
        ids = [i.data(STATION_ROLE) for i in self.list.selectedItems() if i.data(STATION_ROLE)]
        self._show(ids[:COMPARE_MAX])

    # ---- the chart --------------------------------------------------------

    def set_span(self, key: str) -> None:
        self.span = key
        for button in self.span_group.buttons():
            button.setChecked(button.objectName() == f"span_{key}")
        self._show(self.shown)

    def _show(self, ids: list[str]) -> None:
        self.shown = list(ids)
        until = self.now()
        GuiOp(self, self.runner, read_histories, self.store, self.shown, until - SPANS_S[self.span], until) \
            .as_read().success(lambda got, ids=tuple(ids): self._draw(list(ids), got)).run()

    def _draw(self, ids: list[str], histories: dict[str, History]) -> None:
        if ids != self.shown:
            return  # the officer chose again meanwhile
        for key in list(self.chart.series):
            if key not in histories:
                self.chart.remove_series(key)
        self._last_t = {}
        for sid, history in histories.items():
            st = self.stations.get(sid)
            self.chart.set_series(sid, st.name if st else sid, history.t, history.v)
            self._last_t[sid] = float(history.t[-1]) if len(history.t) else self.now() - SPANS_S[self.span]
        self.chart.set_thresholds(self._thresholds(ids[0]) if len(ids) == 1 else [])
        self.chart.set_span(self.span)
        self.title.setText(self._title(ids))
        self.sig_shown.emit(ids)
        until = self.now()
        self._boundary = until - self.older.window_days * 86_400
        if ids and SPANS_S[self.span] > until - self._boundary:
            self.older.want(ids, until - SPANS_S[self.span], self._boundary, max(1, self.chart.width()))
        else:
            self.older.generation += 1  # an answer still on its way is for another view
            self.note.hide()

    def _show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def _older_arrived(self, sid: str, t: np.ndarray, v: np.ndarray) -> None:
        """The platform's part before the window joined to the mirror's part after it."""
        s = self.chart.series.get(sid)
        if s is None or sid not in self.shown:
            return
        local_t = np.concatenate([s.times, *s.pending_t])
        local_v = np.concatenate([s.values, *s.pending_v])
        mine = local_t >= self._boundary
        theirs = t < self._boundary
        self.chart.set_series(sid, s.name, np.concatenate([t[theirs], local_t[mine]]),
                              np.concatenate([v[theirs], local_v[mine]]))

    def _thresholds(self, sid: str) -> list[Threshold]:
        st = self.stations.get(sid)
        if st is None:
            return []
        return [Threshold(float(value), f"{words.level_name(level)} {float(value):g} {st.unit}".strip(),
                          words.colour(level)) for level, value in st.thresholds.items()]

    def _title(self, ids: list[str]) -> str:
        if not ids:
            return ""
        if len(ids) > 1:
            units = {self.stations[i].unit for i in ids if i in self.stations}
            text = self.tr("%1 stations compared") if len(units) <= 1 else \
                self.tr("%1 stations compared (in different units: read each against its own scale)")
            return text.replace("%1", str(len(ids)))
        st = self.stations.get(ids[0])
        if st is None:
            return ids[0]
        return self.tr("%1 · %2 · %3").replace("%1", st.name).replace("%2", words.kind_name(st.kind)) \
            .replace("%3", words.level_name(st.level))

    def _readings_arrived(self, station_ids: list[str]) -> None:
        if not self._list_soon.isActive():  # never restarted: a steady feed still refreshes the list
            self._list_soon.start()
        hit = self._live.union(station_ids).intersection(self.shown)
        if hit:
            self._live = hit
            self._soon.start()

    def _read_new(self) -> None:
        ids, self._live = sorted(self._live), set()
        since = {sid: self._last_t.get(sid, self.now() - SPANS_S[self.span]) for sid in ids}
        if not since:
            return
        GuiOp(self, self.runner, read_since, self.store, since, self.now() + 3600).as_read() \
            .success(self._add_new).run()

    def _add_new(self, histories: dict[str, History]) -> None:
        for sid, history in histories.items():
            if sid in self.chart.series and len(history.t):
                self.chart.add_readings(sid, history.t, history.v)
                self._last_t[sid] = max(self._last_t.get(sid, 0.0), float(history.t[-1]))


def read_since(store: StationStore, since: dict[str, float], until: float) -> dict[str, History]:
    """Readings newer than the last one each station's curve has (on a reader)."""
    out = {}
    for sid, t in since.items():
        h = store.history(sid, t, until)
        keep = h.t > t
        out[sid] = History(h.t[keep], h.v[keep])
    return out


def _brush(colour: str):
    from PySide6.QtGui import QBrush, QColor

    return QBrush(QColor(colour))
