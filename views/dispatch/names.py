"""The officer's words for orders: statuses, priorities, target kinds."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.dispatch.lifecycle import OrderStatus, Priority, TargetKind


def status_name(status: OrderStatus) -> str:
    return {
        OrderStatus.ISSUED: QCoreApplication.translate("Dispatch", "Issued"),
        OrderStatus.ACKNOWLEDGED: QCoreApplication.translate("Dispatch", "Acknowledged"),
        OrderStatus.DEPARTED: QCoreApplication.translate("Dispatch", "Departed"),
        OrderStatus.ARRIVED: QCoreApplication.translate("Dispatch", "On scene"),
        OrderStatus.COMPLETED: QCoreApplication.translate("Dispatch", "Completed"),
        OrderStatus.REFUSED: QCoreApplication.translate("Dispatch", "Refused"),
        OrderStatus.WITHDRAWN: QCoreApplication.translate("Dispatch", "Withdrawn"),
    }[status]


def priority_name(priority: Priority) -> str:
    return {
        Priority.URGENT: QCoreApplication.translate("Dispatch", "Most urgent"),
        Priority.HIGH: QCoreApplication.translate("Dispatch", "Urgent"),
        Priority.NORMAL: QCoreApplication.translate("Dispatch", "Routine"),
    }[priority]


def target_kind_name(kind: TargetKind) -> str:
    return {
        TargetKind.TEAM: QCoreApplication.translate("Dispatch", "Team"),
        TargetKind.RESOURCE: QCoreApplication.translate("Dispatch", "Resource"),
        TargetKind.PERSON: QCoreApplication.translate("Dispatch", "Person"),
        TargetKind.GROUP: QCoreApplication.translate("Dispatch", "Call group"),
    }[kind]
