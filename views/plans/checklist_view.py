"""处置流程 (a main panel): the checklist of the incident selected in the log as a
tree, phase > step > sub-step, with state, who is responsible, the countdown
to the step's due time (the reports' badge: red once overdue) and remarks.
Keyboard-first: Space or Enter ticks (未开始 → 进行中 → 已完成), N marks 不适用
with a reason, R edits the remark, Backspace reopens a closed step with a
reason. Reads run on the task runner's readers, moves through GuiOp."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.clock import Clock, SystemClock
from services.plans.checklist import CLOSED, PHASE_NAMES_ZH, action_text, next_state
from services.plans.checklists import ChecklistService, Step, StepRefused
from services.timeline import EntryKind
from views.common import labels
from views.common.durations import remaining_text
from views.common.event_relay import DomainEventRelay
from views.common.gui_op import GuiOp, show_write_error
from views.common.messages import warn
from views.common.task_runner import TaskRunner
from widgets.badges import COUNTDOWN_ROLE, Countdown, DeadlineBadgeDelegate
from widgets.empty_hint import EmptyHint

ID_ROLE = Qt.ItemDataRole.UserRole
NEAR_SECONDS = 10 * 60  # amber in the last ten minutes before a step is due
COLUMNS = 5
TITLE, STATE, RESPONSIBLE, DUE, REMARK = range(COLUMNS)
OVERDUE_TEXT = QColor("#c00000")


def state_name(state: str) -> str:
    names = {"not_started": QCoreApplication.translate("Checklist", "Not started"),
             "in_progress": QCoreApplication.translate("Checklist", "In progress"),
             "done": QCoreApplication.translate("Checklist", "Done"),
             "done_before": QCoreApplication.translate("Checklist", "Done before"),
             "not_applicable": QCoreApplication.translate("Checklist", "Not applicable")}
    return names.get(state, state)


def phase_name(phase: str) -> str:
    names = {"initial": QCoreApplication.translate("Checklist", "Initial measures"),
             "activation": QCoreApplication.translate("Checklist", "Response activation"),
             "operations": QCoreApplication.translate("Checklist", "Operations"),
             "closing": QCoreApplication.translate("Checklist", "Response end")}
    return names.get(phase, PHASE_NAMES_ZH.get(phase, phase))


def refusal_text(code: str) -> str:
    texts = {"open_substeps": QCoreApplication.translate("Checklist", "This step still has open sub-steps; it is "
                                                         "complete only when they are."),
             "stale": QCoreApplication.translate("Checklist", "The step is already at or past that state."),
             "reason_required": QCoreApplication.translate("Checklist", "A reason is required."),
             "not_closed": QCoreApplication.translate("Checklist", "Only a closed step can be reopened."),
             "no_action": QCoreApplication.translate("Checklist", "This step has no action in the plan."),
             "not_here": QCoreApplication.translate("Checklist", "This workstation cannot do this step's action; "
                                                    "tick the step when it is done.")}
    return texts.get(code, code)


def action_hint(action: dict) -> str:
    kind = action.get("kind")
    if kind == "order":
        return QCoreApplication.translate("Checklist", "A: issue the order to %1").replace(
            "%1", str(action.get("target_name", "")))
    if kind == "conference":
        return QCoreApplication.translate("Checklist", "A: open a conference")
    if kind == "report":
        return QCoreApplication.translate("Checklist", "A: write the %1").replace(
            "%1", report_kind_name(str(action.get("report", ""))))
    return QCoreApplication.translate("Checklist", "A: notify the call group")


def report_kind_name(kind: str) -> str:
    try:
        return labels.entry_kind_name(EntryKind(kind))
    except ValueError:
        return kind


def countdown(step: Step, now: datetime) -> Countdown:
    if step.due_at is None or step.state in CLOSED:
        return Countdown("", "—" if step.due_at is None else "")
    left = (step.due_at - now).total_seconds()
    state = "overdue" if left <= 0 else "near" if left <= NEAR_SECONDS else "ok"
    return Countdown(state, remaining_text(left))


class ChecklistTree(QTreeWidget):
    """The steps as a tree; `compact` for the commander's display: read-only, no remarks."""

    def __init__(self, *, compact: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklist_tree")
        self.setColumnCount(COLUMNS)
        self.setHeaderLabels([self.tr("Step"), self.tr("State"), self.tr("Responsible"), self.tr("Due"),
                              self.tr("Remark")])
        self.setItemDelegateForColumn(DUE, DeadlineBadgeDelegate(COUNTDOWN_ROLE, self))
        self.setUniformRowHeights(True)
        self.setColumnWidth(TITLE, 300)
        self.setColumnWidth(STATE, 170)
        self.setColumnWidth(RESPONSIBLE, 120)
        self.setColumnWidth(DUE, 110)
        if compact:
            self.setColumnHidden(REMARK, True)
            self.setColumnHidden(RESPONSIBLE, True)
            self.setHeaderHidden(True)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps: list[Step] = []

    def show_steps(self, steps: list[Step], now: datetime) -> None:
        current = self.current_step_id()
        self.steps = steps
        self.setUpdatesEnabled(False)
        self.clear()
        phases: dict[str, QTreeWidgetItem] = {}
        items: dict[str, QTreeWidgetItem] = {}
        for step in steps:
            parent = items.get(step.parent_key)
            if parent is None:
                parent = phases.get(step.phase)
                if parent is None:
                    parent = phases[step.phase] = QTreeWidgetItem(self, [phase_name(step.phase)])
                    font = parent.font(TITLE)
                    font.setBold(True)
                    parent.setFont(TITLE, font)
                    parent.setFirstColumnSpanned(True)
            item = items[step.key] = QTreeWidgetItem(parent)
            item.setData(TITLE, ID_ROLE, step.id)
            self._fill(item, step, now)
        self.expandAll()
        self.setUpdatesEnabled(True)
        if current and current in {s.id for s in steps}:
            self.select_step(current)

    def _fill(self, item: QTreeWidgetItem, step: Step, now: datetime) -> None:
        title = step.title if not step.children else f"{step.title}  ({step.children - step.open_children}/" \
                                                     f"{step.children})"
        state = state_name(step.state)
        if step.reason:
            state = f"{state}：{step.reason}"
        if step.action_done:
            state = f"{state} · {action_text(step.action_done)}"
        elif step.action and step.state not in CLOSED:
            item.setToolTip(TITLE, action_hint(step.action))
            title = f"{title}  [A]"
        item.setText(TITLE, title)
        item.setText(STATE, state)
        item.setToolTip(STATE, state)
        item.setText(RESPONSIBLE, step.responsible)
        item.setText(REMARK, step.remark)
        item.setToolTip(REMARK, step.remark)
        item.setData(DUE, COUNTDOWN_ROLE, countdown(step, now))
        overdue = step.overdue(now)
        for column in (TITLE, STATE):
            item.setForeground(column, QBrush(OVERDUE_TEXT) if overdue else QBrush())

    def refresh_countdowns(self, now: datetime) -> None:
        by_id = {s.id: s for s in self.steps}
        for item in self._items():
            step = by_id.get(item.data(TITLE, ID_ROLE))
            if step is not None:
                self._fill(item, step, now)

    def _items(self):
        stack = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        while stack:
            item = stack.pop()
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))

    def current_step_id(self) -> str:
        item = self.currentItem()
        return item.data(TITLE, ID_ROLE) or "" if item is not None else ""

    def select_step(self, step_id: str) -> None:
        for item in self._items():
            if item.data(TITLE, ID_ROLE) == step_id:
                self.setCurrentItem(item)
                return


