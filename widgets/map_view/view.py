"""MapView: the map page in a QWebEngineView with a QWebChannel bridge. It shows
points on named layers and knows nothing of incidents or resources: views feed
it rows (id, lat, lon, label, style key) and listen to its signals.

Updates are coalesced: upserts and removals collected over UPDATE_MS go to the
page as one call per layer, so a burst of synced changes moves markers in
batches without reloading the page."""

from __future__ import annotations

import html
import itertools
import json
import logging
from pathlib import Path

import orjson
from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEngineProfile
from PySide6.QtWebEngineWidgets import QWebEngineView

from widgets.map_view.assets import PageFiles, page_url
from widgets.map_view.guard import MapPage, guard_profile, lock_settings
from widgets.map_view.schemes import PAGE_SCHEME
from widgets.map_view.tiles import SCHEME, TileProvider, TileSchemeHandler, tile_url

log = logging.getLogger(__name__)
UPDATE_MS = 100
CHUNK = 5000  # rows per runJavaScript call: keeps each message small
STYLES = {
    "severity_I": "#b71c1c", "severity_II": "#ef6c00", "severity_III": "#f9a825",
    "severity_IV": "#1565c0", "severity_none": "#757575",
    "team": "#2e7d32", "supply": "#6d4c41", "equipment": "#455a64", "shelter": "#00897b",
    "medical": "#d81b60", "expert": "#5e35b1", "hazard": "#e65100", "protected_target": "#37474f",
    "camera": "#0277bd", "unavailable": "#9e9e9e",
    "station_none": "#2e7d32", "station_blue": "#1565c0", "station_yellow": "#c9a400",  # monitoring stations
    "station_orange": "#e65100", "station_red": "#c62828",
}
Row = tuple[str, float, float, str, str]  # id, lat, lon, label, style key
# An area (web/areas.js): id, style key, label, polygons [[(lat, lon), ...], ...], circles [(lat, lon, metres), ...]
AreaRow = tuple[str, str, str, list, list]
# A field unit: id, lat, lon, label, stale, its short track [(lat, lon), ...] oldest first
UnitRow = tuple[str, float, float, str, bool, list]
_FOLDERS = itertools.count(1)  # each view's page and basemap live in their own folder of wrpage://map/


def _js_value(value) -> str:
    """A value as a JavaScript literal (JSON). orjson: 200,000 marker rows in a
    tenth of json's time; a string it refuses (a lone surrogate) goes through json."""
    try:
        return orjson.dumps(value).decode()
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(value, ensure_ascii=False)


class _Bridge(QObject):
    """Called from the page (bridge.js) through the QWebChannel."""

    sig_ready = Signal()
    sig_marker = Signal(str, str)
    sig_context = Signal(float, float)
    sig_polygon = Signal(str)
    sig_measured = Signal(float)
    sig_area = Signal(str, str)

    @Slot()
    def pageReady(self) -> None:  # noqa: N802 - the name JavaScript calls
        self.sig_ready.emit()

    @Slot(str, str)
    def markerClicked(self, layer: str, marker_id: str) -> None:  # noqa: N802
        self.sig_marker.emit(layer, marker_id)

    @Slot(float, float)
    def mapContext(self, lat: float, lon: float) -> None:  # noqa: N802
        self.sig_context.emit(lat, lon)

    @Slot(str)
    def polygonDrawn(self, points: str) -> None:  # noqa: N802
        self.sig_polygon.emit(points)

    @Slot(str, str)
    def areaClicked(self, layer: str, area_id: str) -> None:  # noqa: N802
        self.sig_area.emit(layer, area_id)

    @Slot(float)
    def measured(self, metres: float) -> None:
        self.sig_measured.emit(metres)


