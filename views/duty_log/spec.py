"""值班日志 as the main window sees it (views/common/panels.py); its 值班日报…
button opens the daily report over the panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from views.common.panels import INCIDENT_WANTED, PanelSpec


def open_daily_report(ctx, parent):
    from views.duty_log.daily_dialog import DailyReportDialog

    dialog = DailyReportDialog(ctx.daily_reports, ctx.runner, tz=ctx.tz,
                               site_name=ctx.config.site_name or ctx.config.site_code, officer=ctx.operator,
                               parent=parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.build()
    return dialog


def _create(ctx, window):
    from views.duty_log.panel import DutyLogPanel

    panel = DutyLogPanel(ctx.duty_log, ctx.runner, ctx.relay, tz=ctx.tz, now=ctx.incidents.clock.now, parent=window)
    panel.sig_daily_report.connect(lambda: open_daily_report(ctx, panel))
    panel.reload()
    return panel


PANEL = PanelSpec(
    "duty_log", lambda: QCoreApplication.translate("MainWindow", "Duty log"), _create, shortcut="Ctrl+8",
    placement={2: (0, 0), 3: (0, 0)},
    offers={INCIDENT_WANTED: "sig_incident_activated"},
)
