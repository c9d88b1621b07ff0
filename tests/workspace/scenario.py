"""Runs a station profile on the offscreen platform's virtual screens and prints,
as JSON, where each window ended up. The workspace tests start it in a child
process, because the screens are fixed when the QApplication starts:

  QT_QPA_PLATFORM=offscreen:configfile=screens.json python -m tests.workspace.scenario FOLDER PROFILE [STEP ...]

Steps: `remove:NAME` / `add:NAME` change the screens while running (tests/workspace/screens.py);
`move:PANEL:SCREEN` moves a panel as the Window menu does; `default` lays the profile out again;
`push` sends the four wall commands to the display opened in this program;
`save` saves the layout; `shoot` saves a PNG per window in FOLDER."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")


def stale_tab_bars(window) -> list[list[str]]:
    """Tab bars painted in the window that show none of its current tab groups (or
    show one twice): leftovers of Qt's layout (app/workspace/manager.take_all)."""
    from PySide6.QtWidgets import QDockWidget, QTabBar

    groups = set()
    for dock in window.findChildren(QDockWidget):
        tabbed = window.tabifiedDockWidgets(dock) if dock.parent() is window and dock.isVisible() else []
        if tabbed:
            groups.add(frozenset([dock.windowTitle(), *(d.windowTitle() for d in tabbed)]))
    seen, stale = set(), []
    for bar in window.findChildren(QTabBar):
        if bar.parent() is not window or not bar.isVisible() or bar.count() == 0:
            continue  # an empty bar paints nothing
        tabs = frozenset(bar.tabText(i) for i in range(bar.count()))
        if tabs not in groups or tabs in seen:
            stale.append(sorted(tabs))
        seen.add(tabs)
    return stale


def window_facts(window, docks) -> dict:
    geo = window.geometry()
    screen = window.screen()
    return {"screen": screen.name() if screen is not None else "", "rect": [geo.x(), geo.y(), geo.width(), geo.height()],
            "visible": window.isVisible(), "full_screen": window.isFullScreen(), "maximized": window.isMaximized(),
            "panels": sorted(n for n, d in docks.items() if d.parent() is window and not d.isHidden()),
            "min_width": window.minimumSizeHint().width(), "stale_tab_bars": stale_tab_bars(window)}


def main(argv: list[str]) -> int:
    folder, profile, steps = Path(argv[0]), argv[1], argv[2:]
    from PySide6.QtWidgets import QApplication

    from widgets.map_view import register_schemes

    register_schemes()
    app = QApplication([])
    from app.i18n import install_language

    install_language(app, "zh_CN")
    from app.composition import build_context
    from app.config import AppConfig
    from app.workspace.station import open_station
    from tests.workspace.screens import set_screens, wait

    config = AppConfig(mirror_path=folder / "mirror.db", log_file=folder / "w.log", profile=profile,
                       wall_screen=os.environ.get("WALL_SCREEN", ""))
    ctx = build_context(config)
    station = open_station(ctx)
    wait(app, 1.5)
    out: dict = {"steps": {}}
    for step in steps:
        if step.startswith(("remove:", "add:")):
            action, name = step.split(":", 1)
            set_screens(app, action, name)
            wait(app, 1.0)
        elif step.startswith("move:"):
            _move, panel, name = step.split(":")
            station.workspace.move_panel(panel, next(s for s in app.screens() if s.name() == name))
            wait(app, 0.5)
        elif step == "default":
            station.workspace.apply_profile()
            wait(app, 0.5)
        elif step == "push":
            out["pushed"] = push_all(app, station)
        elif step == "save":
            station.workspace.save()
        elif step == "shoot":
            for window in station.workspace.windows():
                if window.isVisible():
                    window.grab().save(str(folder / f"{profile}-{window.objectName()}.png"))
        out["steps"][step] = {w.objectName(): window_facts(w, station.workspace.docks)
                              for w in station.workspace.windows()}
    out["windows"] = {w.objectName(): window_facts(w, station.workspace.docks) for w in station.workspace.windows()}
    out["screens"] = {s.name(): [s.geometry().x(), s.geometry().y(), s.geometry().width(), s.geometry().height()]
                      for s in app.screens()}
    print("RESULT " + json.dumps(out, ensure_ascii=False), flush=True)
    station.video_stop()
    station.workspace.closing = True
    import shiboken6

    for window in station.workspace.windows():
        shiboken6.delete(window)
    ctx.close()
    return 0


def push_all(app, station) -> dict:
    """The four commands through the push menu's link to the display in this program."""
    from tests.helpers import wait_until

    menu, display = station.push_menu, station.display
    reports = []
    menu.link.sig_report.connect(reports.append)
    from services.incidents.repository import IncidentQuery

    incident = station.window.ctx.incidents.list_page(IncidentQuery(), 0, 1)[0]
    log = station.window.incident_log
    log.select_incident(incident.id)
    wait_until(lambda: log.current_incident is not None and log.current_incident.id == incident.id, 10,
               what="the incident to open in the log (the menu pushes the open incident)")
    menu.push_focus()
    menu.push_card()
    camera = station.window.ctx.cameras.all()[0]
    menu.push("show_camera", camera_id=camera.id, tile=3)
    last = menu.push("switch_layout", layout="值班", grid="9", cameras={"1": camera.id, "5": camera.id})
    wait_until(lambda: reports and reports[-1].last_command_id == last.id, 10,
               what="the display's report of the last command")
    return {"reports": [r.model_dump() for r in reports], "card_visible": display.card.isVisible(),
            "card_incident": display.card.incident_id, "incident": incident.id, "camera": camera.id,
            "wall_layout": display.wall.layout_name, "label": menu.label.text()}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
