"""导入摄像头目录: a CSV list or a GB/T 28181 Catalog response (XML, GB2312 or
UTF-8), checked as a whole: one problem and nothing is imported, each listed
by row and field; hostile XML is refused. A GB/T 28181 catalog has no stream
URLs, so the media gateway's URL template (…/{id}) gives them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit

from services.cameras.importing import CameraError, CameraImport, import_catalog_file
from services.cameras.store import CameraStore
from services.clearance import DEFAULT_LEVEL
from views.common import clearance_labels
from views.common.checked_import import CheckedImportDialog
from views.common.clearance_labels import LevelCombo, Levels
from views.common.task_runner import TaskRunner


def read_catalog(path: Path, kind: str, url_template: str) -> CameraImport:
    """Parsed in a child process under a time and memory budget (never on this thread's own)."""
    return import_catalog_file(path, kind, url_template)


class ImportCamerasDialog(CheckedImportDialog):
    def __init__(self, store: CameraStore, runner: TaskRunner, parent=None):
        super().__init__(runner, parent, title=QCoreApplication.translate("CameraImport", "Import camera catalog"),
                         file_label=QCoreApplication.translate("CameraImport", "File (CSV or GB/T 28181 catalog XML)"),
                         file_filter=QCoreApplication.translate("CameraImport", "Camera catalogs (*.csv *.xml)"))
        self.store = store
        self.setObjectName("import_cameras_dialog")
        self.kind_combo = QComboBox(objectName="camera_import_kind")
        self.kind_combo.addItem(QCoreApplication.translate("CameraImport", "Recognise from the content"), "auto")
        self.kind_combo.addItem(QCoreApplication.translate("CameraImport", "CSV list"), "csv")
        self.kind_combo.addItem(QCoreApplication.translate("CameraImport", "GB/T 28181 catalog response (XML)"), "xml")
        self.template_edit = QLineEdit(objectName="camera_url_template")
        self.template_edit.setPlaceholderText("rtsp://192.168.1.10:554/{id}")
        self.template_edit.setToolTip(QCoreApplication.translate("CameraImport", "For GB/T 28181 catalogs: the media gateway's stream URL, {id} is the "
                                          "camera's 20-digit code"))
        self.form.addRow(QCoreApplication.translate("CameraImport", "Format"), self.kind_combo)
        self.form.addRow(QCoreApplication.translate("CameraImport", "Stream URL template"), self.template_edit)
        # 密级 of every record in the file (services/clearance.py), no higher than this workstation's clearance
        self.level_combo = LevelCombo(Levels(*store.levels()), DEFAULT_LEVEL["camera"])
        self.form.addRow(clearance_labels.field_label(), self.level_combo)

    def reader(self):
        kind, template = self.kind_combo.currentData(), self.template_edit.text().strip()
        return lambda path: read_catalog(path, kind, template)

    def saver(self):
        level = self.level_combo.level()
        return lambda records: self.store.save_many(records, level=level)

    def file_problem(self, code: str) -> str:
        return {
            "not_found": QCoreApplication.translate("CameraImport", "The file cannot be read."),
            "too_large": QCoreApplication.translate(
                "CameraImport", "The file is larger than 20 MB, or needs more memory to read than an import may use."),
            "too_many": QCoreApplication.translate("CameraImport", "The file lists more than 100,000 cameras."),
            "empty": QCoreApplication.translate("CameraImport", "The file holds no cameras."),
            "encoding": QCoreApplication.translate(
                "CameraImport", "The file's text encoding is not accepted: a CSV list must be UTF-8 or GBK, a catalog UTF-8 "
                "or GB2312/GBK/GB18030 as it declares (UTF-16, UTF-7 and others are refused)."),
            "no_columns": QCoreApplication.translate("CameraImport", "The CSV header needs at least the columns 编号 and 名称 (or id and name)."),
            "not_xml": QCoreApplication.translate("CameraImport", "The file is not well-formed XML."),
            "hostile_xml": QCoreApplication.translate("CameraImport", "The XML declares a DTD or entities; such files are refused for safety."),
            "not_catalog": QCoreApplication.translate("CameraImport", "The XML is not a GB/T 28181 catalog response (Response with CmdType Catalog)."),
        }.get(code, code)

    def row_problem(self, error: CameraError) -> str:
        return {
            "required": QCoreApplication.translate("CameraImport", "is required"),
            "too_long": QCoreApplication.translate("CameraImport", "is too long"),
            "not_a_number": QCoreApplication.translate("CameraImport", "is not a number (both latitude and longitude, or neither)"),
            "swapped": QCoreApplication.translate("CameraImport", "latitude and longitude look swapped"),
            "outside_china": QCoreApplication.translate("CameraImport", "the position is outside China"),
            "bad_url": QCoreApplication.translate(
                "CameraImport", "is not an rtsp(s):// or http(s):// address (local files and programs are never opened)"),
            "not_yes_no": QCoreApplication.translate("CameraImport", "must be yes or no (是/否, 1/0)"),
            "duplicate": QCoreApplication.translate("CameraImport", "repeats the id of row %1"),
        }.get(error.code, error.code).replace("%1", error.value)

    def field_name(self, name: str) -> str:
        return {
            "id": QCoreApplication.translate("CameraImport", "Id"), "name": QCoreApplication.translate("CameraImport", "Name"), "lat": QCoreApplication.translate("CameraImport", "Position"), "main_url": QCoreApplication.translate("CameraImport", "Main stream"),
            "sub_url": QCoreApplication.translate("CameraImport", "Sub stream"), "ptz": QCoreApplication.translate("CameraImport", "PTZ"), "online": QCoreApplication.translate("CameraImport", "Online"),
        }.get(name, name)
