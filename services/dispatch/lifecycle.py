"""The life of a dispatch order (调度指令), shared by the client and the platform
so both refuse the same moves and write the same timeline entries:

    已下达 issued → 已签收 acknowledged → 已出发 departed → 已到场 arrived → 已完成 completed
    or 已拒绝 refused (before departure) / 已撤回 withdrawn (by the watch room, before completion)

Orders only move forward; a step may be skipped (a unit that phones in "on
site" has also set out), never repeated or undone. Each step's timeline entry
has an id derived from the order and the step, so the copy written here and the
one written by the platform are the same entry."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from enum import StrEnum


class OrderStatus(StrEnum):
    ISSUED = "issued"  # 已下达
    ACKNOWLEDGED = "acknowledged"  # 已签收
    DEPARTED = "departed"  # 已出发
    ARRIVED = "arrived"  # 已到场
    COMPLETED = "completed"  # 已完成
    REFUSED = "refused"  # 已拒绝
    WITHDRAWN = "withdrawn"  # 已撤回


class Priority(StrEnum):
    URGENT = "urgent"  # 特急
    HIGH = "high"  # 急
    NORMAL = "normal"  # 平


class TargetKind(StrEnum):
    TEAM = "team"  # 队伍 (a resource of kind team)
    RESOURCE = "resource"  # another resource: equipment, supplies, medical
    PERSON = "person"
    GROUP = "group"  # a call group of the contacts


FORWARD = (OrderStatus.ISSUED, OrderStatus.ACKNOWLEDGED, OrderStatus.DEPARTED, OrderStatus.ARRIVED,
           OrderStatus.COMPLETED)
TERMINAL = frozenset({OrderStatus.COMPLETED, OrderStatus.REFUSED, OrderStatus.WITHDRAWN})
ACTIVE = frozenset(set(OrderStatus) - TERMINAL)
# When each step happened: the order's column for it.
STEP_COLUMN = {OrderStatus.ISSUED: "issued_at", OrderStatus.ACKNOWLEDGED: "acknowledged_at",
               OrderStatus.DEPARTED: "departed_at", OrderStatus.ARRIVED: "arrived_at",
               OrderStatus.COMPLETED: "completed_at", OrderStatus.REFUSED: "refused_at",
               OrderStatus.WITHDRAWN: "withdrawn_at"}
# How long a unit has to acknowledge, by priority (minutes), unless the order says.
ACK_MINUTES = {Priority.URGENT: 5, Priority.HIGH: 10, Priority.NORMAL: 30}
_ENTRY_NAMESPACE = uuid.UUID("5f0c2d52-3c1e-4d0b-9a55-6f1f6c0e7a11")

STATUS_NAMES_ZH = {OrderStatus.ISSUED: "已下达", OrderStatus.ACKNOWLEDGED: "已签收", OrderStatus.DEPARTED: "已出发",
                   OrderStatus.ARRIVED: "已到场", OrderStatus.COMPLETED: "已完成", OrderStatus.REFUSED: "已拒绝",
                   OrderStatus.WITHDRAWN: "已撤回"}


def can_move(current: OrderStatus, to: OrderStatus) -> bool:
    if current in TERMINAL or to == OrderStatus.ISSUED:
        return False
    if to == OrderStatus.WITHDRAWN:
        return True
    if to == OrderStatus.REFUSED:
        return current in (OrderStatus.ISSUED, OrderStatus.ACKNOWLEDGED)
    return FORWARD.index(to) > FORWARD.index(current)


def ack_deadline(issued_at: datetime, priority: Priority, minutes: int | None = None) -> datetime:
    return issued_at + timedelta(minutes=minutes if minutes is not None else ACK_MINUTES[priority])


def is_overdue(status: OrderStatus, deadline: datetime | None, now: datetime) -> bool:
    """Not acknowledged by its deadline: the watch room must chase it."""
    return status == OrderStatus.ISSUED and deadline is not None and now >= deadline


def entry_id(order_id: str, status: OrderStatus) -> str:
    return str(uuid.uuid5(_ENTRY_NAMESPACE, f"{order_id}:{status.value}"))


def entry_body(status: OrderStatus, target_name: str, content: str, by: str, reason: str = "") -> str:
    """The timeline text of a step, in the watch room's language (Chinese) on
    both ends, so the platform's copy and this one read alike."""
    if status == OrderStatus.ISSUED:
        return f"调度指令已下达：{target_name}。{content}"
    text = f"调度指令{STATUS_NAMES_ZH[status]}：{target_name}"
    if by:
        text += f"（{by}）"
    if reason:
        text += f"。原因：{reason}"
    return text
