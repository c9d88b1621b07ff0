"""Importing CAP 1.2 files in the checked-import look (views/common/checked_import.py):
the file is checked as a whole off the GUI thread (schema, then the rules a
schema cannot express); errors refuse it and are listed with where they are,
recommendations are listed and the alerts imported. A repeated alert adds
nothing; an Update replaces what it references and a Cancel ends it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

from views.common.checked_import import MAX_SHOWN, CheckedImportDialog

MAX_BYTES = 20 * 1024 * 1024  # a feed of a few thousand alerts; more is refused before parsing


@dataclass(frozen=True)
class _Refused:
    file_error: str
    valid: bool = False
    errors: tuple = ()
    recommendations: tuple = ()
    warnings: tuple = ()


def check_file(check: Callable, path: Path):
    """Reads at most MAX_BYTES and checks them (check_document); a reader thread runs it."""
    try:
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError:
        return _Refused("not_found")
    if len(data) > MAX_BYTES:
        return _Refused("too_large")
    return check(data, source_name=path.name)


class WarningImportDialog(CheckedImportDialog):
    def __init__(self, check: Callable, import_checked: Callable, runner, parent=None):
        super().__init__(runner, parent, title=self.tr("Import CAP warnings"), file_label=self.tr("CAP file"),
                         file_filter=self.tr("CAP 1.2 (*.xml *.cap *.atom *.rss);;All files (*)"))
        self.setObjectName("warning_import_dialog")
        self.check, self.import_checked = check, import_checked
        self.errors.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Where"), self.tr("Problem"),
                                               self.tr("Code")])
        self.result = None
        self.outcome = None

    def on_import(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.message.setText(self.tr("Choose a file first."))
            return
        self.import_button.setEnabled(False)
        self.message.setText(self.tr("Checking the file…"))
        self.runner.read(check_file, self.check, Path(path), on_done=self._checked_cap,
                         on_error=self._check_failed, owner=self)

    def _checked_cap(self, result) -> None:
        self.result = result
        if getattr(result, "file_error", ""):
            self.import_button.setEnabled(True)
            self.errors.hide()
            self.message.setText(self.tr("Nothing was imported: %1").replace(
                "%1", self.tr("the file is larger than 20 MB") if result.file_error == "too_large"
                else self.tr("the file cannot be read")))
            return
        self._list(result)
        if not result.valid:
            self.import_button.setEnabled(True)
            self.message.setText(self.tr("Nothing was imported: %1 errors, %2 recommendations. Correct the file "
                                         "and import it again.").replace("%1", str(len(result.errors)))
                                 .replace("%2", str(len(result.recommendations))))
            return
        self.message.setText(self.tr("Saving %1 warnings…").replace("%1", str(len(result.warnings))))
        self.runner.write(self.import_checked, result, Path(self.path_edit.text().strip()).name,
                          on_done=self._imported, on_error=self._failed, owner=self)

    def _list(self, result) -> None:
        rows = [(self.tr("Error"), f) for f in result.errors] + \
               [(self.tr("Recommendation"), f) for f in result.recommendations]
        rows = rows[:MAX_SHOWN]
        self.errors.setRowCount(len(rows))
        for n, (kind, finding) in enumerate(rows):
            for col, text in enumerate((kind, finding.path, finding.message, finding.code)):
                item = QTableWidgetItem(text)  # a table item is plain text: the file's words stay words
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.errors.setItem(n, col, item)
        self.errors.resizeColumnsToContents()
        self.errors.setVisible(bool(rows))

    def _imported(self, outcome) -> None:
        self.outcome = outcome
        self.import_button.setEnabled(True)
        self.message.setText(self.tr("Imported: %1 new, %2 repeated (nothing added), %3 replaced by updates, "
                                     "%4 cancelled.").replace("%1", str(outcome.added))
                             .replace("%2", str(outcome.repeated)).replace("%3", str(outcome.replaced))
                             .replace("%4", str(outcome.cancelled)))
        self.sig_imported.emit(outcome.added, outcome.replaced)
