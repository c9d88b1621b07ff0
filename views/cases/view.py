"""相似案例: a dock beside the incident log. It follows the log's selection and lists
the ten most similar closed incidents, why each was chosen and how it ended; the
selected case's 终报 shows below as plain text. A search box looks across all
closed incidents instead (1-2 characters work, as in the incident search).

Reads run on the TaskRunner's readers; a selection that changes while one runs
is read once more when it ends, so a fast walk down the log never queues reads."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from services.cases.finder import SEARCH_LIMIT, CaseFinder, UnknownIncident
from services.cases.model import Case
from views.cases import words
from views.common.gui_op import GuiOp
from widgets.plain_text import plain_label, tooltip

SEARCH_DELAY_MS = 300
COALESCE_MS = 500
CASE_REASONS = frozenset({"status", "created", "synced", "bulk"})  # IncidentChanged reasons that may add a case


class CasesView(QWidget):
    sig_incident_activated = Signal(str)  # open this case in the incident log

    def __init__(self, finder: CaseFinder, runner, *, tz: tzinfo, relay=None, parent=None):
        super().__init__(parent)
        self.finder, self.runner, self.tz = finder, runner, tz
        self.incident_id: str | None = None
        self.cases: list[Case] = []
        self._loading = self._again = False
        layout = QVBoxLayout(self)
        self.search = QLineEdit(placeholderText=self.tr("Search closed incidents (Ctrl+K), e.g. 火 or 槽罐车"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self.refresh)
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.heading = plain_label(wordWrap=True)
        self.heading.setStyleSheet("font-weight: bold")
        layout.addWidget(self.heading)
        split = QSplitter(Qt.Orientation.Vertical)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.currentRowChanged.connect(self._show_report)
        self.list.itemActivated.connect(self._on_activated)
        split.addWidget(self.list)
        self.report_box = report_box = QWidget()
        report_layout = QVBoxLayout(report_box)
        report_layout.setContentsMargins(0, 0, 0, 0)
        self.report_heading = plain_label(wordWrap=True)
        self.report = QPlainTextEdit(readOnly=True)  # plain text: a 终报 is never markup
        report_layout.addWidget(self.report_heading)
        report_layout.addWidget(self.report, 1)
        split.addWidget(report_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)
        find = QShortcut(QKeySequence("Ctrl+K"), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self._focus_search)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self.refresh)
        if relay is not None:
            relay.sig_incident_changed.connect(self._on_incident_changed)
        self._show_empty(self._hint())

    def _hint(self) -> str:
        return self.tr("Select an incident in the log: the closed incidents most like it are listed here, "
                       "with how they ended and their final reports. Or search all closed incidents "
                       "above (Ctrl+K).")

    # --- what to show -----------------------------------------------------------------

    def show_incident(self, incident_id: str) -> None:
        """The log's selection (INCIDENT_SELECTED)."""
        if incident_id == self.incident_id:
            return
        self.incident_id = incident_id or None
        if not self.search.text().strip():
            self.refresh()

    def refresh(self) -> None:
        self._search_timer.stop()
        if self._loading:
            self._again = True
            return
        text = self.search.text().strip()
        if text:
            op = GuiOp(self, self.runner, self.finder.search, text)
        elif self.incident_id:
            op = GuiOp(self, self.runner, self.finder.similar, self.incident_id)
        else:
            self.cases = []
            self._show_empty(self._hint())
            return
        self._loading = True
        self.heading.setText(self.tr("Looking for cases…"))
        asked = (text, self.incident_id)
        op.as_read().success(lambda cases: self._loaded(asked, cases)).failure(self._failed).run()

    def _newer_asked(self, asked: tuple[str, str | None] | None) -> bool:
        """True when a newer question came while this one was read: it is read now instead."""
        self._loading = False
        if self._again or (asked is not None and asked != (self.search.text().strip(), self.incident_id)):
            self._again = False
            self.refresh()
            return True
        return False

    def _loaded(self, asked: tuple[str, str | None], cases: list[Case]) -> None:
        if self._newer_asked(asked):
            return
        self.cases = cases
        text = asked[0]
        if text and not cases:
            self._show_empty(self.tr("No closed incident holds “%1”.").replace("%1", text))
        elif not cases:
            self._show_empty(self.tr("No closed incident is like this one yet."))
        else:
            if text and len(cases) >= SEARCH_LIMIT:
                heading = self.tr("The newest %1 closed incidents that hold “%2”")
            elif text:
                heading = self.tr("%1 closed incidents hold “%2”")
            else:
                heading = self.tr("%1 most similar closed incidents")
            self.heading.setText(heading.replace("%1", str(len(cases))).replace("%2", text))
            self._fill(cases)

    def _failed(self, exc: BaseException) -> None:
        if self._newer_asked(None):
            return
        self.cases = []
        if isinstance(exc, UnknownIncident):
            self._show_empty(self.tr("This incident is no longer in this workstation's records."))
        else:
            self._show_empty(self.tr("Cases could not be read: %1").replace("%1", str(exc)))

    def _show_empty(self, message: str) -> None:
        self.report_box.hide()  # nothing to read: the message says what to do
        self.list.clear()
        self.heading.setText(message)
        self.report_heading.clear()
        self.report.clear()

    def _fill(self, cases: list[Case]) -> None:
        self.report_box.show()
        self.list.clear()
        for case in cases:
            lines = [words.heading_text(case, self.tz)]
            why = words.reasons_text(case)
            if why:
                lines.append(why)
            lines.append(words.outcome_text(case))
            item = QListWidgetItem("\n".join(lines))  # list items are plain text
            item.setData(Qt.ItemDataRole.UserRole, case.incident_id)
            item.setToolTip(tooltip(case.place))
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def _show_report(self, row: int) -> None:
        if not 0 <= row < len(self.cases):
            self.report_heading.clear()
            self.report.clear()
            return
        case = self.cases[row]
        self.report_heading.setText(words.report_heading(case, self.tz))
        self.report.setPlainText(case.final_report)

    # --- keyboard and events -------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        """In the search box: Down goes to the list, Esc clears the search."""
        if obj is self.search and event.type() == event.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.list.count():
                self.list.setFocus()
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.refresh()
                return True
        return super().eventFilter(obj, event)

    def _on_activated(self, item: QListWidgetItem) -> None:
        incident_id = item.data(Qt.ItemDataRole.UserRole)
        if incident_id:
            self.sig_incident_activated.emit(incident_id)

    def _on_incident_changed(self, incident_id: str, reason: str) -> None:
        """The shown incident was corrected, or an incident may have been closed here or
        at another workstation (a new case): read again, once for a burst."""
        if incident_id == self.incident_id or reason in CASE_REASONS:
            self._coalesce.start()
