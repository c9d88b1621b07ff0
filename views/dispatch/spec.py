"""调度台 as the main window sees it (views/common/panels.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import INCIDENT_SELECTED, OVERDUE_ORDERS, PanelSpec


def _create(ctx, window):
    from views.dispatch.board import DispatchBoard

    return DispatchBoard(ctx.dispatch, ctx.incidents, ctx.runner, ctx.relay, resources=ctx.resources,
                         author=ctx.operator, tz=ctx.tz, notices=ctx.notices, contacts=ctx.contacts,
                         positions=getattr(ctx, "positions", None), parent=window)


PANEL = PanelSpec(
    "dispatch", lambda: QCoreApplication.translate("MainWindow", "Dispatch"), _create, shortcut="Ctrl+4",
    placement={2: (0, 0), 3: (0, 0)},
    offers={OVERDUE_ORDERS: "sig_overdue"},
    needs={INCIDENT_SELECTED: "set_incident"},
)
