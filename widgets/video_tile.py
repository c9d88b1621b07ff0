"""One tile of the video wall: it paints the frames it is given itself, so the
overlays (camera name, state, clock, 演练 mark) and snapshots work the same
everywhere. It knows nothing of decoders: someone calls show_frame() with RGB32
pixels (bytes B, G, R, 0xff) from any thread and set_state() with a state and a reason."""

from __future__ import annotations

import threading
from datetime import datetime

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap, QRegion
from PySide6.QtWidgets import QWidget

STATE_COLOURS = {"connecting": "#1565c0", "live": "#2e7d32", "stalled": "#ef6c00", "lost": "#c62828",
                 "error": "#6a1b9a", "idle": "#616161"}


class VideoTile(QWidget):
    sig_frame_ready = Signal()  # a new frame waits (emitted from the decoding thread)
    sig_state = Signal(str, str)
    sig_double_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(160, 90)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.camera_name = ""
        self.hint = ""  # said in the middle of an empty tile: how to put a camera on it
        self.exercise = False
        self.tz = None  # the watch room's time zone for the clock (None: the machine's)
        self.state, self.reason = "idle", ""
        self.frames_painted = 0
        # A wall of many tiles sets this False and calls take_frame() from one timer,
        # so all tiles repaint in one composition per tick instead of one per frame.
        self.push_frames = True
        self._image: QImage | None = None
        self._image_bytes = b""
        self._fresh = False
        self._overlay: QPixmap | None = None
        self._overlay_key: tuple = ()
        self._pending: tuple[bytes, int, int, int] | None = None
        self._lock = threading.Lock()
        self.sig_frame_ready.connect(self._take_frame, Qt.ConnectionType.QueuedConnection)
        self.sig_state.connect(self._on_state, Qt.ConnectionType.QueuedConnection)
        self._clock = QTimer(self, interval=1000)
        self._clock.timeout.connect(self.update)
        self._clock.start()

    # ---- fed from any thread -----------------------------------------------------

    def show_frame(self, pixels: bytes, width: int, height: int, bytes_per_line: int) -> None:
        """Keeps only the newest frame: a busy GUI skips frames, it never queues them."""
        with self._lock:
            first = self._pending is None
            self._pending = (pixels, width, height, bytes_per_line)
        if first and self.push_frames:
            self.sig_frame_ready.emit()

    def set_state(self, state: str, reason: str = "") -> None:
        self.sig_state.emit(state, reason)

    # ---- on the GUI thread ---------------------------------------------------------

    def take_frame(self) -> None:
        """On the GUI thread: shows the newest frame that arrived, if any."""
        self._take_frame()

    def _take_frame(self) -> None:
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is None:
            return
        data, width, height, line = pending
        # The QImage paints straight from `data` (no copy, no conversion): keep it alive with it.
        self._image = QImage(data, width, height, line, QImage.Format.Format_RGB32)
        self._image_bytes = data
        self._fresh = True
        self.update()

    def _on_state(self, state: str, reason: str) -> None:
        self.state, self.reason = state, reason
        self.update()

    def state_text(self) -> str:
        return {
            "idle": self.tr("No camera"), "connecting": self.tr("Connecting"), "live": self.tr("Live"),
            "stalled": self.tr("Stalled"), "lost": self.tr("Signal lost"), "error": self.tr("Error"),
        }.get(self.state, self.state)

    def reason_text(self) -> str:
        return {
            "unreachable": self.tr("cannot open the stream"), "interrupted": self.tr("the stream broke off"),
            "no_frames": self.tr("no pictures arrive"), "ended": self.tr("the stream ended"),
            "decoder": self.tr("the picture cannot be decoded"),
        }.get(self.reason, self.reason)

    def snapshot(self) -> QImage:
        """The tile as shown, overlays included (to attach to an incident's timeline)."""
        return self.grab().toImage()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        if self._image is None:
            painter.fillRect(self.rect(), QColor("#111"))
        else:
            target = self._target(self._image.size())
            for bar in (QRegion(self.rect()) - QRegion(target)):  # letterbox bars only, not under the picture
                painter.fillRect(bar, QColor("#111"))
            painter.drawImage(target, self._image)
            if self._fresh:  # repaints of the same picture (the clock, a resize) are not frames
                self.frames_painted += 1
                self._fresh = False
        painter.drawPixmap(0, 0, self._overlay_pixmap())

    def _target(self, image: QSize) -> QRect:
        """Where the picture goes: scaled to fit, but a picture within a few pixels of
        the tile (the decoder was asked for this size) is drawn as it is: a plain copy."""
        if abs(image.width() - self.width()) <= self.width() // 25 and \
                abs(image.height() - self.height()) <= self.height() // 25:
            size = image
        else:
            size = image.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(0, 0, size.width(), size.height())
        target.moveCenter(self.rect().center())
        return target

    def _overlay_pixmap(self) -> QPixmap:
        """The overlays change about once a second (the clock) but are painted with
        every frame: drawn once into a transparent pixmap and reused."""
        key = (self.size().toTuple(), self.camera_name, self.state, self.reason, self.exercise, self.hint,
               datetime.now(self.tz).strftime("%H:%M:%S"))
        if self._overlay is None or self._overlay_key != key:
            pixmap = QPixmap(self.size())
            pixmap.fill(Qt.GlobalColor.transparent)
            overlay_painter = QPainter(pixmap)
            self._overlays(overlay_painter)
            overlay_painter.end()
            self._overlay, self._overlay_key = pixmap, key
        return self._overlay

    def _overlays(self, painter: QPainter) -> None:
        small = QFont(self.font())
        small.setPixelSize(max(11, min(40, self.height() // 22)))  # readable on a wall, small on a desk
        painter.setFont(small)
        margin = 6
        bar = painter.fontMetrics().height() + 6
        painter.fillRect(0, 0, self.width(), bar, QColor(0, 0, 0, 140))
        painter.setPen(QColor("white"))
        painter.drawText(QRect(margin, 0, self.width() - 2 * margin, bar),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.camera_name)
        label = self.state_text()
        width = painter.fontMetrics().horizontalAdvance(label) + 12
        badge = QRect(self.width() - width - margin, 3, width, bar - 6)
        painter.fillRect(badge, QColor(STATE_COLOURS.get(self.state, "#616161")))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, label)
        painter.drawText(QRect(margin, self.height() - bar, self.width() - 2 * margin, bar),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                         datetime.now(self.tz).strftime("%Y-%m-%d %H:%M:%S"))
        if self.state in ("lost", "error", "stalled") and self.reason:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, f"{label}\n{self.reason_text()}")
        if self.state == "idle" and not self.camera_name and self.hint:
            painter.setPen(QColor("#9e9e9e"))
            painter.drawText(self.rect().adjusted(3 * margin, bar, -3 * margin, -bar),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.hint)
        if self.exercise:
            mark = QFont(self.font())
            mark.setPixelSize(max(16, self.height() // 8))
            mark.setBold(True)
            painter.setFont(mark)
            painter.setPen(QColor(255, 255, 255, 90))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("EXERCISE"))

    def mouseDoubleClickEvent(self, _event) -> None:  # noqa: N802
        self.sig_double_clicked.emit()
