"""一张图 as the main window sees it (views/common/panels.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import (
    CAMERA_WANTED,
    INCIDENT_POSITION,
    INCIDENT_SELECTED,
    INCIDENT_WANTED,
    NEW_INCIDENT_AT,
    RESOURCE_WANTED,
    WARNING_WANTED,
    PanelSpec,
)


def _create(ctx, window):
    from services.paths import FALLBACK_BASEMAP
    from views.map.panel import MapPanel

    return MapPanel(ctx.incidents, ctx.resources, ctx.runner, ctx.relay, library=ctx.tiles, cameras=ctx.cameras,
                    basemap=FALLBACK_BASEMAP, warnings=ctx.warnings, tz=ctx.tz, parent=window)


PANEL = PanelSpec(
    "map", lambda: QCoreApplication.translate("MainWindow", "Map"), _create, shortcut="Ctrl+2",
    placement={2: (1, 0), 3: (1, 0)},
    offers={NEW_INCIDENT_AT: "sig_new_incident_at", INCIDENT_WANTED: "sig_incident_opened",
            INCIDENT_POSITION: "sig_incident_focused", CAMERA_WANTED: "sig_camera_to_wall",
            WARNING_WANTED: "sig_warning_opened"},
    needs={INCIDENT_SELECTED: "focus_incident", RESOURCE_WANTED: "focus_resource"},
    raised_by=(RESOURCE_WANTED,),
)
