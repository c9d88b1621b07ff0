"""An alert the officer hears: a bundled WAV played with QSoundEffect where the
system has audio, the system bell otherwise (and on the offscreen platform,
where tests and screenshots run, nothing is loaded). `played` counts the
alerts, for tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

SILENT_PLATFORMS = ("offscreen", "minimal")


class AlertSound(QObject):
    def __init__(self, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.played = 0
        self._effect = None
        self._tried = False

    def play(self) -> None:
        self.played += 1
        effect = self._load()
        if effect is not None:
            effect.play()
        else:
            QApplication.beep()

    def _load(self):
        if self._tried:
            return self._effect
        self._tried = True
        if self.path is None or not self.path.exists() or QGuiApplication.platformName() in SILENT_PLATFORMS:
            return None
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # a Qt without its multimedia module: the bell will do
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(self.path)))
        effect.setVolume(0.9)
        self._effect = effect
        return effect
