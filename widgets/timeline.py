"""An incident timeline shown as cards, oldest first.

A QTextBrowser rather than a list view with a delegate: cards of any height wrap
naturally, and officers can select and copy text from a report into a phone
call summary. Items are plain values, already translated by the caller."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

# style -> (strip colour, card background, colour of the kind label)
STYLES: dict[str, tuple[str, str, str]] = {
    "report": ("#c0392b", "#fdf1ef", "#b02a1e"),  # 首报 / 续报: they must stand out
    "final": ("#1e6b34", "#eef7f0", "#1e6b34"),  # 终报
    "call": ("#1f6fd1", "#f1f5fc", "#1f5fb0"),
    "note": ("#9e9e9e", "#f7f7f7", "#555555"),
    "status": ("#6a1b9a", "#f6f0fa", "#6a1b9a"),
    "system": ("#cfcfcf", "#ffffff", "#8a8a8a"),
    "dispatch": ("#00838f", "#eef8f9", "#00695c"),  # orders and their steps
}
PENDING_COLOURS = ("#fff3cd", "#8a5a00")
PICTURE_WIDTH = 320  # thumbnails of attached pictures, in pixels


@dataclass(frozen=True)
class TimelineItem:
    """One card. `style` picks the colours: report, final, call, note, status, system, dispatch."""

    key: str
    time: str
    kind: str
    style: str
    author: str
    body: str
    pending: bool = False
    picture: bytes = b""  # an attached PNG (a video snapshot), shown as a thumbnail


class TimelineView(QTextBrowser):
    def __init__(
        self, *, pending_text: str = "", empty_text: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._pending_text = pending_text
        self._empty_text = empty_text
        self._items: list[TimelineItem] = []
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setObjectName("timeline")
        self._render()

    def set_texts(self, *, pending_text: str, empty_text: str) -> None:
        self._pending_text, self._empty_text = pending_text, empty_text
        self._render()

    def items(self) -> list[TimelineItem]:
        return list(self._items)

    def set_items(self, items: Sequence[TimelineItem], *, keep_position: bool = False) -> None:
        """Shows `items`; with keep_position a reader scrolled up is not yanked down."""
        bar = self.verticalScrollBar()
        at_bottom = bar.value() >= bar.maximum() - 4
        old = bar.value()
        self._items = list(items)
        self._render()
        if keep_position and not at_bottom:
            bar.setValue(old)
        else:
            bar.setValue(bar.maximum())

    def clear_items(self) -> None:
        self.set_items([])

    def _render(self) -> None:
        if not self._items:
            self.setHtml(f'<p style="color:#888888">{html.escape(self._empty_text)}</p>')
            return
        for item in self._items:
            if item.picture:
                image = QImage.fromData(item.picture, "PNG")
                if not image.isNull():
                    self.document().addResource(QTextDocument.ResourceType.ImageResource,
                                                QUrl(f"picture:{item.key}"), image)
        self.setHtml("".join(self._card(item) for item in self._items))

    def _card(self, item: TimelineItem) -> str:
        strip, background, kind_colour = STYLES.get(item.style, STYLES["note"])
        emphasis = "font-weight:bold;" if item.style in ("report", "final") else ""
        parts = [
            f'<span style="color:{kind_colour};{emphasis}">{html.escape(item.kind)}</span>',
            f'&nbsp;&nbsp;<span style="color:#555555;white-space:nowrap">{html.escape(item.time)}</span>',
        ]
        if item.author:
            parts.append(
                f'&nbsp;&nbsp;<span style="color:#555555">{html.escape(item.author)}</span>'
            )
        if item.pending and self._pending_text:
            bg, fg = PENDING_COLOURS
            parts.append(
                f'&nbsp;&nbsp;<span style="background-color:{bg};color:{fg};white-space:nowrap">'
                f"&nbsp;{html.escape(self._pending_text)}&nbsp;</span>"
            )
        body = ""
        if item.body:
            text = html.escape(item.body).replace("\n", "<br/>")
            colour = "#777777" if item.style == "system" else "#1a1a1a"
            body = f'<br/><span style="color:{colour}">{text}</span>'
        if item.picture:
            body += f'<br/><img src="picture:{html.escape(item.key)}" width="{PICTURE_WIDTH}"/>'
        return (
            '<table width="100%" cellspacing="0" cellpadding="6" style="margin-bottom:6px">'
            f'<tr><td width="4" bgcolor="{strip}"></td>'
            f'<td bgcolor="{background}">{"".join(parts)}{body}</td></tr></table>'
        )
