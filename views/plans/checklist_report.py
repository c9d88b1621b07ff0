"""A checklist step's report action (报送信息): the incident's report dialog,
opened with the action's kind (首报 / 续报 / 终报) and the plan's wording before
the report's own template. The step closes as 已完成 with `entry:<id>` only once
the officer has sent the report; a cancelled dialog leaves the step as it was.
The report and the step are two writes (the incident log and the checklist stay
independent features): if the step was closed elsewhere in between, the report
stands and the officer is told why the step did not move. A 终报 sent this way
is an ordinary 终报: its print and PDF carry the checklist annex."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from services.incidents.model import EntryKind
from services.plans.checklist import DONE
from services.plans.checklists import ChecklistService, Step
from views.common.gui_op import GuiOp
from views.common.task_runner import TaskRunner
from views.plans.checklist_actions import completable


class StepReports:
    """Starts the report of a step's action; `dialogs`: the incident log's
    (views/incident_log/dialogs.py IncidentDialogs, built with the annex)."""

    def __init__(self, dialogs, checklists: ChecklistService, runner: TaskRunner, author: str):
        self.dialogs, self.checklists, self.runner, self.author = dialogs, checklists, runner, author

    def start(self, parent: QWidget, step: Step, done: Callable[[Step], None],
              refused: Callable[[BaseException], None]) -> None:
        """Checks the step may close now (on a reader), then opens the dialog."""
        GuiOp(parent, self.runner, completable, step, self.checklists).as_read() \
            .success(lambda current: self._open(parent, current, done, refused)).failure(refused).run()

    def _open(self, parent: QWidget, step: Step, done, refused) -> None:
        action = step.action or {}
        self.dialogs.report_for(
            parent, step.incident_id, EntryKind(action["report"]), lead_text=action.get("text", ""),
            on_saved=lambda entry_id: self.saved(parent, step, entry_id, done, refused))

    def saved(self, parent: QWidget, step: Step, entry_id: str, done, refused) -> None:
        GuiOp(parent, self.runner, self.checklists.move, step.id, DONE, author=self.author,
              action=f"entry:{entry_id}").success(done).failure(refused).run()
