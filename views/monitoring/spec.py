"""监测预警 as the main window sees it (views/common/panels.py): the alarm list,
the station chart and 监测站管理; the alarm list's and the station list's
selection shows its station's chart, and an alarm turned into an incident opens
in the log."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import INCIDENT_WANTED, STATION_WANTED, PanelSpec


def _intake(ctx):
    """(draft, parent) -> the call-intake form opened on the alarm's draft."""
    from views.incident_log.intake_dialog import IntakeDialog

    def open_intake(draft, parent):
        dialog = IntakeDialog(ctx.incidents, ctx.runner, ctx.operator, ctx.tz, parent)
        dialog.prefill(draft)
        dialog.show()
        return dialog

    return open_intake


def _alarms(ctx, window):
    from views.monitoring.alarm_panel import AlarmPanel

    panel = AlarmPanel(ctx.stations, ctx.alarms, ctx.runner, ctx.relay, tz=ctx.tz, operator=lambda: ctx.operator,
                       intake=_intake(ctx), parent=window)
    panel.refresh()
    return panel


def _platform_request(window):
    """The sync engine's authenticated request once the window has one (attach_sync), else None."""
    def request():
        sync = getattr(getattr(window, "duty_wiring", None), "sync", None)
        engine = getattr(sync, "engine", None)
        return engine.request if engine is not None else None

    return request


def _chart(ctx, window):
    from views.monitoring.station_panel import StationPanel

    panel = StationPanel(ctx.stations, ctx.runner, ctx.relay, tz=ctx.tz, request=_platform_request(window),
                         window_days=ctx.config.monitoring_history_days, parent=window)
    panel.reload()
    return panel


def _station_admin(ctx, window):
    from services.input_checks import CHINA, Region
    from services.monitoring.contract import STATION_EDITORS
    from services.monitoring.station_editor import StationEditor
    from views.monitoring.station_admin import StationAdminPanel

    region = Region(*ctx.config.region) if ctx.config.region else CHINA
    editor = StationEditor(ctx.mirror, ctx.events, ctx.incidents.clock, region=region)
    # None: no platform account known yet (local use); the platform decides again on every op.
    panel = StationAdminPanel(ctx.stations, editor, ctx.runner, ctx.relay, tz=ctx.tz, region=region,
                              may_edit=lambda: ctx.duty.identity.role in (None, *STATION_EDITORS), parent=window)
    panel.reload()
    return panel


ALARMS = PanelSpec(
    "alarms", lambda: QCoreApplication.translate("MainWindow", "Monitoring alarms"), _alarms,
    shortcut="Ctrl+Shift+A", placement={2: (0, 0), 3: (0, 0)},
    offers={STATION_WANTED: "sig_station_wanted", INCIDENT_WANTED: "sig_incident_activated"},
)
STATIONS = PanelSpec(
    "stations", lambda: QCoreApplication.translate("MainWindow", "Station charts"), _chart,
    shortcut="Ctrl+Shift+G", placement={2: (0, 0), 3: (0, 0)},  # beside the alarm list; the map's screen stays the map's
    needs={STATION_WANTED: "show_station"},
)
STATION_ADMIN = PanelSpec(
    "station_admin", lambda: QCoreApplication.translate("MainWindow", "Station management"), _station_admin,
    shortcut="Ctrl+Shift+T", placement={2: (0, 0), 3: (0, 0)},
    offers={STATION_WANTED: "sig_station_wanted"},
)
