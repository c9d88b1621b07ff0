"""Active warnings by colour (red first) for the dashboard and the commander's
display: four numbers in their colours, read off the GUI thread when warnings
change and every minute (they expire by the clock). Activating it asks for
the warnings panel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout

from services.warnings.contract import COLOURS
from views.common.gui_op import GuiOp
from views.warnings.labels import COLOUR_HEX, TEXT_ON, colour_name
from widgets.plain_text import make_plain

REFRESH_MS = 60_000
COALESCE_MS = 250


class WarningCountsTile(QFrame):
    sig_counts_shown = Signal(dict)
    sig_activated = Signal()

    def __init__(self, store, runner, relay, *, now: Callable[[], datetime], scale: float = 1.0, parent=None):
        super().__init__(parent)
        self.setObjectName("warning_tile")
        self.store, self.runner, self.now = store, runner, now
        self.counts: dict[str, int] | None = None
        self.setStyleSheet("#warning_tile { border: 1px solid #ccc; background: #fafafa; }")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.caption = QLabel(self.tr("Warnings in force"), objectName="warning_tile_caption")
        self.caption.setStyleSheet(f"color: #444; font-size: {int(11 * scale)}pt")
        self.values: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setSpacing(int(4 * scale))
        for col, colour in enumerate(COLOURS):
            value = QLabel("–", objectName=f"warning_count_{colour}", alignment=Qt.AlignmentFlag.AlignCenter)
            value.setStyleSheet(f"background: {COLOUR_HEX[colour][1]}; color: {TEXT_ON[colour]};"
                                f" font-size: {int(20 * scale)}pt; font-weight: bold; padding: {int(2 * scale)}px;"
                                f" border-radius: {int(3 * scale)}px")
            name = QLabel(colour_name(colour), alignment=Qt.AlignmentFlag.AlignCenter)
            name.setStyleSheet(f"color: #555; font-size: {int(9 * scale)}pt")
            make_plain(value, name)
            grid.addWidget(value, 0, col)
            grid.addWidget(name, 1, col)
            self.values[colour] = value
        make_plain(self.caption)
        box = QVBoxLayout(self)
        box.setContentsMargins(int(8 * scale), int(4 * scale), int(8 * scale), int(4 * scale))
        box.setSpacing(int(2 * scale))
        box.addWidget(self.caption)
        box.addLayout(grid)
        self._soon = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._soon.timeout.connect(self.refresh)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        relay.records("warning").sig_changed.connect(lambda *_: self._soon.start())

    def refresh(self) -> None:
        GuiOp(self, self.runner, self.store.counts_by_colour, self.now()).as_read().success(self.show_counts) \
            .failure(lambda _exc: self.caption.setText(self.tr("Warnings could not be read"))).run()

    def show_counts(self, counts: dict[str, int]) -> None:
        self.counts = {c: int(counts.get(c, 0)) for c in COLOURS}
        for colour, label in self.values.items():
            label.setText(str(self.counts[colour]))
        total = sum(self.counts.values())
        self.caption.setText(self.tr("Warnings in force: %1").replace("%1", str(total)) if total
                             else self.tr("No warning in force"))
        self.setToolTip(self.tr("Red %1 · orange %2 · yellow %3 · blue %4").replace("%1", str(self.counts["red"]))
                        .replace("%2", str(self.counts["orange"])).replace("%3", str(self.counts["yellow"]))
                        .replace("%4", str(self.counts["blue"])))
        self.sig_counts_shown.emit(self.counts)

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self.sig_activated.emit()
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sig_activated.emit()
            return
        super().keyPressEvent(event)
