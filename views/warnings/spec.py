"""预警信息 as the main window sees it (views/common/panels.py): a side panel,
Ctrl+Shift+W (Ctrl+1..9 and Ctrl+0 are the main panels'). It also starts the
pop-up for new red and orange warnings of the room's region."""

from __future__ import annotations

import logging
from functools import partial

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

log = logging.getLogger(__name__)


def _create(ctx, window):
    from views.warnings.alert import WarningAlertWatcher
    from views.warnings.import_dialog import check_bounded
    from views.warnings.panel import WarningsPanel

    options = ctx.config.warnings  # [warnings] of the client config (app/warnings_config.py)
    sender = options.sender or ctx.config.site_code
    panel = WarningsPanel(ctx.warnings, ctx.warning_service, ctx.runner, ctx.relay, tz=ctx.tz,
                          now=ctx.incidents.clock.now, role=lambda: ctx.duty.identity.role, parent=window,
                          incidents=ctx.incidents, check=partial(check_bounded, ctx.warnings.known_ids, trust=ctx.config.warnings.trust),
                          export=exporter(options),
                          sender=sender, sender_name=ctx.config.site_name,
                          zone=ctx.config.timezone, author=ctx.operator)
    watcher = WarningAlertWatcher(ctx.warnings, ctx.runner, ctx.relay, now=ctx.incidents.clock.now, tz=ctx.tz,
                                  seen_file=ctx.config.mirror_path.parent / "warnings_acknowledged.json",
                                  prefixes=options.region_codes, box=ctx.config.region, window=window)
    watcher.sig_warning_wanted.connect(panel.show_warning)
    watcher.sig_warning_wanted.connect(lambda *_: window.show_panel("warnings"))
    panel.alert_watcher = watcher
    QTimer.singleShot(0, watcher.refresh)
    return panel


def exporter(options):
    """export_cap, signing with the centre's key and certificate when [warnings] names them."""
    from services.warnings.cap_export import export_cap
    from services.warnings.cap_sign import Signer

    if options.signing_key is None or options.signing_cert is None:
        return export_cap
    try:
        signer = Signer.from_files(options.signing_key, options.signing_cert)
    except (OSError, ValueError) as exc:
        log.error("warnings: the signing key or certificate cannot be used (%s); exports are unsigned", exc)
        return export_cap
    return partial(export_cap, signer=signer)


PANEL = PanelSpec(
    "warnings", lambda: QCoreApplication.translate("MainWindow", "Warnings"), _create, area=SIDE,
    shortcut="Ctrl+Shift+W",
    offers={INCIDENT_WANTED: "sig_incident_wanted", RESOURCE_WANTED: "sig_resource_wanted",
            CAMERA_WANTED: "sig_camera_wanted"},
    needs={INCIDENT_SELECTED: "set_incident", WARNING_WANTED: "show_warning"},
    raised_by=(WARNING_WANTED,),
)
