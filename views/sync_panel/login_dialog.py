"""Log-in to the platform. The password stays in memory for this session only;
working offline never needs it. Where the workstation certificate logs in
([sync] auth_mode = "certificate") only administrators give one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)


class LoginDialog(QDialog):
    def __init__(self, endpoints: list[str], username: str = "", parent=None, *, password_optional: bool = False):
        super().__init__(parent)
        self.password_optional = password_optional
        self.setWindowTitle(self.tr("Log in to the platform"))
        layout = QVBoxLayout(self)
        where = QLabel(self.tr("Platform: %1").replace("%1", "\n".join(endpoints)),
                       textFormat=Qt.TextFormat.PlainText)
        where.setWordWrap(True)
        layout.addWidget(where)
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setMaxLength(100)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(200)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password (administrators only)") if password_optional else self.tr("Password"),
                    self.password)
        layout.addLayout(form)
        self.message = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00000")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.on_accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def on_accept(self) -> None:
        if not self.username.text().strip() or not (self.password.text() or self.password_optional):
            self.message.setText(self.tr("Enter the user name and the password."))
            return
        self.accept()

    def credentials(self) -> tuple[str, str]:
        return self.username.text().strip(), self.password.text()
