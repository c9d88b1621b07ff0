"""班次设置: the watch room's shifts (白班 08:30–17:30, 夜班 17:30–08:30, or a
24-hour shift) and how many of each post they need. A shift's times are fixed
once it is made (the roster was placed by them): retire it and add another."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
)

from services.duty.contract import DEFAULT_POSTS, MAX_PER_POST, Pattern, Post
from services.duty.roster import RosterService
from views.common.gui_op import GuiOp
from views.duty.messages import duty_error_text, post_name
from widgets.plain_text import plain_label


class PatternsDialog(QDialog):
    def __init__(self, roster: RosterService, runner, parent=None):
        super().__init__(parent)
        self.setObjectName("duty_patterns_dialog")
        self.roster, self.runner = roster, runner
        self.setWindowTitle(self.tr("Shifts of this watch room"))
        self.resize(560, 480)
        self.listing = QListWidget(objectName="patterns_list")
        self.name = QLineEdit(objectName="pattern_name")
        self.start = QTimeEdit(QTime(8, 30), displayFormat="HH:mm")
        self.end = QTimeEdit(QTime(17, 30), displayFormat="HH:mm")
        self.counts: dict[Post, QSpinBox] = {}
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(self.end)
        form.addRow(self.tr("From – to (ends the next day when not after the start)"), times)
        for post, count in DEFAULT_POSTS:
            spin = QSpinBox(minimum=0, maximum=MAX_PER_POST, value=count)
            self.counts[post] = spin
            form.addRow(post_name(post), spin)
        add = QPushButton(self.tr("Add this shift"), objectName="pattern_add")
        add.clicked.connect(self.on_add)
        self.toggle = QPushButton(self.tr("Retire / restore the selected shift"), objectName="pattern_toggle")
        self.toggle.clicked.connect(self.on_toggle)
        defaults = QPushButton(self.tr("Use the usual day and night shifts"), objectName="pattern_defaults")
        defaults.clicked.connect(self.on_defaults)
        self.message = plain_label(objectName="patterns_message", wordWrap=True)
        self.message.setStyleSheet("color: #c00000")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for button in (add, self.toggle, defaults):
            row.addWidget(button)
        box = QVBoxLayout(self)
        box.addWidget(self.listing, 1)
        box.addLayout(form)
        box.addLayout(row)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        GuiOp(self, self.runner, self.roster.patterns).as_read().success(self._show).run()

    def _show(self, patterns: list[Pattern]) -> None:
        self.patterns = patterns
        self.listing.clear()
        for pattern in patterns:
            posts = self.tr(", ").join(f"{post_name(p)} {n}" for p, n in pattern.posts)
            text = f"{pattern.name}  {pattern.start}–{pattern.end}  ({posts})"
            if not pattern.active:
                text += self.tr("  [retired]")
            self.listing.addItem(QListWidgetItem(text))
        if not patterns:
            self.listing.addItem(self.tr("No shifts yet: add one, or use the usual day and night shifts."))

    def on_add(self) -> None:
        posts = tuple((post.value, spin.value()) for post, spin in self.counts.items() if spin.value())
        GuiOp(self, self.runner, self.roster.save_pattern, self.name.text(), self.start.time().toString("HH:mm"),
              self.end.time().toString("HH:mm"), posts=posts, position=len(getattr(self, "patterns", [])),
              active=True).success(self._saved).failure(self._refused).run()

    def on_toggle(self) -> None:
        row = self.listing.currentRow()
        if not 0 <= row < len(getattr(self, "patterns", [])):
            return
        p = self.patterns[row]
        GuiOp(self, self.runner, self.roster.save_pattern, p.name, p.start, p.end, posts=p.posts, position=row,
              active=not p.active, pattern_id=p.id).success(self._saved).failure(self._refused).run()

    def on_defaults(self) -> None:
        GuiOp(self, self.runner, self.roster.add_default_patterns).success(self._saved).failure(self._refused).run()

    def _saved(self, _value) -> None:
        self.message.setText("")
        self.reload()

    def _refused(self, exc: BaseException) -> None:
        self.message.setText(duty_error_text(exc))
