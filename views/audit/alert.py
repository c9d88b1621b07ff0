"""The status bar's audit warning: shown, red, when the platform's signed audit
checkpoints no longer agree with the ones this workstation kept (its history
was rewritten, a checkpoint forged, or the signing key swapped). It stays until
an exchange finds everything in agreement again."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from services.audit import checkpoints
from widgets.plain_text import make_plain, tooltip


def finding_text(finding: checkpoints.Finding) -> str:
    """The officer's words for what the check found ("" when all agrees)."""
    return {
        checkpoints.REWRITTEN: QCoreApplication.translate(
            "AuditAlert",
            "Audit warning: the platform's audit history no longer matches the "
            "checkpoints kept on this workstation (checkpoint %1). It may have been "
            "rewritten: tell the security officer.",
        ),
        checkpoints.BAD_SIGNATURE: QCoreApplication.translate(
            "AuditAlert",
            "Audit warning: the platform's audit checkpoint %1 is not signed by the "
            "platform's key: tell the security officer.",
        ),
        checkpoints.KEY_CHANGED: QCoreApplication.translate(
            "AuditAlert",
            "Audit warning: the platform signs its audit with a different key than before: tell the security officer.",
        ),
        checkpoints.WENT_BACK: QCoreApplication.translate(
            "AuditAlert",
            "Audit warning: the platform's audit checkpoint %1 covers fewer records "
            "than an earlier one: tell the security officer.",
        ),
    }.get(finding.problem, "").replace("%1", str(finding.n))


class AuditAlert(QLabel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("audit_alert")
        make_plain(self)
        self.setStyleSheet("color: white; background: #c00000; font-weight: bold; padding: 0 6px")
        self.hide()

    def show_finding(self, finding: checkpoints.Finding) -> None:
        text = finding_text(finding)
        if not text:
            self.hide()
            return
        self.setText(QCoreApplication.translate(
            "AuditAlert", "Audit warning: the platform's audit history disagrees with this workstation's copy"))
        self.setToolTip(tooltip(text + "\n" + finding.detail))
        self.show()
