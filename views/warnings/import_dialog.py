"""Importing CAP 1.2 files in the checked-import look (views/common/checked_import.py):
the file is checked as a whole off the GUI thread (schema, then the rules a
schema cannot express); errors refuse it and are listed with where they are,
recommendations are listed and the alerts imported. A repeated alert adds
nothing; an Update replaces what it references and a Cancel ends it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

from services.imports.bounded import Budget, OverBudget, run_bounded
from services.warnings.wire import RecordProblem, warning_of
from views.common.checked_import import MAX_SHOWN, CheckedImportDialog, common_file_problem

MAX_BYTES = 10 * 1024 * 1024  # the CAP intake's limit (services/warnings/cap_intake.py)
BUDGET = Budget(seconds=60.0, memory_bytes=1024 * 1024 * 1024, file_bytes=64 * 1024 * 1024)
CHILD = "services.warnings.folder_check:check_file"  # the watched folder's check, in the bounded child


@dataclass(frozen=True)
class Line:
    """A finding as the child answers it ("path: message"), split for the table."""

    path: str
    message: str
    code: str = ""


@dataclass
class Checked:
    """What import_checked takes (valid, warnings), plus the findings and a file-level refusal."""

    valid: bool = False
    warnings: list = field(default_factory=list)
    errors: list[Line] = field(default_factory=list)
    recommendations: list[Line] = field(default_factory=list)
    refused: int = 0
    file_error: str = ""


def _line(text: str) -> Line:
    where, sep, message = text.partition(": ")
    return Line(where, message) if sep and " " not in where else Line("", text)


def check_bounded(known: Callable[[], frozenset[str]], path: Path, trust: Path | None = None) -> Checked:
    """The file checked as a whole in the bounded child process (a hostile file can only
    cost the child its budget); a reader thread runs it. `known`: WarningStore.known_ids."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return Checked(file_error="too_large")
    except OSError:
        return Checked(file_error="not_found")
    try:
        answer = run_bounded(CHILD, str(path), sorted(known()), str(trust or ""), budget=BUDGET)
        warnings = [warning_of(w) for w in answer["warnings"]]
    except OverBudget as exc:
        return Checked(file_error=exc.code)
    except (RecordProblem, KeyError, TypeError):
        return Checked(file_error="unreadable")
    return Checked(bool(answer["valid"]), warnings, [_line(e) for e in answer["errors"]],
                   [_line(r) for r in answer["recommendations"]], int(answer.get("refused", 0)))


class WarningImportDialog(CheckedImportDialog):
    def __init__(self, check: Callable[[Path], Checked], import_checked: Callable, runner, parent=None):
        """check: check_bounded with the store's known ids bound; import_checked: WarningService's."""
        super().__init__(runner, parent, title=self.tr("Import CAP warnings"), file_label=self.tr("CAP file"),
                         file_filter=self.tr("CAP 1.2 (*.xml *.cap *.atom *.rss);;All files (*)"))
        self.setObjectName("warning_import_dialog")
        self.check, self.import_checked = check, import_checked
        self.errors.setColumnCount(3)
        self.errors.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("Where"), self.tr("Problem")])
        self.result = None
        self.outcome = None

    def on_import(self) -> None:
        path = self.path_edit.text().strip()
        if not path:
            self.message.setText(self.tr("Choose a file first."))
            return
        self.import_button.setEnabled(False)
        self.message.setText(self.tr("Checking the file…"))
        self.runner.read(self.check, Path(path), on_done=self._checked_cap,
                         on_error=self._check_failed, owner=self)

    def _checked_cap(self, result) -> None:
        self.result = result
        if getattr(result, "file_error", ""):
            self.import_button.setEnabled(True)
            self.errors.hide()
            self.message.setText(self.tr("Nothing was imported: %1").replace(
                "%1", common_file_problem(result.file_error)))
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
            for col, text in enumerate((kind, finding.path, finding.message)):
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
