"""What the plan editor and the regulation editor share: every problem of the
record listed by path while the officer types (checked after a short pause,
not on every key), 保存 enabled only when there are none, Ctrl+S saves, Esc
asks before discarding edits, and a text loaded from DOCX/PDF/TXT through the
bounded import. Subclasses build their fields and say how to assemble and
save the record."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.plans.conditions import Problem
from services.plans.text_import import PlanText
from views.common.gui_op import GuiOp, show_write_error
from views.common.messages import ask
from views.common.task_runner import TaskRunner
from views.plans.import_dialog import problem_text, text_file_problem

CHECK_DELAY_MS = 300


def mono(edit: QPlainTextEdit) -> QPlainTextEdit:
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    edit.setFont(font)
    return edit


class TextWithFile(QWidget):
    """A full text: typed, pasted, or read from a DOCX/PDF/TXT file in the bounded child."""

    sig_changed = Signal()

    def __init__(self, runner: TaskRunner, reader: Callable[[Path], PlanText], parent=None):
        super().__init__(parent)
        self.runner, self.reader = runner, reader
        self.edit = QPlainTextEdit(objectName="full_text")
        self.edit.setPlaceholderText(QCoreApplication.translate(
            "PlanEditor", "Type or paste the full text, or load it from a file."))
        self.edit.textChanged.connect(self.sig_changed)
        self.load = QPushButton(QCoreApplication.translate("PlanEditor", "&Load from file (DOCX/PDF/TXT)…"),
                                objectName="load_text")
        self.load.clicked.connect(self.choose)
        self.message = QLabel(objectName="text_message", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.load)
        row.addWidget(self.message, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        box.addWidget(self.edit, 1)

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("PlanEditor", "The full text"), "",
                                              QCoreApplication.translate("PlanEditor", "Documents (*.docx *.pdf *.txt)"))
        if path:
            self.load_from(Path(path))

    def load_from(self, path: Path) -> None:
        self.message.setText(QCoreApplication.translate("PlanEditor", "Reading the file…"))
        GuiOp(self, self.runner, self.reader, path).as_read().success(self._read).run()

    def _read(self, result: PlanText) -> None:
        if result.file_error:
            self.message.setText(QCoreApplication.translate("PlanEditor", "The text was not changed: %1").replace(
                "%1", text_file_problem(result.file_error)))
            return
        self.edit.setPlainText(result.text)
        note = QCoreApplication.translate("PlanEditor", "Loaded %1 characters.").replace("%1", str(len(result.text)))
        if result.truncated:
            note += QCoreApplication.translate("PlanEditor", " The file was longer than allowed: the end was cut.")
        self.message.setText(note)


class CheckedEditor(QDialog):
    sig_saved = Signal(str)  # the record's id

    def __init__(self, runner: TaskRunner, parent=None):
        super().__init__(parent)
        self.runner = runner
        self.record: dict[str, Any] = {}
        self.problems: list[Problem] = []
        self._initial: Any = None
        self._saving = False
        self.problem_list = QTreeWidget(objectName="problem_list")
        self.problem_list.setColumnCount(3)
        self.problem_list.setHeaderLabels([QCoreApplication.translate("PlanEditor", "Where"),
                                           QCoreApplication.translate("PlanEditor", "Problem"),
                                           QCoreApplication.translate("PlanEditor", "Value")])
        self.problem_list.setRootIsDecorated(False)
        self.problem_list.setColumnWidth(0, 260)
        self.problem_list.setColumnWidth(1, 380)
        self.problem_list.setMaximumHeight(150)
        self.summary = QLabel(objectName="problem_summary", textFormat=Qt.TextFormat.PlainText)
        self.save_button = QPushButton(QCoreApplication.translate("PlanEditor", "Save (Ctrl+S)"),
                                       objectName="save", enabled=False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(QCoreApplication.translate("PlanEditor", "Cancel"), objectName="cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self.timer.timeout.connect(self.check)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)

    def footer(self) -> QWidget:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addWidget(self.problem_list)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.cancel_button)
        column.addLayout(row)
        return box

    def changed(self, *_args) -> None:
        """Any field edited: check again once the officer pauses."""
        self.save_button.setEnabled(False)
        self.timer.start()

    def start(self) -> None:
        """After the fields are filled: remember them (Esc asks only if they changed) and check."""
        self._initial = self.snapshot()
        self.check()

    # ---- subclasses ------------------------------------------------------------------------
    def snapshot(self) -> Any:
        raise NotImplementedError

    def assemble(self) -> tuple[dict, list[Problem]]:
        raise NotImplementedError

    def place(self, path: str) -> str:
        return path

    def write(self, record: dict) -> Any:
        raise NotImplementedError

    # ---- checking and saving ---------------------------------------------------------------
    def check(self) -> list[Problem]:
        self.timer.stop()
        self.record, self.problems = self.assemble()
        self.problem_list.clear()
        for p in self.problems[:500]:
            item = QTreeWidgetItem([self.place(p.path), problem_text(p.code, p.detail), p.detail])
            item.setToolTip(1, item.text(1))
            self.problem_list.addTopLevelItem(item)
        self.summary.setText(
            QCoreApplication.translate("PlanEditor", "No problems: ready to save.") if not self.problems else
            QCoreApplication.translate("PlanEditor", "%1 problem(s) to fix before saving:").replace(
                "%1", str(len(self.problems))))
        self.summary.setStyleSheet("" if not self.problems else "color: #b00020;")
        self.save_button.setEnabled(not self.problems and not self._saving)
        return self.problems

    def dirty(self) -> bool:
        return self._initial is not None and self.snapshot() != self._initial

    def save(self) -> None:
        if self._saving or self.check():
            return
        self._saving = True
        self.save_button.setEnabled(False)
        record = self.record
        GuiOp(self, self.runner, self.write, record).success(lambda _n: self._saved(record["id"])) \
            .failure(self._failed).run()

    def _saved(self, record_id: str) -> None:
        self._initial = self.snapshot()
        self.sig_saved.emit(record_id)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        show_write_error(self, exc, self.windowTitle())
        self._saving = False
        self.check()

    def reject(self) -> None:
        """Esc and 取消: edits are not thrown away without asking."""
        if self.dirty() and not ask(self, self.windowTitle(), QCoreApplication.translate(
                "PlanEditor", "Discard the changes you made?")):
            return
        super().reject()
