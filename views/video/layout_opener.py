"""Opens a video wall on a saved layout (布局方案) as soon as its cameras are in
the catalog: on a fresh workstation they arrive with the first exchange with
the platform, a few seconds after the window is up."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from services.video.presets import PresetError, WallPresets
from views.video.wall import LAYOUTS, VideoWall

RETRY_MS = 200  # camera changes come in bursts (a catch-up page)


class LayoutOpener(QObject):
    sig_opened = Signal(str)  # the layout's name, once all its cameras are on the wall

    def __init__(self, wall: VideoWall, presets: WallPresets, relay=None, parent: QObject | None = None):
        super().__init__(parent or wall)
        self.wall, self.presets = wall, presets
        self.name = ""
        self.shown = 0
        self._retry = QTimer(self, singleShot=True, interval=RETRY_MS)
        self._retry.timeout.connect(self._try)
        if relay is not None:
            relay.records("camera").sig_changed.connect(lambda *_: self.name and self._retry.start())

    def open(self, name: str) -> None:
        """Shows what of the layout is there now, and the rest as its cameras arrive."""
        self.name = name
        self._try()

    def _try(self) -> None:
        if not self.name:
            return
        try:
            preset = self.presets.load(self.name)
        except PresetError:
            self.name = ""  # unreadable: the panel says so when the officer picks it
            return
        if preset is None or preset.layout not in LAYOUTS:
            return
        found = len(self.wall.store.all(list(preset.cameras.values())))
        if found == self.shown and self.shown:
            return  # nothing new arrived: the tiles keep playing
        self.shown = self.wall.arrange(preset.layout, preset.cameras)
        if self.shown >= len(preset.cameras):
            name, self.name = self.name, ""
            self.sig_opened.emit(name)
