"""调度台: every active order, grouped under its incident, filterable by text,
status and 超时; overdue orders in red and counted for the window's alert. The
selected incident (from the log or the map) is where 下达指令 (F6) sends from;
a unit's step learnt by phone is recorded here (签收, 出发, 到场, 完成, 拒绝),
and the watch room can withdraw an order. Field steps arrive through sync.

The board reads every active order once (at the start, and after a catch-up
page changed many); after that it reads only the orders an event names, on a
reader thread, and inserts, updates or removes their rows (board_data.py), so
the selection stays where it is. Steps are written on the mirror writer."""

from __future__ import annotations

import logging
from bisect import bisect_left
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from services.contacts.store import ContactStore
from services.dispatch.lifecycle import ACTIVE, OrderStatus, can_move
from services.dispatch.service import DispatchService, Order
from services.errors import NotFound, ValidationError
from services.incidents.service import IncidentService
from services.notifications.service import NotificationService
from services.positions.store import PositionStore
from services.resources.store import ResourceStore
from views.common.event_relay import DomainEventRelay
from views.common.gui_op import GuiOp, show_write_error
from views.common.messages import warn
from views.common.task_runner import TaskRunner
from views.dispatch.board_data import ActiveOrders, ChangedOrders, read_changed
from views.dispatch.board_model import ORDER_ROLE, OrderBoardModel
from views.dispatch.issue_dialog import NEAREST, IssueOrderDialog
from views.dispatch.names import status_name
from views.dispatch.notice_log import NoticeLog
from views.dispatch.notify_dialog import NotifyDialog
from widgets.empty_hint import EmptyHint

log = logging.getLogger(__name__)
CHANGE_MS = 60  # orders changing in bursts are read together
FULL_RELOAD_FROM = 100  # so many orders changed at once (a catch-up page): read them all again
CLOCK_MS = 5000  # overdue marks follow the clock
TEAM_KINDS = ("team",)
OTHER_KINDS = ("medical", "equipment", "supply", "expert", "shelter")


