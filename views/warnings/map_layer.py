"""The warning layer of the one-map: active warnings as areas in their level's
colour (polygons as polygons, circles as circles), the ones no longer in force
(expired, superseded, cancelled) hidden unless the officer asks for them, and
areas given only as division codes listed rather than drawn (the basemap has no
boundaries by code). Every string goes to the page as JSON and is shown there
as text (widgets/map_view/web/areas.js)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QTreeWidgetItem

from services.warnings.contract import COLOURS
from services.warnings.model import EarlyWarning
from views.warnings.labels import COLOUR_HEX, colour_rank, level_name

LAYER = "warnings"
ENDED_ENTRY = "warnings_ended"  # the layer tree's toggle for the ones no longer in force
ENDED = "ended"  # the style of a warning no longer in force, shown on request
RELOAD_MS = 200
ToMap = Callable[[float, float], tuple[float, float]]


def area_styles() -> dict[str, dict]:
    styles = {colour or "none": {"color": line, "fillColor": fill, "fillOpacity": 0.3, "weight": 2}
              for colour, (line, fill) in COLOUR_HEX.items()}
    styles[ENDED] = {"color": "#757575", "fillColor": "#bdbdbd", "fillOpacity": 0.12, "weight": 1}
    return styles


def area_label(warning: EarlyWarning) -> str:
    text = QCoreApplication.translate("WarningMap", "%1 · %2").replace("%1", level_name(warning.colour))
    return text.replace("%2", warning.headline or warning.event)


def on_map(warning: EarlyWarning, now: datetime, show_ended: bool) -> bool:
    """Drafts and pending ones never; active ones always; the rest on request."""
    if warning.issue_state in ("draft", "pending"):
        return False
    return warning.active(now) or show_ended


def area_rows(warnings: list[EarlyWarning], now: datetime, *, show_ended: bool = False,
              to_map: ToMap = lambda lat, lon: (lat, lon)) -> tuple[list[tuple], list[tuple[EarlyWarning, str]]]:
    """(rows for MapView.set_areas, [(warning, area description)] of areas with codes only).
    The gravest colour is drawn last, so it lies on top where areas overlap."""
    rows, listed = [], []
    for w in sorted(warnings, key=lambda w: -colour_rank(w.colour)):
        if not on_map(w, now, show_ended):
            continue
        polygons, circles = [], []
        for area in w.areas:
            polygons += [[list(to_map(lat, lon)) for lat, lon in ring] for ring in area.polygons]
            circles += [[*to_map(c.lat, c.lon), c.radius_km * 1000] for c in area.circles]
            if not area.polygons and not area.circles:
                listed.append((w, area.description or "、".join(area.geocodes)))
        if polygons or circles:
            style = (w.colour or "none") if w.active(now) else ENDED
            rows.append((w.id, style, area_label(w), polygons, circles))
    return rows, listed


def counts(warnings: list[EarlyWarning], now: datetime) -> dict[str, int]:
    """Active warnings by colour, red first."""
    out = dict.fromkeys(COLOURS, 0)
    for w in warnings:
        if w.active(now) and w.colour in out:
            out[w.colour] += 1
    return out


class WarningMapLayer(QObject):
    """Keeps the layer in step with the mirror: reads off the GUI thread when
    warnings change (coalesced) and every minute (warnings expire by the clock)."""

    sig_warning_clicked = Signal(str)  # warning id
    sig_changed = Signal()  # counts or the listed areas changed: the layer tree redraws

    def __init__(self, map_view, store, runner, relay, *, now: Callable[[], datetime], to_map: ToMap,
                 tz: tzinfo | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.tz = tz or UTC
        self.map, self.store, self.runner, self.now, self.to_map = map_view, store, runner, now, to_map
        self.show_ended = False
        self.warnings: list[EarlyWarning] = []
        self.listed: list[tuple[EarlyWarning, str]] = []
        self.colour_counts = dict.fromkeys(COLOURS, 0)
        self.drawn = 0
        map_view.set_area_styles(area_styles())
        map_view.sig_area_clicked.connect(self._on_area)
        self._soon = QTimer(self, singleShot=True, interval=RELOAD_MS)
        self._soon.timeout.connect(self.reload)
        self._tick = QTimer(self, interval=60_000)
        self._tick.timeout.connect(self.redraw)
        self._tick.start()
        relay.records("warning").sig_changed.connect(lambda *_: self._soon.start())
        self.reload()

    def reload(self) -> None:
        self.runner.read(self.store.all, True, on_done=self._loaded, owner=self)

    def _loaded(self, warnings: list[EarlyWarning]) -> None:
        self.warnings = warnings
        self.redraw()

    def redraw(self) -> None:
        now = self.now()
        rows, self.listed = area_rows(self.warnings, now, show_ended=self.show_ended, to_map=self.to_map)
        self.drawn = len(rows)
        self.map.set_areas(LAYER, rows)
        self.colour_counts = counts(self.warnings, now)
        self.sig_changed.emit()

    def set_show_ended(self, show: bool) -> None:
        if show != self.show_ended:
            self.show_ended = show
            self.redraw()

    def set_visible(self, visible: bool) -> None:
        self.map.set_areas_visible(LAYER, visible)

    def tree_text(self) -> str:
        c = self.colour_counts
        return QCoreApplication.translate("WarningMap", "Warnings (red %1 · orange %2 · yellow %3 · blue %4)") \
            .replace("%1", str(c["red"])).replace("%2", str(c["orange"])).replace("%3", str(c["yellow"])) \
            .replace("%4", str(c["blue"]))

    def tree_items(self, checked: dict) -> list[QTreeWidgetItem]:
        """The layer tree's entries: the layer with its counts (areas given by codes
        only under it, each opening its warning) and the toggle for ended ones."""
        role = Qt.ItemDataRole.UserRole
        layer = QTreeWidgetItem([self.tree_text()])
        layer.setData(0, role, LAYER)
        layer.setFlags(layer.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        layer.setCheckState(0, checked.get(LAYER, Qt.CheckState.Checked))
        for warning, description in self.listed[:100]:
            child = QTreeWidgetItem([QCoreApplication.translate("WarningMap", "%1 (by division code, not drawn): %2")
                                     .replace("%1", level_name(warning.colour)).replace("%2", description)])
            child.setData(0, role, ("warning", warning.id))
            child.setToolTip(0, warning.headline)
            layer.addChild(child)
        ended = QTreeWidgetItem([QCoreApplication.translate("WarningMap", "Show expired, superseded and cancelled "
                                                            "warnings")])
        ended.setData(0, role, ENDED_ENTRY)
        ended.setFlags(ended.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        ended.setCheckState(0, Qt.CheckState.Checked if self.show_ended else Qt.CheckState.Unchecked)
        return [layer, ended]

    def toggled(self, key, checked: bool) -> bool:
        """A layer tree entry was (un)checked; False when it is not one of this layer's."""
        if key == LAYER:
            self.set_visible(checked)
        elif key == ENDED_ENTRY:
            self.set_show_ended(checked)
        else:
            return False
        return True

    def get(self, warning_id: str) -> EarlyWarning | None:
        return next((w for w in self.warnings if w.id == warning_id), None)

    def _on_area(self, layer: str, area_id: str) -> None:
        if layer == LAYER:
            self.sig_warning_clicked.emit(area_id)
