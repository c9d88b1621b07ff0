"""交接班记录: the room's handovers, newest first, found by any word of their
items, notes or names; one opens to confirm its items, to see it, or to print."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QDialog, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout

from services.duty.handover import HandoverService
from services.duty.model import Handover
from views.common.gui_op import GuiOp
from views.duty.messages import handover_state_name
from widgets.plain_text import plain_label, tooltip


class HistoryDialog(QDialog):
    sig_open = Signal(object)  # the Handover to open

    def __init__(self, handovers: HandoverService, runner, relay, *, tz: tzinfo, parent=None):
        super().__init__(parent)
        self.setObjectName("duty_history_dialog")
        self.handovers, self.runner, self.tz = handovers, runner, tz
        self.found: list[Handover] = []
        self.setWindowTitle(self.tr("Handover records"))
        self.resize(820, 480)
        self.search = QLineEdit(objectName="history_search", clearButtonEnabled=True,
                                placeholderText=self.tr("Find: any word of an item, a note or a name"))
        self.search.textChanged.connect(lambda: self._timer.start())
        self.table = QTableWidget(0, 5, objectName="history_table")
        self.table.setHorizontalHeaderLabels([self.tr("Shift"), self.tr("Handed over by"), self.tr("Taken over by"),
                                              self.tr("State"), self.tr("Items")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(lambda row, _col: self.open_row(row))
        self.count = plain_label(objectName="history_count")
        box = QVBoxLayout(self)
        box.addWidget(self.search)
        box.addWidget(self.table, 1)
        box.addWidget(self.count)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.reload)
        if relay is not None:  # a method, not a lambda: Qt disconnects it when the dialog is deleted
            relay.records("handover").sig_changed.connect(self._records_changed)
        self.reload()

    def _records_changed(self, _ids: list) -> None:
        self._timer.start()

    def reload(self) -> None:
        GuiOp(self, self.runner, self.handovers.history, self.search.text()).as_read().success(self._show).run()

    def _show(self, found: list[Handover]) -> None:
        self.found = found
        self.table.setRowCount(len(found))
        for n, h in enumerate(found):
            items = self.tr("%1 (%2 to confirm)").replace("%1", str(len(h.items))).replace("%2", str(h.outstanding))
            for col, text in enumerate((h.shift_label, h.handed_over_by, h.closed_by, handover_state_name(h.state),
                                        items)):
                cell = QTableWidgetItem(text)
                cell.setToolTip(tooltip(text))
                self.table.setItem(n, col, cell)
        self.table.resizeColumnsToContents()
        self.count.setText(self.tr("%1 handover records").replace("%1", str(len(found))) if found
                           else self.tr("No handover record found."))

    def open_row(self, row: int) -> None:
        if 0 <= row < len(self.found):
            self.sig_open.emit(self.found[row])
