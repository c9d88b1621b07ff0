"""Monitoring stations as a layer of the one map, each coloured by the level it
stands at (蓝/黄/橙/红; 警戒 as 橙, 保证 as 红; green when normal). Clicking one
shows its card beside the map: name, kind, who runs it, the latest reading and
a sparkline of the last 24 hours with its thresholds, and a link to its chart.
Stations, readings and alarms from the feed recolour and relabel the markers,
coalesced (a page of readings for many stations is one update of the page)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime, tzinfo
from html import escape

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from services.monitoring.store import History, Station, StationStore
from views.common.gui_op import GuiOp
from views.monitoring import words
from widgets.sparkline import sparkline_img

LAYER = "stations"
RELOAD_MS = 1000  # telemetry: the markers follow within a second, never once per reading
SPARK_S = 24 * 3600


def style_of(station: Station) -> str:
    return f"station_{words.colour_key(station.level)}"


def station_card(st: Station, history: History, tz: tzinfo) -> str:
    """Rich text for the map's card: every record value escaped, the sparkline an image."""
    def row(label: str, value: str) -> str:
        return f"<tr><td style='color:#666;padding-right:8px'>{escape(label)}</td><td>{escape(value)}</td></tr>"

    rows = [row(QCoreApplication.translate("MonitoringMap", "Kind"), words.kind_name(st.kind)),
            row(QCoreApplication.translate("MonitoringMap", "Run by"), st.org),
            row(QCoreApplication.translate("MonitoringMap", "Level"), words.level_name(st.level))]
    if st.latest_value is not None and st.latest_t is not None:
        at = datetime.fromtimestamp(st.latest_t, tz).strftime("%m-%d %H:%M")
        rows.append(row(QCoreApplication.translate("MonitoringMap", "Latest"), f"{st.latest_value:g} {st.unit} ({at})"))
    for level, value in st.thresholds.items():
        rows.append(row(words.level_name(level), f"{float(value):g} {st.unit}"))
    rows.append(row(QCoreApplication.translate("MonitoringMap", "Position"), f"{st.lat:.5f}, {st.lon:.5f}"))
    colour = words.colour(st.level) if st.level else "#1f5fa8"
    marks = [(float(v), words.colour(level)) for level, v in st.thresholds.items()]
    if len(history.t):
        spark = (f"<p style='color:#666;margin-bottom:0'>{escape(QCoreApplication.translate('MonitoringMap', 'Last 24 hours'))}</p>"
                 + "<p>" + sparkline_img(history.t, history.v, colour=colour, thresholds=marks) + "</p>")
    else:
        spark = f"<p style='color:#666'>{escape(QCoreApplication.translate('MonitoringMap', 'No readings in the last 24 hours.'))}</p>"
    link = f"<p><a href='station:{escape(st.id)}'>{escape(QCoreApplication.translate('MonitoringMap', 'Open the chart'))}</a></p>"
    return f"<h3 style='color:{colour}'>{escape(st.name)}</h3><table>{''.join(rows)}</table>{spark}{link}"


class StationLayer(QObject):
    """Attached to a map panel (views/map/panel.py `add_layer`)."""

    sig_station_wanted = Signal(str)

    def __init__(self, panel, store: StationStore, runner, relay, *, tz: tzinfo,
                 now: Callable[[], float] = time.time):
        super().__init__(panel)
        self.panel, self.store, self.runner, self.tz, self.now = panel, store, runner, tz, now
        self.stations: dict[str, Station] = {}
        self._reading = self._again = False
        panel.map.define_layer(LAYER, "station_none")
        panel.add_layer(LAYER, self.tree_text, self.clicked, self.card_link, self.reload)
        self._soon = QTimer(self, singleShot=True, interval=RELOAD_MS)
        self._soon.timeout.connect(self.reload)
        for entity in ("station", "reading", "alarm"):
            relay.records(entity).sig_changed.connect(self._changed)

    def _changed(self, _ids: list) -> None:
        """Not restarted while it runs: readings arriving every second still update the map."""
        if not self._soon.isActive():
            self._soon.start()

    def reload(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        GuiOp(self, self.runner, self.store.stations).as_read().success(self._show).failure(self._failed).run()

    def _failed(self, _exc: BaseException) -> None:
        self._reading = False

    def _show(self, stations: list[Station]) -> None:
        self._reading = False
        self.stations = {s.id: s for s in stations}
        self.panel.map.set_points(LAYER, [self._row(s) for s in stations])
        self.panel.refresh_layer_tree()
        if self._again:
            self._again = False
            self._soon.start()

    def _row(self, st: Station) -> tuple:
        value = "" if st.latest_value is None else f" {st.latest_value:g}{st.unit}"
        return (st.id, *self.panel.to_map(st.lat, st.lon), f"{st.name}{value}", style_of(st))

    def tree_text(self) -> str:
        alarmed = sum(1 for s in self.stations.values() if s.level)
        return QCoreApplication.translate("MonitoringMap", "Monitoring stations (%1, %2 alarmed)") \
            .replace("%1", str(len(self.stations))).replace("%2", str(alarmed))

    def clicked(self, station_id: str) -> None:
        st = self.stations.get(station_id)
        if st is None:
            return
        until = self.now()
        GuiOp(self, self.runner, self.store.history, station_id, until - SPARK_S, until).as_read() \
            .success(lambda history, st=st: self._card(st, history)).run()
        self.panel.map.highlight(*self.panel.to_map(st.lat, st.lon))

    def _card(self, st: Station, history: History) -> None:
        self.panel.card.setText(station_card(st, history, self.tz))

    def card_link(self, link: str) -> bool:
        if link.startswith("station:"):
            self.sig_station_wanted.emit(link.removeprefix("station:"))
            return True
        return False
