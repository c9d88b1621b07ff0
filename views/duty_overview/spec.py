"""值班概况 as the main window sees it (views/common/panels.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import INCIDENT_WANTED, SIDE, PanelSpec


def _create(ctx, _window):
    from views.duty_overview.reminders import RemindersBox
    from views.duty_overview.view import DutyOverview

    view = DutyOverview(ctx.incidents, tz=ctx.tz, runner=ctx.runner, relay=ctx.relay)
    reminders = RemindersBox(ctx.reminders, ctx.runner, ctx.relay, operator=lambda: ctx.operator, tz=ctx.tz)
    view.add_section(reminders)
    view.refresh()
    reminders.refresh()
    return view


PANEL = PanelSpec(
    "overview", lambda: QCoreApplication.translate("MainWindow", "Duty overview"), _create, area=SIDE,
    offers={INCIDENT_WANTED: "sig_incident_activated"},
)
