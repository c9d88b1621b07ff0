"""值班日志: the watch room's log of a span of time (today, yesterday, the last
12 hours, or any span), filtered by kind and text, read on a reader and kept
up to date as records change here or arrive from the platform. Enter on a line
about an incident opens it in the incident log; 值班日报… opens the daily report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, tzinfo

from PySide6.QtCore import QByteArray, QDateTime, Qt, QTimer, QTimeZone, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from services.duty_log.log import DutyLog, LogItem, LogKind, LogQuery
from services.reminders.schedule import local_day
from views.common import labels
from views.common.gui_op import GuiOp
from views.common.lazy_table_model import Column, LazyTableModel
from views.duty_log.names import alarm_detail, handover_detail, handover_title, kind_name, what_name
from widgets.empty_hint import EmptyHint
from widgets.plain_text import plain_label

COALESCE_MS = 400
WATCHED = ("order", "notification", "conference", "rollcall", "reminder_done", "handover", "duty_signin")


class DutyLogPanel(QWidget):
    sig_incident_activated = Signal(str)
    sig_loaded = Signal(int)  # how many lines are shown, after each read
    sig_daily_report = Signal()  # the officer asked for the daily report

    def __init__(self, log: DutyLog, runner, relay, *, tz: tzinfo, now, parent=None):
        super().__init__(parent)
        self.setObjectName("duty_log")
        self.log, self.runner, self.tz, self.now = log, runner, tz, now
        self.items: list[LogItem] = []
        self._reading = self._again = False
        self.today = QPushButton(self.tr("Today"), objectName="log_today")
        self.yesterday = QPushButton(self.tr("Yesterday"), objectName="log_yesterday")
        self.last12 = QPushButton(self.tr("Last 12 hours"), objectName="log_last12")
        self.today.clicked.connect(lambda: self.show_day(0))
        self.yesterday.clicked.connect(lambda: self.show_day(-1))
        self.last12.clicked.connect(self.show_last_hours)
        self.start = QDateTimeEdit(objectName="log_start", calendarPopup=True)
        self.end = QDateTimeEdit(objectName="log_end", calendarPopup=True)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setTimeZone(_qt_zone(tz))
            edit.editingFinished.connect(self.reload)
        self.kinds_button = QToolButton(objectName="log_kinds", popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.kinds_button)
        self.kind_actions: dict[LogKind, QAction] = {}
        for kind in LogKind:
            action = menu.addAction(kind_name(kind))
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(self._kinds_changed)
            self.kind_actions[kind] = action
        self.kinds_button.setMenu(menu)
        self.text = QLineEdit(objectName="log_text", clearButtonEnabled=True)
        self.text.setPlaceholderText(self.tr("Filter: number, title, content, person"))
        self._typing = QTimer(self, singleShot=True, interval=250)
        self._typing.timeout.connect(self.reload)
        self.text.textChanged.connect(lambda _t: self._typing.start())
        self.daily = QPushButton(self.tr("Daily report…"), objectName="log_daily_report")
        self.daily.clicked.connect(self.sig_daily_report)
        bar = QHBoxLayout()
        for widget in (self.today, self.yesterday, self.last12, plain_label(self.tr("From")), self.start,
                       plain_label(self.tr("to")), self.end, self.kinds_button):
            bar.addWidget(widget)
        bar.addWidget(self.text, 1)
        bar.addWidget(self.daily)
        self.model: LazyTableModel[LogItem] = LazyTableModel(self._columns(), self._page, _key, parent=self)
        self.table = QTableView(objectName="log_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((120, 70, 90, 120, 220, 360)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._on_activated)
        self.empty_hint = EmptyHint(self.table, self.tr(
            "Nothing recorded in this span. Calls, incidents, reports, orders, notices, conferences, roll calls "
            "and reminders of this watch room appear here as they happen."))
        self.summary = plain_label(objectName="log_summary")
        box = QVBoxLayout(self)
        box.addLayout(bar)
        box.addWidget(self.table, 1)
        box.addWidget(self.summary)
        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self.reload)
        relay.sig_incident_changed.connect(lambda *_: self._coalesce.start())
        relay.sig_entry_appended.connect(lambda *_: self._coalesce.start())
        for entity in WATCHED:
            relay.records(entity).sig_changed.connect(lambda _ids: self._coalesce.start())
        self._kinds_changed()
        self._set_span(*self._day_span(0))

    # ---- the span and the filters --------------------------------------------

    def _day_span(self, offset_days: int) -> tuple[datetime, datetime]:
        day = self.now().astimezone(self.tz).date() + timedelta(days=offset_days)
        span = local_day(day, self.tz)
        return span.start, span.end

    def _set_span(self, start: datetime, end: datetime) -> None:
        self.start.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp()), _qt_zone(self.tz)))
        self.end.setDateTime(QDateTime.fromSecsSinceEpoch(int(end.timestamp()), _qt_zone(self.tz)))

    def show_day(self, offset_days: int) -> None:
        self._set_span(*self._day_span(offset_days))
        self.reload()

    def show_last_hours(self, hours: int = 12) -> None:
        now = self.now()
        self._set_span(now - timedelta(hours=hours), now + timedelta(minutes=1))
        self.reload()

    def set_span(self, start: datetime, end: datetime) -> None:
        """A span from elsewhere (the roster's current shift, when it is wired)."""
        self._set_span(start, end)
        self.reload()

    def query(self) -> LogQuery:
        start = datetime.fromtimestamp(self.start.dateTime().toSecsSinceEpoch(), UTC)
        end = datetime.fromtimestamp(self.end.dateTime().toSecsSinceEpoch(), UTC)
        kinds = frozenset(kind for kind, action in self.kind_actions.items() if action.isChecked())
        return LogQuery(start, max(start, end), kinds, self.text.text())

    def _kinds_changed(self, *_args) -> None:
        chosen = [kind for kind, action in self.kind_actions.items() if action.isChecked()]
        self.kinds_button.setText(self.tr("Kinds (all)") if len(chosen) == len(LogKind)
                                  else self.tr("Kinds (%1)").replace("%1", str(len(chosen))))
        if hasattr(self, "model"):
            self.reload()

    # ---- reading ---------------------------------------------------------------

    def reload(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading = True
        GuiOp(self, self.runner, self.log.items, self.query()).as_read().success(self._show) \
            .failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._reading = False
        self.summary.setText(self.tr("The duty log could not be read: %1").replace("%1", str(exc)))

    def _show(self, items: list[LogItem]) -> None:
        self._reading = False
        self.items = items
        self.model.reload(keep_loaded=False)
        while self.model.canFetchMore():
            self.model.fetchMore()
        self.summary.setText(self.tr("%1 entries").replace("%1", str(len(items))) if items
                             else self.tr("Nothing recorded in this span."))
        self.sig_loaded.emit(len(items))
        if self._again:
            self._again = False
            self.reload()

    def _page(self, offset: int, limit: int) -> list[LogItem]:
        return self.items[offset:offset + limit]

    def _on_activated(self, index) -> None:
        item = self.model.item(index.row())
        if item.incident_id:
            self.sig_incident_activated.emit(item.incident_id)

    def _columns(self) -> list[Column[LogItem]]:
        tz = self.tz

        def detail(item: LogItem) -> str:
            if item.kind == LogKind.ROLLCALL and item.detail:  # the answer's time
                return self.tr("answered at %1").replace(
                    "%1", datetime.fromisoformat(item.detail).astimezone(tz).strftime("%H:%M:%S"))
            if item.kind == LogKind.HANDOVER:
                return handover_detail(item)
            if item.kind == LogKind.ALARM:
                return alarm_detail(item)
            return item.detail

        def title(item: LogItem) -> str:
            mark = f"[{labels.exercise_mark()}] " if item.exercise else ""
            if item.kind == LogKind.ROLLCALL and not item.title.strip():
                return self.tr("Roll call of this watch room")
            if item.kind == LogKind.HANDOVER:
                return handover_title(item)
            return mark + item.title

        return [
            Column(self.tr("Time"), lambda i: i.at.astimezone(tz).strftime("%m-%d %H:%M:%S")),
            Column(self.tr("Kind"), lambda i: kind_name(i.kind)),
            Column(self.tr("What"), what_name),
            Column(self.tr("Number"), lambda i: i.code),
            Column(self.tr("Title / to"), title, roles={Qt.ItemDataRole.ToolTipRole: title}),
            Column(self.tr("Content"), detail, roles={Qt.ItemDataRole.ToolTipRole: detail}),
            Column(self.tr("By"), lambda i: labels.attributed(i.by, i.by_account)),
        ]


def _key(item: LogItem) -> tuple:
    return item.kind.value, item.ref_id, item.what, item.at


def _qt_zone(tz: tzinfo) -> QTimeZone:
    """The watch room's zone for Qt's editors (its IANA name), the system's if it has none."""
    name = getattr(tz, "key", None)
    return QTimeZone(QByteArray(name.encode())) if name else QTimeZone.systemTimeZone()
