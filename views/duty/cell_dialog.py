"""Who fills one place on one shift: a person from the 通讯录 (search by name,
phone or pinyin initials) or a name and phone typed in, with a note; or the
place left vacant. Saved on the mirror writer; a refusal (the person is on an
overlapping shift, too long on duty, a published shift left vacant) is said
in the dialog and nothing changes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from services.contacts.store import PERSON
from services.duty.contract import Person, Post
from services.duty.model import Cell
from services.duty.roster import RosterService
from views.common.gui_op import GuiOp
from views.contacts.picker import ContactPicker
from views.duty.messages import duty_error_text, post_name
from widgets.plain_text import plain_label


class CellDialog(QDialog):
    def __init__(self, roster: RosterService, contacts, runner, place: tuple, label: str, cell: Cell | None,
                 parent=None):
        super().__init__(parent)
        self.setObjectName("duty_cell_dialog")
        self.roster, self.runner, self.place = roster, runner, place
        day, _pattern_id, post, slot = place
        self.setWindowTitle(self.tr("Who is on duty here"))
        self.resize(520, 520)
        heading = plain_label(self.tr("%1 · %2, place %3").replace("%1", label).replace("%2", post_name(post))
                              .replace("%3", str(slot + 1)))
        heading.setStyleSheet("font-weight: bold")
        self.picker = ContactPicker(contacts, (PERSON,), self,
                                    placeholder=self.tr("Find in the directory: name, phone or pinyin initials"))
        self.picker.sig_changed.connect(self._picked)
        self.contact_id = cell.person.contact_id if cell else ""
        self.name = QLineEdit(cell.person.name if cell else "", objectName="cell_name")
        self.name.textEdited.connect(self._typed)
        self.phone = QLineEdit(cell.person.phone if cell else "", objectName="cell_phone")
        self.note = QLineEdit(cell.note if cell else "", objectName="cell_note")
        self.message = plain_label(objectName="cell_message", wordWrap=True)
        self.message.setStyleSheet("color: #c00000")
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.vacate_button = buttons.addButton(self.tr("Leave vacant"), QDialogButtonBox.ButtonRole.ResetRole)
        self.vacate_button.clicked.connect(self.on_vacate)
        buttons.accepted.connect(self.on_save)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(heading)
        box.addWidget(QLabel(self.tr("From the directory (or type a name and phone below):")))
        box.addWidget(self.picker, 1)
        box.addLayout(form)
        box.addWidget(self.message)
        box.addWidget(buttons)

    def _picked(self) -> None:
        chosen = list(self.picker.chosen.values())
        if chosen:
            person = chosen[-1]
            self.picker.chosen = {person.id: person}  # one person per place
            self.name.setText(person.name)
            self.phone.setText(person.phone)
            self.contact_id = person.id

    def _typed(self) -> None:
        self.contact_id = ""  # a name typed by hand is not the directory's

    def person(self) -> Person:
        return Person(self.name.text(), self.phone.text(), self.contact_id)

    def on_save(self) -> None:
        self._write(self.person(), self.note.text())

    def on_vacate(self) -> None:
        self._write(Person(""), "")

    def _write(self, person: Person, note: str) -> None:
        day, pattern_id, post, slot = self.place
        self.message.setText(self.tr("Saving…"))
        GuiOp(self, self.runner, self.roster.assign, day, pattern_id, Post(post), slot, person, note) \
            .success(lambda _cell: self.accept()).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> None:
        self.message.setText(duty_error_text(exc))
