"""A dock beside the incident log: open incidents by severity and the reports
that are due soon or overdue, most urgent first. Click one to open it."""

from __future__ import annotations

from datetime import tzinfo

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

from services.incidents.deadlines import DeadlineState
from services.incidents.model import Severity, Status
from services.incidents.repository import IncidentQuery
from services.incidents.service import IncidentService
from views.common import labels

OPEN = frozenset({Status.RECEIVED, Status.RESPONDING})
STATE_COLOURS = {DeadlineState.OVERDUE: "#c00000", DeadlineState.NEAR: "#b26b00"}


def format_remaining(seconds: float) -> str:
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    return f"{sign}{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


class DutyOverview(QWidget):
    sig_incident_activated = Signal(str)

    def __init__(self, service: IncidentService, *, tz: tzinfo, parent=None):
        super().__init__(parent)
        self.service = service
        self.tz = tz
        layout = QVBoxLayout(self)
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
        self.due_title = QLabel(self.tr("Reports due"))
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

    def refresh(self) -> None:
        open_incidents = self.service.list_page(IncidentQuery(statuses=OPEN), 0, 20_000)
        counts = dict.fromkeys(Severity, 0)
        due = []
        now = self.service.clock.now()
        for incident in open_incidents:
            counts[incident.severity] += 1
            deadline = self.service.deadline(incident, now)
            if deadline is not None and deadline.state != DeadlineState.OK:
                due.append((deadline.remaining, incident, deadline))
        for sev, label in self.count_labels.items():
            label.setText(str(counts[sev]))
        due.sort(key=lambda t: t[0])
        self.due_list.clear()
        for remaining, incident, deadline in due[:200]:
            parts = (
                format_remaining(remaining.total_seconds()),
                labels.deadline_kind_name(deadline.kind),
                incident.code,
                incident.title,
            )
            text = "  ".join(parts)
            if incident.exercise:
                text = f"[{labels.exercise_mark()}] {text}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, incident.id)
            item.setForeground(QBrush(QColor(STATE_COLOURS[deadline.state])))
            self.due_list.addItem(item)
        self.due_title.setText(self.tr("Reports due (%1)").replace("%1", str(len(due))))

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.sig_incident_activated.emit(item.data(Qt.ItemDataRole.UserRole))
