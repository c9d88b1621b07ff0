"""导入监测站: a CSV (UTF-8 or GBK) or Excel file of stations checked as a whole
in the bounded child (services/monitoring/importing.py) and either saved in
one transaction or refused with every problem by row, in the same words as
the form (views/monitoring/station_words.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from services.monitoring.contract import StationProblem
from services.monitoring.importing import StationError, import_stations
from services.monitoring.station_editor import StationEditor
from views.common.checked_import import CheckedImportDialog
from views.monitoring.station_words import field_name, problem_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("StationImport", text)


class ImportStationsDialog(CheckedImportDialog):
    def __init__(self, editor: StationEditor, runner, parent=None):
        super().__init__(runner, parent, title=_tr("Import stations"), file_label=_tr("File (CSV or Excel)"),
                         file_filter=_tr("Station lists (*.csv *.xlsx)"))
        self.editor = editor
        self.setObjectName("import_stations_dialog")
        columns = QLabel(_tr("Columns: 名称, 类型, 站码, 所属单位, 地点, 纬度, 经度, 蓝色, 黄色, 橙色, 红色, 警戒水位, "
                             "保证水位, 回差, 最短持续秒, 上涨速率. A station with the same 站码 (or, without "
                             "one, the same name) is updated."), wordWrap=True)
        self.form.addRow("", columns)

    def reader(self):
        return import_stations

    def saver(self):
        return self.editor.import_records

    def file_problem(self, code: str) -> str:
        return {
            "too_large": _tr("The file is larger than 5 MB, or needs more memory to read than an import may use."),
            "too_many": _tr("The file has more than 5,000 rows."),
            "empty": _tr("The file holds no stations."),
            "no_columns": _tr("The header needs at least the columns 名称, 类型, 纬度 and 经度 "
                              "(or name, kind, lat and lon)."),
            "not_excel": _tr("The file is not a readable Excel workbook."),
        }.get(code, code)

    def row_problem(self, error: StationError) -> str:
        if error.code == "unknown_kind":
            return _tr("must be one of 雨量站, 河道水位站, 水库水位站, 气体监测点, 位移监测点, 监测站")
        if error.code == "duplicate":
            return _tr("repeats row %1").replace("%1", error.value)
        if error.code in ("control_character", "field_too_long", "bad_csv"):
            return error.code  # the dialog's common words
        return problem_text(StationProblem(error.field, error.code))

    def field_name(self, name: str) -> str:
        return field_name(name) if name else ""
