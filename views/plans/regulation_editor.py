"""新建法规 / 编辑法规 (an administrator's): a regulation of the knowledge
library with its title, issuing body, 文号, effective date, the plans it is
attached to, and its full text typed or loaded from DOCX/PDF/TXT (a text over
400,000 characters is refused, not cut); every problem listed as the officer
types, 保存 only when there are none."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout

from services.plans.regulation_contract import check_regulation, with_defaults
from services.plans.regulations import Regulation, RegulationStore
from services.plans.store import PlanSummary
from services.plans.text_import import import_regulation_text
from views.common.task_runner import TaskRunner
from views.plans.editor_base import CheckedEditor, TextWithFile

ID_ROLE = Qt.ItemDataRole.UserRole


class RegulationEditor(CheckedEditor):
    def __init__(self, store: RegulationStore, runner: TaskRunner, plans: list[PlanSummary],
                 regulation: Regulation | None = None, parent=None):
        super().__init__(runner, parent)
        self.store = store
        self.setObjectName("regulation_editor")
        self.setWindowTitle(QCoreApplication.translate("PlanEditor", "Edit regulation") if regulation else
                            QCoreApplication.translate("PlanEditor", "New regulation"))
        record = regulation.as_record() if regulation is not None else with_defaults(
            {"id": str(uuid.uuid4()), "title": ""})
        self.regulation_id, self.example = record["id"], record["example"]
        self.title = QLineEdit(record["title"], objectName="title")
        self.issuer = QLineEdit(record["issuer"], objectName="issuer")
        self.doc_number = QLineEdit(record["doc_number"], objectName="doc_number")
        self.doc_number.setPlaceholderText(QCoreApplication.translate("PlanEditor", "e.g. 渝府令〔2026〕1号"))
        self.effective = QLineEdit(record["effective_date"], objectName="effective_date")
        self.effective.setPlaceholderText(QCoreApplication.translate("PlanEditor", "YYYY-MM-DD, empty if unknown"))
        self.plan_list = QListWidget(objectName="attached_plans")
        self.plan_list.setMaximumHeight(140)
        attached = set(record["plan_ids"])
        known = {p.id for p in plans}
        for p in plans:
            self._add_plan(p.id, p.title, p.id in attached)
        for pid in record["plan_ids"]:  # attached to a plan this mirror does not hold (yet)
            if pid not in known:
                self._add_plan(pid, pid, True)
        self.text = TextWithFile(runner, import_regulation_text)
        self.text.edit.setPlainText(record["full_text"])
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("PlanEditor", "&Title"), self.title)
        form.addRow(QCoreApplication.translate("PlanEditor", "&Issuing body"), self.issuer)
        form.addRow(QCoreApplication.translate("PlanEditor", "&Document number"), self.doc_number)
        form.addRow(QCoreApplication.translate("PlanEditor", "&Effective date"), self.effective)
        form.addRow(QCoreApplication.translate("PlanEditor", "&Attached to plans"), self.plan_list)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.text, 1)
        box.addWidget(self.footer())
        self.resize(900, 760)
        for edit in (self.title, self.issuer, self.doc_number, self.effective):
            edit.textChanged.connect(self.changed)
        self.plan_list.itemChanged.connect(self.changed)
        self.text.sig_changed.connect(self.changed)
        self.start()
        self.title.setFocus()

    def _add_plan(self, plan_id: str, title: str, on: bool) -> None:
        item = QListWidgetItem(title)
        item.setData(ID_ROLE, plan_id)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.plan_list.addItem(item)

    def snapshot(self):
        return self.assemble()[0]

    def assemble(self):
        plan_ids = [self.plan_list.item(i).data(ID_ROLE) for i in range(self.plan_list.count())
                    if self.plan_list.item(i).checkState() == Qt.CheckState.Checked]
        record = {"id": self.regulation_id, "title": self.title.text().strip(), "issuer": self.issuer.text().strip(),
                  "doc_number": self.doc_number.text().strip(), "effective_date": self.effective.text().strip(),
                  "plan_ids": plan_ids, "full_text": self.text.edit.toPlainText(), "example": self.example}
        return record, check_regulation(record)

    def place(self, path: str) -> str:
        return {"title": QCoreApplication.translate("PlanEditor", "Title"),
                "issuer": QCoreApplication.translate("PlanEditor", "Issuing body"),
                "doc_number": QCoreApplication.translate("PlanEditor", "Document number"),
                "effective_date": QCoreApplication.translate("PlanEditor", "Effective date"),
                "full_text": QCoreApplication.translate("PlanEditor", "Full text")}.get(path, path)

    def write(self, record: dict):
        return self.store.save_many([record])
