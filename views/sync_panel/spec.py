"""Refused operations as the main window sees them (views/common/panels.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import SIDE, PanelSpec


def _create(ctx, _window):
    from views.sync_panel.rejected_view import RejectedOpsView

    return RejectedOpsView(ctx.mirror, ctx.runner, ctx.relay, ctx.tz)


PANEL = PanelSpec("rejected", lambda: QCoreApplication.translate("MainWindow", "Refused operations"), _create,
                  area=SIDE)
