"""Application font and style sheet: CJK-capable font, readable sizes."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from services.paths import RESOURCES_DIR

STYLE = RESOURCES_DIR / "style.qss"
CJK_FONTS = ("Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC")


def apply_style(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    for family in CJK_FONTS:
        if family in families:
            font = QFont(family)
            font.setPointSize(10)
            app.setFont(font)
            break
    if STYLE.exists():
        app.setStyleSheet(STYLE.read_text(encoding="utf-8"))
