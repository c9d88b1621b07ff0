"""指挥大屏: full screen, read-only, large type. The dashboard beside the map and
the video wall, a clock, the incident card a workstation pushed, and 演练 across
everything while exercise data is shown. Commands arrive through `apply`, from
a workstation in this program or through the platform (app/wall/link.py)."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QSplitter, QVBoxLayout, QWidget

from app.composition import AppContext
from services.incidents.service import NotFound
from services.paths import FALLBACK_BASEMAP
from services.sync.engine import SyncStatus
from services.video.presets import PresetError, WallPresets
from services.wall.wire import WallCommand, WallReport, WallShowing
from views.commander.card import IncidentCard
from views.dashboard.rollcall_status import RollCallStatusView
from views.dashboard.spec import add_warning_tile
from views.dashboard.view import DashboardView
from views.duty.on_duty import add_on_duty
from views.map.panel import MapPanel
from views.monitoring.alarm_tile import AlarmTile
from views.monitoring.map_layer import StationLayer
from views.plans.checklist_view import ChecklistTree
from views.video.layout_opener import LayoutOpener
from views.video.wall import LAYOUTS, VideoWall
from widgets.plain_text import make_plain
from widgets.watermark import Watermark

log = logging.getLogger(__name__)
COLUMN_SHARES = (26, 42, 32)  # dashboard, map, video wall (percent of the width)
MAP_START_MS = 1500  # the map page starts then even when the figures are late


def scale_for(screen_height: int) -> float:
    """Type readable across the room: 1.25x on a 1080-line screen, 2.5x on a 4K wall."""
    return max(1.0, round(screen_height / 1080 * 1.25, 2))


class CommanderWindow(QMainWindow):
    sig_reported = Signal(object)  # WallReport: what the wall shows after a command
    sig_first_paint = Signal()

    def __init__(self, ctx: AppContext, *, scale: float = 1.25, wall_id: str = "main"):
        super().__init__()
        self.ctx, self.scale, self.wall_id = ctx, scale, wall_id
        self.setObjectName("commander_window")
        self.setWindowTitle(self.tr("Watchroom — commander's display"))
        self.showing = WallShowing()
        self.last_command = WallCommand(id="-", kind="show_incident_card")
        self.presets = WallPresets(ctx.mirror)
        self.opener: LayoutOpener | None = None
        self._painted = False
        self.dashboard = DashboardView(ctx.dashboard, ctx.runner, ctx.relay, tz=ctx.tz, scale=scale)
        self.dashboard.sig_figures_shown.connect(self._on_figures)
        self.on_duty = add_on_duty(self.dashboard, ctx.duty.shifts, ctx.runner, ctx.relay, tz=ctx.tz, scale=scale)
        self.rollcall_status = RollCallStatusView(ctx.rollcalls, ctx.runner, ctx.relay, tz=ctx.tz, scale=scale)
        self.dashboard.add_duty_widget(self.rollcall_status)
        self.warning_tile = add_warning_tile(self.dashboard, ctx, scale)  # active warnings, red first
        self.alarm_tile = AlarmTile(ctx.stations, ctx.runner, ctx.relay, tz=ctx.tz, scale=scale)  # 监测预警
        self.dashboard.add_duty_widget(self.alarm_tile)
        self.map_panel = MapPanel(ctx.incidents, ctx.resources, ctx.runner, ctx.relay, library=ctx.tiles,
                                  cameras=ctx.cameras, basemap=FALLBACK_BASEMAP, read_only=True,
                                  defer_page=True, warnings=ctx.warnings, tz=ctx.tz,
                                  positions=ctx.positions, orders_of=ctx.dispatch.active_for_target)
        self.station_layer = StationLayer(self.map_panel, ctx.stations, ctx.runner, ctx.relay, tz=ctx.tz)  # 监测站
        # The page's labels and controls readable from across the room too (tiles are scaled up with them).
        self.map_panel.map.setZoomFactor(min(2.0, max(1.0, scale * 0.8)))
        self.map_panel.setStyleSheet(f"font-size: {int(9 * scale)}pt")  # the basemap line above it
        self.wall = VideoWall(ctx.cameras, tz=ctx.tz, decoder=ctx.config.video_decoder, read_only=True)
        self.wall.set_layout("4")
        map_box = QWidget(objectName="wall_map_box")
        QVBoxLayout(map_box).setContentsMargins(0, 0, 0, 0)
        map_box.layout().addWidget(self.map_panel)
        self.card = IncidentCard(ctx.tz, scale, map_box)
        self.card.move(int(16 * scale), int(56 * scale))
        self.card.setMaximumWidth(int(520 * scale))
        # The checklist of the incident on the card, compact and read-only, under the card.
        self.steps = ChecklistTree(compact=True, parent=map_box)
        self.steps.setObjectName("wall_checklist")
        self.steps.setStyleSheet(f"font-size: {int(9 * scale)}pt; background: rgba(255, 255, 255, 235);")
        self.steps.hide()
        ctx.relay.records("checklist_step").sig_changed.connect(lambda *_: self._show_steps())
        self.split = QSplitter(Qt.Orientation.Horizontal, objectName="wall_split")
        for widget in (self.dashboard, map_box, self.wall):
            self.split.addWidget(widget)
        header = QWidget(objectName="wall_header")
        header.setStyleSheet(f"#wall_header {{ background: #0d2847; }} QLabel {{ color: white;"
                             f" font-size: {int(16 * scale)}pt; }}")
        bar = QHBoxLayout(header)
        title = self.tr("Emergency command — %1").replace("%1", ctx.config.site_name or ctx.config.site_code)
        self.title = QLabel(title, objectName="wall_title")
        self.title.setStyleSheet(f"font-size: {int(20 * scale)}pt; font-weight: bold")
        self.link_label = QLabel(objectName="wall_link")
        self.link_label.setStyleSheet(f"font-size: {int(11 * scale)}pt; color: #9ec3ff")
        self.clock = QLabel(objectName="wall_clock")
        make_plain(self.title, self.link_label, self.clock)  # the site's name comes from the config
        self.clock.setStyleSheet(f"font-size: {int(22 * scale)}pt; font-weight: bold; font-family: monospace")
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.link_label)
        bar.addSpacing(int(24 * scale))
        bar.addWidget(self.clock)
        body = QWidget()
        box = QVBoxLayout(body)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(header)
        box.addWidget(self.split, 1)
        self.setCentralWidget(body)
        self.watermark = Watermark(self.tr("EXERCISE"), body)
        self._clock_timer = QTimer(self, interval=1000)
        self._clock_timer.timeout.connect(self._tick)
        self._clock_timer.start()
        self._tick()
        # Read-only: no menus; F11 leaves or enters full screen, Ctrl+Q closes.
        QShortcut(QKeySequence("F11"), self, self._toggle_full_screen)
        QShortcut(QKeySequence.StandardKey.Quit, self, self.close)
        self.dashboard.refresh()
        self.rollcall_status.refresh()
        self.warning_tile.refresh()
        self.alarm_tile.refresh()
        self.station_layer.reload()
        # The map's page is built after the figures are on screen (or at the latest after
        # MAP_START_MS): the room sees the numbers first.
        QTimer.singleShot(MAP_START_MS, self, self.map_panel.map.start_page)

    # ---- what it shows ---------------------------------------------------------------

    def _tick(self) -> None:
        now = self.ctx.incidents.clock.now()
        self.clock.setText(now.astimezone(self.ctx.tz).strftime("%Y-%m-%d %H:%M:%S"))
        if self.steps.isVisible():
            self.steps.refresh_countdowns(now)

    def _on_figures(self, figures) -> None:
        self._update_watermark()

    def _update_watermark(self) -> None:
        figures = self.dashboard.figures
        card_exercise = False
        if self.card.incident_id:
            try:
                card_exercise = self.ctx.incidents.get(self.card.incident_id).exercise
            except NotFound:
                card_exercise = False
        visible = bool(figures is not None and figures.exercise_open) or card_exercise
        self.watermark.setVisible(visible)
        if visible:
            self.watermark.raise_()

    def set_sync_status(self, status: SyncStatus) -> None:
        text = {"online": self.tr("Platform: online"), "weak": self.tr("Platform: weak link"),
                "offline": self.tr("Platform: offline")}.get(status.state, self.tr("Local data only"))
        self.link_label.setText(text)

    def attach_sync(self, _sync) -> None:
        """The display has no log-in menu: its viewer account is in the config."""

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        width = self.width()
        self.split.setSizes([width * share // 100 for share in COLUMN_SHARES])

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if not self._painted and self.dashboard.figures is not None:
            self._painted = True
            QTimer.singleShot(0, self, self.map_panel.map.start_page)
            self.sig_first_paint.emit()

    def _toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showMaximized()
        else:
            self.showFullScreen()

    def open_layout(self, name: str) -> None:
        """The display's wall on a saved layout (at start), filling as its cameras arrive."""
        if self.opener is None:
            self.opener = LayoutOpener(self.wall, self.presets, self.ctx.relay, self)
        self.showing.layout = name
        self.opener.open(name)

    # ---- commands --------------------------------------------------------------------

    def apply(self, command: WallCommand) -> WallReport:
        """Carries out a pushed command and says what the wall now shows (or why not)."""
        problem = {
            "focus_incident": self._focus,
            "show_incident_card": self._card,
            "show_camera": self._camera,
            "switch_layout": self._layout,
        }[command.kind](command)
        if problem:
            log.info("wall command %s (%s) not carried out: %s", command.id, command.kind, problem)
        self.last_command = command
        return self.report(problem)

    def report(self, problem: str = "") -> WallReport:
        self.showing.tiles = {str(i + 1): cid for i, cid in sorted(self.wall.arrangement().items())}
        self.showing.layout = self.showing.layout or self.wall.layout_name
        self.showing.screen = self.screen().name() if self.screen() is not None else ""
        report = WallReport(showing=self.showing.model_copy(), last_command_id=self.last_command.id
                            if self.last_command.id != "-" else "", last_command_seq=self.last_command.seq,
                            problem=problem, shown_at=time.time())
        self.sig_reported.emit(report)
        return report

    def _title(self, incident_id: str) -> str:
        try:
            incident = self.ctx.incidents.get(incident_id)
        except NotFound:
            return ""
        return f"{incident.code} {incident.title}"[:200]

    def _focus(self, command: WallCommand) -> str:
        if not self.map_panel.focus_incident(command.incident_id):
            return self.tr("The incident is not on the map (closed, or without a position).")
        self.showing.map_incident_id = command.incident_id
        self.showing.map_incident_title = self._title(command.incident_id)
        self.map_panel.repaint()
        return ""

    def _card(self, command: WallCommand) -> str:
        if not command.incident_id:
            self.card.clear()
            self.showing.card_incident_id = self.showing.card_incident_title = ""
            self.steps.hide()
            self._update_watermark()
            return ""
        try:
            incident = self.ctx.incidents.get(command.incident_id)
            entries = self.ctx.incidents.timeline(command.incident_id)
        except NotFound:
            return self.tr("The incident is not in this display's data yet.")
        self.card.show_incident(incident, entries)
        self.card.repaint()
        self.showing.card_incident_id = incident.id
        self._show_steps()
        self.showing.card_incident_title = f"{incident.code} {incident.title}"[:200]
        self._update_watermark()
        return ""

    def _show_steps(self) -> None:
        """The card's incident's checklist (phase > step > sub-step, state and countdown)."""
        incident_id = self.showing.card_incident_id
        steps = self.ctx.checklists.steps(incident_id) if incident_id else []
        self.steps.setVisible(bool(steps))
        if not steps:
            return
        self.steps.show_steps(steps, self.ctx.incidents.clock.now())
        self.card.adjustSize()
        rows = len(steps) + len({s.phase for s in steps})
        height = min(int(360 * self.scale), self.steps.sizeHintForRow(0) * rows + 8)
        width = min(self.card.maximumWidth(), self.steps.parentWidget().width() - 2 * self.card.x())
        self.steps.setColumnWidth(1, int(80 * self.scale))
        self.steps.setColumnWidth(3, int(90 * self.scale))
        self.steps.setColumnWidth(0, max(100, width - int(180 * self.scale)))
        self.steps.setGeometry(self.card.x(), self.card.y() + self.card.height() + int(8 * self.scale), width, height)
        self.steps.raise_()

    def _camera(self, command: WallCommand) -> str:
        if command.tile > self.wall.visible_count:
            return self.tr("The wall shows %1 tiles; there is no tile %2.").replace(
                "%1", str(self.wall.visible_count)).replace("%2", str(command.tile))
        if not self.ctx.cameras.all([command.camera_id]):
            return self.tr("The camera is not in this display's catalog.")
        self.wall.stop_tour()
        self.wall.put(command.tile - 1, command.camera_id)
        self.wall.tiles[command.tile - 1].repaint()
        return ""

    def _layout(self, command: WallCommand) -> str:
        grid, cameras = command.grid, {int(k) - 1: v for k, v in command.cameras.items() if k.isdigit()}
        if grid not in LAYOUTS:
            try:
                preset = self.presets.load(command.layout)
            except PresetError:
                preset = None
            if preset is None or preset.layout not in LAYOUTS:
                return self.tr("There is no layout named “%1”.").replace("%1", command.layout)
            grid, cameras = preset.layout, preset.cameras
        self.wall.arrange(grid, cameras)
        self.showing.layout = command.layout
        self.wall.repaint()
        return ""

    def closeEvent(self, event) -> None:  # noqa: N802
        self.wall.stop_all()
        super().closeEvent(event)
