"""Text from records (names, titles, codes, addresses, reasons, what a platform
or a file said) is shown as text, never as markup.

Qt decides by looks whether a tooltip, an item's tooltip role, a message box or
a QLabel left at AutoText is rich text (Qt::mightBeRichText): a title such as
"<b>粗体</b>" or '<img src="/dev/zero">' would be rendered, its images loaded,
its links made clickable. So:

- a label that shows record text is made with plain_label() or given
  Qt.TextFormat.PlainText;
- a tooltip that quotes a record goes through tooltip(), which shows exactly
  the string it is given;
- rich text that quotes a record (a card, a report) escapes each piece with
  escape() and builds the markup around it.
"""

from __future__ import annotations

import html

from PySide6.QtGui import Qt  # QtGui's Qt namespace holds mightBeRichText
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def escape(text: object) -> str:
    """A value as rich text that shows exactly its characters (newlines included)."""
    return html.escape("" if text is None else str(text), quote=True).replace("\n", "<br/>")


def tooltip(text: object) -> str:
    """A tooltip (setToolTip, ToolTipRole) that shows exactly `text`. Text that
    Qt would not take for markup is returned as it is (plain tooltips keep their
    look); text that it would is escaped into a paragraph that keeps its line
    breaks and spaces."""
    value = "" if text is None else str(text)
    if not value or not Qt.mightBeRichText(value):
        return value
    return "<p style='white-space:pre-wrap'>" + html.escape(value, quote=False) + "</p>"


def plain_label(text: str = "", parent: QWidget | None = None, **properties) -> QLabel:
    """A QLabel that never renders markup (objectName, wordWrap ... as keywords)."""
    label = QLabel(text, parent, textFormat=Qt.TextFormat.PlainText, **properties)
    return label


def make_plain(*labels: QLabel) -> None:
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def message_box(icon: QMessageBox.Icon, title: str, text: str, parent: QWidget | None = None,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok) -> QMessageBox:
    """A QMessageBox whose text is plain (the static helpers leave it at AutoText)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
