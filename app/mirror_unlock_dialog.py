"""The passphrase of an encrypted mirror, asked at start before any window opens
(a backup laptop with [mirror] encryption = "passphrase"), and the words for a
mirror that could not be unlocked."""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from app.mirror_encryption import PASSPHRASE_ENV
from offline_cache.mirror_key import MIN_PASSPHRASE, MirrorKeyError

log = logging.getLogger(__name__)
ATTEMPTS = 3  # passphrases typed in the dialog before the program gives up


class PassphraseDialog(QDialog):
    """One field to unlock; two (and the minimum length) to choose a new passphrase."""

    def __init__(self, new: bool, parent=None):
        super().__init__(parent)
        self.new = new
        self.setWindowTitle(QCoreApplication.translate("MirrorUnlock", "Local mirror passphrase"))
        layout = QVBoxLayout(self)
        intro = QLabel(QCoreApplication.translate("MirrorUnlock", "The local mirror on this computer is encrypted. Choose the passphrase that will "
                          "unlock it from now on (at least %1 characters); without it nobody, you "
                          "included, can read the mirror.").replace("%1", str(MIN_PASSPHRASE)) if new
                       else QCoreApplication.translate("MirrorUnlock", "The local mirror on this computer is encrypted. Enter its passphrase."))
        intro.setWordWrap(True)
        intro.setTextFormat(intro.textFormat().PlainText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.first = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        form.addRow(QCoreApplication.translate("MirrorUnlock", "Passphrase"), self.first)
        self.second = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        if new:
            form.addRow(QCoreApplication.translate("MirrorUnlock", "Again"), self.second)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setTextFormat(self.problem.textFormat().PlainText)
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.hide()  # shown with the first problem
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def _accept(self) -> None:
        self.problem.show()
        if self.new and len(self.first.text()) < MIN_PASSPHRASE:
            self.problem.setText(QCoreApplication.translate("MirrorUnlock", "Too short: at least %1 characters.").replace("%1", str(MIN_PASSPHRASE)))
        elif self.new and self.first.text() != self.second.text():
            self.problem.setText(QCoreApplication.translate("MirrorUnlock", "The two entries differ."))
        elif not self.first.text():
            self.problem.setText(QCoreApplication.translate("MirrorUnlock", "Enter the passphrase."))
        else:
            self.accept()

    def passphrase(self) -> str:
        return self.first.text()


def ask_passphrase(new: bool) -> str | None:
    """WATCHROOM_MIRROR_PASSPHRASE if set (demo, tests), else the dialog; None when cancelled."""
    env = os.environ.get(PASSPHRASE_ENV)
    if env:
        return env
    dialog = PassphraseDialog(new)
    return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None


def mirror_key_message(reason: str) -> str:
    """Why the mirror did not open (offline_cache.mirror_key.MirrorKeyError.reason)."""
    return {
        "wrong_key": QCoreApplication.translate("MirrorUnlock", "Wrong passphrase or key: the local mirror cannot be unlocked. "
                        "The mirror file has not been changed."),
        "no_passphrase": QCoreApplication.translate("MirrorUnlock", "The local mirror is encrypted and no passphrase was given."),
        "weak_passphrase": QCoreApplication.translate("MirrorUnlock", "The passphrase is too short."),
        "no_keyring": QCoreApplication.translate("MirrorUnlock", "This computer has no OS keyring to keep the mirror's key. "
                         "Set [mirror] encryption = \"passphrase\" in the configuration."),
        "keyring_missing": QCoreApplication.translate("MirrorUnlock", "The OS keyring holds no key for this mirror. The mirror file has not been changed."),
        "encrypted_but_off": QCoreApplication.translate("MirrorUnlock", "The local mirror is encrypted but the configuration says "
                                "[mirror] encryption = \"off\". Set it back to the way it was encrypted."),
        "mode_mismatch": QCoreApplication.translate("MirrorUnlock", "The local mirror was encrypted another way than [mirror] encryption says. "
                            "Set it back to the way it was encrypted."),
        "no_key_record": QCoreApplication.translate("MirrorUnlock", "The local mirror is not a plain database and its key record (.key.json) "
                            "is missing. The file has not been changed."),
        "bad_key_record": QCoreApplication.translate(
            "MirrorUnlock", "The mirror's key record (.key.json) is damaged or was edited: the mirror "
                            "cannot be opened. The file has not been changed."),
        "missing_features": QCoreApplication.translate("MirrorUnlock", "The SQLCipher library here lacks full-text search (FTS5) or the spatial "
                               "index (R*Tree): the encrypted mirror cannot be opened. Install the "
                               "sqlcipher3 package shipped with Watchroom."),
    }.get(reason, QCoreApplication.translate("MirrorUnlock", "The local mirror cannot be decrypted."))


def build_unlocked(build, config, **kwargs):
    """build(config, ask_passphrase=..., **kwargs) (app.composition.build_context), asking
    again after a wrong passphrase typed in the dialog; None, once it has said why in a
    message box, when the mirror stays locked."""
    for attempt in range(1, ATTEMPTS + 1):
        typed: list[str | None] = []

        def ask(new: bool, typed=typed) -> str | None:
            value = ask_passphrase(new)
            if not os.environ.get(PASSPHRASE_ENV):
                typed.append(value)
            return value

        try:
            return build(config, ask_passphrase=ask, **kwargs)
        except MirrorKeyError as exc:
            log.error("cannot unlock mirror %s: %s (%s)", config.mirror_path, exc.reason, exc.detail)
            if exc.reason == "wrong_key" and typed and attempt < ATTEMPTS:
                QMessageBox.warning(None, "Watchroom", mirror_key_message(exc.reason))
                continue
            QMessageBox.critical(None, "Watchroom", mirror_key_message(exc.reason) + f"\n\n{config.mirror_path}")
            return None
    return None
