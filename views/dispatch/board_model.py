"""The dispatch board's model: active orders grouped under their incident,
built once per full reload from plain values (the view asks only for the rows
it shows, so 5,000 orders refresh within the 200 ms budget); a change of a few
orders is applied row by row (upsert, remove), so the selection stays put."""

from __future__ import annotations

from bisect import bisect_right
from datetime import datetime, tzinfo

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from services.dispatch.lifecycle import OrderStatus
from services.dispatch.service import Order
from views.dispatch.names import priority_name, status_name, target_kind_name
from widgets.plain_text import tooltip

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


def _label(order: Order) -> str:
    return f"{order.incident_code}  {order.incident_title}".strip()


class OrderBoardModel(QAbstractTableModel):
    """One flat list: each incident's heading row, then its orders. Flat rather
    than a tree: nothing to expand, so a reload costs only the rows on screen."""

    def __init__(self, tz: tzinfo | None = None, parent=None):
        super().__init__(parent)
        self.tz = tz
        self.now = datetime.now().astimezone()
        self.groups: list[tuple[str, str, list[Order]]] = []  # (incident id, label, orders)
        self.rows: list[tuple[str, Order | None]] = []  # (incident id, order or None for its heading)
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
                group = groups[order.incident_id] = (order.incident_id, _label(order), [])
            group[2].append(order)
        self.groups = list(groups.values())
        self.rows = [row for iid, _label, members in self.groups
                     for row in ((iid, None), *((iid, o) for o in members))]
        self.endResetModel()

    # ---- a few orders changed -----------------------------------------------------

    def group_ids(self) -> list[str]:
        return [iid for iid, _label, _orders in self.groups]

    def upsert(self, order: Order, group_at: int) -> None:
        """The order shown with its new state; `group_at`: where its incident's
        heading goes among the groups shown, if it has none yet."""
        row = self.row_of(order.id)
        if row >= 0:
            g = self._group(order.incident_id)
            members = self.groups[g][2]
            members[next(n for n, o in enumerate(members) if o.id == order.id)] = order
            self.groups[g] = (order.incident_id, _label(order), members)  # the incident's title may have changed
            self.rows[row] = (order.incident_id, order)
            self._changed(row, row)
            self._heading_changed(g)
            return
        g = self._group(order.incident_id)
        if g is None:
            g = max(0, min(group_at, len(self.groups)))
            flat = self._heading_row(g)
            self.beginInsertRows(QModelIndex(), flat, flat + 1)
            self.groups.insert(g, (order.incident_id, _label(order), [order]))
            self.rows[flat:flat] = [(order.incident_id, None), (order.incident_id, order)]
            self.endInsertRows()
            return
        members = self.groups[g][2]
        at = bisect_right([o.issued_at for o in members], order.issued_at)
        flat = self._heading_row(g) + 1 + at
        self.beginInsertRows(QModelIndex(), flat, flat)
        members.insert(at, order)
        self.rows.insert(flat, (order.incident_id, order))
        self.endInsertRows()
        self._heading_changed(g)

    def remove(self, order_id: str) -> bool:
        """The order's row goes; its heading too when it was the incident's last."""
        row = self.row_of(order_id)
        if row < 0:
            return False
        iid = self.rows[row][0]
        g = self._group(iid)
        members = self.groups[g][2]
        if len(members) == 1:
            self.beginRemoveRows(QModelIndex(), row - 1, row)
            del self.rows[row - 1:row + 1]
            del self.groups[g]
            self.endRemoveRows()
            return True
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.rows[row]
        members[:] = [o for o in members if o.id != order_id]
        self.endRemoveRows()
        self._heading_changed(g)
        return True

    def _group(self, incident_id: str) -> int | None:
        return next((n for n, (iid, _l, _o) in enumerate(self.groups) if iid == incident_id), None)

    def _heading_row(self, group: int) -> int:
        return sum(len(members) + 1 for _iid, _label, members in self.groups[:group])

    def _heading_changed(self, group: int) -> None:
        row = self._heading_row(group)
        self._changed(row, row)

    def _changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

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
        return self.rows[index.row()][0] if index.isValid() else ""

    def row_of(self, order_id: str) -> int:
        return next((n for n, (_g, o) in enumerate(self.rows) if o is not None and o.id == order_id), -1)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        incident_id, order = self.rows[index.row()]
        if order is None:
            return self._heading(incident_id, index.column(), role)
        if role == ORDER_ROLE:
            return order
        overdue = order.overdue(self.now)
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return QBrush(OVERDUE_BG)
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(OVERDUE_FG)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(order.content)
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

    def _heading(self, incident_id: str, column: int, role):
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(HEADING_BG)
        if role != Qt.ItemDataRole.DisplayRole or column != 0:
            return None
        _iid, label, orders = self.groups[self._group(incident_id)]
        late = sum(o.overdue(self.now) for o in orders)
        text = QCoreApplication.translate("Dispatch", "%1 (%2 orders)").replace("%1", label) \
            .replace("%2", str(len(orders)))
        if late:
            text += QCoreApplication.translate("Dispatch", ", %1 overdue").replace("%1", str(late))
        return text

    def _time(self, when: datetime | None) -> str:
        return when.astimezone(self.tz).strftime("%m-%d %H:%M") if when else ""
