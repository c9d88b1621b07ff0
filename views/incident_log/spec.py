"""The incident log as the main window sees it (views/common/panels.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import INCIDENT_SELECTED, INCIDENT_WANTED, NEW_INCIDENT_AT, PanelSpec


def _create(ctx, window):
    from views.incident_log.view import IncidentLogView

    return IncidentLogView(ctx.incidents, ctx.runner, ctx.relay, author=ctx.operator, tz=ctx.tz,
                           report_annex=ctx.checklists.steps, parent=window)


PANEL = PanelSpec(
    "incidents", lambda: QCoreApplication.translate("MainWindow", "Incidents"), _create, shortcut="Ctrl+1",
    placement={2: (0, 0), 3: (0, 0)},
    offers={INCIDENT_SELECTED: "sig_incident_selected"},
    needs={INCIDENT_WANTED: "select_incident", NEW_INCIDENT_AT: "new_incident_at"},
)
