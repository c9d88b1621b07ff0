"""值班 (`Ctrl+7`): who is on duty now, the roster of the month or the week, and
the duty actions — shifts, filling by hand or by a rota, import, publish,
swaps, sign-in (接班), handing over (交班) and the handover records. Reads run
on a reader, writes on the mirror writer; the lists follow the platform's
changes as they arrive."""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta, tzinfo

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.duty.contract import HandoverState, Person, Post
from services.duty.roster import RosterMonth
from services.duty.services import DutyServices
from views.common.gui_op import GuiOp
from views.common.messages import ask, warn
from views.duty.cell_dialog import CellDialog
from views.duty.fill_dialogs import RosterImportDialog, RotaDialog
from views.duty.handover_dialog import HandoverDialog
from views.duty.history_dialog import HistoryDialog
from views.duty.messages import duty_error_text
from views.duty.on_duty import OnDutyCard
from views.duty.patterns_dialog import PatternsDialog
from views.duty.roster_model import RosterModel
from views.duty.signin_dialog import SignInDialog
from views.duty.swap_dialog import OfferSwapDialog, SwapsDialog
from widgets.empty_hint import EmptyHint
from widgets.plain_text import plain_label

WATCHED = ("shift_pattern", "roster_entry", "roster_publish", "duty_swap")
COALESCE_MS = 200


def shift_to_hand_over(duty: DutyServices):
    """On a reader: (shift, its handover or None) — the shift before, while it has not
    handed over, else the one under way."""
    shifts = duty.shifts
    current = shifts.shift_at(shifts.clock.now())
    if current is None:
        return None, None
    chain = shifts.chain(current)
    shift = chain.previous if chain.previous is not None and chain.handover is None else current
    return shift, shifts.handover_of(shift.day.isoformat(), shift.pattern.id)


def open_handover(duty: DutyServices):
    """On a reader: the newest handover still awaiting its confirmations, if any."""
    return next((h for h in duty.handovers.history(limit=20) if h.state == HandoverState.OPEN), None)


