"""The shape every import takes here: choose a file, have it checked as a
whole off the GUI thread, and either see every problem by row and field (and
nothing imported) or have it all saved in one transaction. Subclasses say how
to read the file, how to save, and how to name the problems."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
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

from views.common.labels import storage_message
from views.common.task_runner import TaskRunner

MAX_SHOWN = 500
log = logging.getLogger(__name__)


def common_file_problem(code: str) -> str:
    """Words for what every import may answer (services/imports): hostile or
    broken files refused by the bounded, hardened readers."""
    return {
        "timeout": QCoreApplication.translate(
            "CheckedImport", "Checking the file took longer than allowed, so it was stopped. A file built to hang "
            "the program looks like this; a sound file this slow should be split."),
        "too_large": QCoreApplication.translate(
            "CheckedImport", "The file is too large, or needs more memory to read than an import may use."),
        "unreadable": QCoreApplication.translate(
            "CheckedImport", "The file could not be checked: an unexpected problem, written to the log."),
        "zip_bomb": QCoreApplication.translate(
            "CheckedImport", "The Excel file unpacks to far more than a workbook holds (a zip bomb), so it was "
            "not opened."),
        "too_deep": QCoreApplication.translate(
            "CheckedImport", "The file nests its data deeper than any real file does (more than 32 levels)."),
        "number_too_long": QCoreApplication.translate(
            "CheckedImport", "The file holds a number longer than 40 characters."),
        "hostile_xml": QCoreApplication.translate(
            "CheckedImport", "The XML declares a DTD or entities; such files are refused for safety."),
        "encoding": QCoreApplication.translate(
            "CheckedImport", "The file's text encoding is not one an import accepts (UTF-8, or GB2312/GBK/GB18030 "
            "as declared)."),
        "not_found": QCoreApplication.translate("CheckedImport", "The file cannot be read."),
    }.get(code) or QCoreApplication.translate("CheckedImport", "The file cannot be imported (%1).").replace(
        "%1", code)


def common_row_problem(code: str) -> str:
    return {
        "control_character": QCoreApplication.translate(
            "CheckedImport", "contains a control character such as NUL (shown escaped); remove it"),
        "field_too_long": QCoreApplication.translate(
            "CheckedImport", "a field here is longer than 131,072 characters; reading stopped at this row"),
        "bad_csv": QCoreApplication.translate(
            "CheckedImport", "the CSV quoting is broken here; reading stopped at this row"),
        "not_text": QCoreApplication.translate("CheckedImport", "must be text or a number, not a list or object"),
        "out_of_range": QCoreApplication.translate("CheckedImport", "is out of range"),
        "too_long": QCoreApplication.translate("CheckedImport", "is too long"),
    }.get(code) or QCoreApplication.translate("CheckedImport", "is not usable (%1)").replace("%1", code)



class CheckedImportDialog(QDialog):
    sig_imported = Signal(int, int)  # created, updated

    def __init__(self, runner: TaskRunner, parent=None, *, title: str, file_label: str, file_filter: str):
        super().__init__(parent)
        self.runner = runner
        self._file_filter = file_filter
        self.setWindowTitle(title)
        self.resize(720, 480)
        self.path_edit = QLineEdit(objectName="import_path")
        browse = QPushButton(QCoreApplication.translate("CheckedImport", "Choose…"))
        browse.clicked.connect(self.on_browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.form = QFormLayout()  # subclasses add their options below the file
        self.form.addRow(file_label, row)
        # It quotes what the file held (a reason, a value): plain text.
        self.message = QLabel(objectName="import_message", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.errors = QTableWidget(0, 4, objectName="import_errors")
        self.errors.setHorizontalHeaderLabels([QCoreApplication.translate("CheckedImport", "Row"), QCoreApplication.translate("CheckedImport", "Field"), QCoreApplication.translate("CheckedImport", "Problem"), QCoreApplication.translate("CheckedImport", "Value")])
        self.errors.horizontalHeader().setStretchLastSection(True)
        self.errors.verticalHeader().hide()  # the file's row numbers are the first column
        self.errors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.import_button = buttons.addButton(QCoreApplication.translate("CheckedImport", "Import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.clicked.connect(self.on_import)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.message)
        box.addWidget(self.errors, 1)
        box.addWidget(buttons)

    # ---- what subclasses say ------------------------------------------------------------

    def reader(self) -> Callable[[Path], object]:
        """A function of the path, run on a reader thread, giving a result with
        .ok, .records, .errors (row, field, code, value) and .file_error."""
        raise NotImplementedError

    def saver(self) -> Callable[[list[dict]], tuple[int, int]]:
        raise NotImplementedError

    def file_problem(self, code: str) -> str:
        raise NotImplementedError

    def row_problem(self, error) -> str:
        raise NotImplementedError

    def field_name(self, name: str) -> str:
        return name

    # ---- the flow -------------------------------------------------------------------

    def on_browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.windowTitle(), "", self._file_filter)
        if path:
            self.path_edit.setText(path)

    def on_import(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.message.setText(QCoreApplication.translate("CheckedImport", "Choose a file first."))
            return
        self.import_button.setEnabled(False)
        self.message.setText(QCoreApplication.translate("CheckedImport", "Checking the file…"))
        self.runner.read(self.reader(), Path(path), on_done=self._checked, on_error=self._check_failed, owner=self)

    def _checked(self, result) -> None:
        if not result.ok:
            self.import_button.setEnabled(True)
            self._show_problems(result)
            return
        self.message.setText(QCoreApplication.translate("CheckedImport", "Saving %1 records…").replace("%1", str(len(result.records))))
        self.runner.write(self.saver(), result.records, on_done=self._saved, on_error=self._failed, owner=self)

    def _show_problems(self, result) -> None:
        if result.file_error:
            self.errors.hide()
            words = self.file_problem(result.file_error)
            if words == result.file_error:  # the dialog has no words of its own for it
                words = common_file_problem(result.file_error)
            self.message.setText(QCoreApplication.translate("CheckedImport", "Nothing was imported: %1").replace("%1", words))
            return
        self.message.setText(QCoreApplication.translate("CheckedImport", "Nothing was imported: %1 problems. Correct the file and import it again.")
                             .replace("%1", str(len(result.errors))))
        shown = result.errors[:MAX_SHOWN]
        self.errors.setRowCount(len(shown))
        for n, error in enumerate(shown):
            problem = self.row_problem(error)
            if problem == error.code:
                problem = common_row_problem(error.code)
            texts = (str(error.row), self.field_name(error.field), problem, error.value)
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.errors.setItem(n, col, item)
        self.errors.resizeColumnsToContents()
        self.errors.show()

    def _saved(self, counts: tuple[int, int]) -> None:
        created, updated = counts
        self.import_button.setEnabled(True)
        self.errors.hide()
        self.message.setText(QCoreApplication.translate("CheckedImport", "Imported: %1 new, %2 updated.").replace("%1", str(created))
                             .replace("%2", str(updated)))
        self.sig_imported.emit(created, updated)

    def _check_failed(self, exc: object) -> None:
        """The reader raised: a sentence for the officer, the details for the log."""
        log.error("checking an import failed", exc_info=exc if isinstance(exc, BaseException) else None)
        self.import_button.setEnabled(True)
        self.errors.hide()
        self.message.setText(QCoreApplication.translate("CheckedImport", "Nothing was imported: %1")
                             .replace("%1", common_file_problem("unreadable")))

    def _failed(self, exc: object) -> None:
        self.import_button.setEnabled(True)
        problem = getattr(exc, "problem", None)
        reason = storage_message(problem.value) if problem is not None else str(exc)
        self.message.setText(QCoreApplication.translate("CheckedImport", "Nothing was imported: %1").replace("%1", reason))
