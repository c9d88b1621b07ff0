"""一张图: the resource map panel. Layers of resources by kind and of open
incidents by severity on the offline map; a layer tree with counts; search by
name; a detail card for a clicked marker; rings and the nearest available
resources around the selected incident; measuring; an area drawn to list what
lies inside; right-click to log a new incident there.

Data is read off the GUI thread (task runner) and pushed to the page in
batches; changes from the officer or from sync arrive through the event relay
and move markers without reloading the page."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.cameras.store import CameraStore
from services.geo.datum import gcj02_to_wgs84, wgs84_to_gcj02
from services.incidents.service import IncidentService
from services.maps.tile_library import TileLibrary
from services.positions.store import PositionStore
from services.resources.store import ResourcePoint, ResourceStore
from views.common import labels
from views.common.clearance_labels import Levels
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.map import layers
from views.map.card import camera_card, incident_card, resource_card
from views.map.file_actions import MapFileActions
from views.map.nearest import PER_KIND, NearestList
from views.map.units_layer import UnitsLayer
from widgets.empty_hint import EmptyHint
from widgets.map_view import MapView

RING_RADII_M = [5_000, 10_000, 20_000]
INCIDENT_RELOAD_MS = 200  # coalesced; within the propagation budget (sub-second)


class MapPanel(MapFileActions, QWidget):
    sig_new_incident_at = Signal(float, float)
    sig_incident_opened = Signal(str)  # the officer wants the incident in the log
    sig_incident_focused = Signal(float, float)  # the selected incident's position (WGS-84)
    sig_camera_to_wall = Signal(str)  # camera id: the officer wants it on the video wall
    sig_warning_opened = Signal(str)  # warning id: an area was clicked, the card is wanted
    sig_station_wanted = Signal(str)  # monitoring station id: the officer wants its chart

    def __init__(self, incidents: IncidentService, resources: ResourceStore, runner: TaskRunner,
                 relay: DomainEventRelay, *, library: TileLibrary | None = None,
                 cameras: CameraStore | None = None, basemap: Path | None = None, warnings=None, tz=None,
                 read_only: bool = False, defer_page: bool = False,
                 positions: PositionStore | None = None, orders_of=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_only = read_only  # the commander's display: the map alone, nothing to edit
        self.setObjectName("map_panel")
        self.incidents, self.resources, self.runner = incidents, resources, runner
        self.kind_of: dict[str, str] = {}  # resource id -> kind (its layer)
        self.incident_points: dict[str, tuple] = {}
        self.selected_incident: str | None = None
        self.library = library
        self.cameras = cameras
        self.camera_counts = (0, 0)  # cameras with a position, online
        self.camera_by_id: dict = {}
        self.datum = "WGS84"  # of the basemap shown: positions are drawn in it
        # Layers other features add (views/monitoring/map_layer.py): layer -> (tree text, click, card link).
        self.extra_layers: dict[str, tuple] = {}
        self.map = MapView(library.provide if library is not None else None, defer_page=defer_page)
        if basemap is not None:
            self.map.set_basemap_geojson(basemap)
        self._build()
        self.map.sig_marker_clicked.connect(self.on_marker_clicked)
        self.map.sig_map_context.connect(self.on_map_context)
        self.map.sig_polygon_drawn.connect(self.on_polygon)
        self.map.sig_measured.connect(self.on_measured)
        self._incident_timer = QTimer(self, singleShot=True, interval=INCIDENT_RELOAD_MS)
        self._incident_timer.timeout.connect(self.load_incidents)
        relay.records("resource").sig_changed.connect(self.on_resources_changed)
        relay.records("camera").sig_changed.connect(lambda *_: self.load_cameras())
        relay.sig_incident_changed.connect(lambda *_: self._incident_timer.start())
        self.map.define_layer(layers.INCIDENT_LAYER, "severity_I")
        self.map.define_layer(layers.CAMERA_LAYER, "camera")
        for kind in layers.RESOURCE_KINDS:
            self.map.define_layer(kind, kind)
        self.warning_layer = None  # views/warnings/map_layer.py, when the warnings store is given
        if warnings is not None:
            from views.warnings.map_layer import WarningMapLayer

            self.warning_layer = WarningMapLayer(self.map, warnings, runner, relay, now=incidents.clock.now,
                                                 to_map=self.to_map, tz=tz, parent=self)
            self.warning_layer.sig_changed.connect(self._refresh_tree)
            self.warning_layer.sig_warning_clicked.connect(self.on_warning_clicked)
        self.positions = positions  # live positions of field units (实时位置), if this workstation has them
        self.units = UnitsLayer(self.map, positions, runner, relay, self.to_map, self, resources=resources,
                                orders_of=orders_of, tz=tz) if positions else None
        if self.units is not None:
            self.units.sig_card.connect(self._show_unit)
        self.load_all()

    # ---- building --------------------------------------------------------------

    def _build(self) -> None:
        self.basemap_combo = QComboBox(objectName="basemap_combo")
        self.basemap_combo.setToolTip(self.tr("Basemap: the built-in one, or imported / cached tiles"))
        self._fill_basemaps()
        self.basemap_combo.currentIndexChanged.connect(self.on_basemap_changed)
        add_tiles = QPushButton(self.tr("Import tiles…"), objectName="import_tiles_button")
        add_tiles.setToolTip(self.tr("An MBTiles file, for use without a network"))
        add_tiles.clicked.connect(self.import_tiles)
        self.seed_button = QPushButton(self.tr("Download area…"), objectName="seed_button")
        self.seed_button.setToolTip(self.tr("Keep the tiles of this area for use without a network"))
        self.seed_button.clicked.connect(self.seed_area)
        self.seed_button.setEnabled(False)
        self.search_edit = QLineEdit(objectName="map_search", clearButtonEnabled=True)
        self.search_edit.setPlaceholderText(self.tr("Find a resource or incident by name"))
        self.search_edit.returnPressed.connect(self.on_search)
        self.layer_tree = QTreeWidget(objectName="layer_tree")
        self.layer_tree.setHeaderHidden(True)
        self.layer_tree.itemChanged.connect(self.on_layer_toggled)
        self.layer_tree.itemActivated.connect(self._on_tree_activated)
        self.results = NearestList()
        self.results.levels = Levels(*self.resources.levels())
        self.results_hint = EmptyHint(self.results, self.tr(
            "Select an incident (in the log or on the map) to see the nearest available resources here."))
        self.results.sig_resource_chosen.connect(self.on_result_chosen)
        self.card = QLabel(objectName="map_card", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.card.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.card.setText(self.tr("Click a marker for its details."))
        self.card.linkActivated.connect(self._on_card_link)
        self.status = QLabel(objectName="map_status", textFormat=Qt.TextFormat.PlainText)  # file names, errors

        measure = QPushButton(self.tr("Measure"), objectName="measure_button")
        measure.setToolTip(self.tr("Click points on the map, double-click to finish (Ctrl+M)"))
        measure.clicked.connect(self.start_measure)
        area = QPushButton(self.tr("Select area"), objectName="area_button")
        area.setToolTip(self.tr("Click the corners, double-click to close; lists what is inside"))
        area.clicked.connect(self.start_area)
        clear = QPushButton(self.tr("Clear"), objectName="clear_button")
        clear.clicked.connect(self.clear_tools)
        import_button = QPushButton(self.tr("Import resources…"), objectName="import_button")
        import_button.clicked.connect(self.open_import)
        export_button = QPushButton(self.tr("Export…"), objectName="export_button")
        export_button.setToolTip(self.tr("All resources as GeoJSON (WGS-84)"))
        export_button.clicked.connect(self.export_resources)
        QShortcut(QKeySequence("Ctrl+M"), self, self.start_measure)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.clear_tools)
        QShortcut(QKeySequence("Ctrl+F"), self, self.search_edit.setFocus)

        tools = QHBoxLayout()  # drawing tools; data and basemaps on a second row (small screens)
        for button in (measure, area, clear, *self.cot_widgets()):  # the data row is full on a 1366 px laptop
            tools.addWidget(button)
        tools.addStretch(1)
        tools.addWidget(self.status)
        data_row = QHBoxLayout()
        for button in (import_button, export_button):
            data_row.addWidget(button)
        data_row.addStretch(1)
        data_row.addWidget(QLabel(self.tr("Basemap")))
        data_row.addWidget(self.basemap_combo)
        data_row.addWidget(add_tiles)
        data_row.addWidget(self.seed_button)

        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.search_edit)
        left_box.addWidget(self.layer_tree)
        centre = QWidget()
        centre_box = QVBoxLayout(centre)
        centre_box.setContentsMargins(0, 0, 0, 0)
        centre_box.addLayout(tools)
        centre_box.addLayout(data_row)
        centre_box.addWidget(self.map, 1)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.card)
        right.addWidget(self.results)
        right.setStretchFactor(1, 3)
        left.setMinimumWidth(170)  # "救援队伍（183，可用 150）" readable
        right.setMinimumWidth(240)
        if self.read_only:
            for widget in (left, right, import_button, export_button, add_tiles, self.seed_button, measure, area, clear):
                widget.hide()
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(centre)
        split.addWidget(right)
        split.setStretchFactor(1, 4)
        split.setSizes([270, 820, 470])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(split)

    # ---- loading ---------------------------------------------------------------

    def load_all(self) -> None:
        self.runner.read(self.resources.points, on_done=self._show_resources, owner=self)
        self.load_incidents()
        self.load_cameras()
        if self.warning_layer is not None:
            self.warning_layer.redraw()  # a datum change moves the areas too
        if self.units is not None:
            self.units.reload()
        for extra in self.extra_layers.values():
            if extra[3] is not None:
                extra[3]()

    def load_cameras(self) -> None:
        if self.cameras is not None:
            self.runner.read(self.cameras.all, on_done=self._show_cameras, owner=self)

    def _show_cameras(self, cameras: list) -> None:
        placed = [c for c in cameras if c.lat is not None and c.lon is not None]
        self.camera_by_id = {c.id: c for c in placed}
        self.camera_counts = (len(placed), sum(c.online for c in placed))
        self.map.set_points(layers.CAMERA_LAYER, [
            (c.id, *self.to_map(c.lat, c.lon), c.name, "camera" if c.online else "unavailable")
            for c in placed])
        self._refresh_tree()

    def load_incidents(self) -> None:
        self.runner.read(self.incidents.located_open, on_done=self._show_incidents, owner=self)

    def _show_resources(self, points: list[ResourcePoint]) -> None:
        by_kind: dict[str, list] = {kind: [] for kind in layers.RESOURCE_KINDS}
        for p in points:
            self.kind_of[p.id] = p.kind
            by_kind.setdefault(p.kind, []).append(self._row(p))
        for kind, rows in by_kind.items():
            self.map.set_points(kind, rows)
        self._refresh_tree()

    def _show_incidents(self, rows: list[tuple]) -> None:
        self.incident_points = {r[0]: r for r in rows}
        self.map.set_points(layers.INCIDENT_LAYER, [
            (iid, *self.to_map(lat, lon), f"{code} {title}", layers.severity_style(severity))
            for iid, code, title, severity, lat, lon in rows])
        self._refresh_tree()

    def on_resources_changed(self, ids: list[str]) -> None:
        self.runner.read(self.resources.points, ids, on_done=self._apply_resources, owner=self)

    def _apply_resources(self, points: list[ResourcePoint]) -> None:
        by_kind: dict[str, list] = {}
        for p in points:
            old = self.kind_of.get(p.id)
            if old is not None and old != p.kind:
                self.map.remove_points(old, [p.id])
            self.kind_of[p.id] = p.kind
            by_kind.setdefault(p.kind, []).append(self._row(p))
        for kind, rows in by_kind.items():
            self.map.upsert_points(kind, rows)
        self.runner.read(self.resources.counts, on_done=self._show_counts, owner=self)

    # ---- layer tree --------------------------------------------------------------

    def _refresh_tree(self) -> None:
        self.runner.read(self.resources.counts, on_done=self._show_counts, owner=self)

    def _show_counts(self, counts: dict[str, tuple[int, int]]) -> None:
        self.layer_tree.blockSignals(True)
        checked = {self.layer_tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole):
                   self.layer_tree.topLevelItem(i).checkState(0)
                   for i in range(self.layer_tree.topLevelItemCount())}
        self.layer_tree.clear()
        entries = [(layers.INCIDENT_LAYER, self.tr("Open incidents (%1)").replace(
            "%1", str(len(self.incident_points))))]
        if self.cameras is not None:
            entries.append((layers.CAMERA_LAYER, self.tr("Cameras (%1, %2 online)")
                            .replace("%1", str(self.camera_counts[0])).replace("%2", str(self.camera_counts[1]))))
        if self.units is not None:
            entries.append((layers.UNITS_LAYER, self.tr("Field units (%1, %2 without a recent position)")
                            .replace("%1", str(self.units.counts[0])).replace("%2", str(self.units.counts[1]))))
        entries += [(layer, extra[0]()) for layer, extra in self.extra_layers.items()]
        for kind in layers.RESOURCE_KINDS:
            total, available = counts.get(kind, (0, 0))
            text = self.tr("%1 (%2, %3 available)").replace("%1", layers.kind_name(kind)) \
                .replace("%2", str(total)).replace("%3", str(available))
            entries.append((kind, text))
        for layer, text in entries:
            item = QTreeWidgetItem([text])
            item.setData(0, Qt.ItemDataRole.UserRole, layer)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, checked.get(layer, Qt.CheckState.Checked))
            self.layer_tree.addTopLevelItem(item)
        if self.warning_layer is not None:
            self.layer_tree.insertTopLevelItems(1, self.warning_layer.tree_items(checked))
        self.layer_tree.blockSignals(False)

    def on_layer_toggled(self, item: QTreeWidgetItem) -> None:
        checked = item.checkState(0) == Qt.CheckState.Checked
        if not isinstance(item.data(0, Qt.ItemDataRole.UserRole), str):
            return
        if item.data(0, Qt.ItemDataRole.UserRole) == layers.UNITS_LAYER:
            self.map.set_units_visible(checked)
            return
        if self.warning_layer is not None and self.warning_layer.toggled(item.data(0, Qt.ItemDataRole.UserRole),
                                                                         checked):
            return
        self.map.set_layer_visible(item.data(0, Qt.ItemDataRole.UserRole),
                                   item.checkState(0) == Qt.CheckState.Checked)

    # ---- selection ---------------------------------------------------------------

    def add_layer(self, layer: str, tree_text, clicked, card_link, reload=None) -> None:
        """A layer of another feature: its line in the layer tree, what a click on
        one of its markers does, the card links it handles (True: handled), and how
        it redraws itself (another basemap datum moves every marker)."""
        self.extra_layers[layer] = (tree_text, clicked, card_link, reload)

    def refresh_layer_tree(self) -> None:
        self._refresh_tree()

    def on_marker_clicked(self, layer: str, marker_id: str) -> None:
        if layer in self.extra_layers:
            self.extra_layers[layer][1](marker_id)
        elif layer == layers.INCIDENT_LAYER:
            self.focus_incident(marker_id)
        elif layer == layers.UNITS_LAYER:
            if self.units is not None:
                self.units.open_card(marker_id)
        elif layer == layers.CAMERA_LAYER:
            camera = self.camera_by_id.get(marker_id)
            if camera is not None:
                self.card.setText(camera_card(camera) + '<p><a href="wall:' + escape(camera.id) + '">'
                                  + self.tr("Show on the video wall") + "</a></p>")
                self.map.highlight(*self.to_map(camera.lat, camera.lon))
        else:
            self.runner.read(self.resources.get, marker_id, on_done=self._show_resource, owner=self)

    def on_warning_clicked(self, warning_id: str) -> None:
        from views.warnings.card_text import warning_summary

        warning = self.warning_layer.get(warning_id) if self.warning_layer is not None else None
        if warning is not None:
            self.card.setText(warning_summary(warning, self.incidents.clock.now(), self.warning_layer.tz))
            self.sig_warning_opened.emit(warning_id)

    def _on_tree_activated(self, item: QTreeWidgetItem) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if isinstance(key, tuple | list) and len(key) == 2 and key[0] == "warning":
            self.on_warning_clicked(key[1])

    def focus_resource(self, resource_id: str) -> None:
        """A resource (or shelter) another panel asked for: centred, highlighted, its card shown."""
        self.runner.read(self.resources.get, resource_id, on_done=self._center_on, owner=self)

    def _on_card_link(self, link: str) -> None:
        if any(extra[2](link) for extra in self.extra_layers.values()):
            return
        if link.startswith("wall:"):
            self.sig_camera_to_wall.emit(link.removeprefix("wall:"))

    def _show_unit(self, card: str, lat: float, lon: float) -> None:
        self.card.setText(card)
        self.map.highlight(*self.to_map(lat, lon))

    def _show_resource(self, point: ResourcePoint | None) -> None:
        if point is not None:
            self.card.setText(resource_card(point))
            self.map.highlight(*self.to_map(point.lat, point.lon))

    def focus_incident(self, incident_id: str) -> bool:
        """Rings at 5/10/20 km and the nearest available resources of each kind.
        False when the incident is not on the map (closed, or without a position)."""
        row = self.incident_points.get(incident_id)
        if row is None:
            self.status.setText(self.tr("This incident has no position on the map."))
            return False
        self.selected_incident = incident_id
        _iid, code, title, severity, lat, lon = row
        self.sig_incident_focused.emit(lat, lon)
        self.card.setText(incident_card(code, title, labels.severity_name(severity), lat, lon))
        self.map.show_rings(*self.to_map(lat, lon), RING_RADII_M)
        self.map.highlight(*self.to_map(lat, lon))
        self.runner.read(self._nearest_all, lat, lon, on_done=self.results.show_results, owner=self)
        return True

    def _nearest_all(self, lat: float, lon: float) -> dict[str, list]:
        """Teams reporting where they are count from there (a live position), the rest from base."""
        live = self.positions.live_by_resource() if self.positions is not None else None
        return {kind: self.resources.nearest(lat, lon, kind=kind, limit=PER_KIND, live=live)
                for kind in layers.RESOURCE_KINDS if kind not in ("hazard", "protected_target")}

    def on_result_chosen(self, kind: str, resource_id: str) -> None:
        if kind == layers.INCIDENT_LAYER:
            self.focus_incident(resource_id)
            self.sig_incident_opened.emit(resource_id)
        else:
            self.runner.read(self.resources.get, resource_id, on_done=self._center_on, owner=self)

    def _center_on(self, point: ResourcePoint | None) -> None:
        if point is not None:
            self._show_resource(point)
            self.map.center_on(*self.to_map(point.lat, point.lon), 14)

    # ---- search and tools ----------------------------------------------------------

    def on_search(self) -> None:
        term = self.search_edit.text().strip()
        if not term:
            return
        found_resources = self.resources.search(term)
        hits = [r for r in self.incident_points.values() if term in r[1] or term in r[2]]
        results: dict[str, list] = {}
        for p in found_resources:
            results.setdefault(p.kind, []).append((p, 0.0))
        self.results.show_results(results)
        if hits:
            item = QTreeWidgetItem([self.tr("Incidents (%1)").replace("%1", str(len(hits)))])
            for iid, code, title, *_ in hits[:50]:
                child = QTreeWidgetItem([f"{code} {title}"])
                child.setData(0, Qt.ItemDataRole.UserRole, (layers.INCIDENT_LAYER, iid))
                item.addChild(child)
            self.results.insertTopLevelItem(0, item)
            item.setExpanded(True)
        self.status.setText(self.tr("%1 found").replace("%1", str(len(found_resources) + len(hits))))

    # ---- basemaps and datums ---------------------------------------------------

    def _fill_basemaps(self) -> None:
        self.basemap_combo.blockSignals(True)
        self.basemap_combo.clear()
        self.basemap_combo.addItem(self.tr("Built-in (boundaries and places)"), None)
        for name in (self.library.names if self.library is not None else []):
            self.basemap_combo.addItem(name, name)
        self.basemap_combo.blockSignals(False)

    def on_basemap_changed(self) -> None:
        name = self.basemap_combo.currentData()
        store = self.library.store(name) if (self.library is not None and name) else None
        self.map.set_tile_layer(name, int(store.meta.get("maxzoom", 18)) if store else 18,
                                store.meta.get("attribution", "") if store else "")
        self.seed_button.setEnabled(bool(name) and self.library.online(name) is not None)
        datum = store.datum if store is not None else "WGS84"
        if datum != self.datum:  # GCJ-02 tiles: every position is redrawn shifted to match
            self.datum = datum
            self.load_all()

    def to_map(self, lat: float, lon: float) -> tuple[float, float]:
        return wgs84_to_gcj02(lat, lon) if self.datum == "GCJ02" else (lat, lon)

    def from_map(self, lat: float, lon: float) -> tuple[float, float]:
        return gcj02_to_wgs84(lat, lon) if self.datum == "GCJ02" else (lat, lon)

    def on_map_context(self, lat: float, lon: float) -> None:
        if not self.read_only:
            self.sig_new_incident_at.emit(*self.from_map(lat, lon))

    def start_measure(self) -> None:
        self.status.setText(self.tr("Measuring: click points, double-click to finish"))
        self.map.start_measure()

    def start_area(self) -> None:
        self.status.setText(self.tr("Area: click the corners, double-click to close"))
        self.map.start_polygon()

    def clear_tools(self) -> None:
        self.map.cancel_tool()
        self.map.clear_rings()
        self.status.clear()

    def on_measured(self, metres: float) -> None:
        self.status.setText(self.tr("Distance: %1 km").replace("%1", f"{metres / 1000:.2f}"))

    def on_polygon(self, vertices: list) -> None:
        area = [self.from_map(lat, lon) for lat, lon in vertices]
        self.runner.read(self.resources.within_polygon, area, on_done=self._show_inside, owner=self)

    def _show_inside(self, points: list[ResourcePoint]) -> None:
        results: dict[str, list] = {}
        for p in points:
            results.setdefault(p.kind, []).append((p, 0.0))
        self.results.show_results(results)
        self.status.setText(self.tr("%1 resources inside the area").replace("%1", str(len(points))))


    def _row(self, p: ResourcePoint) -> tuple:
        return (p.id, *self.to_map(p.lat, p.lon), p.name, layers.resource_style(p.kind, p.available))
