"""新建预案 / 编辑预案 (an administrator's): the plan's fields in a form, the
incident categories and types it applies to picked from the taxonomy, its full
text typed, pasted or loaded from DOCX/PDF/TXT, and its structured parts
(levels with conditions, command groups, checklist steps with sub-steps and
actions) as TOML in the published plan-file schema, every problem listed by
path as the officer types. Saving writes the plan's next version through the
plan store and its outbox operation; a checklist already running keeps the
steps it was made with (services/plans/checklists.py copies them)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.clearance import DEFAULT_LEVEL
from services.incidents.taxonomy import Taxonomy
from services.plans.contract import PLAN_TYPES, STATUSES, with_defaults
from services.plans.plan_toml import assemble, dump_structure
from services.plans.store import Plan, PlanStore
from services.plans.text_import import import_plan_text
from views.common import clearance_labels
from views.common.clearance_labels import LevelCombo, Levels
from views.common.task_runner import TaskRunner
from views.plans.editor_base import CheckedEditor, TextWithFile, mono
from views.plans.words import plan_type_name, status_name

CODE_ROLE = Qt.ItemDataRole.UserRole


class AppliesTo(QTreeWidget):
    """The categories (a whole category) and types a plan applies to, ticked from the taxonomy."""

    def __init__(self, taxonomy: Taxonomy, parent=None):
        super().__init__(parent)
        self.setObjectName("applies_to")
        self.setHeaderHidden(True)
        for category in taxonomy.categories:
            top = QTreeWidgetItem([QCoreApplication.translate("PlanEditor", "%1 (whole category)").replace(
                "%1", category.name)])
            top.setData(0, CODE_ROLE, ("categories", str(category.code)))
            top.setCheckState(0, Qt.CheckState.Unchecked)
            self.addTopLevelItem(top)
            for kind in category.types:
                item = QTreeWidgetItem([kind.name])
                item.setData(0, CODE_ROLE, ("types", kind.code))
                item.setCheckState(0, Qt.CheckState.Unchecked)
                top.addChild(item)

    def _items(self):
        for i in range(self.topLevelItemCount()):
            top = self.topLevelItem(i)
            yield top
            for j in range(top.childCount()):
                yield top.child(j)

    def set_codes(self, categories, types) -> None:
        for item in self._items():
            field, code = item.data(0, CODE_ROLE)
            on = code in (categories if field == "categories" else types)
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            if on and field == "types":
                item.parent().setExpanded(True)

    def codes(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {"categories": [], "types": []}
        for item in self._items():
            if item.checkState(0) == Qt.CheckState.Checked:
                field, code = item.data(0, CODE_ROLE)
                out[field].append(code)
        return out


class PlanEditor(CheckedEditor):
    def __init__(self, store: PlanStore, runner: TaskRunner, taxonomy: Taxonomy, plan: Plan | None = None,
                 parent=None):
        super().__init__(runner, parent)
        self.store = store
        self.setObjectName("plan_editor")
        self.plan_id = plan.id if plan is not None else str(uuid.uuid4())
        self.example = plan.example if plan is not None else False
        self.setWindowTitle(QCoreApplication.translate("PlanEditor", "Edit plan") if plan is not None else
                            QCoreApplication.translate("PlanEditor", "New plan"))
        self.title = QLineEdit(objectName="title")
        self.plan_type = QComboBox(objectName="plan_type")
        for code in PLAN_TYPES:
            self.plan_type.addItem(plan_type_name(code), code)
        self.issuer = QLineEdit(objectName="issuer")
        self.version = QLineEdit(objectName="plan_version")
        self.version.setPlaceholderText(QCoreApplication.translate("PlanEditor", "e.g. 2026.2"))
        self.status = QComboBox(objectName="status")
        for code in STATUSES:
            self.status.addItem(status_name(code), code)
        self.applies = AppliesTo(taxonomy)
        # 密级 (services/clearance.py): up to this workstation's clearance; a new plan starts at 内部
        self.level_combo = LevelCombo(Levels(*store.levels()), plan.level if plan is not None else DEFAULT_LEVEL["plan"])
        self.structure = mono(QPlainTextEdit(objectName="structure"))
        self.structure.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.structure.setPlaceholderText(QCoreApplication.translate(
            "PlanEditor", "[[levels]] with conditions, [command] with [[command.groups]], [[checklist]] steps "
            "(README, 预案与处置)"))
        self.text = TextWithFile(runner, import_plan_text)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("PlanEditor", "&Title"), self.title)
        form.addRow(QCoreApplication.translate("PlanEditor", "T&ype"), self.plan_type)
        form.addRow(QCoreApplication.translate("PlanEditor", "&Issuer"), self.issuer)
        form.addRow(QCoreApplication.translate("PlanEditor", "&Version"), self.version)
        form.addRow(QCoreApplication.translate("PlanEditor", "S&tatus"), self.status)
        form.addRow(QCoreApplication.translate("PlanEditor", "Applies &to"), self.applies)
        form.addRow(clearance_labels.field_label(), self.level_combo)
        left = QWidget()
        left.setLayout(form)
        self.tabs = QTabWidget(objectName="editor_tabs")
        self.tabs.addTab(self.structure, QCoreApplication.translate(
            "PlanEditor", "&Structure (levels, command, checklist as TOML)"))
        self.tabs.addTab(self.text, QCoreApplication.translate("PlanEditor", "&Full text"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.tabs)
        split.setSizes([380, 720])
        box = QVBoxLayout(self)
        box.addWidget(split, 1)
        box.addWidget(self.footer())
        self.resize(1180, 780)
        self._fill(plan)
        for edit in (self.title, self.issuer, self.version):
            edit.textChanged.connect(self.changed)
        self.plan_type.currentIndexChanged.connect(self.changed)
        self.status.currentIndexChanged.connect(self.changed)
        self.level_combo.currentIndexChanged.connect(self.changed)
        self.applies.itemChanged.connect(self.changed)
        self.structure.textChanged.connect(self.changed)
        self.text.sig_changed.connect(self.changed)
        self.start()
        self.title.setFocus()

    def _fill(self, plan: Plan | None) -> None:
        record = plan.as_record() if plan is not None else with_defaults(
            {"id": self.plan_id, "title": "", "plan_type": "special", "status": "draft"})
        self.title.setText(record["title"])
        self.plan_type.setCurrentIndex(max(0, self.plan_type.findData(record["plan_type"])))
        self.issuer.setText(record["issuer"])
        self.version.setText(record["plan_version"])
        self.status.setCurrentIndex(max(0, self.status.findData(record["status"])))
        self.applies.set_codes(record["categories"], record["types"])
        self.structure.setPlainText(dump_structure(record) if plan is not None else _TEMPLATE)
        self.text.edit.setPlainText(record["full_text"])

    def fields(self) -> dict:
        return {"id": self.plan_id, "title": self.title.text().strip(), "plan_type": self.plan_type.currentData(),
                "issuer": self.issuer.text().strip(), "plan_version": self.version.text().strip(),
                "status": self.status.currentData(), **self.applies.codes(),
                "full_text": self.text.edit.toPlainText(), "example": self.example}

    def snapshot(self):
        return self.fields(), self.structure.toPlainText(), self.level_combo.level()

    def assemble(self):
        plan, problems = assemble(self.fields(), self.structure.toPlainText())
        return with_defaults(plan), problems

    def place(self, path: str) -> str:
        names = {"title": QCoreApplication.translate("PlanEditor", "Title"),
                 "issuer": QCoreApplication.translate("PlanEditor", "Issuer"),
                 "plan_version": QCoreApplication.translate("PlanEditor", "Version"),
                 "categories": QCoreApplication.translate("PlanEditor", "Applies to"),
                 "types": QCoreApplication.translate("PlanEditor", "Applies to"),
                 "full_text": QCoreApplication.translate("PlanEditor", "Full text"),
                 "toml": QCoreApplication.translate("PlanEditor", "Structure")}
        head = path.split("[")[0].split(".")[0]
        return names[head] if head in names and head == path.split("[")[0] else path

    def save(self) -> None:
        self._level = self.level_combo.level()  # read here: write() runs on the mirror's writer
        super().save()

    def write(self, record: dict):
        return self.store.save_many([record], level=self._level)


# What a new plan starts from: one level, one group, one step, in the published schema.
_TEMPLATE = """[command]
headquarters = ""
commander = ""

[[command.groups]]
id = "coord"
name = "综合协调组"
lead_unit = ""

[[levels]]
level = "IV"
conditions = { field = "severity", op = ">=", value = "IV" }

[[checklist]]
id = "s1"
phase = "initial"
title = "核实事件情况"
group = "coord"
due_minutes = 10
"""
