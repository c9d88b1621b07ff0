"""调班: offering one's place on a shift (to a person from the 通讯录 or typed
in, as a substitution or an exchange for one of their shifts), and the list of
the room's swaps with their steps: accept, decline with a reason, approve or
not (值班长 / admin), withdraw, and undo an approved swap by a new one."""

from __future__ import annotations

from datetime import timedelta, tzinfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from services.contacts.store import PERSON
from services.duty.contract import SWAP_NEEDS_REASON, Person, SwapStatus, same_person
from services.duty.model import Cell, Swap
from services.duty.services import DutyServices
from views.common.gui_op import GuiOp
from views.contacts.picker import ContactPicker
from views.duty.messages import duty_error_text, post_name, swap_status_name
from widgets.empty_hint import EmptyHint
from widgets.plain_text import plain_label, tooltip

AHEAD_DAYS = 62


def cells_of_person(duty: DutyServices, person: Person, from_day) -> list[Cell]:
    """On a reader: the person's places on the roster over the coming weeks."""
    month = duty.roster.month(from_day, from_day + timedelta(days=AHEAD_DAYS))
    return sorted((c for c in month.cells.values() if same_person(c.person, person)), key=lambda c: c.start)


def swaps_with_cells(duty: DutyServices) -> list[tuple[Swap, Cell | None]]:
    """On a reader: the room's swaps, each with the place it is about."""
    return [(swap, duty.roster.cell(swap.entry_id)) for swap in duty.swaps.listed()]


class OfferSwapDialog(QDialog):
    def __init__(self, duty: DutyServices, contacts, runner, cell: Cell, label: str, author: str, parent=None):
        super().__init__(parent)
        self.setObjectName("duty_offer_swap_dialog")
        self.duty, self.runner, self.cell, self.author = duty, runner, cell, author
        self.setWindowTitle(self.tr("Offer a swap"))
        self.resize(520, 520)
        heading = plain_label(self.tr("%1 offers their place: %2 · %3").replace("%1", cell.person.name)
                              .replace("%2", label).replace("%3", post_name(cell.post)), wordWrap=True)
        heading.setStyleSheet("font-weight: bold")
        self.picker = ContactPicker(contacts, (PERSON,), self, placeholder=self.tr("Who takes it: find in the directory"))
        self.picker.sig_changed.connect(self._picked)
        self.contact_id = ""
        self.name = QLineEdit(objectName="swap_name")
        self.name.textEdited.connect(lambda: setattr(self, "contact_id", ""))
        self.name.editingFinished.connect(self._load_counter)
        self.phone = QLineEdit(objectName="swap_phone")
        self.counter = QComboBox(objectName="swap_counter")
        self.counter.addItem(self.tr("No exchange: they only take this place"), "")
        self.reason = QLineEdit(objectName="swap_reason")
        self.message = plain_label(objectName="swap_message", wordWrap=True)
        self.message.setStyleSheet("color: #c00000")
        form = QFormLayout()
        form.addRow(self.tr("Taken by"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("In exchange for"), self.counter)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.on_offer)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(self.picker, 1)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(buttons)

    def _picked(self) -> None:
        chosen = list(self.picker.chosen.values())
        if chosen:
            person = chosen[-1]
            self.picker.chosen = {person.id: person}
            self.name.setText(person.name)
            self.phone.setText(person.phone)
            self.contact_id = person.id
            self._load_counter()

    def _load_counter(self) -> None:
        person = Person(self.name.text(), self.phone.text(), self.contact_id)
        if person.empty:
            return
        GuiOp(self, self.runner, cells_of_person, self.duty, person, self.cell.day).as_read() \
            .success(self._show_counter).run()

    def _show_counter(self, cells: list[Cell]) -> None:
        while self.counter.count() > 1:
            self.counter.removeItem(1)
        for cell in cells:
            start = cell.start.astimezone(self.duty.room.zone)
            self.counter.addItem(f"{start:%m-%d %H:%M} {post_name(cell.post)}", cell.id)

    def on_offer(self) -> None:
        GuiOp(self, self.runner, self.duty.swaps.offer, self.cell.id,
              Person(self.name.text(), self.phone.text(), self.contact_id), self.reason.text(), self.author,
              counter_entry_id=self.counter.currentData() or "") \
            .success(lambda _swap: self.accept()).failure(lambda exc: self.message.setText(duty_error_text(exc))).run()


