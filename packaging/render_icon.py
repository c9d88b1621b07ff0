"""Renders packaging/icon.svg to a PNG of the given size (packaging/build.sh): the
hicolor 256x256 icon desktops without SVG support show."""

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

if __name__ == "__main__":
    source, target, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    app = QGuiApplication(sys.argv[:1])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(source).render(painter)
    painter.end()
    from pathlib import Path

    Path(target).parent.mkdir(parents=True, exist_ok=True)
    if not image.save(target):
        raise SystemExit(f"cannot write {target}")
