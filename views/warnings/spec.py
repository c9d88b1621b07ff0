"""预警信息 as the main window sees it (views/common/panels.py): a side panel,
Ctrl+Shift+W (Ctrl+1..9 and Ctrl+0 are the main panels'). It also starts the
pop-up for new red and orange warnings of the room's region."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer

from views.common.panels import (
    CAMERA_WANTED,
    INCIDENT_SELECTED,
    INCIDENT_WANTED,
    RESOURCE_WANTED,
    SIDE,
    WARNING_WANTED,
    PanelSpec,
)


def _create(ctx, window):
    from services.warnings.cap_check import check_document
    from services.warnings.cap_export import export_cap
    from views.warnings.alert import WarningAlertWatcher
    from views.warnings.panel import WarningsPanel

    options = getattr(ctx.config, "warnings", None)  # [warnings] of the client config, when set
    sender = getattr(options, "sender", "") or ctx.config.site_code
    region_codes = tuple(getattr(options, "region_codes", ()) or ())
    panel = WarningsPanel(ctx.warnings, ctx.warning_service, ctx.runner, ctx.relay, tz=ctx.tz,
                          now=ctx.incidents.clock.now, role=lambda: ctx.duty.identity.role, parent=window,
                          incidents=ctx.incidents, check=check_document, export=export_cap,
                          sender=sender, sender_name=ctx.config.site_name,
                          zone=ctx.config.timezone, author=ctx.operator)
    watcher = WarningAlertWatcher(ctx.warnings, ctx.runner, ctx.relay, now=ctx.incidents.clock.now, tz=ctx.tz,
                                  seen_file=ctx.config.mirror_path.parent / "warnings_acknowledged.json",
                                  prefixes=region_codes, box=ctx.config.region, window=window)
    watcher.sig_warning_wanted.connect(panel.show_warning)
    watcher.sig_warning_wanted.connect(lambda *_: window.show_panel("warnings"))
    panel.alert_watcher = watcher
    QTimer.singleShot(0, watcher.refresh)
    return panel


PANEL = PanelSpec(
    "warnings", lambda: QCoreApplication.translate("MainWindow", "Warnings"), _create, area=SIDE,
    shortcut="Ctrl+Shift+W",
    offers={INCIDENT_WANTED: "sig_incident_wanted", RESOURCE_WANTED: "sig_resource_wanted",
            CAMERA_WANTED: "sig_camera_wanted"},
    needs={INCIDENT_SELECTED: "set_incident", WARNING_WANTED: "show_warning"},
    raised_by=(WARNING_WANTED,),
)
