"""导入资源: a GeoJSON or CSV file with its declared datum, checked as a whole.
If any row is wrong nothing is imported and every problem is listed by row
and field in the officer's language; otherwise the resources are saved (and
queued for the platform) in one transaction."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from services.resources.importing import ImportResult, RowError, import_file
from services.resources.store import ResourceStore
from views.common.labels import storage_message
from views.common.task_runner import TaskRunner

MAX_SHOWN = 500


def file_problem(code: str) -> str:
    return {
        "not_found": QCoreApplication.translate("ResourceImport", "The file cannot be read."),
        "too_large": QCoreApplication.translate("ResourceImport", "The file is larger than 50 MB."),
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
    }.get(code, code)


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
        "geometry": QCoreApplication.translate("ResourceImport", "Geometry"),
    }.get(name, name)


class ImportResourcesDialog(QDialog):
    sig_imported = Signal(int, int)  # created, updated

    def __init__(self, store: ResourceStore, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.store, self.runner = store, runner
        self.setWindowTitle(self.tr("Import resources"))
        self.setObjectName("import_resources_dialog")
        self.resize(720, 480)
        self.path_edit = QLineEdit(objectName="import_path")
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.on_browse)
        self.datum_combo = QComboBox(objectName="import_datum")
        self.datum_combo.addItem(self.tr("WGS-84 / CGCS2000 (GPS, 天地图)"), "WGS84")
        self.datum_combo.addItem(self.tr("GCJ-02 (高德, 腾讯)"), "GCJ02")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("File (GeoJSON or CSV)"), row)
        form.addRow(self.tr("Coordinates"), self.datum_combo)
        self.message = QLabel(objectName="import_message", wordWrap=True)
        self.errors = QTableWidget(0, 4, objectName="import_errors")
        self.errors.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Field"), self.tr("Problem"),
                                               self.tr("Value")])
        self.errors.horizontalHeader().setStretchLastSection(True)
        self.errors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(self.on_import)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(self.errors, 1)
        box.addWidget(buttons)

    def on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import resources"), "",
                                              self.tr("Resources (*.geojson *.json *.csv)"))
        if path:
            self.path_edit.setText(path)

    def on_import(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.message.setText(self.tr("Choose a file first."))
            return
        self.import_button.setEnabled(False)
        self.message.setText(self.tr("Checking the file…"))
        self.runner.read(import_file, Path(path), self.datum_combo.currentData(),
                         on_done=self._checked, on_error=self._failed, owner=self)

    def _checked(self, result: ImportResult) -> None:
        if not result.ok:
            self.import_button.setEnabled(True)
            self._show_problems(result)
            return
        self.message.setText(self.tr("Saving %1 resources…").replace("%1", str(len(result.records))))
        self.runner.write(self.store.save_many, result.records, on_done=self._saved,
                          on_error=self._failed, owner=self)

    def _show_problems(self, result: ImportResult) -> None:
        if result.file_error:
            self.errors.hide()
            self.message.setText(self.tr("Nothing was imported: %1").replace("%1", file_problem(result.file_error)))
            return
        self.message.setText(self.tr("Nothing was imported: %1 problems. Correct the file and import it again.")
                             .replace("%1", str(len(result.errors))))
        shown = result.errors[:MAX_SHOWN]
        self.errors.setRowCount(len(shown))
        for n, error in enumerate(shown):
            for col, text in enumerate((str(error.row), field_name(error.field), row_problem(error), error.value)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.errors.setItem(n, col, item)
        self.errors.resizeColumnsToContents()
        self.errors.show()

    def _saved(self, counts: tuple[int, int]) -> None:
        created, updated = counts
        self.import_button.setEnabled(True)
        self.errors.hide()
        self.message.setText(self.tr("Imported: %1 new, %2 updated.").replace("%1", str(created))
                             .replace("%2", str(updated)))
        self.sig_imported.emit(created, updated)

    def _failed(self, exc: object) -> None:
        self.import_button.setEnabled(True)
        problem = getattr(exc, "problem", None)
        reason = storage_message(problem.value) if problem is not None else str(exc)
        self.message.setText(self.tr("Nothing was imported: %1").replace("%1", reason))