class DutyPanel(QWidget):
    sig_signed_in = Signal(object, str, str)  # SignIn, platform account, password

    def __init__(self, duty: DutyServices, contacts, runner, relay, *, tz: tzinfo, author: str, site_name: str = "",
                 parent=None):
        super().__init__(parent)
        self.setObjectName("duty_panel")
        self.duty, self.contacts, self.runner, self.relay = duty, contacts, runner, relay
        self.tz, self.author, self.site_name = tz, author, site_name
        self.focus_day = duty.room.local_day(duty.shifts.clock.now())
        self.week = False
        self.month: RosterMonth | None = None
        self._loading = self._again = False
        self.card = OnDutyCard(duty.shifts, runner, relay, tz=tz, parent=self)
        self.model = RosterModel(self)
        self.table = QTableView(objectName="roster_table")
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.activated.connect(self.edit_cell)  # a double click, or Enter on the current place
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.installEventFilter(self)  # the menu key (eventFilter)
        self.hint = EmptyHint(self.table)
        self.period = plain_label(objectName="roster_period")
        self.period.setStyleSheet("font-size: 12pt; font-weight: bold")
        self.view_choice = QComboBox(objectName="roster_view")
        self.view_choice.addItems([self.tr("Month"), self.tr("Week")])
        self.view_choice.currentIndexChanged.connect(self._view_changed)
        self.status = plain_label(objectName="roster_status", wordWrap=True)
        nav = QHBoxLayout()
        for text, name, slot in (("◀", "roster_prev", lambda: self.step(-1)), (self.tr("Today"), "roster_today",
                                 self.today), ("▶", "roster_next", lambda: self.step(1))):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            nav.addWidget(button)
        nav.addWidget(self.period)
        nav.addWidget(self.view_choice)
        nav.addStretch(1)
        actions = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, slot in (
                ("patterns", self.tr("Shifts…"), self.on_patterns), ("rota", self.tr("Fill by rota…"), self.on_rota),
                ("import", self.tr("Import…"), self.on_import), ("publish", self.tr("Publish…"), self.on_publish),
                ("swaps", self.tr("Swaps…"), self.on_swaps), ("sign_in", self.tr("Take over (sign in)…"),
                                                            self.on_sign_in),
                ("hand_over", self.tr("Hand over…"), self.on_hand_over),
                ("confirm", self.tr("Confirm the handover…"), self.on_confirm),
                ("history", self.tr("Handover records…"), self.on_history)):
            button = QPushButton(text, objectName=f"duty_{name}")
            button.clicked.connect(slot)
            self.buttons[name] = button
            actions.addWidget(button)
        actions.addStretch(1)
        box = QVBoxLayout(self)
        box.addWidget(self.card)
        box.addLayout(nav)
        box.addLayout(actions)
        box.addWidget(self.table, 1)
        box.addWidget(self.status)
        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self.reload)
        if relay is not None:
            for entity in WATCHED:
                relay.records(entity).sig_changed.connect(lambda *_: self._coalesce.start())
        self.dialogs: list[QWidget] = []

    # ---- the period shown --------------------------------------------------------------

    def bounds(self) -> tuple[date, date]:
        if self.week:
            first = self.focus_day - timedelta(days=self.focus_day.weekday())
            return first, first + timedelta(days=6)
        first = self.focus_day.replace(day=1)
        return first, first.replace(day=monthrange(first.year, first.month)[1])

    def step(self, direction: int) -> None:
        if self.week:
            self.focus_day += timedelta(days=7 * direction)
        else:
            first = self.focus_day.replace(day=1)
            self.focus_day = (first + timedelta(days=32)).replace(day=1) if direction > 0 else \
                (first - timedelta(days=1)).replace(day=1)
        self.reload()

    def today(self) -> None:
        self.focus_day = self.duty.room.local_day(self.duty.shifts.clock.now())
        self.reload()

    def _view_changed(self, index: int) -> None:
        self.week = index == 1
        self.reload()

    def refresh(self) -> None:
        self.card.refresh()
        self.reload()

    def reload(self) -> None:
        if self._loading:
            self._again = True
            return
        self._loading = True
        first, last = self.bounds()
        GuiOp(self, self.runner, self.duty.roster.month, first, last).as_read().success(self.show_month) \
            .failure(self._read_failed).run()

    def _read_failed(self, exc: BaseException) -> None:
        self._loading = False
        self.status.setText(self.tr("The roster could not be read: %1").replace("%1", str(exc)))

    def show_month(self, month: RosterMonth) -> None:
        self._loading = False
        self.month = month
        self.model.today = self.duty.room.local_day(self.duty.shifts.clock.now())
        self.model.show(month, week=self.week)
        self.period.setText(self.tr("Week of %1").replace("%1", month.first.strftime("%Y-%m-%d")) if self.week
                            else self.tr("%1-%2").replace("%1", str(month.first.year))
                            .replace("%2", f"{month.first.month:02d}"))
        self._size_columns()
        if not month.patterns:
            self.hint.set_text(self.tr("This watch room has no shifts yet: “Shifts…” sets them up (for example "
                                       "白班 08:30–17:30 and 夜班 17:30–08:30)."))
        vacant = len(month.vacancies())
        days = (month.last - month.first).days + 1
        published = self.tr("published") if len(month.published) == days else \
            self.tr("%1 of %2 days published").replace("%1", str(len(month.published))).replace("%2", str(days))
        self.status.setText(self.tr("%1 places vacant · %2").replace("%1", str(vacant)).replace("%2", published))
        if self._again:
            self._again = False
            self._coalesce.start()

    def _size_columns(self) -> None:
        days = max(1, self.model.columnCount())
        room = self.table.viewport().width() or self.width() - self.table.verticalHeader().width()
        width = max(118 if self.week else 40, room // days)
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, width)
        height = 44 if self.week else 26
        for row in range(self.model.rowCount()):
            self.table.setRowHeight(row, height)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._size_columns()

    # ---- the cells ------------------------------------------------------------------

    def label_of(self, place: tuple) -> str:
        pattern = next((p for p in self.month.patterns if p.id == place[1]), None) if self.month else None
        return f"{place[0].isoformat()} {pattern.name if pattern else ''}"

    def edit_cell(self, index) -> CellDialog | None:
        place = self.model.place(index)
        if place is None:
            return None
        dialog = CellDialog(self.duty.roster, self.contacts, self.runner, place, self.label_of(place),
                            self.model.cell(index), self)
        return self._open(dialog)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """The menu key opens the current place's menu. Its event reaches the table itself, at a
        point in the table's coordinates: customContextMenuRequested passes that on as it is, and
        read as the viewport's (as a right click's is) it named a place right of and below it."""
        if watched is self.table and event.type() == QEvent.Type.ContextMenu \
                and event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.table.currentIndex()
            if index.isValid():
                self.table.scrollTo(index)
                self._menu(self.table.visualRect(index).center())
            return True
        return super().eventFilter(watched, event)

    def _menu(self, point) -> None:
        """The menu of the place at `point` (in the viewport's coordinates)."""
        index = self.table.indexAt(point)
        place = self.model.place(index)
        if place is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Who is on duty here…"), lambda: self.edit_cell(index))
        cell = self.model.cell(index)
        if cell is not None and not cell.person.empty:
            menu.addAction(self.tr("Offer a swap…"), lambda: self.offer_swap(index))
            menu.addAction(self.tr("Leave vacant"), lambda: self._vacate(place))
        menu.exec(self.table.viewport().mapToGlobal(point))

    def _vacate(self, place: tuple) -> None:
        day, pattern_id, post, slot = place
        GuiOp(self, self.runner, self.duty.roster.assign, day, pattern_id, Post(post), slot, Person("")) \
            .failure(self._refused).run()

    def offer_swap(self, index) -> OfferSwapDialog | None:
        cell = self.model.cell(index)
        if cell is None or cell.person.empty:
            return None
        return self._open(OfferSwapDialog(self.duty, self.contacts, self.runner, cell,
                                          self.label_of(self.model.place(index)), self.author, self))

    def _refused(self, exc: BaseException) -> None:
        warn(self, self.tr("Roster not changed"), duty_error_text(exc), name="duty_refused")

    # ---- actions ----------------------------------------------------------------------

    def _open(self, dialog):
        # Deleted once closed: kept as the panel's hidden child, a closed Swaps… or Handover
        # records… dialog went on re-reading on every change it listens for, one more each time.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self.dialogs.remove(d) if d in self.dialogs else None)
        dialog.open()
        return dialog

    def on_patterns(self) -> PatternsDialog:
        return self._open(PatternsDialog(self.duty.roster, self.runner, self))

    def on_rota(self) -> RotaDialog:
        first, last = self.bounds()
        return self._open(RotaDialog(self.duty.roster, self.runner, first, last, self))

    def on_import(self) -> RosterImportDialog:
        return self._open(RosterImportDialog(self.duty.roster, self.runner, self))

    def on_publish(self) -> None:
        first, last = self.bounds()
        if ask(self, self.tr("Publish the roster"), self.tr("Publish the roster from %1 to %2? Every post of every "
                                                            "shift must be filled.").replace("%1", first.isoformat())
               .replace("%2", last.isoformat())):
            GuiOp(self, self.runner, self.duty.roster.publish, first, last, self.author).failure(self._refused).run()

    def on_swaps(self) -> SwapsDialog:
        return self._open(SwapsDialog(self.duty, self.runner, self.relay, tz=self.tz, author=self.author, parent=self))

    def on_sign_in(self) -> SignInDialog:
        dialog = SignInDialog(self.duty.shifts, self.runner, account=self.duty.identity.account,
                              workstation=self.duty.identity.workstation, parent=self)
        dialog.sig_signed_in.connect(self.sig_signed_in)
        return self._open(dialog)

    def on_hand_over(self) -> None:
        GuiOp(self, self.runner, shift_to_hand_over, self.duty).as_read().success(self._hand_over).run()

    def _hand_over(self, found) -> None:
        shift, handover = found
        if shift is None:
            self.status.setText(self.tr("No shift is under way: nothing to hand over."))
            return
        self.handover_dialog(shift=shift, handover=handover)

    def handover_dialog(self, *, shift=None, handover=None) -> HandoverDialog:
        return self._open(HandoverDialog(self.duty.handovers, self.runner, tz=self.tz, author=self.author,
                                         site_name=self.site_name, shift=None if handover else shift,
                                         handover=handover, parent=self))

    def on_confirm(self) -> None:
        GuiOp(self, self.runner, open_handover, self.duty).as_read().success(self._confirm).run()

    def _confirm(self, handover) -> None:
        if handover is None:
            self.status.setText(self.tr("No handover is awaiting confirmation."))
            return
        self.handover_dialog(handover=handover)

    def on_history(self) -> HistoryDialog:
        dialog = HistoryDialog(self.duty.handovers, self.runner, self.relay, tz=self.tz, parent=self)
        dialog.sig_open.connect(lambda h: self.handover_dialog(handover=h))
        return self._open(dialog)
