"""导入资源: a GeoJSON or CSV file with its declared datum, checked as a whole.
If any row is wrong nothing is imported and every problem is listed by row
and field in the officer's language; otherwise the resources are saved (and
queued for the platform) in one transaction."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from services.clearance import DEFAULT_LEVEL
from services.resources.importing import RowError, import_file
from services.resources.store import ResourceStore
from views.common import clearance_labels
from views.common.checked_import import CheckedImportDialog
from views.common.clearance_labels import LevelCombo, Levels
from views.common.task_runner import TaskRunner


def file_problem(code: str) -> str:
    return {
        "not_found": QCoreApplication.translate("ResourceImport", "The file cannot be read."),
        "too_large": QCoreApplication.translate(
            "ResourceImport", "The file is larger than 50 MB, or needs more memory to read than an import may use."),
        "too_many_rows": QCoreApplication.translate("ResourceImport", "The file has more than 200,000 rows."),
        "empty": QCoreApplication.translate("ResourceImport", "The file holds no resources."),
        "encoding": QCoreApplication.translate("ResourceImport", "The file is neither UTF-8 nor GBK text."),
        "not_json": QCoreApplication.translate("ResourceImport", "The file is not valid JSON."),
        "not_geojson": QCoreApplication.translate("ResourceImport", "The file is not a GeoJSON FeatureCollection."),
        "no_columns": QCoreApplication.translate(
            "ResourceImport", "The CSV header needs the columns 名称, 类型, 纬度 and 经度 (or name, kind, lat, lon)."),
        "unknown_datum": QCoreApplication.translate("ResourceImport", "Unknown coordinate datum."),
    }.get(code, code)


def tile_problem(code: str) -> str:
    """Why an MBTiles file cannot be used (offline_cache/tiles.PROBLEMS)."""
    return {
        "missing": QCoreApplication.translate("ResourceImport", "The file cannot be read."),
        "not_sqlite": QCoreApplication.translate("ResourceImport", "This is not an MBTiles file (not a database)."),
        "corrupt": QCoreApplication.translate("ResourceImport", "The tile file is damaged."),
        "not_mbtiles": QCoreApplication.translate("ResourceImport", "This database is not an MBTiles file."),
        "no_tiles": QCoreApplication.translate("ResourceImport", "The file holds no tiles."),
        "bad_format": QCoreApplication.translate("ResourceImport", "The tiles are not PNG, JPEG or WebP images."),
        "timeout": QCoreApplication.translate(
            "ResourceImport", "Checking the tile file took longer than allowed, so it was stopped (a file built to "
            "hang the program looks like this)."),
        "too_large": QCoreApplication.translate(
            "ResourceImport", "The tile file, or what it unpacks to, is larger than the import limit or the free disk space allows."),
        "unreadable": QCoreApplication.translate(
            "ResourceImport", "The tile file could not be checked: an unexpected problem, written to the log."),
    }.get(code) or QCoreApplication.translate("ResourceImport", "The tile file cannot be imported (%1).").replace(
        "%1", code)


def row_problem(error: RowError) -> str:
    return {
        "required": QCoreApplication.translate("ResourceImport", "is required"),
        "unknown_kind": QCoreApplication.translate("ResourceImport", "is not a known resource kind"),
        "not_a_number": QCoreApplication.translate("ResourceImport", "is not a number"),
        "swapped": QCoreApplication.translate("ResourceImport", "latitude and longitude look swapped"),
        "outside_china": QCoreApplication.translate("ResourceImport", "the position is outside China"),
        "bad_phone": QCoreApplication.translate("ResourceImport", "is not a phone number"),
        "not_a_count": QCoreApplication.translate("ResourceImport", "must be a whole number, 0 or more"),
        "over_capacity": QCoreApplication.translate("ResourceImport", "is more than the capacity"),
        "too_long": QCoreApplication.translate("ResourceImport", "is too long"),
        "duplicate": QCoreApplication.translate("ResourceImport", "repeats the id of row %1"),
        "not_a_point": QCoreApplication.translate("ResourceImport", "is not a point"),
        "unknown_status": QCoreApplication.translate("ResourceImport", "is not a known status"),
    }.get(error.code, error.code).replace("%1", error.value)


def field_name(name: str) -> str:
    return {
        "name": QCoreApplication.translate("ResourceImport", "Name"),
        "kind": QCoreApplication.translate("ResourceImport", "Kind"),
        "lat": QCoreApplication.translate("ResourceImport", "Position"),
        "lon": QCoreApplication.translate("ResourceImport", "Position"),
        "phone": QCoreApplication.translate("ResourceImport", "Phone"),
        "id": QCoreApplication.translate("ResourceImport", "Id"),
        "contact": QCoreApplication.translate("ResourceImport", "Contact"),
        "address": QCoreApplication.translate("ResourceImport", "Address"),
        "division": QCoreApplication.translate("ResourceImport", "Division"),
        "geometry": QCoreApplication.translate("ResourceImport", "Geometry"),
    }.get(name, name)


class ImportResourcesDialog(CheckedImportDialog):
    def __init__(self, store: ResourceStore, runner: TaskRunner, parent=None):
        super().__init__(
            runner, parent, title=QCoreApplication.translate("ImportResourcesDialog", "Import resources"),
            file_label=QCoreApplication.translate("ImportResourcesDialog", "File (GeoJSON or CSV)"),
            file_filter=QCoreApplication.translate("ImportResourcesDialog", "Resources (*.geojson *.json *.csv)"))
        self.store = store
        self.setObjectName("import_resources_dialog")
        self.datum_combo = QComboBox(objectName="import_datum")
        self.datum_combo.addItem(self.tr("WGS-84 / CGCS2000 (GPS, 天地图)"), "WGS84")
        self.datum_combo.addItem(self.tr("GCJ-02 (高德, 腾讯)"), "GCJ02")
        self.form.addRow(self.tr("Coordinates"), self.datum_combo)
        # 密级 of every record in the file (services/clearance.py), no higher than this workstation's clearance
        self.level_combo = LevelCombo(Levels(*store.levels()), DEFAULT_LEVEL["resource"])
        self.form.addRow(clearance_labels.field_label(), self.level_combo)

    def reader(self):
        datum = self.datum_combo.currentData()
        return lambda path: import_file(path, datum)

    def saver(self):
        level = self.level_combo.level()
        return lambda records: self.store.save_many(records, level=level)

    def file_problem(self, code: str) -> str:
        return file_problem(code)

    def row_problem(self, error: RowError) -> str:
        return row_problem(error)

    def field_name(self, name: str) -> str:
        return field_name(name)
