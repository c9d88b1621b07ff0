"""The dispatch board's model: active orders grouped under their incident,
built once per reload from plain values; the view asks only for the rows it
shows, so 5,000 orders refresh within the 200 ms budget."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from services.dispatch.lifecycle import OrderStatus
from services.dispatch.service import Order
from views.dispatch.names import priority_name, status_name, target_kind_name

ORDER_ROLE = Qt.ItemDataRole.UserRole  # the Order behind an order row
OVERDUE_BG, OVERDUE_FG = QColor("#fdecea"), QColor("#b71c1c")
HEADING_BG = QColor("#eceff1")


def _columns() -> list[str]:
    return [QCoreApplication.translate("Dispatch", "Incident / unit"),
            QCoreApplication.translate("Dispatch", "Order"),
            QCoreApplication.translate("Dispatch", "Priority"),
            QCoreApplication.translate("Dispatch", "Status"),
            QCoreApplication.translate("Dispatch", "Issued at"),
            QCoreApplication.translate("Dispatch", "Acknowledge by"),
            QCoreApplication.translate("Dispatch", "Arrive by")]


class OrderBoardModel(QAbstractTableModel):
    """One flat list: each incident's heading row, then its orders. Flat rather
    than a tree: nothing to expand, so a reload costs only the rows on screen."""

    def __init__(self, tz: tzinfo | None = None, parent=None):
        super().__init__(parent)
        self.tz = tz
        self.now = datetime.now().astimezone()
        self.groups: list[tuple[str, str, list[Order]]] = []  # (incident id, label, orders)
        self.rows: list[tuple[int, Order | None]] = []  # (group, order or None for the heading)
        self._headers = _columns()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_orders(self, orders: list[Order], now: datetime) -> None:
        self.beginResetModel()
        self.now = now
        groups: dict[str, tuple[str, str, list[Order]]] = {}
        for order in orders:
            group = groups.get(order.incident_id)
            if group is None:
                label = f"{order.incident_code}  {order.incident_title}".strip()
                group = groups[order.incident_id] = (order.incident_id, label, [])
            group[2].append(order)
        self.groups = list(groups.values())
        self.rows = [row for n, (_iid, _label, members) in enumerate(self.groups)
                     for row in ((n, None), *((n, o) for o in members))]
        self.endResetModel()

    def set_now(self, now: datetime) -> None:
        """Overdue marks follow the clock without a reload."""
        self.now = now
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.columnCount() - 1))

    def order_count(self) -> int:
        return len(self.rows) - len(self.groups)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def order_at(self, index: QModelIndex) -> Order | None:
        return self.rows[index.row()][1] if index.isValid() else None

    def incident_at(self, index: QModelIndex) -> str:
        return self.groups[self.rows[index.row()][0]][0] if index.isValid() else ""

    def row_of(self, order_id: str) -> int:
        return next((n for n, (_g, o) in enumerate(self.rows) if o is not None and o.id == order_id), -1)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        group, order = self.rows[index.row()]
        if order is None:
            return self._heading(group, index.column(), role)
        if role == ORDER_ROLE:
            return order
        overdue = order.overdue(self.now)
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(OVERDUE_BG)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(OVERDUE_FG)
        if role == Qt.ItemDataRole.ToolTipRole:
            return order.content
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == 0:
            return f"    {target_kind_name(order.target_kind)}：{order.target_name}"
        if column == 1:
            return " ".join(order.content.split())[:80]
        if column == 2:
            return priority_name(order.priority)
        if column == 3:
            text = status_name(order.status)
            if overdue:
                text = QCoreApplication.translate("Dispatch", "%1 — overdue").replace("%1", text)
            if order.pending_sync:
                text += QCoreApplication.translate("Dispatch", " (pending sync)")
            return text
        if column == 5 and order.status != OrderStatus.ISSUED:  # acknowledged: when, not by when
            done = order.steps.get(OrderStatus.ACKNOWLEDGED)
            return "✓ " + self._time(done) if done else "—"
        return self._time({4: order.issued_at, 5: order.ack_deadline, 6: order.required_arrival}[column])

    def _heading(self, group: int, column: int, role):
        _iid, label, orders = self.groups[group]
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(HEADING_BG)
        if role != Qt.ItemDataRole.DisplayRole or column != 0:
            return None
        late = sum(o.overdue(self.now) for o in orders)
        text = QCoreApplication.translate("Dispatch", "%1 (%2 orders)").replace("%1", label) \
            .replace("%2", str(len(orders)))
        if late:
            text += QCoreApplication.translate("Dispatch", ", %1 overdue").replace("%1", str(late))
        return text

    def _time(self, when: datetime | None) -> str:
        return when.astimezone(self.tz).strftime("%m-%d %H:%M") if when else ""
