"""Operations the platform refused, with its reasons, and records the platform
sent that this workstation could not use (services/sync/refusals.py). Nothing
is dropped silently: the officer copies the content, resends it, or discards it
after confirming; refused platform records are listed for support to follow up."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from services.sync import outbox_store, refusals
from services.sync.outbox_store import RejectedOp
from services.sync.refusals import Refusal
from views.common.gui_op import GuiOp
from widgets.empty_hint import EmptyHint
from widgets.plain_text import tooltip


class RejectedOpsView(QWidget):
    sig_changed = Signal()

    def __init__(self, mirror, runner, relay=None, tz=None, parent=None):
        super().__init__(parent)
        self.mirror, self.tz = mirror, tz
        self.runner = runner
        self.items: list[RejectedOp] = []
        self.refused: list[Refusal] = []
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._on_selection)
        layout.addWidget(self.list, 1)
        self.hint = EmptyHint(self.list, self.tr(
            "Operations the platform refuses appear here with its reason, to copy, correct and resend, or "
            "discard."))
        buttons = QHBoxLayout()
        self.copy_button = QPushButton(self.tr("Copy content"))
        self.resend_button = QPushButton(self.tr("Resend"))
        self.discard_button = QPushButton(self.tr("Discard…"))
        for button in (self.copy_button, self.resend_button, self.discard_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.copy_button.clicked.connect(self.on_copy)
        self.resend_button.clicked.connect(self.on_resend)
        self.discard_button.clicked.connect(self.on_discard)
        self.refused_title = QLabel(self.tr("Records from the platform this workstation could not use"))
        self.refused_title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.refused_title)
        self.refused_list = QListWidget(objectName="refused_records")
        layout.addWidget(self.refused_list, 1)
        self.refused_hint = EmptyHint(self.refused_list, self.tr(
            "Records the platform sends that fail this workstation's checks (a damaged or hostile value) are "
            "left out and listed here with the reason; everything else keeps arriving. Tell support."))
        if relay is not None:
            relay.records(refusals.REFUSED).sig_changed.connect(lambda _ids: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.runner.read(outbox_store.rejected, self.mirror, on_done=self._show, owner=self)
        self.runner.read(refusals.recent, self.mirror, on_done=self._show_refused, owner=self)

    def _show_refused(self, refused: list[Refusal]) -> None:
        self.refused = refused
        self.refused_list.clear()
        for r in refused:
            when = r.received_at.astimezone(self.tz).strftime("%Y-%m-%d %H:%M") if r.received_at else ""
            text = (self.tr("%1 %2 — not used: %3").replace("%1", r.entity).replace("%2", r.record_id[:40])
                    .replace("%3", r.reason))
            item = QListWidgetItem(f"{when}  {text}")
            item.setToolTip(tooltip(f"{r.entity} {r.record_id} (seq {r.seq})\n{r.reason}"))
            self.refused_list.addItem(item)

    def _show(self, items: list[RejectedOp]) -> None:
        self.items = items
        self.list.clear()
        for op in items:
            what = op.payload.get("title") or op.payload.get("body") or op.entity_id
            text = self.tr("%1 %2 — refused: %3").replace("%1", op.entity).replace("%2", str(what)[:60])
            item = QListWidgetItem(text.replace("%3", op.reason))
            item.setToolTip(tooltip(json.dumps(op.payload, ensure_ascii=False, indent=1)[:2000]))
            self.list.addItem(item)
        self.summary.setText(
            self.tr("No operations were refused.") if not items
            else self.tr("%1 operations were refused by the platform. Read the reason, then "
                         "copy and correct the content, resend, or discard.").replace("%1", str(len(items)))
        )
        self._on_selection(self.list.currentRow())
        self.sig_changed.emit()

    def _current(self) -> RejectedOp | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _on_selection(self, _row: int) -> None:
        has = self._current() is not None
        for button in (self.copy_button, self.resend_button, self.discard_button):
            button.setEnabled(has)

    def on_copy(self) -> None:
        op = self._current()
        if op is not None:
            QGuiApplication.clipboard().setText(json.dumps(op.payload, ensure_ascii=False, indent=2))

    def on_resend(self) -> None:
        op = self._current()
        if op is not None:
            GuiOp(self, self.runner, outbox_store.requeue_rejected, self.mirror, op.op_id) \
                .success(lambda _: self.refresh()).run()

    def on_discard(self) -> None:
        op = self._current()
        if op is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Discard operation"),
            self.tr("Discard this refused operation? It will not be sent again. Copy its content "
                    "first if you still need it."),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Discard:
            GuiOp(self, self.runner, outbox_store.discard_rejected, self.mirror, op.op_id) \
                .success(lambda _: self.refresh()).run()