class SwapsDialog(QDialog):
    def __init__(self, duty: DutyServices, runner, relay, *, tz: tzinfo, author: str, parent=None):
        super().__init__(parent)
        self.setObjectName("duty_swaps_dialog")
        self.duty, self.runner, self.tz, self.author = duty, runner, tz, author
        self.swaps: list[Swap] = []
        self.setWindowTitle(self.tr("Swaps"))
        self.resize(860, 460)
        self.table = QTableWidget(0, 5, objectName="swaps_table")
        self.table.setHorizontalHeaderLabels([self.tr("Place"), self.tr("From"), self.tr("To"), self.tr("State"),
                                              self.tr("Steps")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.hint = EmptyHint(self.table, self.tr("No swaps yet. To offer one, right-click your place in the roster "
                                                  "and choose “Offer a swap…”; the person taking it accepts here, "
                                                  "and the duty chief approves."))
        self.message = plain_label(objectName="swaps_message", wordWrap=True)
        self.message.setStyleSheet("color: #c00000")
        row = QHBoxLayout()
        for status, text in ((SwapStatus.ACCEPTED, self.tr("Accept")), (SwapStatus.DECLINED, self.tr("Decline…")),
                             (SwapStatus.APPROVED, self.tr("Approve")), (SwapStatus.REJECTED, self.tr("Not approve…")),
                             (SwapStatus.WITHDRAWN, self.tr("Withdraw"))):
            button = QPushButton(text, objectName=f"swap_{status.value}")
            button.clicked.connect(lambda _=False, s=status: self.on_step(s))
            row.addWidget(button)
        undo = QPushButton(self.tr("Undo an approved swap…"), objectName="swap_reverse")
        undo.clicked.connect(self.on_reverse)
        row.addWidget(undo)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addWidget(self.message)
        box.addLayout(row)
        if relay is not None:  # a method, not a lambda: Qt disconnects it when the dialog is deleted
            relay.records("duty_swap").sig_changed.connect(self._records_changed)
        self.reload()

    def _records_changed(self, _ids: list) -> None:
        self.reload()

    def reload(self) -> None:
        GuiOp(self, self.runner, swaps_with_cells, self.duty).as_read().success(self._show).run()

    def _show(self, rows: list[tuple[Swap, Cell | None]]) -> None:
        self.swaps = [swap for swap, _cell in rows]
        self.table.setRowCount(len(rows))
        for n, (swap, cell) in enumerate(rows):
            place = f"{cell.start.astimezone(self.tz):%m-%d %H:%M} {post_name(cell.post)}" if cell else swap.entry_id
            steps = "；".join(f"{swap_status_name(s.status)} {s.by}" + (f"（{s.reason}）" if s.reason else "")
                             for s in swap.steps)
            texts = (place + (self.tr(" (exchange)") if swap.counter_entry_id else ""), swap.giver.name,
                     swap.taker.name, swap_status_name(swap.status), steps)
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(text))
                item.setData(Qt.ItemDataRole.UserRole, swap.id)
                self.table.setItem(n, col, item)
        self.table.resizeColumnsToContents()

    def current(self) -> Swap | None:
        row = self.table.currentRow()
        return self.swaps[row] if 0 <= row < len(self.swaps) else None

    def on_step(self, status: SwapStatus) -> None:
        swap = self.current()
        if swap is None:
            return
        reason = ""
        if status in SWAP_NEEDS_REASON:
            reason, ok = QInputDialog.getText(self, swap_status_name(status), self.tr("Reason"))
            if not ok:
                return
        self.message.setText("")  # an earlier refusal is not this step's
        GuiOp(self, self.runner, self.duty.swaps.step, swap.id, status, self.author, reason) \
            .success(lambda _s: self._done()).failure(lambda exc: self.message.setText(duty_error_text(exc))).run()

    def on_reverse(self) -> None:
        swap = self.current()
        if swap is None:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Undo an approved swap"), self.tr("Reason"))
        if ok:
            self.message.setText("")
            GuiOp(self, self.runner, self.duty.swaps.reverse, swap.id, reason, self.author) \
                .success(lambda _s: self._done()).failure(lambda exc: self.message.setText(duty_error_text(exc))).run()

    def _done(self) -> None:
        self.message.setText("")
        self.reload()
