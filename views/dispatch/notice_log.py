"""通知记录: recent notifications, one row per recipient with the status the
platform reported (待发送 until it has the message; 已写入日志 when the
reference gateway only logged it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QTableWidget, QTableWidgetItem

from services.notifications.service import Notification
from widgets.plain_text import tooltip

STATUS_COLOURS = {"queued": "#8a5a00", "logged": "#8a5a00", "sent": "#1565c0", "delivered": "#2e7d32",
                  "failed": "#b71c1c"}


def status_text(status: str) -> str:
    return {
        "queued": QCoreApplication.translate("Notices", "Waiting to be sent"),
        "logged": QCoreApplication.translate("Notices", "Written to the platform's log — NOT sent"),
        "sent": QCoreApplication.translate("Notices", "Sent"),
        "delivered": QCoreApplication.translate("Notices", "Delivered"),
        "failed": QCoreApplication.translate("Notices", "Failed"),
    }.get(status, status)


def channel_text(channel: str) -> str:
    return {"sms": QCoreApplication.translate("Notices", "SMS"),
            "voice": QCoreApplication.translate("Notices", "Voice")}.get(channel, channel)


class NoticeLog(QTableWidget):
    def __init__(self, tz=None, parent=None):
        super().__init__(0, 6, parent)
        self.tz = tz
        self.setObjectName("notice_log")
        self.setHorizontalHeaderLabels([QCoreApplication.translate("Notices", "Time"),
                                        QCoreApplication.translate("Notices", "By"),
                                        QCoreApplication.translate("Notices", "Recipient"),
                                        QCoreApplication.translate("Notices", "Number"),
                                        QCoreApplication.translate("Notices", "Status"),
                                        QCoreApplication.translate("Notices", "Message")])
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

    def show_notifications(self, notifications: list[Notification]) -> None:
        rows = [(n, r) for n in notifications for r in n.recipients]
        self.setRowCount(len(rows))
        for row, (notice, recipient) in enumerate(rows):
            texts = (notice.created_at.astimezone(self.tz).strftime("%m-%d %H:%M"), channel_text(notice.channel),
                     recipient.name, recipient.phone, status_text(recipient.status), " ".join(notice.text.split()))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip(f"{notice.text}\n{recipient.detail}".strip()))
                if column == 4:
                    item.setForeground(QColor(STATUS_COLOURS.get(recipient.status, "#333")))
                self.setItem(row, column, item)
        self.resizeColumnsToContents()
