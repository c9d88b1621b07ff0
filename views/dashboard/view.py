"""Key figures for the watch room and the commander's display: open incidents by
severity, casualties, resources deployed, orders awaiting acknowledgement, reports
near their deadline, and two charts. Read-only; refreshed when data changes
(coalesced) and every 30 s, because deadlines move with the clock."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services.dashboard.figures import DashboardFigures, DashboardService
from services.incidents.deadlines import DeadlineState
from services.incidents.model import Category, Severity
from views.common import labels
from views.common.durations import remaining_text
from views.common.task_runner import TaskRunner
from views.dashboard.charts import CATEGORY_COLOURS, BarChart
from widgets.plain_text import make_plain

SEVERITY_COLOURS = {Severity.I: "#b71c1c", Severity.II: "#e65100", Severity.III: "#f9a825",
                    Severity.IV: "#1565c0", Severity.UNGRADED: "#616161"}
REFRESH_MS = 30_000
COALESCE_MS = 250  # a burst of changes (a sync page) refreshes once; within the propagation budget


class FigureTile(QFrame):
    """A caption, a big number and a line under it."""

    def __init__(self, caption: str, colour: str, scale: float, parent=None):
        super().__init__(parent)
        self.setObjectName("figure_tile")
        self.setStyleSheet(f"#figure_tile {{ border: 1px solid #ccc; border-left: {int(6 * scale)}px solid {colour};"
                           f" background: #fafafa; }}")
        box = QVBoxLayout(self)
        box.setContentsMargins(int(8 * scale), int(4 * scale), int(8 * scale), int(4 * scale))
        box.setSpacing(0)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet(f"color: #444; font-size: {int(11 * scale)}pt")
        self.value = QLabel("–", objectName="figure_value")
        self.value.setStyleSheet(f"color: {colour}; font-size: {int(22 * scale)}pt; font-weight: bold")
        self.detail = QLabel("")
        self.detail.setStyleSheet(f"color: #555; font-size: {int(9 * scale)}pt")
        make_plain(self.caption, self.value, self.detail)
        for label in (self.caption, self.value, self.detail):
            box.addWidget(label)

    def show_value(self, value: int, detail: str = "") -> None:
        self.value.setText(str(value))
        self.detail.setText(detail)


class DashboardView(QWidget):
    sig_incident_activated = Signal(str)
    sig_figures_shown = Signal(object)  # DashboardFigures, after they are on screen

    def __init__(self, service: DashboardService, runner: TaskRunner, relay, *, tz: tzinfo,
                 scale: float = 1.0, parent=None):
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.service, self.runner, self.tz, self.scale = service, runner, tz, scale
        self.figures: DashboardFigures | None = None
        self._loading = False
        self._again = False
        grid = QGridLayout()
        grid.setSpacing(int(6 * scale))
        self.severity_tiles: dict[Severity, FigureTile] = {}
        for col, sev in enumerate(Severity):
            tile = FigureTile(labels.severity_name(sev), SEVERITY_COLOURS[sev], scale)
            self.severity_tiles[sev] = tile
            grid.addWidget(tile, 0, col)
        self.casualty_tile = FigureTile(self.tr("Dead"), "#212121", scale)
        self.injured_tile = FigureTile(self.tr("Injured"), "#ad1457", scale)
        self.missing_tile = FigureTile(self.tr("Missing / trapped"), "#4e342e", scale)
        self.deployed_tile = FigureTile(self.tr("Resources deployed"), "#2e7d32", scale)
        self.awaiting_tile = FigureTile(self.tr("Orders awaiting acknowledgement"), "#b26b00", scale)
        self.due_tile = FigureTile(self.tr("Reports due soon or overdue"), "#c00000", scale)
        self.response_tile = FigureTile(self.tr("Incidents under a plan response"), "#6a1b9a", scale)
        for col, tile in enumerate((self.casualty_tile, self.injured_tile, self.missing_tile)):
            grid.addWidget(tile, 1, col)
        grid.addWidget(self.deployed_tile, 1, 3, 1, 2)
        grid.addWidget(self.awaiting_tile, 2, 0, 1, 2)
        grid.addWidget(self.due_tile, 2, 2, 1, 2)
        grid.addWidget(self.response_tile, 2, 4)
        point = int(9 * scale)
        self.hour_chart = BarChart(self.tr("Incidents reported per hour (last 24 h)"), point_size=point)
        self.category_chart = BarChart(self.tr("Open incidents by category"), point_size=point)
        self.due_list = QListWidget(objectName="dashboard_due")
        self.due_list.setStyleSheet(f"font-size: {int(10 * scale)}pt")
        self.due_list.itemActivated.connect(lambda item: self.sig_incident_activated.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.title = QLabel(self.tr("Situation"), objectName="dashboard_title")
        self.title.setStyleSheet(f"font-size: {int(14 * scale)}pt; font-weight: bold")
        self.as_of = QLabel(objectName="dashboard_as_of")
        self.as_of.setStyleSheet(f"color: #666; font-size: {int(9 * scale)}pt")
        make_plain(self.title, self.as_of)  # as_of may quote an error
        # Tiles of the duty side (roll-call status, who is on duty), each a widget of its own feature.
        self.duty_row = QHBoxLayout()
        self.duty_row.setSpacing(int(6 * scale))
        box = QVBoxLayout(self)
        box.addWidget(self.title)
        box.addLayout(self.duty_row)
        box.addLayout(grid)
        box.addWidget(self.hour_chart, 3)
        box.addWidget(self.category_chart, 2)
        box.addWidget(self.due_list, 2)
        box.addWidget(self.as_of)
        self._coalesce = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._coalesce.timeout.connect(self.refresh)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        relay.sig_incident_changed.connect(lambda *_: self._coalesce.start())
        relay.records("order").sig_changed.connect(lambda *_: self._coalesce.start())

    def add_duty_widget(self, widget: QWidget) -> None:
        """A duty-side tile in the row under the title (views/dashboard/rollcall_status.py ...)."""
        self.duty_row.addWidget(widget, 1)

    def refresh(self) -> None:
        """Reads off the GUI thread; a refresh asked for during a read runs once after it."""
        if self._loading:
            self._again = True
            return
        self._loading = True
        self.runner.read(self.service.figures, on_done=self.show_figures, on_error=self._failed, owner=self)

    def _failed(self, exc: object) -> None:
        self._loading = False
        self.as_of.setText(self.tr("Figures could not be read: %1").replace("%1", str(exc)))

    def show_figures(self, figures: DashboardFigures) -> None:
        self._loading = False
        self.figures = figures
        for sev, tile in self.severity_tiles.items():
            tile.show_value(figures.open_by_severity[sev])
        self.casualty_tile.show_value(figures.deaths)
        self.injured_tile.show_value(figures.injured)
        self.missing_tile.show_value(figures.missing + figures.trapped,
                                     self.tr("missing %1 · trapped %2").replace("%1", str(figures.missing))
                                     .replace("%2", str(figures.trapped)))
        self.deployed_tile.show_value(figures.resources_deployed,
                                      self.tr("%1 on scene").replace("%1", str(figures.resources_on_scene)))
        self.awaiting_tile.show_value(figures.orders_awaiting_ack,
                                      self.tr("%1 overdue").replace("%1", str(figures.orders_ack_overdue)))
        self.due_tile.show_value(len(figures.due),
                                 self.tr("%1 overdue").replace("%1", str(figures.overdue_reports)))
        levels = figures.responses_by_level
        self.response_tile.show_value(sum(levels.values()), self.tr("I %1 · II %2 · III %3 · IV %4").replace(
            "%1", str(levels.get("I", 0))).replace("%2", str(levels.get("II", 0))).replace(
            "%3", str(levels.get("III", 0))).replace("%4", str(levels.get("IV", 0))))
        self.title.setText(self.tr("Situation: %1 open incidents").replace("%1", str(figures.open_total)))
        hours = [(start.astimezone(self.tz).strftime("%H"), n) for start, n in figures.per_hour]
        self.hour_chart.show_bars([n for _, n in hours], [h for h, _ in hours], label_every=3)
        cats = list(Category)
        self.category_chart.show_bars([figures.open_by_category[c] for c in cats],
                                      [labels.category_name(c) for c in cats], list(CATEGORY_COLOURS))
        self._show_due(figures)
        self.as_of.setText(self.tr("As of %1").replace("%1", figures.as_of.astimezone(self.tz).strftime("%H:%M:%S")))
        self.sig_figures_shown.emit(figures)
        if self._again:
            self._again = False
            self._coalesce.start()

    def _show_due(self, figures: DashboardFigures) -> None:
        self.due_list.clear()
        for due in figures.due[:12]:
            overdue = due.state == DeadlineState.OVERDUE
            text = (self.tr("%1 %2 — overdue %3") if overdue else self.tr("%1 %2 — due in %3"))
            item = QListWidgetItem(text.replace("%1", due.code).replace("%2", due.title)
                                   .replace("%3", remaining_text(abs(due.remaining_s), with_seconds=False)))
            item.setData(Qt.ItemDataRole.UserRole, due.id)
            item.setForeground(Qt.GlobalColor.red if overdue else Qt.GlobalColor.darkYellow)
            self.due_list.addItem(item)
        if not figures.due:
            self.due_list.addItem(self.tr("No report is due within its warning time."))
