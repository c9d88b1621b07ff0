"""A new red or orange warning inside the watch room's region pops up and
sounds like a roll call (views/rollcall): on top, large, in Chinese, once per
warning, acknowledged with Enter. Which warnings were acknowledged is kept in a
small file beside the mirror, so a restart does not sound them again; on the
very first start every warning already held counts as seen (no storm of
pop-ups from a freshly synced mirror)."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from datetime import datetime, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout

from services.paths import RESOURCES_DIR
from services.warnings.model import EarlyWarning
from views.common.gui_op import GuiOp
from views.warnings import labels
from widgets.alert_sound import AlertSound
from widgets.plain_text import plain_label

log = logging.getLogger(__name__)
SOUND = RESOURCES_DIR / "sounds" / "rollcall.wav"
LOUD = ("red", "orange")
KEEP = 2000  # acknowledged ids remembered


def in_region(warning: EarlyWarning, prefixes: tuple[str, ...] = (),
              box: tuple[float, float, float, float] | None = None) -> bool:
    """Inside the room's region: a division code under one of its prefixes, or a
    circle or polygon point in its box (min_lat, max_lat, min_lon, max_lon). With
    neither configured, every warning is the room's."""
    if not prefixes and box is None:
        return True
    for area in warning.areas:
        if prefixes and any(code.startswith(p) for code in area.geocodes for p in prefixes):
            return True
        if box is not None:
            points = [(c.lat, c.lon) for c in area.circles] + [p for ring in area.polygons for p in ring]
            if any(box[0] <= lat <= box[1] and box[2] <= lon <= box[3] for lat, lon in points):
                return True
    return False


def loud(warning: EarlyWarning, now: datetime) -> bool:
    return warning.colour in LOUD and warning.msg_type != "Cancel" and warning.active(now)


class WarningPrompt(QDialog):
    sig_acknowledged = Signal(str)
    sig_open = Signal(str)

    def __init__(self, warning: EarlyWarning, tz: tzinfo, parent=None):
        super().__init__(parent)
        self.warning = warning
        self.setObjectName("warning_prompt")
        self.setWindowTitle(self.tr("New warning"))
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setMinimumWidth(560)
        line, fill = labels.COLOUR_HEX[warning.colour]
        self.setStyleSheet(f"#warning_prompt {{ background: #fff8e1; border: 6px solid {line}; }}")
        heading = plain_label(labels.level_name(warning.colour) + " · " + (warning.event or ""),
                              objectName="warning_prompt_heading", wordWrap=True)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading.setStyleSheet(f"font-size: 22pt; font-weight: bold; color: {labels.TEXT_ON[warning.colour]};"
                              f" background: {fill}; padding: 8px")
        headline = plain_label(warning.headline, objectName="warning_prompt_headline", wordWrap=True)
        headline.setStyleSheet("font-size: 14pt; font-weight: bold")
        areas = "、".join(a.description for a in warning.areas if a.description)
        details = plain_label(self.tr("%1 · in force until %2 · area: %3")
                              .replace("%1", warning.sender_name or warning.sender)
                              .replace("%2", labels.when(warning.expires, tz)).replace("%3", areas or "—"),
                              objectName="warning_prompt_details", wordWrap=True)
        instruction = plain_label(warning.instruction[:400], wordWrap=True)
        instruction.setVisible(bool(warning.instruction))
        self.ack_button = QPushButton(self.tr("Acknowledged (Enter)"), objectName="warning_ack_button")
        self.ack_button.setDefault(True)
        self.ack_button.setMinimumHeight(52)
        self.ack_button.setStyleSheet("font-size: 15pt; font-weight: bold")
        self.ack_button.clicked.connect(self._ack)
        self.open_button = QPushButton(self.tr("Acknowledge and open the card"), objectName="warning_open_button")
        self.open_button.clicked.connect(self._open)
        box = QVBoxLayout(self)
        for widget in (heading, headline, details, instruction, self.ack_button, self.open_button):
            box.addWidget(widget)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.ack_button.setFocus()

    def _ack(self) -> None:
        self.sig_acknowledged.emit(self.warning.id)
        self.accept()

    def _open(self) -> None:
        self.sig_acknowledged.emit(self.warning.id)
        self.sig_open.emit(self.warning.id)
        self.accept()

    def reject(self) -> None:  # Escape acknowledges too: the officer has seen it
        self._ack()


class WarningAlertWatcher(QObject):
    sig_prompted = Signal(str)
    sig_warning_wanted = Signal(str)

    def __init__(self, store, runner, relay, *, now: Callable[[], datetime], tz: tzinfo,
                 seen_file: Path | None = None, prefixes: tuple[str, ...] = (),
                 box: tuple[float, float, float, float] | None = None, window=None,
                 alert: AlertSound | None = None):
        super().__init__(window)
        self.store, self.runner, self.now, self.tz, self.window = store, runner, now, tz, window
        self.prefixes, self.box, self.seen_file = prefixes, box, seen_file
        self.alert = alert or AlertSound(SOUND, self)
        self.prompt: WarningPrompt | None = None
        self.seen: list[str] = []
        self._first = True
        if seen_file is not None and seen_file.exists():
            try:
                self.seen = [str(x) for x in json.loads(seen_file.read_text(encoding="utf-8"))][-KEEP:]
                self._first = False
            except (OSError, ValueError, TypeError):
                log.warning("acknowledged warnings file unreadable: %s", seen_file)
        self._soon = QTimer(self, singleShot=True, interval=100)
        self._soon.timeout.connect(self.refresh)
        relay.records("warning").sig_changed.connect(lambda *_: self._soon.start())

    def refresh(self) -> None:
        GuiOp(self, self.runner, self.store.active, self.now()).as_read().success(self._check).run()

    def _check(self, active: list[EarlyWarning]) -> None:
        now = self.now()
        if self._first:  # the first read: what the mirror already held is not new
            self._first = False
            if self.seen_file is not None:
                self._remember([w.id for w in active])
                return
        waiting = [w for w in active if loud(w, now) and w.id not in self.seen
                   and in_region(w, self.prefixes, self.box)]
        if self.prompt is None and waiting:
            waiting.sort(key=lambda w: (labels.colour_rank(w.colour), w.sent))
            self._open(waiting[0])

    def _open(self, warning: EarlyWarning) -> None:
        prompt = WarningPrompt(warning, self.tz, self.window)
        prompt.sig_acknowledged.connect(self._acknowledged)
        prompt.sig_open.connect(self.sig_warning_wanted)
        self.prompt = prompt
        prompt.show()
        prompt.raise_()
        prompt.activateWindow()
        self.alert.play()
        self.sig_prompted.emit(warning.id)

    def _acknowledged(self, warning_id: str) -> None:
        self._remember([warning_id])
        prompt, self.prompt = self.prompt, None
        if prompt is not None:
            prompt.deleteLater()
        self._soon.start()  # another may be waiting

    def _remember(self, ids: list[str]) -> None:
        self.seen = (self.seen + [i for i in ids if i not in self.seen])[-KEEP:]
        if self.seen_file is None:
            return
        try:
            tmp = self.seen_file.with_name(self.seen_file.name + ".part")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.seen, f)
            tmp.replace(self.seen_file)
        except OSError as exc:
            log.warning("acknowledged warnings not kept: %s", exc)
