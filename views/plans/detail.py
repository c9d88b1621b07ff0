"""One plan in full: what it is (type, issuer, version, status, what it applies
to), its response levels with their conditions in words, the command structure,
the checklist template as a tree (phases, steps, sub-steps with their group and
due time), the regulations attached to it (Enter opens one) and the plan's
text. Everything from the record is plain text."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.plans.contract import PHASES, group_names, sorted_levels
from services.plans.store import Plan
from views.plans.words import condition_text, level_name, phase_name, plan_type_name, status_name


def minutes_text(minutes: int) -> str:
    if minutes < 60:
        return QCoreApplication.translate("Plans", "within %1 min").replace("%1", str(minutes))
    hours, rest = divmod(minutes, 60)
    if rest:
        return QCoreApplication.translate("Plans", "within %1 h %2 min").replace("%1", str(hours)).replace(
            "%2", str(rest))
    return QCoreApplication.translate("Plans", "within %1 h").replace("%1", str(hours))


class PlanDetail(QWidget):
    sig_import_text = Signal()  # 导入正文: the plan's text from a DOCX or PDF (an admin's edit)
    sig_regulation_activated = Signal(str)  # an attached regulation's id

    def __init__(self, names: Mapping[str, str], parent=None):
        super().__init__(parent)
        self.setObjectName("plan_detail")
        self.names = names  # taxonomy code -> its name
        self.plan_id = ""
        self.header = QLabel(objectName="plan_header", wordWrap=True, textFormat=Qt.TextFormat.PlainText,
                             textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.structure = QTreeWidget(objectName="plan_structure")
        self.structure.setColumnCount(2)
        self.structure.setHeaderLabels([QCoreApplication.translate("Plans", "Part"),
                                        QCoreApplication.translate("Plans", "Details")])
        self.structure.setColumnWidth(0, 300)
        self.structure.itemActivated.connect(self._activated)
        self.text = QPlainTextEdit(objectName="plan_text", readOnly=True)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.structure)
        split.addWidget(self.text)
        split.setSizes([400, 250])
        self.text_button = QPushButton(QCoreApplication.translate("Plans", "Import &text (DOCX/PDF/TXT)…"),
                                       objectName="import_plan_text")
        self.text_button.setToolTip(QCoreApplication.translate(
            "Plans", "Replace this plan's text with a Word document's or a PDF's (an administrator's edit)"))
        self.text_button.clicked.connect(self.sig_import_text)
        self.text_message = QLabel(objectName="plan_text_message", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.text_button, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.text_message)
        box.addWidget(split, 1)
        self.show_plan(None)

    def show_plan(self, plan: Plan | None) -> None:
        self.structure.clear()
        self.text_button.setEnabled(plan is not None)
        if plan is None or plan.id != self.plan_id:
            self.text_message.setText("")  # what the last text import said is about another plan
        self.plan_id = plan.id if plan is not None else ""
        if plan is None:
            self.header.setText(QCoreApplication.translate("Plans", "Choose a plan in the list to read it here."))
            self.text.setPlainText("")
            return
        applies = [self.names.get(c, c) for c in (*plan.types, *(() if plan.types else plan.categories))]
        lines = [plan.title + (QCoreApplication.translate("Plans", " (example)") if plan.example and
                               "示例" not in plan.title else ""),
                 QCoreApplication.translate("Plans", "%1 · %2 · version %3 · %4").replace(
                     "%1", plan_type_name(plan.plan_type)).replace("%2", plan.issuer or "—").replace(
                     "%3", plan.plan_version or "—").replace("%4", status_name(plan.status)),
                 QCoreApplication.translate("Plans", "Applies to: %1").replace("%1", "、".join(applies) or "—")]
        if plan.pending_sync:
            lines.append(QCoreApplication.translate("Plans", "Not yet sent to the platform"))
        self.header.setText("\n".join(lines))
        self._levels(plan)
        self._command(plan)
        self._checklist(plan)
        self.structure.expandAll()
        self.text.setPlainText(plan.full_text.strip() or QCoreApplication.translate("Plans", "(no text)"))

    def show_regulations(self, regulations) -> None:
        """After show_plan: the regulations (法规/规章) attached to the shown plan."""
        section = self._section(QCoreApplication.translate("Plans", "Attached regulations"))
        for r in regulations:
            details = "  ".join(x for x in (r.doc_number, r.issuer) if x)
            item = QTreeWidgetItem([r.title, details])
            item.setData(0, Qt.ItemDataRole.UserRole, r.id)
            item.setToolTip(0, QCoreApplication.translate("Plans", "Enter or double-click opens its text"))
            section.addChild(item)
        if not regulations:
            section.addChild(QTreeWidgetItem([QCoreApplication.translate("Plans", "No regulations attached"), ""]))
        section.setExpanded(True)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        regulation_id = item.data(0, Qt.ItemDataRole.UserRole)
        if regulation_id:
            self.sig_regulation_activated.emit(regulation_id)

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title, ""])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        self.structure.addTopLevelItem(item)
        return item

    def _levels(self, plan: Plan) -> None:
        section = self._section(QCoreApplication.translate("Plans", "Response levels"))
        for level in sorted_levels(plan.levels):
            words = condition_text(level["conditions"], self.names)
            if level.get("note"):
                words += "\n" + level["note"]
            item = QTreeWidgetItem([level_name(level["level"]), words])
            item.setToolTip(1, words)
            section.addChild(item)
        if not plan.levels:
            section.addChild(QTreeWidgetItem([QCoreApplication.translate("Plans", "No levels defined"), ""]))

    def _command(self, plan: Plan) -> None:
        section = self._section(QCoreApplication.translate("Plans", "Command structure"))
        command = plan.command
        if command.get("headquarters"):
            section.addChild(QTreeWidgetItem([QCoreApplication.translate("Plans", "Headquarters"),
                                              command["headquarters"]]))
        if command.get("commander"):
            section.addChild(QTreeWidgetItem([QCoreApplication.translate("Plans", "Commander"), command["commander"]]))
        for group in command.get("groups", []):
            lead = group.get("lead_unit", "")
            details = QCoreApplication.translate("Plans", "Lead: %1").replace("%1", lead) if lead else ""
            if group.get("duties"):
                details = f"{details}；{group['duties']}" if details else group["duties"]
            if group.get("contacts"):
                details += QCoreApplication.translate("Plans", " (%1 contacts)").replace(
                    "%1", str(len(group["contacts"])))
            section.addChild(QTreeWidgetItem([group.get("name", ""), details]))

    def _checklist(self, plan: Plan) -> None:
        section = self._section(QCoreApplication.translate("Plans", "Checklist template"))
        groups = group_names(plan.command)
        children: dict[str, list[dict]] = {}
        for step in plan.checklist:
            children.setdefault(step.get("parent", ""), []).append(step)

        def add(parent: QTreeWidgetItem, step: dict, depth: int) -> None:
            details = "  ".join(x for x in (groups.get(step.get("group", ""), ""),
                                            minutes_text(int(step.get("due_minutes", 0)))) if x)
            item = QTreeWidgetItem([step["title"], details])
            parent.addChild(item)
            if depth < 8:  # the contract allows 4; a mirror never holds a deeper tree
                for child in children.get(step["id"], []):
                    add(item, child, depth + 1)

        for phase in PHASES:
            steps = [s for s in children.get("", []) if s.get("phase") == phase]
            if not steps:
                continue
            phase_item = QTreeWidgetItem([phase_name(phase), ""])
            section.addChild(phase_item)
            for step in steps:
                add(phase_item, step, 1)
        if not plan.checklist:
            section.addChild(QTreeWidgetItem([QCoreApplication.translate("Plans", "No steps defined"), ""]))
