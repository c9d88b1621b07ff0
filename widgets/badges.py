"""Coloured badges for item views: severity pill, deadline countdown, exercise tag.

These widgets know nothing of services: delegates read plain values from model
roles (strings, small tuples) and every text comes from the caller, already
translated. Colours follow the usual grading colours of emergency management
(I red, II orange, III yellow, IV blue)."""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

# Model roles the delegates read. Custom roles start above Qt.UserRole, which the
# generic table model uses for the row key.
SEVERITY_ROLE = Qt.ItemDataRole.UserRole + 1  # "I" | "II" | "III" | "IV" | anything else = ungraded
COUNTDOWN_ROLE = Qt.ItemDataRole.UserRole + 2  # Countdown or (state, text)
TAG_ROLE = Qt.ItemDataRole.UserRole + 3  # tag text to paint before the display text, "" = none

Index = QModelIndex | QPersistentModelIndex

SEVERITY_COLOURS: dict[str, tuple[str, str]] = {  # background, text
    "I": ("#c00000", "#ffffff"),
    "II": ("#e46c0a", "#ffffff"),
    "III": ("#d4a200", "#1a1a1a"),
    "IV": ("#1f6fd1", "#ffffff"),
}
UNGRADED_COLOURS = ("#8c8c8c", "#ffffff")

COUNTDOWN_COLOURS: dict[str, tuple[str, str]] = {
    "ok": ("#e3f1e6", "#1e6b34"),
    "near": ("#f0a202", "#2b1d00"),
    "overdue": ("#c00000", "#ffffff"),
}
EXERCISE_COLOURS = ("#6a1b9a", "#ffffff")

PAD_X = 6
MARGIN = 4


class Countdown(NamedTuple):
    """What a countdown cell shows: state 'ok' | 'near' | 'overdue' | '' and text."""

    state: str
    text: str


