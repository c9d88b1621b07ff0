"""处置流程 as the main window sees it (views/common/panels.py): it follows the
incident log's selection and shows that incident's checklist."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import INCIDENT_SELECTED, PanelSpec


def _create(ctx, window):
    from views.incident_log.dialogs import IncidentDialogs
    from views.plans.checklist_actions import run_action
    from views.plans.checklist_report import StepReports
    from views.plans.checklist_view import ChecklistPanel

    def act(step):
        return run_action(step, checklists=ctx.checklists, dispatch=ctx.dispatch, notices=ctx.notices,
                          author=ctx.operator, conferences=ctx.conferences, contacts=ctx.contacts,
                          incident_title=lambda incident_id: ctx.incidents.get(incident_id).title)

    dialogs = IncidentDialogs(ctx.incidents, ctx.runner, author=ctx.operator, tz=ctx.tz, annex=ctx.checklists.steps,
                              parent=window)
    reports = StepReports(dialogs, ctx.checklists, ctx.runner, ctx.operator)
    return ChecklistPanel(ctx.checklists, ctx.runner, ctx.relay, author=ctx.operator, clock=ctx.incidents.clock,
                          act=act, report=reports.start, parent=window)


PANEL = PanelSpec(
    "checklist", lambda: QCoreApplication.translate("MainWindow", "Checklist"), _create, shortcut="Ctrl+0",
    placement={2: (0, 0), 3: (0, 0)},
    needs={INCIDENT_SELECTED: "set_incident"},
)