class MapView(QWebEngineView):
    sig_ready = Signal()
    sig_marker_clicked = Signal(str, str)  # layer id, marker id
    sig_map_context = Signal(float, float)  # right-click position
    sig_polygon_drawn = Signal(list)  # [(lat, lon), ...]
    sig_measured = Signal(float)  # metres
    sig_area_clicked = Signal(str, str)  # layer id, area id

    def __init__(self, tiles: TileProvider | None = None, *, center=(29.56, 106.55), zoom=8,
                 defer_page: bool = False, parent=None):
        super().__init__(parent)
        self.ready = False
        self._pending: list[str] = []  # calls made before the page was ready
        self._upserts: dict[str, dict[str, Row]] = {}
        self._removals: dict[str, set[str]] = {}
        self._flush_timer = QTimer(self, singleShot=True, interval=UPDATE_MS)
        self._flush_timer.timeout.connect(self.flush)
        profile = QWebEngineProfile.defaultProfile()  # the map's profile: no other page uses one
        self.setPage(MapPage(profile, self))
        guard_profile(profile)
        self._files = profile.urlSchemeHandler(PAGE_SCHEME)
        if self._files is None:
            self._files = PageFiles(profile)
            profile.installUrlSchemeHandler(PAGE_SCHEME, self._files)
        self._folder = folder = f"v{next(_FOLDERS)}/"
        files = self._files
        self.destroyed.connect(lambda *_: files.withdraw(folder))  # not self: it is gone by then
        handler = profile.urlSchemeHandler(SCHEME)
        if handler is None:
            # Owned by the profile, not by this view: every map view shares the
            # profile, and a closed view must not take the tiles of the others along.
            handler = TileSchemeHandler(tiles, profile)
            profile.installUrlSchemeHandler(SCHEME, handler)
        if tiles is not None or handler.provider is None:
            handler.provider = tiles  # the newest provider answers
        lock_settings(self.page().settings())
        self._bridge = _Bridge(self)
        self._bridge.sig_ready.connect(self._on_ready)
        self._bridge.sig_marker.connect(self.sig_marker_clicked)
        self._bridge.sig_context.connect(self.sig_map_context)
        self._bridge.sig_polygon.connect(self._on_polygon)
        self._bridge.sig_measured.connect(self.sig_measured)
        self._bridge.sig_area.connect(self.sig_area_clicked)
        self._channel = QWebChannel(self)
        self._channel.registerObject("bridge", self._bridge)
        self.page().setWebChannel(self._channel)
        self._call("wr.setStyles", STYLES)
        self._page_at = (center, zoom)
        self._page_started = False
        # Built once the event loop runs (or, deferred, when start_page() is called):
        # the page takes a moment to build and the window around the map paints first; calls
        # made meanwhile wait in _pending.
        if not defer_page:
            QTimer.singleShot(0, self, self.start_page)

    def start_page(self) -> None:
        if self._page_started:
            return
        self._page_started = True
        from widgets.map_view.page import AssetsMissing, assets, build_page

        center, zoom = self._page_at
        try:
            for name, source in assets().items():
                self._files.publish(name, source)
            page = build_page(center, zoom).encode()
        except AssetsMissing as exc:  # set-up did not finish: say so instead of a blank pane
            log.error("map assets missing: %s", exc)
            message = self.tr("The map's files are missing (%1). Run make setup again.").replace("%1", str(exc))
            page = ("<!DOCTYPE html><meta charset='utf-8'><meta http-equiv='Content-Security-Policy' "
                    "content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                    "<p style='font: 16px sans-serif; padding: 2em'>" + html.escape(message) + "</p>").encode()
        self._files.publish(self._folder + "map.html", page)
        self.load(page_url(self._folder + "map.html"))

    # ---- layers and points -----------------------------------------------------

    def set_tile_layer(self, layer: str | None, max_zoom: int = 18, attribution: str = "") -> None:
        """Tiles of `layer` through wrtile:// over the built-in basemap; None removes them."""
        url = tile_url(layer) if layer else None
        self._call("wr.setTileLayer", url, max_zoom, attribution)

    def set_basemap_geojson(self, path: Path) -> bool:
        """Draws a vector basemap (widgets/map_view/basemap_build.py) under everything."""
        if not path.is_file():
            return False
        self._files.publish(self._folder + "basemap.geojson", path)  # fetched by the page, parsed as JSON
        self._call("wr.loadBasemap", "basemap.geojson")
        return True

    def define_layer(self, layer: str, style: str) -> None:
        self._call("wr.defineLayer", layer, style)

    def set_points(self, layer: str, rows: list[Row]) -> None:
        """Replaces a layer's points (sent in chunks)."""
        self._upserts.pop(layer, None)
        self._removals.pop(layer, None)
        # Tuples go out as JSON arrays as they are; the last flag says more chunks follow,
        # so the page indexes the layer once, right after its last chunk.
        self._call("wr.setPoints", layer, rows[:CHUNK], len(rows) > CHUNK)
        for start in range(CHUNK, len(rows), CHUNK):
            self._call("wr.upsertPoints", layer, rows[start:start + CHUNK], start + CHUNK < len(rows))

    def upsert_points(self, layer: str, rows: list[Row]) -> None:
        """Adds or moves points; coalesced with other updates for UPDATE_MS."""
        pending = self._upserts.setdefault(layer, {})
        gone = self._removals.get(layer, set())
        for row in rows:
            pending[row[0]] = row
            gone.discard(row[0])
        self._flush_timer.start()

    def remove_points(self, layer: str, ids: list[str]) -> None:
        pending = self._upserts.get(layer, {})
        for marker_id in ids:
            pending.pop(marker_id, None)
        self._removals.setdefault(layer, set()).update(ids)
        self._flush_timer.start()

    def flush(self) -> None:
        """Sends the coalesced updates now (one call per layer and kind)."""
        self._flush_timer.stop()
        for layer, ids in self._removals.items():
            if ids:
                self._call("wr.removePoints", layer, sorted(ids))
        for layer, rows in self._upserts.items():
            values = list(rows.values())
            for start in range(0, len(values), CHUNK):
                self._call("wr.upsertPoints", layer, values[start:start + CHUNK], start + CHUNK < len(values))
        self._upserts, self._removals = {}, {}

    def update_units(self, rows: list[UnitRow]) -> None:
        """Moves field units (adding new ones) in one call: the caller coalesces."""
        for start in range(0, len(rows), CHUNK):
            self._call("wrUnits.update", [list(r) for r in rows[start:start + CHUNK]])

    def remove_units(self, ids: list[str]) -> None:
        self._call("wrUnits.remove", ids)

    def set_units_visible(self, visible: bool) -> None:
        self._call("wrUnits.setVisible", visible)

    def set_layer_visible(self, layer: str, visible: bool) -> None:
        self._call("wr.setVisible", layer, visible)

    # ---- areas (web/areas.js) ---------------------------------------------------

    def set_area_styles(self, styles: dict[str, dict]) -> None:
        """Style key -> {"color", "fillColor", "fillOpacity", "weight"}."""
        self._call("wr.setAreaStyles", styles)

    def set_areas(self, layer: str, rows: list[AreaRow]) -> None:
        """Replaces a layer's areas in one call (labels go in as text, never markup)."""
        self._call("wr.setAreas", layer, [list(r) for r in rows])

    def set_areas_visible(self, layer: str, visible: bool) -> None:
        self._call("wr.setAreasVisible", layer, visible)

    # ---- view ------------------------------------------------------------------

    def show_rings(self, lat: float, lon: float, radii_m: list[float]) -> None:
        self._call("wr.rings", lat, lon, radii_m)

    def clear_rings(self) -> None:
        self._call("wr.clearRings")

    def highlight(self, lat: float, lon: float) -> None:
        self._call("wr.highlight", lat, lon)

    def center_on(self, lat: float, lon: float, zoom: int | None = None) -> None:
        self._call("wr.centerOn", lat, lon, zoom)

    def fit_to(self, south: float, west: float, north: float, east: float) -> None:
        self._call("wr.fit", south, west, north, east)

    def start_measure(self) -> None:
        self._call("wr.measure")

    def start_polygon(self) -> None:
        self._call("wr.polygon")

    def cancel_tool(self) -> None:
        self._call("wr.cancelTool")

    def run_js(self, script: str, callback=None) -> None:
        """For tests and diagnostics: evaluates script in the page once it is ready."""
        if self.ready and callback:
            self.page().runJavaScript(script, 0, callback)
        else:
            self._run(script)

    # ---- plumbing --------------------------------------------------------------

    def _call(self, function: str, *args) -> None:
        self._run(f"{function}({', '.join(_js_value(a) for a in args)});")

    def _run(self, script: str) -> None:
        """Now if the page is ready, else queued until it is (in order)."""
        if self.ready:
            self.page().runJavaScript(script)
        else:
            self._pending.append(script)

    def _on_ready(self) -> None:
        self.ready = True
        pending, self._pending = self._pending, []
        for script in pending:  # one call each: the page runs its timers (and hands rows to its workers) between
            self.page().runJavaScript(script)
        self.sig_ready.emit()

    def _on_polygon(self, points: str) -> None:
        try:
            vertices = [(float(a), float(b)) for a, b in json.loads(points)]
        except (ValueError, TypeError):
            return
        self.sig_polygon_drawn.emit(vertices)
