"""The 密级 badge: a small coloured tag with a level's name ("内部", "秘密"),
painted in front of a table cell's text or shown as a label on a card. Knows
nothing of services: it is given the text and the level's rank."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

# A cell's badge: its text ("" or None: no badge) and the level's rank (an int). Plain
# values, not a tuple, through Qt. Clear of widgets/badges.py's roles.
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 40
LEVEL_RANK_ROLE = Qt.ItemDataRole.UserRole + 41
PAD_X, MARGIN = 5, 4


def colours(rank: int) -> tuple[str, str]:
    """Background and text: 内部 a quiet slate, 秘密 red, anything higher darker still."""
    if rank <= 1:
        return "#4d5b69", "#ffffff"
    if rank == 2:
        return "#b00020", "#ffffff"
    return "#5c0011", "#ffffff"


def paint_badge(painter: QPainter, rect: QRect, text: str, rank: int, font: QFont) -> int:
    """Paints the badge at the left of `rect`; returns the width it took (with its margin)."""
    bold = QFont(font)
    bold.setBold(True)
    width = QFontMetrics(bold).horizontalAdvance(text) + 2 * PAD_X
    height = min(rect.height() - 4, QFontMetrics(bold).height() + 2)
    box = QRect(rect.left(), rect.top() + (rect.height() - height) // 2, width, height)
    background, foreground = colours(rank)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(background))
    painter.drawRoundedRect(box, 3, 3)
    painter.setPen(QColor(foreground))
    painter.setFont(bold)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return width + MARGIN


class LevelBadgeDelegate(QStyledItemDelegate):
    """A cell's display text with its record's level badge in front of it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:  # fmt: skip
        text_value = index.data(LEVEL_ROLE)
        if not text_value:
            super().paint(painter, option, index)
            return
        rank = index.data(LEVEL_RANK_ROLE) or 1
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(MARGIN, 0, -MARGIN, 0)
        rect.setLeft(rect.left() + paint_badge(painter, rect, str(text_value), int(rank), opt.font))
        painter.save()
        painter.setFont(opt.font)
        selected = opt.state & QStyle.StateFlag.State_Selected
        role = opt.palette.ColorRole.HighlightedText if selected else opt.palette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        elided = opt.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
        painter.restore()


class LevelBadge(QLabel):
    """The badge as a label (detail panes, cards); hidden for 公开."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("level_badge")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_level(self, text: str, rank: int) -> None:
        if not text or rank <= 0:
            self.hide()
            return
        background, foreground = colours(rank)
        self.setText(text)
        self.setStyleSheet(f"background: {background}; color: {foreground}; font-weight: bold;"
                           " border-radius: 3px; padding: 1px 6px;")
        self.show()