def paint_pill(
    painter: QPainter,
    rect: QRect,
    text: str,
    bg: str,
    fg: str,
    font: QFont,
    min_text_width: int = 0,
) -> int:
    """Paints a rounded pill at the left of `rect`; returns the width it took."""
    fm = QFontMetrics(font)
    width = max(fm.horizontalAdvance(text), min_text_width) + 2 * PAD_X
    height = min(rect.height() - 4, fm.height() + 4)
    pill = QRect(rect.left(), rect.top() + (rect.height() - height) // 2, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(bg))
    painter.drawRoundedRect(pill, height / 2.5, height / 2.5)
    painter.setPen(QColor(fg))
    painter.setFont(font)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
    return width


def pill_size(font: QFont, text: str, min_text_width: int = 0) -> QSize:
    fm = QFontMetrics(font)
    return QSize(
        max(fm.horizontalAdvance(text), min_text_width) + 2 * PAD_X + 2 * MARGIN, fm.height() + 8
    )


class _BadgeDelegate(QStyledItemDelegate):
    """Paints the item background (selection, hover) the style's way, then a pill."""

    def _background(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index
    ) -> QStyleOptionViewItem:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        return opt

    @staticmethod
    def _bold(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setBold(True)
        return font


class SeverityBadgeDelegate(_BadgeDelegate):
    """Severity pill; the role gives the grade code, DisplayRole the label to show."""

    def __init__(self, role: int = SEVERITY_ROLE, parent: QWidget | None = None):
        super().__init__(parent)
        self._role = role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = self._background(painter, option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        if not text:
            return
        bg, fg = SEVERITY_COLOURS.get(str(index.data(self._role) or ""), UNGRADED_COLOURS)
        paint_pill(painter, opt.rect.adjusted(MARGIN, 0, -MARGIN, 0), text, bg, fg, self._bold(opt))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        return pill_size(self._bold(option), text)


def countdown_of(value: Any) -> Countdown | None:
    """Accepts a Countdown or any (state, text) pair; None when there is nothing to show."""
    if not value:
        return None
    try:
        state, text = value
    except (TypeError, ValueError):
        return None
    return Countdown(str(state or ""), str(text or ""))


class DeadlineBadgeDelegate(_BadgeDelegate):
    """Countdown to a reporting deadline: grey-green, amber when near, red when overdue."""

    SAMPLE = "-00:00:00"  # keeps the pill from jittering as digits change

    def __init__(self, role: int = COUNTDOWN_ROLE, parent: QWidget | None = None):
        super().__init__(parent)
        self._role = role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = self._background(painter, option, index)
        countdown = countdown_of(index.data(self._role))
        if countdown is None or not countdown.text:
            return
        rect = opt.rect.adjusted(MARGIN, 0, -MARGIN, 0)
        colours = COUNTDOWN_COLOURS.get(countdown.state)
        if colours is None:  # no state: plain text, e.g. "—"
            painter.save()
            painter.setPen(
                opt.palette.color(
                    opt.palette.ColorRole.HighlightedText
                    if opt.state & QStyle.StateFlag.State_Selected
                    else opt.palette.ColorRole.Text
                )
            )
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, countdown.text
            )
            painter.restore()
            return
        font = self._bold(opt) if countdown.state != "ok" else QFont(opt.font)
        font.setStyleHint(QFont.StyleHint.Monospace)
        width = QFontMetrics(font).horizontalAdvance(self.SAMPLE)
        paint_pill(painter, rect, countdown.text, colours[0], colours[1], font, width)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        countdown = countdown_of(index.data(self._role))
        font = self._bold(option)
        width = QFontMetrics(font).horizontalAdvance(self.SAMPLE)
        return pill_size(font, countdown.text if countdown else "", width)


class ExerciseMark(QLabel):
    """A visible exercise (演练) tag, so drills are never mistaken for real incidents.

    As a widget it is a QLabel; `paint` draws the same tag inside a delegate."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName("exerciseMark")
        bg, fg = EXERCISE_COLOURS
        self.setStyleSheet(
            f"QLabel#exerciseMark {{ background: {bg}; color: {fg}; font-weight: bold;"
            f" border-radius: 3px; padding: 1px 6px; }}"
        )
        self.setSizePolicy(self.sizePolicy().Policy.Fixed, self.sizePolicy().Policy.Fixed)

    @staticmethod
    def paint(painter: QPainter, rect: QRect, text: str, font: QFont) -> int:
        """Paints the tag at the left of `rect`; returns the width used incl. a gap."""
        bold = QFont(font)
        bold.setBold(True)
        bg, fg = EXERCISE_COLOURS
        fm = QFontMetrics(bold)
        width = fm.horizontalAdvance(text) + 8
        height = min(rect.height() - 4, fm.height() + 2)
        tag = QRect(rect.left(), rect.top() + (rect.height() - height) // 2, width, height)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(bg))
        painter.drawRoundedRect(tag, 3, 3)
        painter.setPen(QColor(fg))
        painter.setFont(bold)
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
        return width + MARGIN

    @staticmethod
    def width_for(font: QFont, text: str) -> int:
        bold = QFont(font)
        bold.setBold(True)
        return QFontMetrics(bold).horizontalAdvance(text) + 8 + MARGIN


class TaggedTextDelegate(QStyledItemDelegate):
    """Display text with an optional tag (e.g. 演练) painted in front of it."""

    def __init__(self, role: int = TAG_ROLE, parent: QWidget | None = None):
        super().__init__(parent)
        self._role = role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        tag = str(index.data(self._role) or "")
        if not tag:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(MARGIN, 0, -MARGIN, 0)
        used = ExerciseMark.paint(painter, rect, tag, opt.font)
        rect.setLeft(rect.left() + used)
        painter.save()
        painter.setFont(opt.font)
        role = (
            opt.palette.ColorRole.HighlightedText
            if opt.state & QStyle.StateFlag.State_Selected
            else opt.palette.ColorRole.Text
        )
        painter.setPen(opt.palette.color(role))
        elided = QFontMetrics(opt.font).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        tag = str(index.data(self._role) or "")
        if tag:
            size.setWidth(size.width() + ExerciseMark.width_for(option.font, tag))
        return size


class SeverityPill(QLabel):
    """The severity badge as a widget, for headers and forms."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName("severityPill")
        self.set_severity("", "")

    def set_severity(self, code: str, text: str) -> None:
        bg, fg = SEVERITY_COLOURS.get(code, UNGRADED_COLOURS)
        self.setText(text)
        self.setVisible(bool(text))
        self.setStyleSheet(
            f"QLabel#severityPill {{ background: {bg}; color: {fg}; font-weight: bold;"
            f" border-radius: 8px; padding: 1px 8px; }}"
        )


class CountdownLabel(QLabel):
    """A deadline line coloured like the countdown badge (state 'ok'|'near'|'overdue'|'')."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setObjectName("countdownLabel")
        self.state = ""
        self.set_countdown("", "")

    def set_countdown(self, state: str, text: str) -> None:
        self.state = state
        self.setText(text)
        bg, fg = COUNTDOWN_COLOURS.get(state, ("transparent", "#555555"))
        weight = "bold" if state in ("near", "overdue") else "normal"
        self.setStyleSheet(
            f"QLabel#countdownLabel {{ background: {bg}; color: {fg}; font-weight: {weight};"
            f" border-radius: 3px; padding: 2px 6px; }}"
        )
