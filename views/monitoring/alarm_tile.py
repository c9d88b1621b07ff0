"""Open monitoring alarms in a small tile of their own, for the dashboard and the
commander's display (beside the roll call and who is on duty): how many are
open, per colour, the newest unacknowledged one, and how many are still
unacknowledged. Read-only; refreshed when alarms change (coalesced)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout

from services.monitoring.store import Alarm, StationStore
from views.common.gui_op import GuiOp
from views.monitoring import words
from widgets.plain_text import plain_label

COALESCE_MS = 250


@dataclass(frozen=True)
class OpenAlarms:
    by_colour: dict[str, int]
    unacknowledged: int
    newest: Alarm | None  # the newest unacknowledged, most urgent first


def read_open(store: StationStore) -> OpenAlarms:
    alarms = store.alarms(open_only=True)
    counts = dict.fromkeys(words.COUNTED, 0)
    for a in alarms:
        counts[words.colour_key(a.level)] = counts.get(words.colour_key(a.level), 0) + 1
    new = [a for a in alarms if a.state == "new"]
    newest = max(new, key=lambda a: (words.RANK.get(a.level, 0), a.raised_at), default=None)
    return OpenAlarms(counts, len(new), newest)


class AlarmTile(QFrame):
    sig_shown = Signal(object)  # OpenAlarms, once on screen

    def __init__(self, store: StationStore, runner, relay, *, tz: tzinfo, scale: float = 1.0, parent=None):
        super().__init__(parent)
        self.setObjectName("alarm_tile")
        self.store, self.runner, self.tz, self.scale = store, runner, tz, scale
        self.figures: OpenAlarms | None = None
        self._reading = self._again = False
        self.setStyleSheet(f"#alarm_tile {{ border: 1px solid #ccc; border-left: {int(6 * scale)}px solid"
                           f" #c62828; background: #fafafa; }}")
        self.caption = plain_label(self.tr("Monitoring alarms"))
        self.caption.setStyleSheet(f"color: #444; font-size: {int(11 * scale)}pt")
        self.counts = {}
        row = QHBoxLayout()
        row.setSpacing(int(10 * scale))
        for key in words.COUNTED:
            label = plain_label("–", objectName=f"alarm_tile_{key}")
            label.setStyleSheet(f"color: {words.COLOURS[key]}; font-size: {int(18 * scale)}pt; font-weight: bold")
            label.setToolTip(words.level_name(key))
            self.counts[key] = label
            row.addWidget(label)
        row.addStretch(1)
        self.detail = plain_label(objectName="alarm_tile_detail", wordWrap=True)
        self.detail.setStyleSheet(f"color: #555; font-size: {int(9 * scale)}pt")
        box = QVBoxLayout(self)
        box.setContentsMargins(int(8 * scale), int(4 * scale), int(8 * scale), int(4 * scale))
        box.setSpacing(0)
        box.addWidget(self.caption)
        box.addLayout(row)
        box.addWidget(self.detail)
        self._soon = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._soon.timeout.connect(self.refresh)
        relay.records("alarm").sig_changed.connect(lambda _ids: self._soon.start())

    def refresh(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        GuiOp(self, self.runner, read_open, self.store).as_read().success(self.show_figures) \
            .failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._reading = False
        self.detail.setText(self.tr("Alarms could not be read: %1").replace("%1", str(exc)))

    def show_figures(self, figures: OpenAlarms) -> None:
        self._reading = False
        self.figures = figures
        for key, label in self.counts.items():
            label.setText(f"{words.level_name(key)} {figures.by_colour.get(key, 0)}")
        if figures.newest is not None:
            a = figures.newest
            at = datetime.fromisoformat(a.raised_at).astimezone(self.tz).strftime("%H:%M")
            self.detail.setText(self.tr("%1 not acknowledged · newest %2 %3 at %4")
                                .replace("%1", str(figures.unacknowledged)).replace("%2", a.station_name)
                                .replace("%3", words.level_name(a.level)).replace("%4", at))
        elif sum(figures.by_colour.values()):
            self.detail.setText(self.tr("All acknowledged"))
        else:
            self.detail.setText(self.tr("No open alarms"))
        self.sig_shown.emit(figures)
        if self._again:
            self._again = False
            self._soon.start()
