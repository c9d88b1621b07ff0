"""交班 and 接班 in one dialog. Handing over: the package the program built from
the shift's records, plus what the officer adds (待办, 设备故障, 领导批示), then
交班. Taking over: each item confirmed, or questioned with a note; 接班完成
once none is left to confirm (a closed handover stays closed). Either way the
record prints or exports as PDF in the incident reports' look."""

from __future__ import annotations

import os
from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from services.duty.contract import BY_HAND, HandoverState, ItemKind, ItemState
from services.duty.handover import HandoverService
from services.duty.model import Handover, HandoverItem, Shift
from views.audit import trail as audit_trail
from views.common.gui_op import GuiOp
from views.duty.handover_document import build_html, file_stem, item_due
from views.duty.messages import duty_error_text, item_kind_name, item_state_name
from views.incident_log.dialogs import write_file_atomic
from views.incident_log.report_pdf import RenderError, pdf_bytes, print_report, report_fonts
from widgets.plain_text import plain_label, tooltip

ID_ROLE = Qt.ItemDataRole.UserRole
STATE_COLOURS = {ItemState.CONFIRMED: "#1b7f2a", ItemState.QUESTIONED: "#c00000", ItemState.PENDING: "#b26b00"}


def build_package(handovers: HandoverService, shift: Shift) -> list[HandoverItem]:
    """On a reader: the package of `shift` as of now."""
    return handovers.build(shift)


