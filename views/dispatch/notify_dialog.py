"""通知: pick people and call groups from the 通讯录 (search by name, phone or
pinyin initials), SMS or voice, the text; the platform sends it and each
recipient's status comes back. The dialog says plainly that the reference
platform only writes messages to its log. The notice is written on the mirror
writer; the dialog closes once it is stored, or says why not."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
)

from services.contacts.store import GROUP, Contact, ContactStore
from services.errors import StorageError, ValidationError
from services.notifications.service import Notification, NotificationService
from views.common.gui_op import GuiOp, write_error_text
from views.common.labels import storage_message
from views.contacts.picker import ContactPicker


class NotifyDialog(QDialog):
    sig_sent = Signal(object)  # the Notification

    def __init__(self, notices: NotificationService, contacts: ContactStore, incident_id: str, incident_label: str,
                 author: str, parent=None, *, runner=None):
        super().__init__(parent)
        self.setObjectName("notify_dialog")
        self.runner = runner
        self.busy = False
        self.setWindowTitle(self.tr("Notify by SMS or voice"))
        self.notices, self.contacts, self.incident_id, self.author = notices, contacts, incident_id, author
        self.sms = QRadioButton(self.tr("SMS"), checked=True)
        self.voice = QRadioButton(self.tr("Voice call"))
        channel = QButtonGroup(self)
        channel.addButton(self.sms)
        channel.addButton(self.voice)
        channels = QHBoxLayout()
        channels.addWidget(self.sms)
        channels.addWidget(self.voice)
        channels.addStretch(1)
        self.picker = ContactPicker(contacts, ("person", GROUP), self,
                                    placeholder=self.tr("Find people or groups: name, phone or pinyin initials"))
        self.picker.sig_changed.connect(self._chosen_changed)
        self.search, self.found = self.picker.search, self.picker.found
        self.summary = QLabel(objectName="notify_summary", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.text_edit = QPlainTextEdit(objectName="notify_text")
        self.text_edit.setPlaceholderText(self.tr("Message (at most 500 characters)"))
        self.text_edit.setTabChangesFocus(True)
        self.message = QLabel(objectName="notify_message", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b71c1c")
        honest = QLabel(self.tr("Messages go out through the platform's gateway. The reference platform has "
                                "none: it writes them to its log, and the status says so."), wordWrap=True)
        honest.setStyleSheet("color: #8a5a00")
        form = QFormLayout(self)
        form.addRow(self.tr("Incident"), QLabel(incident_label or self.tr("(none)"), textFormat=Qt.TextFormat.PlainText))
        form.addRow(self.tr("By"), channels)
        form.addRow(self.tr("To"), self.picker)
        form.addRow("", self.summary)
        form.addRow(self.tr("Message"), self.text_edit)
        form.addRow(honest)
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.send_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.send_button.setText(self.tr("Send"))
        buttons.accepted.connect(self.on_send)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.search.setFocus()

    @property
    def chosen(self) -> dict[str, Contact]:
        return self.picker.chosen

    def _chosen_changed(self) -> None:
        people = self.contacts.recipients(self.chosen)
        self.summary.setText(self.tr("%1 people: %2").replace("%1", str(len(people)))
                             .replace("%2", "、".join(p.name for p in people[:12]) + ("…" if len(people) > 12 else "")))

    def choose(self, contact_ids: list[str]) -> None:
        self.picker.choose(contact_ids)

    def on_send(self) -> None:
        """Hands the notice to the mirror writer; sig_sent and closing follow."""
        if self.busy:
            return
        channel = "voice" if self.voice.isChecked() else "sms"
        self._set_busy(True)
        self.message.clear()
        GuiOp(self, self.runner, self.notices.send, self.incident_id, channel, self.text_edit.toPlainText(),
              list(self.chosen), self.author).success(self._sent).failure(self._failed).run()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.send_button.setEnabled(not busy)

    def _sent(self, sent: Notification) -> None:
        self._set_busy(False)
        self.sig_sent.emit(sent)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ValidationError):
            self.message.setText("\n".join(self._problem(p.field, p.code) for p in exc.problems))
        elif isinstance(exc, StorageError):
            self.message.setText(storage_message(exc.problem.value))
        else:
            self.message.setText(write_error_text(exc))

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    def _problem(self, field: str, code: str) -> str:
        if field == "text":
            return self.tr("Write the message.") if code == "required" else \
                self.tr("The message is too long: at most 500 characters.")
        if code == "no_phone":
            return self.tr("No phone number for: %1").replace("%1", "、".join(self.notices.without_phone(self.chosen)))
        return self.tr("Choose at least one person or group.")
