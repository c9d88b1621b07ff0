"""接班签到: the incoming officer signs in to the shift under way (or about to
start) with their platform account. It is refused while the shift before has
not handed over, unless the officer overrides with a reason, which is kept.
Without a link (a backup site) the sign-in is recorded here and confirmed by
the platform when the link returns; the workstation then exchanges data as
that account."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
)

from services.duty.contract import Post
from services.duty.model import Shift
from services.duty.shifts import ShiftService
from views.common.gui_op import GuiOp
from views.duty.messages import duty_error_text, post_name
from widgets.plain_text import plain_label


def sign_in_context(shifts: ShiftService) -> list[tuple[Shift, object, list]]:
    """On a reader: the shift under way and the next one, each with its chain and roster."""
    now = shifts.clock.now()
    found = [s for s in (shifts.shift_at(now), shifts.next_shift(now)) if s is not None]
    return [(s, shifts.chain(s), shifts.cells_of(s)) for s in found]


class SignInDialog(QDialog):
    sig_signed_in = Signal(object, str, str)  # SignIn, account, password

    def __init__(self, shifts: ShiftService, runner, *, account: str = "", workstation: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("duty_signin_dialog")
        self.shifts, self.runner, self.workstation = shifts, runner, workstation
        self.context: list = []
        self.setWindowTitle(self.tr("Take over the shift (sign in)"))
        self.resize(520, 360)
        self.shift = QComboBox(objectName="signin_shift")
        self.shift.currentIndexChanged.connect(self._shift_chosen)
        self.post = QComboBox(objectName="signin_post")
        for post in Post:
            self.post.addItem(post_name(post), post.value)
        self.post.setCurrentIndex(2)
        self.person = QComboBox(objectName="signin_person", editable=True)
        self.person.currentIndexChanged.connect(self._person_chosen)
        self.account = QLineEdit(account, objectName="signin_account")
        self.password = QLineEdit(objectName="signin_password", echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("checked by the platform (later, without a link)"))
        self.chain = plain_label(objectName="signin_chain", wordWrap=True)
        self.override = QLineEdit(objectName="signin_override")
        self.override.setPlaceholderText(self.tr("only to take over before the handover: say why"))
        self.message = plain_label(objectName="signin_message", wordWrap=True)
        self.message.setStyleSheet("color: #c00000")
        form = QFormLayout()
        form.addRow(self.tr("Shift"), self.shift)
        form.addRow(self.tr("Post"), self.post)
        form.addRow(self.tr("Officer"), self.person)
        form.addRow(self.tr("Platform account"), self.account)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Override reason"), self.override)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_button = buttons.addButton(self.tr("Take over"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.clicked.connect(self.on_sign_in)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addLayout(form)
        box.addWidget(self.chain)
        box.addWidget(self.message)
        box.addWidget(buttons)
        GuiOp(self, runner, sign_in_context, shifts).as_read().success(self._show).run()

    def _show(self, context: list) -> None:
        self.context = context
        self.shift.clear()
        for shift, _chain, _cells in context:
            self.shift.addItem(f"{shift.label} {shift.pattern.start}–{shift.pattern.end}")
        if not context:
            self.chain.setText(self.tr("No shift is under way or about to start: set up the shifts first."))
            self.sign_button.setEnabled(False)

    def _shift_chosen(self, row: int) -> None:
        if not 0 <= row < len(self.context):
            return
        _shift, chain, cells = self.context[row]
        self.person.clear()
        for cell in cells:
            if not cell.person.empty:
                self.person.addItem(f"{cell.person.name}", (cell.post.value, cell.person.contact_id))
        if chain.handed_over:
            self.chain.setStyleSheet("color: #1b7f2a")
            self.chain.setText(self.tr("The shift before (%1) has handed over.").replace(
                "%1", chain.previous.label if chain.previous else "—"))
        else:
            self.chain.setStyleSheet("color: #b26b00; font-weight: bold")
            self.chain.setText(self.tr("The shift before (%1) has not handed over yet. Wait for its handover, or "
                                       "give the reason to take over anyway (it is recorded).")
                               .replace("%1", chain.previous.label))

    def _person_chosen(self, row: int) -> None:
        data = self.person.itemData(row)
        if data:
            self.post.setCurrentIndex(max(0, self.post.findData(data[0])))

    def on_sign_in(self) -> None:
        row = self.shift.currentIndex()
        if not 0 <= row < len(self.context):
            return
        shift = self.context[row][0]
        data = self.person.currentData() or ("", "")
        contact = data[1] if self.person.currentText() == self.person.itemText(self.person.currentIndex()) else ""
        self.message.setText(self.tr("Signing in…"))
        GuiOp(self, self.runner, self.shifts.sign_in, shift, Post(self.post.currentData()), self.person.currentText(),
              self.account.text(), contact_id=contact, override_reason=self.override.text(),
              workstation=self.workstation).success(self._signed).failure(self._refused).run()

    def _signed(self, signin) -> None:
        self.sig_signed_in.emit(signin, self.account.text().strip(), self.password.text())
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.message.setText(duty_error_text(exc))