class HandoverDialog(QDialog):
    sig_changed = Signal(object)  # the Handover after a hand-over, a confirmation or the close

    def __init__(self, handovers: HandoverService, runner, *, tz: tzinfo, author: str, site_name: str = "",
                 shift: Shift | None = None, handover: Handover | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("duty_handover_dialog")
        self.handovers, self.runner, self.tz, self.author, self.site_name = handovers, runner, tz, author, site_name
        self.shift, self.handover = shift, handover
        self.items: list[HandoverItem] = []
        self.resize(900, 640)
        self.heading = plain_label(objectName="handover_heading", wordWrap=True)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold")
        self.tree = QTreeWidget(objectName="handover_items")
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Deadline / details"), self.tr("State"), self.tr("Note")])
        self.tree.setColumnWidth(0, 360)
        self.tree.setColumnWidth(1, 230)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        # handing over: the officer's own items
        self.kind = QComboBox(objectName="handover_kind")
        for kind in (ItemKind.TODO, ItemKind.FAULT, ItemKind.INSTRUCTION):
            self.kind.addItem(item_kind_name(kind), kind.value)
        self.text = QLineEdit(objectName="handover_text", placeholderText=self.tr("what the next shift must know or do"))
        self.add_button = QPushButton(self.tr("Add"), objectName="handover_add")
        self.add_button.clicked.connect(self.on_add)
        self.remove_button = QPushButton(self.tr("Remove"), objectName="handover_remove")
        self.remove_button.clicked.connect(self.on_remove)
        self.hand_button = QPushButton(self.tr("Hand over"), objectName="handover_hand")
        self.hand_button.clicked.connect(self.on_hand_over)
        # taking over
        self.confirm_button = QPushButton(self.tr("Confirm selected"), objectName="handover_confirm")
        self.confirm_button.clicked.connect(self.on_confirm)
        self.question_button = QPushButton(self.tr("Question selected…"), objectName="handover_question")
        self.question_button.clicked.connect(self.on_question)
        self.close_button = QPushButton(self.tr("Take over (close)"), objectName="handover_close")
        self.close_button.clicked.connect(self.on_close)
        self.pdf_button = QPushButton(self.tr("Export PDF…"), objectName="handover_pdf")
        self.pdf_button.clicked.connect(lambda: self.on_pdf())
        self.print_button = QPushButton(self.tr("Print…"), objectName="handover_print")
        self.print_button.clicked.connect(self.on_print)
        self.message = plain_label(objectName="handover_message", wordWrap=True)
        adding = QHBoxLayout()
        for w in (self.kind, self.text, self.add_button, self.remove_button):
            adding.addWidget(w, 1 if w is self.text else 0)
        actions = QHBoxLayout()
        for w in (self.hand_button, self.confirm_button, self.question_button, self.close_button):
            actions.addWidget(w)
        actions.addStretch(1)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.print_button)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.tree, 1)
        box.addLayout(adding)
        box.addWidget(self.message)
        box.addLayout(actions)
        if handover is not None:
            self.show_handover(handover)
        elif shift is not None:
            self.heading.setText(self.tr("Hand over %1: building the package…").replace("%1", shift.label))
            self._mode(handing=True)
            GuiOp(self, runner, build_package, handovers, shift).as_read().success(self._built) \
                .failure(lambda exc: self.message.setText(duty_error_text(exc))).run()

    # ---- what it shows -------------------------------------------------------------

    def _mode(self, *, handing: bool) -> None:
        for w in (self.kind, self.text, self.add_button, self.remove_button, self.hand_button):
            w.setVisible(handing)
        for w in (self.confirm_button, self.question_button, self.close_button, self.pdf_button, self.print_button):
            w.setVisible(not handing)
        self.setWindowTitle(self.tr("Hand over the shift") if handing else self.tr("Shift handover record"))

    def _built(self, items: list[HandoverItem]) -> None:
        self.items = items
        self.heading.setText(self.tr("Hand over %1: %2 items from the shift's records. Add what else the next shift "
                                     "must know, then hand over.").replace("%1", self.shift.label)
                             .replace("%2", str(len(items))))
        self._fill(items)

    def show_handover(self, handover: Handover) -> None:
        self.handover = handover
        self._mode(handing=False)
        state = self.tr("taken over by %1").replace("%1", handover.closed_by) \
            if handover.state == HandoverState.CLOSED else self.tr("%1 items to confirm").replace(
                "%1", str(handover.outstanding))
        self.heading.setText(self.tr("Handover of %1 by %2 at %3: %4").replace("%1", handover.shift_label)
                             .replace("%2", handover.handed_over_by)
                             .replace("%3", handover.handed_over_at.astimezone(self.tz).strftime("%m-%d %H:%M"))
                             .replace("%4", state))
        self._fill(list(handover.items))
        closed = handover.state == HandoverState.CLOSED
        self.confirm_button.setEnabled(not closed)
        self.question_button.setEnabled(not closed)
        self.close_button.setEnabled(handover.closable)

    def _fill(self, items: list[HandoverItem]) -> None:
        self.tree.clear()
        for kind in ItemKind:
            mine = [i for i in items if i.kind == kind]
            if not mine:
                continue
            section = QTreeWidgetItem([f"{item_kind_name(kind)} ({len(mine)})"])
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = section.font(0)
            font.setBold(True)
            section.setFont(0, font)
            self.tree.addTopLevelItem(section)
            for item in mine:
                due = item_due(item, self.tz)
                row = QTreeWidgetItem([item.text, " ".join(x for x in (due, item.detail) if x),
                                       item_state_name(item.state), item.note])
                row.setData(0, ID_ROLE, item.id)
                row.setToolTip(0, tooltip(item.text))
                row.setToolTip(1, tooltip(item.detail))
                row.setForeground(2, QBrush(QColor(STATE_COLOURS[item.state])))
                if item.due_at and datetime.fromisoformat(item.due_at) < self.handovers.clock.now():
                    row.setForeground(1, QBrush(QColor("#c00000")))
                section.addChild(row)
            section.setExpanded(True)
        if not items:
            self.tree.addTopLevelItem(QTreeWidgetItem([self.tr("Nothing open: no item to hand over.")]))

    def selected_ids(self) -> list[str]:
        return [i.data(0, ID_ROLE) for i in self.tree.selectedItems() if i.data(0, ID_ROLE)]

    # ---- handing over ----------------------------------------------------------------

    def on_add(self) -> None:
        try:
            item = self.handovers.hand_item(ItemKind(self.kind.currentData()), self.text.text(), "", len(self.items),
                                            self.handovers.clock.now())
        except ValueError as exc:
            self.message.setText(duty_error_text(exc))
            return
        self.items.append(item)
        self.text.clear()
        self._fill(self.items)

    def on_remove(self) -> None:
        chosen = set(self.selected_ids())
        self.items = [i for i in self.items if not (i.id in chosen and i.kind in BY_HAND)]
        self._fill(self.items)

    def on_hand_over(self) -> None:
        self.message.setText(self.tr("Handing over…"))
        GuiOp(self, self.runner, self.handovers.hand_over, self.shift, self.items, self.author) \
            .success(self._changed).failure(self._refused).run()

    # ---- taking over -----------------------------------------------------------------

    def on_confirm(self) -> None:
        pending = {i.id for i in self.handover.items if i.state != ItemState.CONFIRMED}
        ids = [i for i in self.selected_ids() if i in pending]
        if ids:
            self._mark({i: (ItemState.CONFIRMED, "") for i in ids})

    def on_question(self) -> None:
        pending = {i.id for i in self.handover.items if i.state == ItemState.PENDING}
        ids = [i for i in self.selected_ids() if i in pending]
        if not ids:
            return
        note, ok = QInputDialog.getText(self, self.tr("Question the items"), self.tr("What is in question?"))
        if ok:
            self._mark({i: (ItemState.QUESTIONED, note) for i in ids})

    def _mark(self, marks: dict) -> None:
        GuiOp(self, self.runner, self.handovers.mark, self.handover.id, marks, self.author) \
            .success(self._changed).failure(self._refused).run()

    def on_close(self) -> None:
        GuiOp(self, self.runner, self.handovers.close, self.handover.id, self.author) \
            .success(self._changed).failure(self._refused).run()

    def _changed(self, handover: Handover) -> None:
        self.message.setText("")
        self.show_handover(handover)
        self.sig_changed.emit(handover)

    def _refused(self, exc: BaseException) -> None:
        self.message.setStyleSheet("color: #c00000")
        self.message.setText(duty_error_text(exc))

    # ---- paper -----------------------------------------------------------------------

    def html(self) -> str:
        body, heading = report_fonts()
        return build_html(self.handover, site_name=self.site_name, tz=self.tz, body_font=body, heading_font=heading)

    def on_pdf(self, path: str = "") -> None:
        if not path:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the handover as PDF"),
                                                        os.path.join(os.path.expanduser("~"),
                                                                     file_stem(self.handover) + ".pdf"),
                                                        self.tr("PDF files (*.pdf)"))
        if not path:
            return
        data, _pages = pdf_bytes(self.html(), exercise=False, title=self.handover.shift_label)
        GuiOp(self, self.runner, write_file_atomic, path, data).as_read() \
            .success(lambda _r: self._saved(path)) \
            .failure(lambda exc: self.message.setText(self.tr("The PDF could not be saved to %1: %2")
                                                      .replace("%1", path).replace("%2", str(exc)))).run()

    def _saved(self, path: str) -> None:
        audit_trail.exported(self, "handover_pdf", path, entity="handover", entity_id=self.handover.id)
        self.message.setText(self.tr("Saved to %1.").replace("%1", path))

    def on_print(self) -> None:
        try:
            if print_report(self, self.html(), exercise=False, title=self.handover.shift_label):
                audit_trail.printed(self, "handover", entity="handover", entity_id=self.handover.id)
        except RenderError:
            self.message.setText(self.tr("The printer could not be used; nothing was printed."))
