"""Record text crafted to be markup, and how to tell what Qt makes of a string:
a QLabel, a tooltip or a message box renders rich text when its format says so,
or (AutoText, the default of labels and the only mode of tooltips) when the
text merely looks like HTML (Qt::mightBeRichText)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument

# Each would make an element if taken for markup; each is unique, so finding it
# raw inside rich text means a record's text became markup.
EVIL_NAME = '<img src=x onerror="window.__pwned=1">'
EVIL_TITLE = "<b>粗体</b><script>window.__pwned=2</script>"
EVIL_PLACE = '<a href="wall:spoof">点此</a><img src="/etc/passwd">'
EVILS = (EVIL_NAME, EVIL_TITLE, EVIL_PLACE)


def is_rich(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    if text_format == Qt.TextFormat.RichText:
        return True
    return text_format == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(text)


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """The characters a reader sees."""
    if not is_rich(text, text_format):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText().replace("\u2029", "\n").replace("\u2028", "\n")


def label_shows(label) -> str:
    return shown(label.text(), label.textFormat())


def tooltip_shows(value) -> str:
    """What a tooltip (a widget's or an item's ToolTipRole) shows."""
    return shown(value) if isinstance(value, str) else ""


def became_markup(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """True when rendered text holds one of the crafted strings as markup."""
    return is_rich(text, text_format) and any(evil in text for evil in EVILS)
