"""态势概览 as the main window sees it (views/common/panels.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import INCIDENT_WANTED, PanelSpec


def _create(ctx, window):
    from views.dashboard.rollcall_status import RollCallStatusView
    from views.dashboard.view import DashboardView
    from views.duty.on_duty import add_on_duty

    view = DashboardView(ctx.dashboard, ctx.runner, ctx.relay, tz=ctx.tz)
    add_on_duty(view, ctx.duty.shifts, ctx.runner, ctx.relay, tz=ctx.tz)  # who is on duty, the next handover
    rollcalls = RollCallStatusView(ctx.rollcalls, ctx.runner, ctx.relay, tz=ctx.tz)
    view.add_duty_widget(rollcalls)
    view.warning_tile = add_warning_tile(view, ctx)  # active warnings by colour (views/warnings)
    view.warning_tile.sig_activated.connect(lambda: window.show_panel("warnings"))
    from views.monitoring.alarm_tile import AlarmTile

    alarms = AlarmTile(ctx.stations, ctx.runner, ctx.relay, tz=ctx.tz)  # 监测预警: open alarms per colour
    view.add_duty_widget(alarms)
    view.refresh()
    rollcalls.refresh()
    view.warning_tile.refresh()
    alarms.refresh()
    return view


def add_warning_tile(view, ctx, scale: float = 1.0):
    from views.warnings.tile import WarningCountsTile

    tile = WarningCountsTile(ctx.warnings, ctx.runner, ctx.relay, now=ctx.incidents.clock.now, scale=scale)
    view.add_duty_widget(tile)
    return tile


PANEL = PanelSpec(
    "dashboard", lambda: QCoreApplication.translate("MainWindow", "Dashboard"), _create, shortcut="Ctrl+6",
    placement={2: (0, 0), 3: (2, 1)},
    offers={INCIDENT_WANTED: "sig_incident_activated"},
)
