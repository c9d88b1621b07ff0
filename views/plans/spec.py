"""预案 as the main window sees it (views/common/panels.py): it follows the
incident log's selection to propose plans for the incident."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import INCIDENT_SELECTED, PanelSpec


def _create(ctx, window):
    from views.plans.panel import PlansPanel

    panel = PlansPanel(ctx.plans, ctx.responses, ctx.incidents, ctx.runner, ctx.relay, author=ctx.operator,
                       may_edit=lambda: ctx.duty.identity.role in (None, "admin"), regulations=ctx.regulations,
                       parent=window)
    panel.reload()
    return panel


PANEL = PanelSpec(
    "plans", lambda: QCoreApplication.translate("MainWindow", "Plans"), _create, shortcut="Ctrl+9",
    placement={2: (0, 0), 3: (0, 0)},
    needs={INCIDENT_SELECTED: "set_incident"},
)
