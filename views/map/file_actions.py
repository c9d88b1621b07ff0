"""The map panel's file actions: resources imported and exported as GeoJSON,
MBTiles imported as basemaps, an online basemap's visible area seeded for
offline use. A mixin of MapPanel (views/map/panel.py), kept apart so the panel
stays about the map; its strings keep the panel's translation context."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog

from services.resources.importing import export_geojson
from views.audit import trail as audit_trail
from views.common.messages import warn
from views.map.import_dialog import ImportResourcesDialog, tile_problem
from views.map.seed import RegionSeeder


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapPanel", text)


class MapFileActions:
    """Needs the panel's resources, runner, library, map, status, basemap_combo and _fill_basemaps."""

    def open_import(self) -> None:
        dialog = ImportResourcesDialog(self.resources, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def export_resources(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, _tr("Export resources"), "resources.geojson",
                                              "GeoJSON (*.geojson)")
        if not path:
            return
        self.runner.read(self._write_export, Path(path), on_done=self._exported,
                         on_error=self._export_failed, owner=self)

    def _write_export(self, path: Path) -> int:
        points = self.resources.points()
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(export_geojson(points), encoding="utf-8")
        tmp.replace(path)  # never a half-written file under the chosen name
        return len(points)

    def _exported(self, count: int) -> None:
        audit_trail.exported(self, "resources_geojson", "", entity="resource", count=count)
        self.status.setText(_tr("%1 resources exported").replace("%1", str(count)))

    def _export_failed(self, exc: object) -> None:
        self.status.setText(_tr("Export failed: %1").replace("%1", str(exc)))

    def import_tiles(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, _tr("Import tiles"), "", "MBTiles (*.mbtiles)")
        if path and self.library is not None:
            self.runner.read(self.library.add_file, Path(path), on_done=self._tiles_imported,
                             on_error=self._export_failed, owner=self)

    def _tiles_imported(self, outcome) -> None:
        name, check = outcome
        if check.problem:
            warn(self, _tr("Import tiles"), tile_problem(check.problem), name="tile_import_problem")
            return
        self._fill_basemaps()
        self.basemap_combo.setCurrentIndex(self.basemap_combo.findData(name))
        self.status.setText(_tr("Tiles imported: %1").replace("%1", name))

    def seed_area(self) -> None:
        name = self.basemap_combo.currentData()
        source = self.library.online(name) if (self.library is not None and name) else None
        if source is None:
            return
        script = "JSON.stringify([wr.map.getBounds().getSouth(), wr.map.getBounds().getWest()," \
                 "wr.map.getBounds().getNorth(), wr.map.getBounds().getEast(), wr.map.getZoom()])"
        self.map.run_js(script, lambda text: self._seed_view(source, text))

    def _seed_view(self, source, text) -> None:
        try:
            south, west, north, east, zoom = json.loads(text)
        except (TypeError, ValueError):
            return
        seeder = RegionSeeder(source, self.runner, self)
        seeder.sig_finished.connect(self.status.setText)
        seeder.ask((south, west, north, east), int(zoom))  # the basemap's own grid, as shown
