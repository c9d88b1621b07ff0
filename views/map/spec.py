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
    STATION_WANTED,
    WARNING_WANTED,
    PanelSpec,
)


def _create(ctx, window):
    from services.paths import FALLBACK_BASEMAP
    from views.map.panel import MapPanel

    panel = MapPanel(ctx.incidents, ctx.resources, ctx.runner, ctx.relay, library=ctx.tiles, cameras=ctx.cameras,
                     basemap=FALLBACK_BASEMAP, warnings=ctx.warnings, tz=ctx.tz,
                     positions=getattr(ctx, "positions", None), orders_of=ctx.dispatch.active_for_target,
                     parent=window)
    from views.monitoring.map_layer import StationLayer

    stations = StationLayer(panel, ctx.stations, ctx.runner, ctx.relay, tz=ctx.tz)  # 监测站, coloured by level
    stations.sig_station_wanted.connect(panel.sig_station_wanted)
    stations.reload()
    return panel


PANEL = PanelSpec(
    "map", lambda: QCoreApplication.translate("MainWindow", "Map"), _create, shortcut="Ctrl+2",
    placement={2: (1, 0), 3: (1, 0)},
    offers={NEW_INCIDENT_AT: "sig_new_incident_at", INCIDENT_WANTED: "sig_incident_opened",
            INCIDENT_POSITION: "sig_incident_focused", CAMERA_WANTED: "sig_camera_to_wall",
            WARNING_WANTED: "sig_warning_opened", STATION_WANTED: "sig_station_wanted"},
    needs={INCIDENT_SELECTED: "focus_incident", RESOURCE_WANTED: "focus_resource"},
    raised_by=(RESOURCE_WANTED,),
)
