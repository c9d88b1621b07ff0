"""匹配预案: for the incident selected in the log, the plans that apply with
the proposed response level and why, the gravest first; the response in
force, and 启动响应 / 调整级别 / 结束响应 (the panel decides them)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.plans.matching import Proposal
from services.plans.responses import Response
from views.plans.words import level_name, reason_text
from widgets.empty_hint import EmptyHint

ID_ROLE = Qt.ItemDataRole.UserRole


class ProposalList(QWidget):
    sig_plan_activated = Signal(str)  # plan id: read it in full
    sig_start = Signal()  # 启动响应 from the current proposal
    sig_adjust = Signal()  # 调整级别
    sig_end = Signal()  # 结束响应

    def __init__(self, names: Mapping[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("plan_proposals")
        self.names = names
        self._known = False  # an incident is selected
        self.proposals: list[Proposal] = []
        self.incident_label = QLabel(objectName="proposal_incident", wordWrap=True,
                                     textFormat=Qt.TextFormat.PlainText)
        self.tree = QTreeWidget(objectName="proposal_tree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([QCoreApplication.translate("Plans", "Plan"),
                                   QCoreApplication.translate("Plans", "Proposed level"),
                                   QCoreApplication.translate("Plans", "Reason")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 260)
        self.tree.setColumnWidth(1, 110)
        self.tree.itemActivated.connect(lambda item: self.sig_plan_activated.emit(item.data(0, ID_ROLE) or ""))
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        self.hint = EmptyHint(self.tree)
        self.response: Response | None = None
        self.response_label = QLabel(objectName="response_state", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.start_button = QPushButton(QCoreApplication.translate("Plans", "&Start response…"),
                                        objectName="start_response")
        self.adjust_button = QPushButton(QCoreApplication.translate("Plans", "&Adjust level…"),
                                         objectName="adjust_response")
        self.end_button = QPushButton(QCoreApplication.translate("Plans", "&End response…"), objectName="end_response")
        self.start_button.clicked.connect(self.sig_start)
        self.adjust_button.clicked.connect(self.sig_adjust)
        self.end_button.clicked.connect(self.sig_end)
        buttons = QHBoxLayout()
        buttons.addWidget(self.response_label, 1)
        for button in (self.start_button, self.adjust_button, self.end_button):
            buttons.addWidget(button)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.incident_label)
        self.box.addWidget(self.tree, 1)
        self.box.addLayout(buttons)
        self.show_none()

    def show_none(self) -> None:
        self.proposals = []
        self.tree.clear()
        self.incident_label.setText("")
        self.set_response(None, known=False)
        self.hint.set_text(QCoreApplication.translate(
            "Plans", "Select an incident in the incident log: the plans that apply to it are proposed here, "
            "with the response level and why."))

    def show_proposals(self, incident_title: str, proposals: list[Proposal]) -> None:
        self.proposals = list(proposals)
        self.tree.clear()
        self.incident_label.setText(QCoreApplication.translate("Plans", "Incident: %1").replace("%1", incident_title))
        for p in proposals:
            reason = reason_text(p.level, p.facts, self.names)
            if p.note:
                reason += QCoreApplication.translate("Plans", " (%1)").replace("%1", p.note)
            item = QTreeWidgetItem([p.title, level_name(p.level), reason])
            item.setData(0, ID_ROLE, p.plan_id)
            item.setToolTip(2, reason)
            if p.level:
                font = item.font(1)
                font.setBold(True)
                item.setFont(1, font)
            self.tree.addTopLevelItem(item)
        if proposals:
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.hint.set_text(QCoreApplication.translate(
            "Plans", "No published plan applies to this incident's type or category. An administrator can import "
            "plans in the plan library."))

    def set_response(self, response: Response | None, *, known: bool = True) -> None:
        """The incident's response in force (None: none yet); known=False: no incident."""
        self.response = response
        if not known:
            self.response_label.setText("")
        elif response is None:
            self.response_label.setText(QCoreApplication.translate("Plans", "No response started for this incident."))
        elif response.active:
            self.response_label.setText(QCoreApplication.translate("Plans", "Under a %1 (%2)").replace(
                "%1", level_name(response.level)).replace("%2", response.plan_title))
        else:
            self.response_label.setText(QCoreApplication.translate("Plans", "The %1 has ended (%2)").replace(
                "%1", level_name(response.level)).replace("%2", response.plan_title))
        self._known = known
        self._enable()

    def _enable(self) -> None:
        known = self._known
        active = self.response is not None and self.response.active
        self.start_button.setEnabled(known and self.response is None and self.current() is not None)
        self.adjust_button.setEnabled(known and active)
        self.end_button.setEnabled(known and active)

    def current(self) -> Proposal | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        plan_id = item.data(0, ID_ROLE)
        return next((p for p in self.proposals if p.plan_id == plan_id), None)
