"""预案 (a main panel): the plan library with type, status and text filters
(short Chinese queries work), a plan in full, 导入预案 (a structured TOML or
JSON file, all or nothing), and for the incident selected in the log the plans
that apply with the proposed response level and the reason, and the response
decisions (启动响应 / 调整级别 / 结束响应, each with its reason), 新建预案 / 编辑
for an administrator, and the knowledge search over plans and regulations
(views/plans/knowledge_control.py). Reads run on
the task runner's readers, decisions through GuiOp on the mirror writer; the
import is checked in a bounded child process."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.incidents.service import IncidentService
from services.plans.contract import PLAN_TYPES, STATUSES
from services.plans.regulations import RegulationStore
from services.plans.response import Action
from services.plans.responses import ResponseRefused, ResponseService
from services.plans.store import PlanStore, PlanSummary
from services.plans.text_import import PlanText, import_plan_text
from views.common.clearance_labels import Levels
from views.common.event_relay import DomainEventRelay
from views.common.gui_op import GuiOp, show_write_error
from views.common.messages import warn
from views.common.task_runner import TaskRunner
from views.plans.detail import PlanDetail
from views.plans.import_dialog import PlanImportDialog, text_file_problem
from views.plans.knowledge_control import KnowledgeControl
from views.plans.proposals import ProposalList
from views.plans.response_dialog import ResponseDialog, refusal_text
from views.plans.words import plan_type_name, reason_text, status_name
from widgets.empty_hint import EmptyHint
from widgets.level_badge import LEVEL_RANK_ROLE, LEVEL_ROLE, LevelBadgeDelegate

ID_ROLE = Qt.ItemDataRole.UserRole


class PlansPanel(QWidget):
    sig_plan_shown = Signal(str)  # plan id, once its detail is on screen

    def __init__(self, plans: PlanStore, responses: ResponseService, incidents: IncidentService, runner: TaskRunner,
                 relay: DomainEventRelay, *, author: str = "", may_edit: Callable[[], bool] = lambda: True,
                 regulations: RegulationStore | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("plans_panel")
        self.plans, self.responses, self.incidents, self.runner = plans, responses, incidents, runner
        self.author = author
        self.may_edit = may_edit  # the account's role allows editing plans (the platform checks again)
        self.names = {str(c.code): c.name for c in incidents.taxonomy.categories}
        self.names.update({t.code: t.name for c in incidents.taxonomy.categories for t in c.types})
        self.incident_id = ""
        self.shown_plan = ""
        self.search = QLineEdit(objectName="plan_search", clearButtonEnabled=True)
        self.search.setPlaceholderText(QCoreApplication.translate(
            "Plans", "Search titles and texts (Ctrl+F; one character works: 涝)"))
        self.type_filter = QComboBox(objectName="plan_type_filter")
        self.type_filter.addItem(QCoreApplication.translate("Plans", "All types"), "")
        for code in PLAN_TYPES:
            self.type_filter.addItem(plan_type_name(code), code)
        self.status_filter = QComboBox(objectName="plan_status_filter")
        self.status_filter.addItem(QCoreApplication.translate("Plans", "All statuses"), "")
        for code in STATUSES:
            self.status_filter.addItem(status_name(code), code)
        self.import_button = QPushButton(QCoreApplication.translate("Plans", "&Import plans…"),
                                         objectName="import_plans")
        self.import_button.clicked.connect(self.open_import)
        self.new_button = QPushButton(QCoreApplication.translate("Plans", "&New plan…"), objectName="new_plan")
        self.new_button.clicked.connect(lambda: self.knowledge.edit_plan(None))
        self.edit_button = QPushButton(QCoreApplication.translate("Plans", "&Edit…"), objectName="edit_plan",
                                       enabled=False)
        self.edit_button.clicked.connect(self.edit_shown_plan)
        self.plan = None  # the plan on screen, as read
        self.list = QTreeWidget(objectName="plan_list")
        self.list.setColumnCount(4)
        self.list.setHeaderLabels([QCoreApplication.translate("Plans", "Title"),
                                   QCoreApplication.translate("Plans", "Type"),
                                   QCoreApplication.translate("Plans", "Version"),
                                   QCoreApplication.translate("Plans", "Status")])
        self.list.setRootIsDecorated(False)
        self.levels = Levels(*plans.levels())
        self.list.setItemDelegateForColumn(0, LevelBadgeDelegate(self.list))
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.itemActivated.connect(lambda *_: self.tabs.setCurrentWidget(self.detail))
        self.hint = EmptyHint(self.list)
        self.detail = PlanDetail(self.names)
        self.detail.sig_import_text.connect(self.choose_text_file)
        self.proposals = ProposalList(self.names)
        self.proposals.sig_plan_activated.connect(self.show_plan_id)
        self.proposals.sig_start.connect(self.start_response)
        self.proposals.sig_adjust.connect(lambda: self.decide(Action.RAISE))
        self.proposals.sig_end.connect(lambda: self.decide(Action.END))
        self.tabs = QTabWidget(objectName="plan_tabs")
        self.tabs.addTab(self.detail, QCoreApplication.translate("Plans", "&Plan"))
        self.tabs.addTab(self.proposals, QCoreApplication.translate("Plans", "&Matching plans"))
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.type_filter)
        top.addWidget(self.status_filter)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.import_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.list)
        split.addWidget(self.tabs)
        split.setSizes([420, 700])
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(split, 1)
        # On a backup laptop every panel is a tab of one small window: this one must not
        # make it larger than its screen (its lists scroll, its labels elide or wrap).
        box.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.search.setFocus,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda: self._timer.start())
        self.search.returnPressed.connect(self.list.setFocus)
        self.type_filter.currentIndexChanged.connect(lambda: self._timer.start())
        self.status_filter.currentIndexChanged.connect(lambda: self._timer.start())
        relay.records("plan").sig_changed.connect(self._plans_changed)
        self.regulations = regulations or RegulationStore(plans.mirror, plans.events, plans.clock)
        self.knowledge = KnowledgeControl(self, plans, self.regulations, runner, relay, incidents.taxonomy, may_edit)
        relay.records("response").sig_changed.connect(lambda *_: self.incident_id and self._propose())
        relay.sig_incident_changed.connect(lambda iid, _reason: iid == self.incident_id and self._propose())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(240, 160)

    # ---- the library ----------------------------------------------------------------------
    def reload(self) -> None:
        self.runner.read(self.plans.list, plan_type=self.type_filter.currentData() or "",
                         status=self.status_filter.currentData() or "", term=self.search.text(),
                         on_done=self._show_list, owner=self)

    def _show_list(self, summaries: list[PlanSummary]) -> None:
        editor = self.may_edit()  # other roles read: the editing buttons are off (the platform refuses too)
        for button in (self.new_button, self.import_button, self.knowledge.search.new_button):
            button.setEnabled(editor)
        current = self.shown_plan
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for p in summaries:
            title = p.title if not p.pending_sync else QCoreApplication.translate("Plans", "%1 (not yet sent)").replace(
                "%1", p.title)
            item = QTreeWidgetItem([title, plan_type_name(p.plan_type), p.plan_version, status_name(p.status)])
            item.setData(0, ID_ROLE, p.id)
            item.setData(0, LEVEL_ROLE, self.levels.badge_text(p.level))  # 密级 badge, none for 公开
            item.setData(0, LEVEL_RANK_ROLE, p.level)
            self.list.addTopLevelItem(item)
            if p.id == current:
                chosen = item
        self.list.blockSignals(False)
        filtered = bool(self.search.text().strip() or self.type_filter.currentData() or
                        self.status_filter.currentData())
        self.hint.set_text(
            QCoreApplication.translate("Plans", "No plan matches these filters.") if filtered else
            QCoreApplication.translate(
                "Plans", "The plan library is empty. An administrator imports plans with “Import plans…” above "
                "(a TOML or JSON plan file); they reach every workstation from the platform."))
        if chosen is None and summaries:
            chosen = self.list.topLevelItem(0)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        else:
            self.shown_plan, self.plan = "", None
            self.edit_button.setEnabled(False)
            self.detail.show_plan(None)

    def _current_changed(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if item is not None:
            self.show_plan_id(item.data(0, ID_ROLE))

    def show_plan_id(self, plan_id: str) -> None:
        if not plan_id:
            return
        self.shown_plan = plan_id
        self.runner.read(lambda: (self.plans.get(plan_id), self.regulations.for_plan(plan_id)),
                         on_done=lambda result: self._show_plan(*result), owner=self)

    def _show_plan(self, plan, regulations=()) -> None:
        if plan is None or plan.id != self.shown_plan:
            return
        self.plan = plan
        self.edit_button.setEnabled(self.may_edit())
        self.detail.show_plan(plan)
        self.detail.show_regulations(regulations)
        self.sig_plan_shown.emit(plan.id)

    def edit_shown_plan(self):
        """编辑: the plan on screen in the editor (an administrator's)."""
        return self.knowledge.edit_plan(self.plan) if self.plan is not None else None

    def _plans_changed(self, ids: list) -> None:
        self._timer.start()
        if self.shown_plan in ids:
            self.show_plan_id(self.shown_plan)
        if self.incident_id:
            self._propose()

    def _editing_refused(self) -> bool:
        if self.may_edit():
            return False
        warn(self, QCoreApplication.translate("Plans", "Plans"), QCoreApplication.translate(
            "Plans", "Only an administrator imports and edits plans; this account reads them."), name="plans_refused")
        return True

    def choose_text_file(self) -> None:
        if self._editing_refused():
            return
        path, _ = QFileDialog.getOpenFileName(self, QCoreApplication.translate("Plans", "The plan's text"), "",
                                              QCoreApplication.translate("Plans", "Word, PDF or text (*.docx *.pdf *.txt)"))
        if path:
            self.import_text_from(Path(path))

    def import_text_from(self, path: Path) -> None:
        """The shown plan's text replaced by the file's (read in a bounded child), saved with its operation."""
        plan_id = self.shown_plan
        self.detail.text_message.setText(QCoreApplication.translate("Plans", "Reading the file…"))
        GuiOp(self, self.runner, import_plan_text, path).as_read() \
            .success(lambda result: self._text_read(plan_id, result)).run()

    def _text_read(self, plan_id: str, result: PlanText) -> None:
        if result.file_error:
            self.detail.text_message.setText(QCoreApplication.translate("Plans", "Nothing was changed: %1").replace(
                "%1", text_file_problem(result.file_error)))
            return
        GuiOp(self, self.runner, self.plans.set_text, plan_id, result.text).success(
            lambda _n: self.detail.text_message.setText(
                QCoreApplication.translate("Plans", "The text was replaced (%1 characters).").replace(
                    "%1", str(len(result.text))) + (QCoreApplication.translate(
                        "Plans", " The file was longer than a plan's text may be: the end was cut.")
                        if result.truncated else ""))).run()

    def open_import(self) -> PlanImportDialog | None:
        if self._editing_refused():
            return None
        dialog = PlanImportDialog(self.plans, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # ---- the selected incident ------------------------------------------------------------
    def set_incident(self, incident_id: str) -> None:
        """The incident log's selection (views/common/panels.py INCIDENT_SELECTED)."""
        self.incident_id = incident_id or ""
        if not self.incident_id:
            self.proposals.show_none()
            return
        self._propose()

    def _propose(self) -> None:
        incident_id = self.incident_id

        def work():
            incident = self.incidents.get(incident_id)
            return incident, self.plans.propose(incident), self.responses.current(incident_id)

        self.runner.read(work, on_done=lambda result: self._proposed(incident_id, *result),
                         on_error=lambda _exc: self.proposals.show_none(), owner=self)

    def _proposed(self, incident_id: str, incident, proposals, response) -> None:
        if incident_id != self.incident_id:
            return
        self.proposals.show_proposals(f"{incident.code} {incident.title}", proposals)
        self.proposals.set_response(response)

    # ---- decisions ------------------------------------------------------------------------
    def start_response(self) -> ResponseDialog | None:
        proposal = self.proposals.current()
        if proposal is None or not self.incident_id:
            return None
        reason = reason_text(proposal.level, proposal.facts, self.names) if proposal.level else ""
        dialog = ResponseDialog(Action.START, proposal.title, level=proposal.level or "IV", reason=reason, parent=self)
        return self._open(dialog, plan_id=proposal.plan_id, plan_version=proposal.plan_version,
                          plan_title=proposal.title)

    def decide(self, action: Action) -> ResponseDialog | None:
        """调整级别 (RAISE or LOWER, by the level chosen) or 结束响应 of the response in force."""
        response = self.proposals.response
        if response is None or not response.active:
            return None
        dialog = ResponseDialog(action, response.plan_title, current=response.level, parent=self)
        return self._open(dialog)

    def _open(self, dialog: ResponseDialog, **plan) -> ResponseDialog:
        incident_id = self.incident_id
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def decided() -> None:
            GuiOp(self, self.runner, self.responses.decide, incident_id, dialog.chosen_action(),
                  level=dialog.level.currentData() or "", reason=dialog.reason.text(), author=self.author, **plan) \
                .success(lambda _r: self._propose()).failure(self._refused).run()

        dialog.accepted.connect(decided)
        dialog.open()
        return dialog

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, ResponseRefused):
            warn(self, QCoreApplication.translate("Plans", "Not decided"), refusal_text(exc.code))
        else:
            show_write_error(self, exc)
        self._propose()
