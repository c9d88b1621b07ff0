"""Choosing people, call groups or organisations from the 通讯录: a search box
(name, phone or pinyin initials) over a list with check boxes; what is ticked
stays ticked across searches."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from services.contacts.store import GROUP, ORG, Contact, ContactStore

ID_ROLE = Qt.ItemDataRole.UserRole


class ContactPicker(QWidget):
    sig_changed = Signal()

    def __init__(self, contacts: ContactStore, kinds: tuple[str, ...], parent=None, *, placeholder: str = ""):
        super().__init__(parent)
        self.contacts, self.kinds = contacts, kinds
        self.chosen: dict[str, Contact] = {}
        self._listed: dict[str, Contact] = {}
        self.search = QLineEdit(objectName="picker_search", clearButtonEnabled=True)
        self.search.setPlaceholderText(placeholder)
        self.search.textChanged.connect(lambda: self._timer.start())
        self.found = QListWidget(objectName="picker_found")
        self.found.itemChanged.connect(self._toggled)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search)
        box.addWidget(self.found)
        self._timer = QTimer(self, singleShot=True, interval=150)
        self._timer.timeout.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        term = self.search.text().strip()
        found = self.contacts.search(term, 200) if term else self.contacts.all()
        self.found.blockSignals(True)
        self.found.clear()
        for contact in [c for c in found if c.kind in self.kinds][:300]:
            item = QListWidgetItem(self.label(contact))
            item.setData(ID_ROLE, contact.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if contact.id in self.chosen else Qt.CheckState.Unchecked)
            self.found.addItem(item)
            self._listed[contact.id] = contact
        self.found.blockSignals(False)

    def label(self, contact: Contact) -> str:
        if contact.kind == GROUP:
            return self.tr("%1 (group of %2)").replace("%1", contact.name).replace("%2", str(len(contact.members)))
        if contact.kind == ORG:
            return contact.name
        phone = contact.phone or self.tr("no number")
        return f"{contact.name}  {contact.role}  {phone}".strip()

    def _toggled(self, item: QListWidgetItem) -> None:
        contact = self._listed[item.data(ID_ROLE)]
        if item.checkState() == Qt.CheckState.Checked:
            self.chosen[contact.id] = contact
        else:
            self.chosen.pop(contact.id, None)
        self.sig_changed.emit()

    def choose(self, contact_ids: list[str]) -> None:
        for contact in self.contacts.get_many(contact_ids):
            self.chosen[contact.id] = contact
        self.refresh()
        self.sig_changed.emit()
