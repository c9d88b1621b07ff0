"""相似案例 as the main window sees it (views/common/panels.py): a side dock that
follows the incident log's selection and can open a case in the log."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import INCIDENT_SELECTED, INCIDENT_WANTED, SIDE, PanelSpec


def _create(ctx, _window):
    from services.cases.finder import CaseFinder
    from views.cases.view import CasesView

    return CasesView(CaseFinder(ctx.mirror), ctx.runner, tz=ctx.tz, relay=ctx.relay)


PANEL = PanelSpec(
    "cases", lambda: QCoreApplication.translate("MainWindow", "Similar cases"), _create, area=SIDE,
    shortcut="Ctrl+Shift+K",
    offers={INCIDENT_WANTED: "sig_incident_activated"},
    needs={INCIDENT_SELECTED: "show_incident"},
)