class ChecklistPanel(QWidget):
    sig_shown = Signal(str)  # incident id, once its steps are on screen

    def __init__(self, checklists: ChecklistService, runner: TaskRunner, relay: DomainEventRelay, *,
                 author: str = "", clock: Clock | None = None, act: Callable[[Step], Step] | None = None,
                 report: Callable[..., None] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("checklist_panel")
        self.checklists, self.runner, self.author = checklists, runner, author
        self.clock = clock or SystemClock()
        self.act = act  # the step's one-click action (checklist_actions.run_action); None: not offered
        self.report = report  # a report action: (parent, step, done, refused) (checklist_report.StepReports.start)
        self.incident_id = ""
        self._reads = 0  # reloads started: the one whose answer is shown
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("checklist_heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.keys = QLabel(self.tr("Space/Enter: tick · A: do the step's action · N: not applicable · R: remark · "
                                   "Backspace: reopen"), self)
        self.keys.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = ChecklistTree(parent=self)
        self.tree.installEventFilter(self)
        self.empty = EmptyHint(self.tree, self.tr("Select an incident under a response to see its checklist."))
        layout.addWidget(self.heading)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.keys)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(lambda: self.tree.refresh_countdowns(self.clock.now()))
        self.timer.start()
        self.dialog: QInputDialog | None = None
        relay.records("checklist_step").sig_changed.connect(lambda *_: self.incident_id and self.reload())

    def set_incident(self, incident_id: str) -> None:
        """The incident log's selection (views/common/panels.py INCIDENT_SELECTED)."""
        self.incident_id = incident_id or ""
        self.reload()

    def reload(self) -> None:
        """Reads run on several readers and may finish out of order: only the
        latest read is shown, so an older one never paints over a newer state."""
        self._reads += 1
        incident_id, read = self.incident_id, self._reads
        if not incident_id:
            self._shown(incident_id, [])
            return
        self.runner.read(self.checklists.steps, incident_id,
                         on_done=lambda steps: read == self._reads and self._shown(incident_id, steps), owner=self)

    def _shown(self, incident_id: str, steps: list[Step]) -> None:
        if incident_id != self.incident_id:
            return
        self.keys.setVisible(bool(steps))
        if steps:
            first = steps[0]
            done = sum(s.state in CLOSED for s in steps)
            self.heading.setText(self.tr("Plan version %1 · %2 of %3 steps closed")
                                 .replace("%1", first.plan_version or "—").replace("%2", str(done))
                                 .replace("%3", str(len(steps))))
        else:
            self.heading.setText("")
        self.tree.show_steps(steps, self.clock.now())
        if steps and self.tree.currentItem() is None:
            self.tree.setCurrentItem(self.tree.topLevelItem(0).child(0))
        self.sig_shown.emit(incident_id)

    # ---- keys ---------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.tree and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.tick()
                return True
            if key == Qt.Key.Key_A:
                self.run_action()
                return True
            if key == Qt.Key.Key_N:
                self.ask_not_applicable()
                return True
            if key == Qt.Key.Key_R:
                self.ask_remark()
                return True
            if key == Qt.Key.Key_Backspace:
                self.ask_reopen()
                return True
        return super().eventFilter(watched, event)

    def _step(self) -> Step | None:
        step_id = self.tree.current_step_id()
        return next((s for s in self.tree.steps if s.id == step_id), None)

    def tick(self) -> None:
        step = self._step()
        if step is None:
            return
        to = next_state(step.state)
        if to is None:
            warn(self, self.tr("Step not moved"), self.tr("The step is closed; Backspace reopens it with a reason."),
                 name="checklist_refused")
            return
        self._write(self.checklists.move, step.id, to, author=self.author)

    def run_action(self) -> None:
        """A: the step's action (an order issued, a call group notified, a conference
        opened; a report once the officer sends it), then the step closed."""
        step = self._step()
        if step is None:
            return
        if not step.action:
            warn(self, self.tr("No action"), self.tr("This step has no action in the plan."), name="checklist_refused")
            return
        handler = self.report if step.action.get("kind") == "report" else self.act
        if handler is None:
            warn(self, self.tr("Step not moved"), refusal_text("not_here"), name="checklist_refused")
        elif handler is self.report:
            self.report(self, step, lambda _s: self.reload(), self._refused)
        else:
            GuiOp(self, self.runner, self.act, step).success(lambda _s: self.reload()).failure(self._refused).run()

    def _ask(self, title: str, label: str, text: str, done) -> QInputDialog | None:
        step = self._step()
        if step is None:
            return None
        dialog = QInputDialog(self)
        dialog.setObjectName("checklist_input")
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda value: done(step, value))
        self.dialog = dialog
        dialog.open()
        return dialog

    def ask_not_applicable(self) -> QInputDialog | None:
        return self._ask(self.tr("Not applicable"), self.tr("Why does this step not apply?"), "",
                         lambda step, reason: self._write(self.checklists.move, step.id, "not_applicable",
                                                          author=self.author, reason=reason))

    def ask_remark(self) -> QInputDialog | None:
        step = self._step()
        return self._ask(self.tr("Remark"), self.tr("Remark on this step:"), step.remark if step else "",
                         lambda step, text: self._write(self.checklists.set_remark, step.id, text,
                                                        author=self.author))

    def ask_reopen(self) -> QInputDialog | None:
        return self._ask(self.tr("Reopen step"), self.tr("Why is this step reopened?"), "",
                         lambda step, reason: self._write(self.checklists.reopen, step.id, author=self.author,
                                                          reason=reason))

    def _write(self, fn, *args, **kwargs) -> None:
        GuiOp(self, self.runner, fn, *args, **kwargs).success(lambda _s: self.reload()) \
            .failure(self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, StepRefused):
            warn(self, self.tr("Step not moved"), refusal_text(exc.code), name="checklist_refused")
        else:
            show_write_error(self, exc)
        self.reload()
