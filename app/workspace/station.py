"""Opens the windows of a station profile: the duty workstation or backup laptop
(MainWindow, its panels placed by the workspace, and the commander's display in
this program when a screen is configured for it), or the commander's display."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QMainWindow

from app.composition import AppContext
from app.wall.display import CommanderWindow, scale_for
from app.wall.link import LocalWallLink
from app.wall.push_menu import WallPushMenu
from app.workspace.manager import Workspace
from app.workspace.screens import largest_screen, pick_screen, screens_in_order


@dataclass
class Station:
    window: QMainWindow  # the main window, or the display in the commander profile
    display: CommanderWindow | None
    workspace: Workspace
    push_menu: WallPushMenu | None = None

    def open_layout(self, name: str) -> None:
        """Every video wall of the station on a saved layout, as its cameras arrive."""
        if self.display is not None:
            self.display.open_layout(name)
        if self.display is not self.window:
            self.window.video_panel.open_layout(name)

    def video_stop(self) -> None:
        """Decoder threads end before their tiles go."""
        if self.display is not None:
            self.display.wall.stop_all()
        if self.display is not self.window:
            self.window.video_panel.wall.stop_all()
            self.window.conference_panel.stop_video()


def open_station(ctx: AppContext, panel: str = "incidents") -> Station:
    config = ctx.config
    folder = config.mirror_path.parent
    chosen = pick_screen(config.wall_screen)
    if config.profile == "commander":
        screen = chosen or largest_screen()
        display = CommanderWindow(ctx, scale=scale_for(screen.geometry().height()), wall_id=config.wall_id)
        workspace = Workspace(display, {}, "commander", folder, display_screen=chosen)
        workspace.start()
        return Station(display, display, workspace)
    from app.main_window import MainWindow

    window = MainWindow(ctx)
    display = None
    if chosen is not None and len(screens_in_order()) > 1:
        display = CommanderWindow(ctx, scale=scale_for(chosen.geometry().height()), wall_id=config.wall_id)
    workspace = Workspace(window, window.docks, config.profile, folder, wall=display, display_screen=chosen)
    window.attach_workspace(workspace)
    workspace.start()
    window.show_panel(panel)
    push_menu = WallPushMenu(window)
    if display is not None:
        push_menu.set_link(LocalWallLink(display, window))
    return Station(window, display, workspace, push_menu)
