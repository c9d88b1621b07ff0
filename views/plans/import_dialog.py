"""导入预案: a structured plan file (TOML or JSON, the schema in the README)
checked as a whole in a bounded child process; every problem listed by plan
number and path, nothing imported unless there are none. Every plan of the
file gets the 密级 chosen here, as resources and cameras do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from services.clearance import DEFAULT_LEVEL
from services.plans.files import PlanError, import_plans
from services.plans.store import PlanStore
from views.common import clearance_labels
from views.common.checked_import import CheckedImportDialog
from views.common.clearance_labels import LevelCombo, Levels
from views.common.task_runner import TaskRunner


class PlanImportDialog(CheckedImportDialog):
    def __init__(self, store: PlanStore, runner: TaskRunner, parent=None):
        super().__init__(runner, parent, title=QCoreApplication.translate("PlanImport", "Import plans"),
                         file_label=QCoreApplication.translate("PlanImport", "Plan file (TOML or JSON)"),
                         file_filter=QCoreApplication.translate("PlanImport", "Plan files (*.toml *.json)"))
        self.store = store
        self.setObjectName("import_plans_dialog")
        self.errors.setHorizontalHeaderLabels([QCoreApplication.translate("PlanImport", "Plan"),
                                               QCoreApplication.translate("PlanImport", "Where"),
                                               QCoreApplication.translate("PlanImport", "Problem"),
                                               QCoreApplication.translate("PlanImport", "Value")])
        self.form.addRow("", QLabel(QCoreApplication.translate(
            "PlanImport", "Each [[plan]] needs id, title, plan_type, status and the types or categories it applies "
            "to; see the README (预案与处置) for levels, command and checklist.")))
        # 密级 of every plan in the file (services/clearance.py), no higher than this workstation's clearance
        self.level_combo = LevelCombo(Levels(*store.levels()), DEFAULT_LEVEL["plan"])
        self.form.addRow(clearance_labels.field_label(), self.level_combo)

    def reader(self):
        return import_plans

    def saver(self):
        level = self.level_combo.level()  # read here: the save runs on the mirror's writer
        return lambda plans: self.store.save_many(plans, level=level)

    def file_problem(self, code: str) -> str:
        return {
            "too_large": QCoreApplication.translate("PlanImport", "The file is larger than 5 MB."),
            "encoding": QCoreApplication.translate("PlanImport", "The file is not UTF-8 text."),
            "bad_syntax": QCoreApplication.translate("PlanImport", "The file is not valid TOML or JSON."),
            "not_plans": QCoreApplication.translate("PlanImport", "The file holds no list named plan ([[plan]])."),
            "empty": QCoreApplication.translate("PlanImport", "The file holds no plans."),
            "too_many": QCoreApplication.translate("PlanImport", "The file holds more than 500 plans."),
        }.get(code, code)

    def row_problem(self, error: PlanError) -> str:
        return problem_text(error.code, error.value)


def text_file_problem(code: str) -> str:
    """Why a DOCX or PDF gave no plan text (services/plans/text_import.py)."""
    return {
        "not_found": QCoreApplication.translate("PlanImport", "The file cannot be read."),
        "too_large": QCoreApplication.translate(
            "PlanImport", "The file is larger than 20 MB, or needs more memory to read than an import may use."),
        "not_docx": QCoreApplication.translate("PlanImport", "The file is not a Word document (.docx)."),
        "zip_bomb": QCoreApplication.translate(
            "PlanImport", "The document unpacks to far more than a document holds (a zip bomb), so it was not opened."),
        "hostile_xml": QCoreApplication.translate(
            "PlanImport", "The document declares a DTD or entities; such files are refused for safety."),
        "not_pdf": QCoreApplication.translate("PlanImport", "The file is not a PDF."),
        "unreadable_pdf": QCoreApplication.translate("PlanImport", "The PDF is damaged or cannot be read."),
        "no_text": QCoreApplication.translate(
            "PlanImport", "The file holds no text (a scanned PDF needs text recognition first)."),
        "unsupported": QCoreApplication.translate("PlanImport", "Only .docx and .pdf files are read."),
        "timeout": QCoreApplication.translate(
            "PlanImport", "Reading the file took longer than allowed, so it was stopped."),
    }.get(code) or QCoreApplication.translate("PlanImport", "The file cannot be read (%1).").replace("%1", code)


def problem_text(code: str, detail: str = "") -> str:
    """A plan's or a regulation's problem code (services/plans/contract.py) in words."""
    words = {
        "required": QCoreApplication.translate("PlanImport", "is required"),
        "unknown_key": QCoreApplication.translate("PlanImport", "is not a field of a plan"),
        "not_object": QCoreApplication.translate("PlanImport", "must be a table (object)"),
        "not_list": QCoreApplication.translate("PlanImport", "must be a list"),
        "not_bool": QCoreApplication.translate("PlanImport", "must be true or false"),
        "duplicate": QCoreApplication.translate("PlanImport", "is repeated"),
        "unknown_plan_type": QCoreApplication.translate(
            "PlanImport", "unknown plan type (overall, special, department, onsite)"),
        "unknown_status": QCoreApplication.translate("PlanImport", "unknown status (draft, published, abolished)"),
        "unknown_category": QCoreApplication.translate("PlanImport", "unknown incident category"),
        "unknown_type": QCoreApplication.translate("PlanImport", "unknown incident type"),
        "applies_to_nothing": QCoreApplication.translate(
            "PlanImport", "the plan names no incident type or category it applies to"),
        "bad_level": QCoreApplication.translate("PlanImport", "must be I, II, III or IV"),
        "too_many": QCoreApplication.translate("PlanImport", "too many entries"),
        "unknown_field": QCoreApplication.translate(
            "PlanImport", "a condition cannot name this (deaths, injured, missing, trapped, severity, type, "
            "category)"),
        "unknown_op": QCoreApplication.translate("PlanImport", "unknown comparison"),
        "bad_number": QCoreApplication.translate("PlanImport", "must be a whole number from 0"),
        "bad_severity": QCoreApplication.translate("PlanImport", "must be a severity: I, II, III or IV"),
        "bad_code_list": QCoreApplication.translate("PlanImport", "must be a code or a list of codes"),
        "condition_not_object": QCoreApplication.translate("PlanImport", "a condition must be a table"),
        "condition_mixed": QCoreApplication.translate(
            "PlanImport", "a condition is either a comparison or one all/any group"),
        "condition_unknown_key": QCoreApplication.translate("PlanImport", "unknown key in a condition"),
        "condition_empty_group": QCoreApplication.translate("PlanImport", "an all/any group needs conditions"),
        "condition_too_deep": QCoreApplication.translate("PlanImport", "conditions nested too deep"),
        "condition_too_large": QCoreApplication.translate("PlanImport", "too many conditions in one level"),
        "bad_contacts": QCoreApplication.translate("PlanImport", "must be a list of contact ids"),
        "bad_phase": QCoreApplication.translate(
            "PlanImport", "unknown phase (initial, activation, operations, closing)"),
        "unknown_group": QCoreApplication.translate("PlanImport", "no working group with this id"),
        "bad_minutes": QCoreApplication.translate("PlanImport", "must be whole minutes from 0 to 43200"),
        "unknown_parent": QCoreApplication.translate("PlanImport", "no step with this id"),
        "phase_differs_from_parent": QCoreApplication.translate(
            "PlanImport", "a sub-step must be in its parent's phase"),
        "circular": QCoreApplication.translate("PlanImport", "sub-steps form a circle"),
        "too_deep": QCoreApplication.translate("PlanImport", "sub-steps nested deeper than 4"),
    }
    words.update({
        "not_text": QCoreApplication.translate("PlanImport", "must be text"),
        "too_long": QCoreApplication.translate("PlanImport", "is too long (at most %1 characters)"),
        "control_character": QCoreApplication.translate("PlanImport", "holds a control character"),
        "bad_action": QCoreApplication.translate("PlanImport", "unknown action (notify, order)"),
        "bad_target": QCoreApplication.translate("PlanImport", "unknown order target (team, resource, person, group)"),
        "bad_priority": QCoreApplication.translate("PlanImport", "unknown priority (urgent, high, normal)"),
        "bad_syntax": QCoreApplication.translate("PlanImport", "is not valid TOML"),
        "not_structure": QCoreApplication.translate(
            "PlanImport", "is not a structured part (levels, command, checklist); set it in the form"),
        "bad_date": QCoreApplication.translate("PlanImport", "must be a date such as 2026-05-01, or empty"),
        "bad_id": QCoreApplication.translate("PlanImport", "is not a record id"),
    })
    text = words.get(code, code)
    return text.replace("%1", detail) if "%1" in text else text
