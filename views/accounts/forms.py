"""The small forms of user management: a new account, a new password. Each
checks what it can before anything is sent (the platform's password policy,
as it last said it, two entries that match) and says what is wrong in Chinese
beside the fields; the platform checks again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
)

from services.accounts.password_policy import PasswordPolicy
from services.accounts.wire import CLEARANCE_MAX, CLEARANCE_MIN, ROLES, PolicyInfo
from views.accounts.messages import clearance_name, password_problem, role_name


def _policy(info: PolicyInfo | None) -> PasswordPolicy:
    if info is None:
        return PasswordPolicy()
    try:
        return PasswordPolicy(info.min_length, info.min_classes, info.forbid_username)
    except ValueError:
        return PasswordPolicy()


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(200)
    return field


class PasswordForm(QDialog):
    """A new password for `username`, twice. `with_account`: also name, role and clearance."""

    def __init__(self, username: str, policy: PolicyInfo | None, parent=None, *, with_account: bool = False):
        super().__init__(parent)
        self.policy_info = policy
        self.setWindowTitle(self.tr("New account") if with_account else self.tr("Reset password"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setMaxLength(100)
        self.role = QComboBox()
        for role in ROLES:
            self.role.addItem(role_name(role), role)
        self.clearance = QSpinBox()
        self.clearance.setRange(CLEARANCE_MIN, CLEARANCE_MAX)
        self.clearance.setValue(1)
        self.unit = QLineEdit()
        self.unit.setMaxLength(64)
        self.password, self.again = _password_field(), _password_field()
        if with_account:
            form.addRow(self.tr("&User name"), self.username)
            form.addRow(self.tr("&Role"), self.role)
            form.addRow(self.tr("&Clearance"), self.clearance)
            form.addRow(self.tr("U&nit (field units)"), self.unit)
        else:
            who = QLabel(username, textFormat=Qt.TextFormat.PlainText)
            form.addRow(self.tr("Account"), who)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Again"), self.again)
        layout.addLayout(form)
        rules = _policy(policy)
        hint = self.tr("At least %1 characters of %2 kinds").replace("%1", str(rules.min_length)) \
            .replace("%2", str(rules.min_classes))
        if rules.forbid_username:
            hint += self.tr(", not containing the user name")
        layout.addWidget(QLabel(hint, textFormat=Qt.TextFormat.PlainText))
        self.message = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.message.setObjectName("form_message")
        self.message.setStyleSheet("color: #b00000")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.username if with_account else self.password).setFocus()
        self.with_account = with_account

    def problems(self) -> list[str]:
        name = self.username.text().strip()
        out = []
        if self.with_account and not name:
            out.append(self.tr("Enter the user name."))
        if self.with_account and self.role.currentData() == "field_unit" and not self.unit.text().strip():
            out.append(self.tr("A field unit account needs its unit (resource or team id)."))
        if self.password.text() != self.again.text():
            out.append(self.tr("The two passwords differ."))
        out += [password_problem(code, self.policy_info)
                for code in _policy(self.policy_info).problems(self.password.text(), name)]
        return out

    def on_accept(self) -> None:
        problems = self.problems()
        if problems:
            self.message.setText("\n".join(problems))
            self.adjustSize()  # every line of it shown
            return
        self.accept()

    def values(self) -> dict:
        return {"username": self.username.text().strip(), "password": self.password.text(),
                "role": self.role.currentData(), "clearance": self.clearance.value(),
                "unit_id": self.unit.text().strip()}


def clearance_items() -> list[str]:
    return [clearance_name(level) for level in range(CLEARANCE_MIN, CLEARANCE_MAX + 1)]
