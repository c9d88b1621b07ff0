"""The incident log panel: filter bar, the incident list, the detail pane.

Reads of one list page run on the GUI thread (a page is ~200 rows and fast);
counts, the detail (incident + timeline) and a live refresh of everything
loaded are read through the task runner. Writes happen in the injected
dialogs, and every change, local or synced, comes back through the event
relay, so there is one refresh path: any change of an incident refreshes the
loaded rows (coalesced), so a new incident appears wherever the officer has
scrolled, while the selected row and the rows on screen stay where they are."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import tzinfo
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from services.incidents.model import ALLOWED_TRANSITIONS, EntryKind, Incident, Status
from services.incidents.repository import IncidentQuery
from services.incidents.service import IncidentService, NotFound
from views.common import labels
from views.common.clearance_labels import Levels
from views.common.event_relay import DomainEventRelay
from views.common.lazy_table_model import KeepOnScreen
from views.common.task_runner import TaskRunner
from views.incident_log import list_model as cols
from views.incident_log.detail_pane import DetailPane
from views.incident_log.filter_bar import FilterBar
from views.incident_log.table import build_incident_table
from widgets.empty_hint import EmptyHint

log = logging.getLogger(__name__)

TICK_MS = 1000
RELOAD_COALESCE_MS = 120  # a burst of synced changes causes one refresh
DETAIL_SHARE = 0.36  # of the panel's width, at first show
DETAIL_MIN_WIDTH = 420
class DialogsUnavailable(RuntimeError):
    pass


class IncidentLogView(QWidget):
    sig_incident_selected = Signal(str)

    def __init__(
        self,
        service: IncidentService,
        runner: TaskRunner,
        relay: DomainEventRelay,
        *,
        author: str,
        tz: tzinfo,
        dialogs: Any = None,
        report_annex: Any = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.service, self.runner, self.author, self.tz = service, runner, author, tz
        self.report_annex = report_annex  # incident id -> checklist steps, for the 终报's annex
        labels.use_taxonomy(service.taxonomy)
        self._dialogs = dialogs
        self._query = IncidentQuery()
        self._count: int | None = None
        self._tokens = {"count": 0, "detail": 0}
        self._sized = False

        self.filter_bar = FilterBar(tz, service.clock.now, self)
        self._query = self.filter_bar.apply_to(self._query)
        self.model = cols.create_incident_model(
            service, tz, self._load_page, self.on_sort, self,
            runner=runner, background_loader=self._background_loader,
        )
        self.table = self._build_table()
        self.keep_on_screen = KeepOnScreen(self.table, self.model)  # rows new above do not push the officer's
        self.status_line = QLabel(self)
        self.status_line.setObjectName("incidentStatusLine")
        self.status_line.setTextFormat(Qt.TextFormat.PlainText)  # it quotes the search
        self.empty_hint = EmptyHint(self.table)
        self.detail = DetailPane(tz, self)
        self.detail.levels = Levels(*service.levels())

        self._build_actions()
        self.detail.set_actions(
            [
                self.action_follow_up,
                self.action_final,
                self.action_note,
                self.action_status,
                self.action_export_pdf,
            ]
        )
        self._layout()

        self._tick_timer = QTimer(self, interval=TICK_MS)
        self._tick_timer.timeout.connect(self.tick)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_COALESCE_MS)
        self._reload_timer.timeout.connect(self.on_live_reload)
        self._detail_timer = QTimer(self, singleShot=True, interval=30)
        self._detail_timer.timeout.connect(self.on_refresh_detail)

        self.filter_bar.sig_changed.connect(self.on_filter_changed)
        self.filter_bar.sig_submitted.connect(self.on_search_submitted)
        self.model.sig_load_failed.connect(self.on_load_failed)
        relay.sig_incident_changed.connect(self.on_incident_changed)
        relay.sig_entry_appended.connect(self.on_entry_appended)

        self.table.setSortingEnabled(True)  # sorts by the indicator: loads the first page
        self._update_actions()
        self._refresh_count()
        self._tick_timer.start()

    # ---- public API -----------------------------------------------------------

    @property
    def query(self) -> IncidentQuery:
        return self._query

    @property
    def current_incident(self) -> Incident | None:
        return self.detail.incident

    def select_incident(self, incident_id: str) -> None:
        """Selects the row if it is listed and opens the incident in the detail pane."""
        row = self.model.row_for(incident_id)
        if row is None:
            self.table.clearSelection()
        else:
            self.table.setCurrentIndex(self.model.index(row, cols.COL_CODE))
            self.table.scrollTo(self.model.index(row, 0))
        self.open_incident(incident_id)

    def open_incident(self, incident_id: str) -> None:
        self._tokens["detail"] += 1
        token = self._tokens["detail"]
        self.runner.read(
            self._read_detail,
            incident_id,
            on_done=lambda result: self._on_detail(token, result),
            on_error=lambda exc: self._on_detail_error(token, incident_id, exc),
        )

    def tick(self) -> None:
        """Repaints the countdowns of the visible rows and the pane's deadline."""
        first = self.table.rowAt(0)
        if first >= 0:
            last = self.table.rowAt(self.table.viewport().height() - 1)
            self.model.touch_column(cols.COL_DEADLINE, first, None if last < 0 else last)
        if self.detail.incident is not None:
            self.detail.update_deadline(self.service.deadline(self.detail.incident))

    def reload(self) -> None:
        """Reads the list again off the GUI thread, keeping the selection and the
        rows on screen where they are."""
        self.model.refresh()
        self._refresh_count()

    # ---- slots ----------------------------------------------------------------

    def on_sort(self, key: str, descending: bool) -> None:
        self._query = replace(self._query, sort=key, descending=descending)

    def on_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        # Columns without a sort key keep the old indicator (the model ignores them).
        if self.model.is_sortable(section):
            self._sort_section = (section, order)
            return
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(*self._sort_section)
        header.blockSignals(False)

    def on_filter_changed(self) -> None:
        self._query = self.filter_bar.apply_to(self._query)
        current = self._current_row_id()
        self.model.reload(keep_loaded=False)
        if not self._restore_selection(current):
            self.table.scrollToTop()
        self._count = None
        self._update_status_line()
        self._refresh_count()

    def on_search_submitted(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, cols.COL_CODE))

    def on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_incident(str(self.model.key_of(index.row())))

    def on_incident_changed(self, incident_id: str, _reason: str) -> None:
        """Whatever the reason (new here or from the platform, changed, a catch-up
        page): the loaded rows are read again and the difference applied, so an
        incident the filter now admits appears wherever the list is scrolled and
        one it no longer admits goes (coalesced: syncs come in bursts)."""
        self._reload_timer.start()
        if not incident_id or incident_id == self.detail.current_id:
            self._detail_timer.start()

    def on_entry_appended(self, incident_id: str, _entry_id: str) -> None:
        if incident_id == self.detail.current_id:
            self._detail_timer.start()

    def on_live_reload(self) -> None:
        self.reload()

    def on_refresh_detail(self) -> None:
        if self.detail.current_id:
            self.open_incident(self.detail.current_id)

    def on_load_failed(self, exc: object) -> None:
        problem = getattr(exc, "problem", None)
        reason = labels.storage_message(str(problem)) if problem else str(exc)
        self.status_line.setText(
            self.tr("Could not read the incident list: %1").replace("%1", reason)
        )

    def on_find(self) -> None:
        self.filter_bar.focus_search()

    def on_new(self) -> None:
        self.call_dialogs("new_incident", self)

    def new_incident_at(self, lat: float, lon: float) -> None:
        """来电登记 with the position filled in (a right-click on the map)."""
        self.call_dialogs("new_incident", self.window(), (lat, lon))

    def on_follow_up(self) -> None:
        inc = self.detail.incident
        if inc is not None:
            kind = (
                EntryKind.INITIAL_REPORT
                if inc.last_report_kind is None
                else EntryKind.FOLLOW_UP_REPORT
            )
            self.call_dialogs("add_report", self, inc, kind)

    def on_final(self) -> None:
        if self.detail.incident is not None:
            self.call_dialogs("add_report", self, self.detail.incident, EntryKind.FINAL_REPORT)

    def on_note(self) -> None:
        if self.detail.incident is not None:
            self.call_dialogs("add_note", self, self.detail.incident)

    def on_change_status(self) -> None:
        if self.detail.incident is not None:
            self.call_dialogs("change_status", self, self.detail.incident)

    def on_export_pdf(self) -> None:
        if self.detail.incident is not None:
            self.call_dialogs("export_pdf", self, self.detail.incident)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Esc in the list clears the search too (the search box handles its own Esc).
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.filter_bar.is_search()
        ):
            self.filter_bar.clear_search()
            return True
        return super().eventFilter(watched, event)

    # ---- reading --------------------------------------------------------------

    def _load_page(self, offset: int, limit: int) -> list[Incident]:
        return self.service.list_page(self._query, offset, limit)

    def _background_loader(self):
        """The loader a reader thread runs: the service and today's query, no widget."""
        return partial(self.service.list_page, self._query)

    def _read_detail(self, incident_id: str) -> tuple[Incident, list]:
        return self.service.get(incident_id), self.service.timeline(incident_id)

    def _current(self, kind: str, token: int) -> bool:
        """False for a stale answer, or one that arrives after the panel was closed."""
        return shiboken6.isValid(self) and token == self._tokens[kind]

    def _on_detail(self, token: int, result: tuple[Incident, list]) -> None:
        if not self._current("detail", token):
            return  # a later selection won
        incident, entries = result
        changed = incident.id != self.detail.current_id
        self.detail.show_incident(incident, entries, self.service.deadline(incident))
        self.model.refresh_row(incident.id, incident)
        self._update_actions()
        if changed:
            self.sig_incident_selected.emit(incident.id)

    def _on_detail_error(self, token: int, incident_id: str, exc: BaseException) -> None:
        if not self._current("detail", token):
            return
        if not isinstance(exc, NotFound):
            log.error("reading incident %s failed", incident_id, exc_info=exc)
        self.detail.clear()
        self._update_actions()

    def _refresh_count(self) -> None:
        self._tokens["count"] += 1
        token, query = self._tokens["count"], self._query
        self.runner.read(
            self.service.count,
            query,
            on_done=lambda n: self._on_count(token, n),
            on_error=lambda exc: log.error("counting incidents failed", exc_info=exc),
        )

    def _on_count(self, token: int, count: int) -> None:
        if self._current("count", token):
            self._count = count
            self._update_status_line()

    def _update_status_line(self) -> None:
        text = self.tr("%1 incidents").replace(
            "%1", str(self._count if self._count is not None else "…")
        )
        if self.filter_bar.is_search():
            text += self.tr(" · search results for “%1”").replace(
                "%1", self.filter_bar.search_text()
            )
        if self.filter_bar.has_filters():
            text += self.tr(" · filtered")
        self.status_line.setText(text)
        narrowed = self.filter_bar.is_search() or self.filter_bar.has_filters()
        self.empty_hint.set_text(
            self.tr("No incident matches the filter or the search. Esc in the search box clears it.") if narrowed
            else self.tr("No incidents yet: press F2 (Call intake…) to log the first call.")
            if self._count == 0 else "")

    # ---- selection ------------------------------------------------------------

    def _current_row_id(self) -> str | None:
        index = self.table.currentIndex()
        return str(self.model.key_of(index.row())) if index.isValid() else None

    def _restore_selection(self, incident_id: str | None) -> bool:
        row = self.model.row_for(incident_id) if incident_id else None
        if row is None:
            return False
        self.table.setCurrentIndex(self.model.index(row, cols.COL_CODE))
        self.table.scrollTo(self.model.index(row, cols.COL_CODE))
        return True

    # ---- actions and dialogs --------------------------------------------------

    def _update_actions(self) -> None:
        inc = self.detail.incident
        live = inc is not None and inc.status != Status.CANCELLED
        final_sent = inc is not None and inc.last_report_kind == EntryKind.FINAL_REPORT
        initial = inc is None or inc.last_report_kind is None
        self.action_follow_up.setText(
            self.tr("Initial report…") if initial else self.tr("Follow-up report…")
        )
        self.action_follow_up.setEnabled(live and not final_sent)
        self.action_final.setEnabled(live and not final_sent and not initial)
        self.action_note.setEnabled(inc is not None)
        self.action_status.setEnabled(inc is not None and bool(ALLOWED_TRANSITIONS[inc.status]))
        self.action_export_pdf.setEnabled(inc is not None)

    def dialogs(self) -> Any:
        """The injected dialogs, or the real ones built on first use."""
        if self._dialogs is None:
            try:
                from views.incident_log.dialogs import IncidentDialogs
            except ModuleNotFoundError as exc:
                if exc.name != "views.incident_log.dialogs":
                    raise
                raise DialogsUnavailable(
                    "views.incident_log.dialogs is missing: the incident dialogs are not installed"
                ) from exc
            self._dialogs = IncidentDialogs(
                self.service, self.runner, author=self.author, tz=self.tz, annex=self.report_annex
            )
        return self._dialogs

    def call_dialogs(self, method: str, *args: Any) -> None:
        try:
            dialogs = self.dialogs()
        except DialogsUnavailable:
            log.exception("cannot open incident dialogs")
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("Incident log"),
                self.tr("This function is not available in this installation."),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.open()
            return
        getattr(dialogs, method)(*args)

    def _build_actions(self) -> None:
        def make(text: str, keys: list[QKeySequence | str], slot) -> QAction:
            action = QAction(text, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            if keys:
                action.setToolTip(
                    f"{text} ({QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)})"
                )
            action.triggered.connect(slot)
            self.addAction(action)
            return action

        self.action_new = make(self.tr("Call intake…"), ["Ctrl+N", "F2"], self.on_new)
        self.action_follow_up = make(self.tr("Follow-up report…"), ["Ctrl+R"], self.on_follow_up)
        self.action_final = make(self.tr("Final report…"), ["Ctrl+Shift+R"], self.on_final)
        self.action_status = make(self.tr("Change status…"), ["Ctrl+T"], self.on_change_status)
        self.action_export_pdf = make(self.tr("Export PDF…"), ["Ctrl+P"], self.on_export_pdf)
        self.action_note = make(self.tr("Add note…"), ["Ctrl+M"], self.on_note)
        self.action_find = make(self.tr("Search"), ["Ctrl+F", "F3"], self.on_find)

    # ---- layout ---------------------------------------------------------------

    def _build_table(self) -> QTableView:
        table = build_incident_table(self.model, self)
        header = table.horizontalHeader()
        self._sort_section = (cols.COL_REPORTED, Qt.SortOrder.DescendingOrder)
        header.setSortIndicator(*self._sort_section)
        header.sortIndicatorChanged.connect(self.on_sort_indicator)
        # Enter (activated) or a click opens a row; arrowing through the list only moves.
        table.activated.connect(self.on_activated)
        table.clicked.connect(self.on_activated)
        table.installEventFilter(self)
        return table

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # the pane gets room for its facts once a width is known
            self._sized = True
            detail = max(DETAIL_MIN_WIDTH, int(self.width() * DETAIL_SHARE))
            self.splitter.setSizes([max(1, self.width() - detail), detail])

    def _layout(self) -> None:
        left = QWidget(self)
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.filter_bar)
        box.addWidget(self.table, 1)
        box.addWidget(self.status_line)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
