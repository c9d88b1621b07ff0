"""匹配预案: for the incident selected in the log, the plans that apply with
the proposed response level and why, the gravest first."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from services.plans.matching import Proposal
from views.plans.words import level_name, reason_text
from widgets.empty_hint import EmptyHint

ID_ROLE = Qt.ItemDataRole.UserRole


class ProposalList(QWidget):
    sig_plan_activated = Signal(str)  # plan id: read it in full

    def __init__(self, names: Mapping[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("plan_proposals")
        self.names = names
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
        self.hint = EmptyHint(self.tree)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.incident_label)
        self.box.addWidget(self.tree, 1)
        self.show_none()

    def show_none(self) -> None:
        self.proposals = []
        self.tree.clear()
        self.incident_label.setText("")
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

    def current(self) -> Proposal | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        plan_id = item.data(0, ID_ROLE)
        return next((p for p in self.proposals if p.plan_id == plan_id), None)
