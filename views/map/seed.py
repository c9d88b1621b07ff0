"""预下载: while the link is up, the tiles of the area on screen (this zoom and
a few closer ones) are downloaded into the cache, with the size estimated
first and a progress bar that can cancel."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from services.maps.online import MAX_SEED_TILES, OnlineSource
from views.common.task_runner import TaskRunner

EXTRA_ZOOMS = 3


class _Progress(QObject):
    sig_progress = Signal(int, int)  # emitted on the download thread, shown on the GUI thread


class RegionSeeder(QObject):
    sig_finished = Signal(str)  # what to tell the officer

    def __init__(self, source: OnlineSource, runner: TaskRunner, parent: QWidget):
        super().__init__(parent)
        self.source, self.runner, self.parent_widget = source, runner, parent
        self._cancel = threading.Event()
        self._progress = _Progress(self)
        self.dialog: QProgressDialog | None = None

    def ask(self, box: tuple[float, float, float, float], zoom: int) -> bool:
        """Shows the estimate and starts on the officer's yes; False if declined or too big."""
        zmax = min(zoom + EXTRA_ZOOMS, self.source.config.max_zoom)
        count, size = self.source.estimate(box, zoom, zmax)
        if count > MAX_SEED_TILES:
            QMessageBox.warning(self.parent_widget, self.tr("Download area"),
                                self.tr("%1 tiles is too many: zoom in or choose a smaller area.")
                                .replace("%1", f"{count:,}"))
            return False
        question = self.tr("Download about %1 tiles (about %2 MB) for zoom levels %3 to %4?") \
            .replace("%1", f"{count:,}").replace("%2", f"{size / 1e6:.1f}") \
            .replace("%3", str(zoom)).replace("%4", str(zmax))
        answer = QMessageBox.question(self.parent_widget, self.tr("Download area"), question)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        self.start(box, zoom, zmax, count)
        return True

    def start(self, box, zmin: int, zmax: int, count: int) -> None:
        self.dialog = QProgressDialog(self.tr("Downloading tiles…"), self.tr("Cancel"), 0, count,
                                      self.parent_widget)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self._cancel.set)
        self._progress.sig_progress.connect(self._on_progress)
        emit = self._progress.sig_progress.emit
        self.runner.read(self.source.seed, box, zmin, zmax, emit, self._cancel.is_set,
                         on_done=self._done, on_error=self._failed, owner=self.parent_widget)

    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(total)
            self.dialog.setValue(done)

    def _done(self, counts: tuple[int, int]) -> None:
        fetched, failed = counts
        self._close()
        text = self.tr("%1 tiles downloaded, %2 failed.").replace("%1", str(fetched)).replace("%2", str(failed))
        if self._cancel.is_set():
            text = self.tr("Cancelled: ") + text
        self.sig_finished.emit(text)

    def _failed(self, exc: object) -> None:
        self._close()
        self.sig_finished.emit(self.tr("Download failed: %1").replace("%1", str(exc)))

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.deleteLater()
            self.dialog = None
