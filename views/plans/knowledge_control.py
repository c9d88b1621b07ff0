"""The plans panel's knowledge side, kept apart from its library and response
code: the 知识检索 tab (plan and regulation texts searched together on the
task runner's readers), the regulation tab, and the administrator's editors
(新建预案 / 编辑预案, 新建法规 / 编辑法规), refused with a message for any
other role (the platform refuses their edits too)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt

from services.incidents.taxonomy import Taxonomy
from services.plans.knowledge import PLAN
from services.plans.regulations import RegulationStore
from services.plans.store import Plan, PlanStore
from views.common.event_relay import DomainEventRelay
from views.common.messages import warn
from views.common.task_runner import TaskRunner
from views.plans.knowledge import KnowledgeSearch, RegulationView
from views.plans.plan_editor import PlanEditor
from views.plans.regulation_editor import RegulationEditor


class KnowledgeControl(QObject):
    def __init__(self, panel, plans: PlanStore, regulations: RegulationStore, runner: TaskRunner,
                 relay: DomainEventRelay, taxonomy: Taxonomy, may_edit: Callable[[], bool]):
        super().__init__(panel)
        self.panel, self.plans, self.regulations, self.runner = panel, plans, regulations, runner
        self.taxonomy, self.may_edit = taxonomy, may_edit
        self.search = KnowledgeSearch()
        self.view = RegulationView()
        panel.tabs.addTab(self.search, QCoreApplication.translate("Plans", "&Knowledge search"))
        panel.tabs.addTab(self.view, QCoreApplication.translate("Plans", "Re&gulation"))
        self.search.sig_search.connect(self.run_search)
        self.search.sig_open.connect(self.open_hit)
        self.search.sig_new_regulation.connect(lambda: self.edit_regulation(""))
        self.view.sig_edit.connect(self.edit_regulation)
        panel.detail.sig_regulation_activated.connect(self.show_regulation)
        relay.records("regulation").sig_changed.connect(self._changed)
        relay.records("plan").sig_changed.connect(lambda *_: self.search.box.text() and self.search.timer.start())

    # ---- reading ---------------------------------------------------------------------------
    def run_search(self, term: str) -> None:
        self.runner.read(self.regulations.search, term, on_done=lambda hits: self.search.show_hits(term, hits),
                         owner=self)

    def open_hit(self, kind: str, record_id: str) -> None:
        if kind == PLAN:
            self.panel.show_plan_id(record_id)
            self.panel.tabs.setCurrentWidget(self.panel.detail)
        else:
            self.show_regulation(record_id)

    def show_regulation(self, regulation_id: str) -> None:
        def work():
            regulation = self.regulations.get(regulation_id)
            titles = {p.id: p.title for p in self.plans.list()} if regulation is not None else {}
            return regulation, titles

        self.runner.read(work, on_done=lambda result: self._show(*result), owner=self)

    def _show(self, regulation, titles) -> None:
        if regulation is None:
            return
        self.view.show_regulation(regulation, titles)
        self.view.edit_button.setEnabled(self.may_edit())
        self.panel.tabs.setCurrentWidget(self.view)
        self.view.text.setFocus()

    def _changed(self, ids: list) -> None:
        if self.search.box.text():
            self.search.timer.start()
        if self.view.regulation_id in ids:
            self.runner.read(lambda: (self.regulations.get(self.view.regulation_id),
                                      {p.id: p.title for p in self.plans.list()}),
                             on_done=lambda result: self.view.show_regulation(*result), owner=self)
        if self.panel.shown_plan:
            self.panel.show_plan_id(self.panel.shown_plan)

    # ---- editing (an administrator's) ------------------------------------------------------
    def refused(self) -> bool:
        if self.may_edit():
            return False
        warn(self.panel, QCoreApplication.translate("Plans", "Plans"), QCoreApplication.translate(
            "Plans", "Only an administrator creates and edits plans and regulations; this account reads them."),
            name="plans_refused")
        return True

    def edit_plan(self, plan: Plan | None) -> PlanEditor | None:
        if self.refused():
            return None
        dialog = PlanEditor(self.plans, self.runner, self.taxonomy, plan, self.panel)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self.panel.show_plan_id)
        dialog.open()
        return dialog

    def edit_regulation(self, regulation_id: str) -> None:
        """An empty id: a new regulation. Opens once the regulation and the plans are read."""
        if self.refused():
            return
        self.runner.read(lambda: (self.regulations.get(regulation_id) if regulation_id else None,
                                  self.plans.list()),
                         on_done=lambda result: self.open_regulation_editor(*result), owner=self)

    def open_regulation_editor(self, regulation, plans) -> RegulationEditor:
        dialog = RegulationEditor(self.regulations, self.runner, plans, regulation, self.panel)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_saved.connect(self.show_regulation)
        dialog.open()
        self.last_editor = dialog
        return dialog