class DispatchBoard(QWidget):
    sig_overdue = Signal(int)  # orders not acknowledged by their deadline

    def __init__(self, dispatch: DispatchService, incidents: IncidentService, runner: TaskRunner,
                 relay: DomainEventRelay, *, resources: ResourceStore | None = None, author: str = "",
                 tz=None, notices: NotificationService | None = None, contacts: ContactStore | None = None,
                 positions: PositionStore | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("dispatch_board")
        self.dispatch, self.incidents, self.runner, self.resources = dispatch, incidents, runner, resources
        self.author, self.tz = author, tz
        self.notices, self.contacts = notices, contacts
        self.positions = positions  # teams reporting where they are are offered by that distance
        self.incident_id = ""
        self.active = ActiveOrders()
        self._changed: set[str] = set()  # orders named by events, not read yet
        self._reading = False  # one read at a time: changes apply in the order they were read
        self._full = False  # a full reload is wanted once the read in flight is done
        self.overdue_count = 0
        self.model = OrderBoardModel(tz, self)
        self.view = QTreeView(objectName="dispatch_tree")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.selectionModel().currentChanged.connect(self._update_actions)
        # fixed widths: measuring 5,000 rows' contents on every refresh costs most of a second
        for column, width in enumerate((300, 360, 70, 180, 100, 110, 100)):
            self.view.setColumnWidth(column, width)
        self.issue_button = QPushButton(self.tr("Issue order… (F6)"), objectName="issue_order")
        self.issue_button.clicked.connect(self.on_issue)
        self.notify_button = QPushButton(self.tr("Notify…"), objectName="notify_button")
        self.notify_button.setToolTip(self.tr("SMS or voice notice to people and call groups"))
        self.notify_button.clicked.connect(self.on_notify)
        self.notify_button.setEnabled(notices is not None and contacts is not None)
        self.notice_log = NoticeLog(tz, self)
        self.notice_hint = EmptyHint(self.notice_log, self.tr(
            "No notifications yet: “Notify…” sends an SMS or a voice call to people and call groups."))
        self.step_buttons: dict[OrderStatus, QPushButton] = {}
        for status in (OrderStatus.ACKNOWLEDGED, OrderStatus.DEPARTED, OrderStatus.ARRIVED, OrderStatus.COMPLETED,
                       OrderStatus.REFUSED, OrderStatus.WITHDRAWN):
            button = QPushButton(self._step_label(status), objectName=f"step_{status.value}")
            button.clicked.connect(lambda _=False, s=status: self.on_step(s))
            self.step_buttons[status] = button
        self.filter_edit = QLineEdit(objectName="dispatch_filter", clearButtonEnabled=True)
        self.filter_edit.setPlaceholderText(self.tr("Filter by unit, order or incident"))
        self.filter_edit.textChanged.connect(self._show)
        self.status_combo = QComboBox(objectName="dispatch_status_filter")
        self.status_combo.addItem(self.tr("All active"), "")
        for status in (OrderStatus.ISSUED, OrderStatus.ACKNOWLEDGED, OrderStatus.DEPARTED, OrderStatus.ARRIVED):
            self.status_combo.addItem(status_name(status), status.value)
        self.status_combo.currentIndexChanged.connect(self._show)
        self.overdue_only = QCheckBox(self.tr("Overdue only"), objectName="dispatch_overdue_only")
        self.overdue_only.toggled.connect(self._show)
        self.alert = QLabel(objectName="dispatch_alert", textFormat=Qt.TextFormat.PlainText)
        self.alert.setStyleSheet("color: #b71c1c; font-weight: bold")
        self.summary = QLabel(objectName="dispatch_summary", textFormat=Qt.TextFormat.PlainText)  # may quote an error
        self.incident_label = QLabel(objectName="dispatch_incident", textFormat=Qt.TextFormat.PlainText)
        self.hint = EmptyHint(self.view)
        actions = QHBoxLayout()
        actions.addWidget(self.issue_button)
        actions.addWidget(self.notify_button)
        actions.addSpacing(12)
        for button in self.step_buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.incident_label)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.overdue_only)
        filters.addWidget(self.alert)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addLayout(actions)
        box.addLayout(filters)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        log_box = QWidget()
        log_layout = QVBoxLayout(log_box)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.addWidget(QLabel(self.tr("Notifications")))
        log_layout.addWidget(self.notice_log)
        split.addWidget(log_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        box.addWidget(split, 1)
        box.addWidget(self.summary)
        self._change_timer = QTimer(self, singleShot=True, interval=CHANGE_MS)
        self._change_timer.timeout.connect(self._read_changed)
        relay.records("order").sig_changed.connect(self.on_orders_changed)
        relay.records("notification").sig_changed.connect(lambda *_: self.reload_notices())
        self._clock = QTimer(self, interval=CLOCK_MS)
        self._clock.timeout.connect(self.tick)
        self._clock.start()
        self._update_actions()
        self.reload()

    @staticmethod
    def _step_label(status: OrderStatus) -> str:
        return {
            OrderStatus.ACKNOWLEDGED: QCoreApplication.translate("DispatchBoard", "Acknowledged"),
            OrderStatus.DEPARTED: QCoreApplication.translate("DispatchBoard", "Departed"),
            OrderStatus.ARRIVED: QCoreApplication.translate("DispatchBoard", "On scene"),
            OrderStatus.COMPLETED: QCoreApplication.translate("DispatchBoard", "Completed"),
            OrderStatus.REFUSED: QCoreApplication.translate("DispatchBoard", "Refused…"),
            OrderStatus.WITHDRAWN: QCoreApplication.translate("DispatchBoard", "Withdraw…"),
        }[status]

    # ---- data ---------------------------------------------------------------------

    @property
    def orders(self) -> list[Order]:
        """Every active order, in the board's order (filters aside)."""
        return self.active.all()

    def reload(self) -> None:
        """Every active order read again (the first load, a catch-up)."""
        self._full = True
        if self._reading:
            return  # after the read in flight
        self._reading, self._full = True, False
        self._changed.clear()  # the read starts after them: it sees them
        GuiOp(self, self.runner, self.dispatch.active).as_read().success(self._loaded) \
            .failure(self._read_failed).run()
        self.reload_notices()

    def on_orders_changed(self, ids: list[str]) -> None:
        self._changed.update(ids)
        self._change_timer.start()

    def _read_changed(self) -> None:
        if self._reading or not self._changed:
            return  # the read in flight looks again when it is done
        if len(self._changed) >= FULL_RELOAD_FROM:
            self.reload()
            return
        ids, self._changed = tuple(self._changed), set()
        self._reading = True
        GuiOp(self, self.runner, read_changed, self.dispatch, self.incidents, ids, tuple(self.active.groups)) \
            .as_read().success(self._apply_changed).failure(self._read_failed).run()

    def _next(self) -> None:
        if self._full:
            self.reload()
        elif self._changed:
            self._change_timer.start()

    def _read_failed(self, exc: BaseException) -> None:
        self._reading = False
        log.error("reading orders failed", exc_info=exc)
        self.summary.setText(self.tr("The orders could not be read: %1").replace("%1", str(exc)))
        self._next()

    def _apply_changed(self, changed: ChangedOrders) -> None:
        """Only the named orders: their rows inserted, updated or removed."""
        self._reading = False
        self.active.apply(changed)
        rank = self.active.rank()
        now = self._now()
        for order_id, order in changed.orders.items():
            if order is None or order.status not in ACTIVE or not self._admits(order, now):
                self.model.remove(order_id)
                continue
            shown = [rank.get(g, len(rank)) for g in self.model.group_ids()]
            self.model.upsert(order, bisect_left(shown, rank[order.incident_id]))
        self._counted(now, self.model.order_count())
        self._next()

    def reload_notices(self) -> None:
        if self.notices is not None:
            self.runner.read(self.notices.recent, self.incident_id, 100, on_done=self.notice_log.show_notifications,
                             owner=self)

    def _loaded(self, orders: list[Order]) -> None:
        self._reading = False
        self.active.reset(orders)
        self._show()
        self._next()

    def _now(self) -> datetime:
        return self.dispatch.clock.now()

    def _admits(self, o: Order, now: datetime) -> bool:
        """Whether the filters (text, status, 超时) show the order."""
        text = self.filter_edit.text().strip().lower()
        status = self.status_combo.currentData()
        return ((not status or o.status.value == status)
                and (not self.overdue_only.isChecked() or o.overdue(now))
                and (not text or text in f"{o.target_name} {o.content} {o.incident_code} {o.incident_title}".lower()))

    def _show(self) -> None:
        """All rows again (a filter changed, or everything was read): the selected order stays selected."""
        now = self._now()
        current = self.current_order()
        shown = [o for o in self.active.all() if self._admits(o, now)]
        self.model.set_orders(shown, now)
        if current is not None and (row := self.model.row_of(current.id)) >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._counted(now, len(shown))

    def _counted(self, now: datetime, shown: int) -> None:
        self.summary.setText(self.tr("%1 active orders, %2 shown").replace("%1", str(len(self.active)))
                             .replace("%2", str(shown)))
        self._update_hint()
        self._count_overdue(now)
        self._update_actions()

    def _update_hint(self) -> None:
        """What to do when the board is empty."""
        if len(self.active):
            self.hint.set_text(self.tr("No order matches the filter."))
        elif self.incident_id:
            self.hint.set_text(self.tr("No active orders. Press F6 (Issue order…) to send one to a unit for "
                                       "the selected incident."))
        else:
            self.hint.set_text(self.tr("No active orders. Select an incident, then press F6 (Issue order…) to "
                                       "send one to a unit."))

    def tick(self) -> None:
        now = self._now()
        self.model.set_now(now)
        self._count_overdue(now)

    def _count_overdue(self, now: datetime) -> None:
        count = sum(o.overdue(now) for o in self.active.all())
        self.alert.setText(self.tr("%1 orders not acknowledged in time").replace("%1", str(count)) if count else "")
        if count != self.overdue_count:
            self.overdue_count = count
            self.sig_overdue.emit(count)

    # ---- the selected incident and order -------------------------------------------------

    def set_incident(self, incident_id: str) -> None:
        self.incident_id = incident_id or ""
        self.incident_label.setText("")
        if incident_id:
            self.runner.read(self.incidents.get, incident_id, on_done=self._show_incident, owner=self)
        self.reload_notices()
        self._update_actions()
        self._update_hint()

    def _show_incident(self, incident) -> None:
        self.incident_label.setText(self.tr("Selected incident: %1").replace("%1", f"{incident.code} {incident.title}"))

    def current_order(self) -> Order | None:
        index = self.view.currentIndex()
        return index.data(ORDER_ROLE) if index.isValid() else None

    def _update_actions(self, *_args) -> None:
        order = self.current_order()
        for status, button in self.step_buttons.items():
            button.setEnabled(order is not None and can_move(order.status, status))
        self.issue_button.setEnabled(bool(self.incident_id or self.model.incident_at(self.view.currentIndex())))

    # ---- actions -----------------------------------------------------------------------

    def on_issue(self) -> IssueOrderDialog | None:
        incident_id = self.model.incident_at(self.view.currentIndex()) if self.view.hasFocus() else ""
        incident_id = incident_id or self.incident_id
        if not incident_id:
            return None
        try:
            incident = self.incidents.get(incident_id)
        except NotFound:
            return None
        dialog = IssueOrderDialog(self.dispatch, incident.id, f"{incident.code} {incident.title}", self.author,
                                  self._suggestions(incident), self, tz=self.tz, contacts=self.contacts,
                                  runner=self.runner)
        dialog.show()  # the new order comes back as an event, as every change does
        return dialog

    def _suggestions(self, incident) -> dict:
        if self.resources is None or incident.lat is None or incident.lon is None:
            return {}
        live = self.positions.live_by_resource() if self.positions is not None else None
        teams = [hit for kind in TEAM_KINDS
                 for hit in self.resources.nearest(incident.lat, incident.lon, kind=kind, limit=NEAREST, live=live)]
        others = sorted((hit for kind in OTHER_KINDS
                         for hit in self.resources.nearest(incident.lat, incident.lon, kind=kind, limit=4)),
                        key=lambda hit: hit[1])
        return {"team": sorted(teams, key=lambda hit: hit[1]), "resource": others}

    def on_notify(self) -> NotifyDialog | None:
        if self.notices is None or self.contacts is None:
            return None
        label = ""
        if self.incident_id:
            try:
                incident = self.incidents.get(self.incident_id)
                label = f"{incident.code} {incident.title}"
            except NotFound:
                self.incident_id = ""
        dialog = NotifyDialog(self.notices, self.contacts, self.incident_id, label, self.author, self,
                              runner=self.runner)
        dialog.sig_sent.connect(lambda _n: self.reload_notices())
        dialog.show()
        return dialog

    def on_step(self, status: OrderStatus) -> bool:
        order = self.current_order()
        if order is None:
            return False
        reason = ""
        if status in (OrderStatus.REFUSED, OrderStatus.WITHDRAWN):
            reason, ok = QInputDialog.getText(self, self._step_label(status).rstrip("…"),
                                              self.tr("Reason (goes on the incident's timeline):"))
            if not ok:
                return False
        return self.record_step(order.id, status, reason)

    def record_step(self, order_id: str, status: OrderStatus, reason: str = "") -> bool:
        """Written on the mirror writer; the row follows through the order's event.
        True when the step was handed to the writer."""
        GuiOp(self, self.runner, self.dispatch.advance, order_id, status, self.author, reason) \
            .failure(self._step_failed).run()
        return True

    def _step_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ValidationError):
            codes = {p.code for p in exc.problems}
            text = self.tr("Give a reason.") if "required" in codes else \
                self.tr("The order has already moved past this step.")
            warn(self, self.tr("Dispatch"), text)
            return
        show_write_error(self, exc, self.tr("Dispatch"))
