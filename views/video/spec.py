"""The video wall and the camera catalog as the main window sees them (views/common/panels.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import CAMERA_WANTED, INCIDENT_POSITION, INCIDENT_SELECTED, SIDE, PanelSpec


def _wall(ctx, window):
    from services.video.presets import WallPresets
    from views.video.panel import VideoWallPanel

    return VideoWallPanel(ctx.cameras, window, tz=ctx.tz, decoder=ctx.config.video_decoder,
                          presets=WallPresets(ctx.mirror), incidents=ctx.incidents, author=ctx.operator,
                          runner=ctx.runner, relay=ctx.relay)


def _catalog(ctx, _window):
    from views.video.catalog_tree import CameraCatalogTree

    return CameraCatalogTree(ctx.cameras, ctx.runner, ctx.relay)


WALL = PanelSpec(
    "video", lambda: QCoreApplication.translate("MainWindow", "Video wall"), _wall, shortcut="Ctrl+3",
    placement={2: (1, 0), 3: (2, 0)},
    needs={CAMERA_WANTED: "show_camera", INCIDENT_SELECTED: "set_incident",
           INCIDENT_POSITION: "set_incident_position"},
    raised_by=(CAMERA_WANTED,),
)
CATALOG = PanelSpec(
    "cameras", lambda: QCoreApplication.translate("MainWindow", "Cameras"), _catalog, area=SIDE,
    offers={CAMERA_WANTED: "sig_camera_activated"},
)
