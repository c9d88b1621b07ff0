"""The decision of a response (启动响应 / 调整级别 / 结束响应): the level (for a
start, the proposed one; for an adjustment, any other) and the reason, which
the timeline keeps with who and when. Enter decides, Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from services.plans.contract import LEVELS, level_rank
from services.plans.response import REASON_MAX, Action
from views.plans.words import level_name


def refusal_text(code: str) -> str:
    return {
        "already_active": QCoreApplication.translate("Plans", "A response is already under way for this incident."),
        "ended": QCoreApplication.translate(
            "Plans", "The response to this incident has ended; an ended response stays ended."),
        "not_active": QCoreApplication.translate("Plans", "No response is under way for this incident."),
        "not_graver": QCoreApplication.translate("Plans", "Raising must go to a graver level."),
        "not_lighter": QCoreApplication.translate("Plans", "Lowering must go to a lighter level."),
        "bad_level": QCoreApplication.translate("Plans", "Choose a level from I to IV."),
    }.get(code, code)


class ResponseDialog(QDialog):
    """`action` START (level proposed), RAISE/LOWER chosen by the level picked, or END."""

    def __init__(self, action: Action, plan_title: str, *, level: str = "", current: str = "", reason: str = "",
                 parent=None):
        super().__init__(parent)
        self.setObjectName("response_dialog")
        self.action, self.current = action, current
        titles = {Action.START: QCoreApplication.translate("Plans", "Start a response"),
                  Action.END: QCoreApplication.translate("Plans", "End the response")}
        self.setWindowTitle(titles.get(action, QCoreApplication.translate("Plans", "Adjust the response level")))
        form = QFormLayout()
        plan = QLabel(plan_title, textFormat=Qt.TextFormat.PlainText, wordWrap=True)
        form.addRow(QCoreApplication.translate("Plans", "Plan:"), plan)
        self.level = QComboBox(objectName="response_level")
        if action == Action.END:
            self.level.addItem(level_name(current), current)
            self.level.setEnabled(False)
        else:
            for code in LEVELS:
                if action != Action.START and code == current:
                    continue
                self.level.addItem(level_name(code), code)
            index = self.level.findData(level)
            self.level.setCurrentIndex(max(index, 0))
        form.addRow(QCoreApplication.translate("Plans", "&Level:"), self.level)
        self.reason = QLineEdit(reason, objectName="response_reason", maxLength=REASON_MAX)
        self.reason.setPlaceholderText(QCoreApplication.translate("Plans", "Why (kept on the incident's timeline)"))
        form.addRow(QCoreApplication.translate("Plans", "&Reason:"), self.reason)
        self.message = QLabel(objectName="response_message", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.windowTitle())
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(buttons)
        self.reason.setFocus()
        self.resize(520, self.sizeHint().height())

    def chosen_action(self) -> Action:
        if self.action in (Action.START, Action.END):
            return self.action
        return Action.RAISE if level_rank(self.level.currentData()) > level_rank(self.current) else Action.LOWER

    def _accept(self) -> None:
        if not self.reason.text().strip():
            self.message.setText(QCoreApplication.translate("Plans", "Give the reason for the decision."))
            self.reason.setFocus()
            return
        self.accept()
