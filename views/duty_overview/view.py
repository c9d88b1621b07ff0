"""A dock beside the incident log: open incidents by severity and the reports
that are due soon or overdue, most urgent first. Click one to open it.

The figures come from every open incident (up to 20,000), so they are read and
worked out on a reader thread; the GUI thread only fills the list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.incidents.deadlines import DeadlineKind, DeadlineState
from services.incidents.model import Severity
from services.incidents.open_summary import due_rows, open_by_severity
from services.incidents.service import IncidentService
from views.common import labels
from views.common.durations import remaining_text
from views.common.gui_op import GuiOp
from widgets.plain_text import plain_label

STATE_COLOURS = {DeadlineState.OVERDUE: "#c00000", DeadlineState.NEAR: "#b26b00"}
DUE_SHOWN = 200
COALESCE_MS = 300


@dataclass(frozen=True)
class Due:
    remaining_s: float
    incident_id: str
    code: str
    title: str
    exercise: bool
    kind: DeadlineKind
    state: DeadlineState


@dataclass(frozen=True)
class Overview:
    counts: dict[Severity, int]
    due: list[Due]  # most urgent first, at most DUE_SHOWN
    due_total: int


def read_overview(service: IncidentService, now: datetime) -> Overview:
    """On a reader: open incidents by severity and the reports due, counted and chosen
    in the mirror (a province's 50,000 open incidents are never read one by one)."""
    with service.mirror.read() as s:
        counts = open_by_severity(s)
        found = due_rows(s, service.rules, now)
    due = [Due(d.deadline.remaining.total_seconds(), d.incident_id, d.code, d.title, d.exercise, d.deadline.kind,
               d.deadline.state) for d in found]
    return Overview(counts, due[:DUE_SHOWN], len(due))


class DutyOverview(QWidget):
    sig_incident_activated = Signal(str)

    def __init__(self, service: IncidentService, *, tz: tzinfo, runner=None, relay=None, parent=None):
        super().__init__(parent)
        self.service = service
        self.tz = tz
        self.runner = runner
        self._loading = self._again = False
        self.overview: Overview | None = None
        self.sections = layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.count_labels: dict[Severity, QLabel] = {}
        title = QLabel(self.tr("Open incidents by severity"))
        title.setStyleSheet("font-weight: bold")
        layout.addWidget(title)
        for row, sev in enumerate(Severity):
            grid.addWidget(QLabel(labels.severity_name(sev)), row, 0)
            value = QLabel("0")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, row, 1)
            self.count_labels[sev] = value
        layout.addLayout(grid)
        self.due_title = plain_label(self.tr("Reports due"))  # it may quote an error
        self.due_title.setStyleSheet("font-weight: bold")
        layout.addWidget(self.due_title)
        self.due_list = QListWidget()
        self.due_list.itemActivated.connect(self._on_item_activated)
        self.due_list.itemClicked.connect(self._on_item_activated)
        layout.addWidget(self.due_list, 1)
        self.timer = QTimer(self)
        self.timer.setInterval(30_000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)  # a report changes two things
        self._coalesce.timeout.connect(self.refresh)
        if relay is not None:
            relay.sig_incident_changed.connect(lambda *_: self._coalesce.start())

    def add_section(self, widget: QWidget) -> None:
        """A part of the duty side below the reports due (the reminders, who is on duty ...)."""
        self.sections.addWidget(widget, 1)

    def refresh(self) -> None:
        """Read off the GUI thread; a refresh asked for meanwhile runs once after it."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        GuiOp(self, self.runner, read_overview, self.service, self.service.clock.now()).as_read() \
            .success(self.show_overview).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.due_title.setText(self.tr("Reports due: could not be read (%1)").replace("%1", str(exc)))

    def show_overview(self, overview: Overview) -> None:
        self._loading = False
        self.overview = overview
        for sev, label in self.count_labels.items():
            label.setText(str(overview.counts[sev]))
        self.due_list.clear()
        for due in overview.due:
            text = "  ".join((remaining_text(due.remaining_s, with_seconds=False), labels.deadline_kind_name(due.kind), due.code,
                              due.title))
            if due.exercise:
                text = f"[{labels.exercise_mark()}] {text}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, due.incident_id)
            item.setForeground(QBrush(QColor(STATE_COLOURS[due.state])))
            self.due_list.addItem(item)
        if not overview.due:
            item = QListWidgetItem(self.tr("No report is due within its warning time."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.due_list.addItem(item)
        self.due_title.setText(self.tr("Reports due (%1)").replace("%1", str(overview.due_total)))
        if self._again:
            self._again = False
            self.refresh()

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        incident_id = item.data(Qt.ItemDataRole.UserRole)
        if incident_id:
            self.sig_incident_activated.emit(incident_id)
