"""The map panel's file actions: resources imported and exported as GeoJSON,
the room's picture exported as a CoT file for TAK (as `watchroom cot-export`
writes it), MBTiles imported as basemaps, an online basemap's visible area
seeded for offline use. A mixin of MapPanel (views/map/panel.py), kept apart so the panel
stays about the map; its strings keep the panel's translation context."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar, QPushButton

from services.positions import cot_export
from services.resources.importing import export_geojson
from views.audit import trail as audit_trail
from views.common.gui_op import GuiOp
from views.common.messages import warn
from views.map.import_dialog import ImportResourcesDialog, tile_problem
from views.map.seed import RegionSeeder


def _tr(text: str) -> str:
    return QCoreApplication.translate("MapPanel", text)


def write_cot(incidents, resources, positions, path: Path, now: datetime) -> tuple[str, int, int]:
    """The room's picture into a CoT file (runs on a reader): (path, incidents, resources)."""
    live = positions.live_by_resource() if positions is not None else {}
    picture = cot_export.room_picture(incidents.located_open(), resources.points(), live)
    cot_export.write_file(path, picture, now)
    return str(path), picture.incidents, picture.resources


class MapFileActions:
    """Needs the panel's incidents, resources, positions, runner, library, map, status,
    basemap_combo and _fill_basemaps; the panel places cot_widgets()."""

    def cot_widgets(self) -> tuple[QPushButton, QProgressBar]:
        self.cot_button = QPushButton(_tr("Export CoT file…"), objectName="cot_export_button")
        self.cot_button.setToolTip(_tr("Open incidents and resources as Cursor-on-Target events for TAK"))
        self.cot_button.clicked.connect(self.export_cot)
        self.cot_progress = QProgressBar(objectName="cot_export_progress", maximumWidth=120)
        self.cot_progress.setRange(0, 0)  # busy: one file, written at once off the GUI thread
        self.cot_progress.hide()
        return self.cot_button, self.cot_progress

    def export_cot(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, _tr("Export CoT file"), "watchroom.cot",
                                              _tr("CoT events (*.cot *.xml)"))
        if path:
            self.export_cot_to(Path(path))

    def export_cot_to(self, path: Path) -> None:
        self.cot_button.setEnabled(False)
        self.cot_progress.show()
        self.status.setText(_tr("Exporting CoT events…"))
        GuiOp(self, self.runner, write_cot, self.incidents, self.resources, self.positions, path,
              self.incidents.clock.now()).as_read().success(self._cot_exported).failure(self._cot_failed).run()

    def _cot_done(self) -> None:
        self.cot_button.setEnabled(True)
        self.cot_progress.hide()

    def _cot_exported(self, result: tuple[str, int, int]) -> None:
        path, incidents, resources = result
        self._cot_done()
        audit_trail.exported(self, "cot", path, count=incidents + resources)
        text = _tr("CoT file written: %1 incidents, %2 resources.\n%3").replace("%1", str(incidents)) \
            .replace("%2", str(resources)).replace("%3", path)
        self.status.setText(text.replace(path, Path(path).name).replace("\n", " "))  # a long path would widen the map
        box = QMessageBox(QMessageBox.Icon.Information, _tr("Export CoT file"), text, QMessageBox.StandardButton.Ok,
                          self)
        box.setObjectName("cot_export_result")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.cot_result = box

    def _cot_failed(self, exc: BaseException) -> None:
        self._cot_done()
        self.status.setText(_tr("CoT export failed: %1").replace("%1", str(exc)))
        warn(self, _tr("Export CoT file"), _tr("The CoT file could not be written: %1").replace("%1", str(exc)),
             name="cot_export_problem")

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
