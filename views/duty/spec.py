"""值班 as the main window sees it (views/common/panels.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import PanelSpec

DUTY_SIGNED_IN = "duty_signed_in"  # (SignIn, account, password) an officer took over at this workstation


def _create(ctx, window):
    from views.duty.panel import DutyPanel

    panel = DutyPanel(ctx.duty, ctx.contacts, ctx.runner, ctx.relay, tz=ctx.tz, author=ctx.operator,
                      site_name=ctx.config.site_name, parent=window)
    panel.refresh()
    return panel


PANEL = PanelSpec(
    "duty", lambda: QCoreApplication.translate("MainWindow", "Duty roster"), _create, shortcut="Ctrl+7",
    placement={2: (0, 0), 3: (0, 0)},
    offers={DUTY_SIGNED_IN: "sig_signed_in"},
)
