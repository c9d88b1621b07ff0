"""The duty workstation's 指挥大屏 menu: put the selected incident on the wall's map
or card, a camera on tile N, a saved video layout; and, in the status bar, what
the wall reports it shows."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QLabel

from services.video.presets import PresetError
from services.wall.wire import MAX_TILE, WallCommand, WallReport


class WallPushMenu(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.link = None
        menu = window.menuBar().addMenu(self.tr("&Display"))
        self.actions: dict[str, QAction] = {}
        for key, text, keys, slot in (
            ("focus", self.tr("Show the selected incident on the display's map"), "Ctrl+Shift+M", self.push_focus),
            ("card", self.tr("Show the selected incident's card on the display"), "Ctrl+Shift+I", self.push_card),
            ("hide_card", self.tr("Hide the incident card on the display"), "", self.push_hide_card),
            ("camera", self.tr("Put the selected camera on a display tile…"), "Ctrl+Shift+V", self.push_camera),
            ("layout", self.tr("Switch the display's video wall to a saved layout…"), "Ctrl+Shift+L",
             self.push_layout),
        ):
            action = QAction(text, window, objectName=f"action_wall_{key}")
            if keys:
                action.setShortcut(QKeySequence(keys))
                action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.triggered.connect(slot)
            action.setEnabled(False)
            menu.addAction(action)
            self.actions[key] = action
        # It quotes the titles of the incidents the display shows: plain text.
        self.label = QLabel(self.tr("Display: not connected"), objectName="wall_report_label",
                            textFormat=Qt.TextFormat.PlainText)
        window.statusBar().addPermanentWidget(self.label)

    def set_link(self, link) -> None:
        self.link = link
        link.sig_report.connect(self.on_report)
        link.sig_problem.connect(self.on_problem)
        for action in self.actions.values():
            action.setEnabled(True)
        self.label.setText(self.tr("Display: waiting for its report"))

    # ---- pushing ---------------------------------------------------------------------

    def push(self, kind: str, **fields) -> WallCommand | None:
        if self.link is None:
            self._say(self.tr("No commander's display is connected to this workstation."))
            return None
        command = WallCommand(id=str(uuid.uuid4()), kind=kind, **fields)
        self.link.push(command)
        return command

    def _incident(self) -> str:
        incident = self.window.incident_log.current_incident
        if incident is None:
            self._say(self.tr("Select an incident in the log first."))
            return ""
        return incident.id

    def push_focus(self) -> WallCommand | None:
        incident_id = self._incident()
        return self.push("focus_incident", incident_id=incident_id) if incident_id else None

    def push_card(self) -> WallCommand | None:
        incident_id = self._incident()
        return self.push("show_incident_card", incident_id=incident_id) if incident_id else None

    def push_hide_card(self) -> WallCommand | None:
        return self.push("show_incident_card", incident_id="")

    def push_camera(self, _checked: bool = False, tile: int | None = None) -> WallCommand | None:
        camera_id = self.window.camera_catalog.selected_camera()
        if not camera_id:
            self._say(self.tr("Select a camera in the camera catalog first."))
            return None
        if tile is None:
            tile, ok = QInputDialog.getInt(self.window, self.tr("Camera to the display"),
                                           self.tr("Tile number on the display:"), 1, 1, MAX_TILE)
            if not ok:
                return None
        return self.push("show_camera", camera_id=camera_id, tile=tile)

    def push_layout(self, _checked: bool = False, name: str | None = None) -> WallCommand | None:
        presets = self.window.video_panel.presets
        names = presets.names() if presets is not None else []
        if name is None:
            if not names:
                self._say(self.tr("No saved video wall layouts yet: save one on the video wall first."))
                return None
            name, ok = QInputDialog.getItem(self.window, self.tr("Display layout"), self.tr("Saved layout:"),
                                            names, 0, False)
            if not ok:
                return None
        try:
            preset = presets.load(name) if presets is not None else None
        except PresetError:
            preset = None
        if preset is None:
            self._say(self.tr("The saved layout “%1” cannot be read.").replace("%1", name))
            return None
        return self.push("switch_layout", layout=preset.name, grid=preset.layout,
                         cameras={str(i + 1): cid for i, cid in preset.cameras.items()})

    # ---- what the wall says ----------------------------------------------------------

    def on_report(self, report: WallReport) -> None:
        shown = report.showing
        parts = []
        if shown.map_incident_title:
            parts.append(self.tr("map: %1").replace("%1", shown.map_incident_title))
        if shown.card_incident_title:
            parts.append(self.tr("card: %1").replace("%1", shown.card_incident_title))
        if shown.layout:
            parts.append(self.tr("layout %1").replace("%1", shown.layout))
        parts.append(self.tr("%1 cameras").replace("%1", str(len(shown.tiles))))
        self.label.setText(self.tr("Display shows %1").replace("%1", " · ".join(parts)))
        self.label.setStyleSheet("color: #b71c1c" if report.problem else "")
        if report.problem:
            self._say(self.tr("The display did not carry out the last command: %1").replace("%1", report.problem))

    def on_problem(self, problem: str) -> None:
        reason = self.window.problem_text(problem) or problem
        self._say(self.tr("The command did not reach the display (platform: %1).").replace("%1", reason))

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)
