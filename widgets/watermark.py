"""A see-through overlay with one large word across its parent (演练 on exercise
data); it never takes the mouse."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget


class Watermark(QWidget):
    def __init__(self, text: str, parent: QWidget):
        super().__init__(parent)
        self.text = text
        self.setObjectName("watermark")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        parent.installEventFilter(self)
        self.setGeometry(parent.rect())
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parent().rect())
        return False

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(24, min(self.width(), self.height()) // 4))
        painter.setFont(font)
        painter.setPen(QColor(200, 0, 0, 70))
        painter.translate(self.width() / 2, self.height() / 2)
        painter.rotate(-20)
        box = painter.fontMetrics().boundingRect(self.text)
        painter.drawText(-box.width() // 2, box.height() // 4, self.text)
        # A plain banner too, readable where the big word is hidden behind video.
        painter.resetTransform()
        banner = QFont(font)
        banner.setPixelSize(max(14, self.height() // 40))
        painter.setFont(banner)
        painter.setPen(QColor(200, 0, 0, 220))
        painter.drawText(self.rect().adjusted(0, 0, 0, -8), Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter,
                         self.text)
