"""应急通讯录 (a dock): organisations as a tree with their people, the call
groups with their members, search by name, phone or pinyin initials, a
contact's phones and role, and 导入通讯录 (CSV or Excel)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.contacts.importing import ContactError, import_contacts
from services.contacts.store import GROUP, ORG, Contact, ContactStore
from views.common.checked_import import CheckedImportDialog
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from widgets.empty_hint import EmptyHint

ID_ROLE = Qt.ItemDataRole.UserRole


class ContactsPanel(QWidget):
    sig_contact_chosen = Signal(str)  # contact id (double-click / Enter)

    def __init__(self, store: ContactStore, runner: TaskRunner, relay: DomainEventRelay, parent=None):
        super().__init__(parent)
        self.setObjectName("contacts_panel")
        self.store, self.runner = store, runner
        self.by_id: dict[str, Contact] = {}
        self.search = QLineEdit(objectName="contact_search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Name, phone or pinyin initials (wjg)"))
        self.search.textChanged.connect(lambda: self._timer.start())
        self.tree = QTreeWidget(objectName="contact_tree")
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(self._show_details)
        self.tree.itemActivated.connect(lambda item: self.sig_contact_chosen.emit(item.data(0, ID_ROLE) or ""))
        self.details = QLabel(objectName="contact_details", wordWrap=True, textFormat=Qt.TextFormat.PlainText,
                              textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = EmptyHint(self.tree)
        self.import_button = QPushButton(self.tr("Import…"), objectName="import_contacts")
        self.import_button.clicked.connect(self.open_import)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.import_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(top)
        box.addWidget(self.tree, 1)
        box.addWidget(self.details)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.reload)
        relay.records("contact").sig_changed.connect(lambda *_: self._timer.start())
        self.reload()

    def reload(self) -> None:
        term = self.search.text().strip()
        self.runner.read(self.store.search if term else self.store.all, *([term, 500] if term else []),
                         on_done=self._show, owner=self)

    def _show(self, contacts: list[Contact]) -> None:
        self.tree.clear()
        searching = bool(self.search.text().strip())
        self.by_id = {c.id: c for c in contacts}
        items: dict[str, QTreeWidgetItem] = {}
        groups_root = None
        for contact in sorted(contacts, key=lambda c: (c.kind != ORG, c.name)):
            item = QTreeWidgetItem([self._label(contact)])
            item.setData(0, ID_ROLE, contact.id)
            items[contact.id] = item
        for contact in contacts:
            item = items[contact.id]
            if contact.kind == GROUP:
                if groups_root is None:
                    groups_root = QTreeWidgetItem([self.tr("Call groups")])
                    self.tree.addTopLevelItem(groups_root)
                groups_root.addChild(item)
            elif not searching and contact.parent_id in items:
                items[contact.parent_id].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
        self.tree.expandToDepth(1 if not searching else 3)
        self.hint.set_text(self.tr("Nobody matches “%1”.").replace("%1", self.search.text().strip()) if searching
                           else self.tr("No contacts yet: import the directory with “Import…” above (CSV or "
                                        "Excel), or File ▸ Import contacts…"))

    def _label(self, contact: Contact) -> str:
        if contact.kind == ORG:
            return contact.name
        if contact.kind == GROUP:
            return self.tr("%1 (%2 people)").replace("%1", contact.name).replace("%2", str(len(contact.members)))
        extra = " ".join(x for x in (contact.role, contact.phone) if x)
        return f"{contact.name}  {extra}".strip()

    def _show_details(self, item: QTreeWidgetItem | None) -> None:
        contact = self.by_id.get(item.data(0, ID_ROLE)) if item is not None else None
        if contact is None:
            self.details.setText("")
            return
        lines = [contact.name, contact.role,
                 self.tr("Duty phone: %1").replace("%1", contact.duty_phone) if contact.duty_phone else "",
                 self.tr("Mobile: %1").replace("%1", contact.mobile) if contact.mobile else "", contact.notes]
        self.details.setText("\n".join(x for x in lines if x))

    def open_import(self) -> ImportContactsDialog:
        dialog = ImportContactsDialog(self.store, self.runner, self)
        dialog.show()
        return dialog


class ImportContactsDialog(CheckedImportDialog):
    def __init__(self, store: ContactStore, runner: TaskRunner, parent=None):
        super().__init__(runner, parent,
                         title=QCoreApplication.translate("ContactImport", "Import the contact directory"),
                         file_label=QCoreApplication.translate("ContactImport", "File (CSV or Excel)"),
                         file_filter=QCoreApplication.translate("ContactImport", "Contact lists (*.csv *.xlsx)"))
        self.store = store
        self.setObjectName("import_contacts_dialog")
        self.form.addRow("", QLabel(QCoreApplication.translate(
            "ContactImport", "Columns: 类型 (单位/人员/群组), 名称, 上级单位, 职务, 值班电话, 手机, 成员, 备注")))

    def reader(self):
        return import_contacts

    def saver(self):
        return self.store.save_many

    def file_problem(self, code: str) -> str:
        return {
            "not_found": QCoreApplication.translate("ContactImport", "The file cannot be read."),
            "too_large": QCoreApplication.translate(
                "ContactImport", "The file is larger than 20 MB, or needs more memory to read than an import may use."),
            "too_many": QCoreApplication.translate("ContactImport", "The file has more than 50,000 rows."),
            "empty": QCoreApplication.translate("ContactImport", "The file holds no contacts."),
            "encoding": QCoreApplication.translate("ContactImport", "The file is neither UTF-8 nor GBK text."),
            "no_columns": QCoreApplication.translate(
                "ContactImport", "The header needs at least the columns 类型 and 名称 (or kind and name)."),
            "not_excel": QCoreApplication.translate("ContactImport", "The file is not a readable Excel workbook."),
        }.get(code, code)

    def row_problem(self, error: ContactError) -> str:
        return {
            "required": QCoreApplication.translate("ContactImport", "is required"),
            "unknown_kind": QCoreApplication.translate("ContactImport", "must be 单位, 人员 or 群组"),
            "bad_phone": QCoreApplication.translate("ContactImport", "is not a phone number"),
            "too_long": QCoreApplication.translate("ContactImport", "is too long"),
            "duplicate": QCoreApplication.translate("ContactImport", "repeats row %1"),
            "unknown_member": QCoreApplication.translate("ContactImport", "no person of this name in the file"),
            "ambiguous_member": QCoreApplication.translate("ContactImport", "several people have this name"),
        }.get(error.code, error.code).replace("%1", error.value)

    def field_name(self, name: str) -> str:
        return {
            "kind": QCoreApplication.translate("ContactImport", "Kind"),
            "name": QCoreApplication.translate("ContactImport", "Name"),
            "duty_phone": QCoreApplication.translate("ContactImport", "Duty phone"),
            "mobile": QCoreApplication.translate("ContactImport", "Mobile"),
            "role": QCoreApplication.translate("ContactImport", "Role"),
            "notes": QCoreApplication.translate("ContactImport", "Notes"),
            "members": QCoreApplication.translate("ContactImport", "Members"),
            "parent": QCoreApplication.translate("ContactImport", "Parent organisation"),
        }.get(name, name)
