"""The warning an officer must accept, once, before the client uses a platform
password kept in the config file (anyone who can read the file, or a backup
of it, has the account). Declining keeps working: the password is asked at
log-in instead."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def _tr(text: str) -> str:
    return QCoreApplication.translate("FilePassword", text)


def accept_file_password(parent: QWidget | None, path: str) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Password in the config file"))
    box.setText(_tr("The config file %1 holds a platform password. Anyone who can read the file or a copy of "
                       "it can act as this account.").replace("%1", path))
    box.setInformativeText(_tr("Keep the password in the system keyring or in the variable password_env "
                                  "names instead, and remove it from the file. Use the password in the file "
                                  "anyway? (Asked once on this workstation.)"))
    use = box.addButton(_tr("Use it (I accept the risk)"), QMessageBox.ButtonRole.AcceptRole)
    ask = box.addButton(_tr("Do not use it; ask me at log-in"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(ask)
    box.exec()
    return box.clickedButton() is use
