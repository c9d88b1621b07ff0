"""The main window: the incident log in the centre, docks around it, a status bar
that says plainly whether this workstation is exchanging data."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
)

from app.composition import AppContext
from services.incidents.repository import IncidentQuery
from services.outbox import pending_count
from services.paths import FALLBACK_BASEMAP
from services.sync.engine import SyncStatus
from services.video.presets import WallPresets
from views.conference.panel import ConferencePanel
from views.contacts.panel import ContactsPanel
from views.dispatch.board import DispatchBoard
from views.duty_overview.view import DutyOverview
from views.incident_log.view import IncidentLogView
from views.map.panel import MapPanel
from views.sync_panel.rejected_view import RejectedOpsView
from views.video.catalog_tree import CameraCatalogTree
from views.video.import_dialog import ImportCamerasDialog
from views.video.panel import VideoWallPanel


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Watchroom — emergency duty and dispatch"))
        self.resize(1600, 960)

        self.incident_log = IncidentLogView(
            ctx.incidents, ctx.runner, ctx.relay, author=ctx.operator, tz=ctx.tz, parent=self
        )
        self.map_panel = MapPanel(ctx.incidents, ctx.resources, ctx.runner, ctx.relay,
                                  library=ctx.tiles, cameras=ctx.cameras,
                                  basemap=FALLBACK_BASEMAP, parent=self)
        self.map_panel.sig_new_incident_at.connect(self.new_incident_at)
        self.map_panel.sig_incident_opened.connect(self.incident_log.select_incident)
        self.incident_log.sig_incident_selected.connect(self.map_panel.focus_incident)
        self.tabs = QTabWidget(objectName="main_tabs")
        self.tabs.addTab(self.incident_log, self.tr("Incidents"))
        self.tabs.addTab(self.map_panel, self.tr("Map"))
        self.video_panel = VideoWallPanel(ctx.cameras, self, tz=ctx.tz, decoder=ctx.config.video_decoder,
                                          presets=WallPresets(ctx.mirror), incidents=ctx.incidents,
                                          author=ctx.operator)
        self.incident_log.sig_incident_selected.connect(self.video_panel.set_incident)
        self.tabs.addTab(self.video_panel, self.tr("Video wall"))
        self.dispatch_board = DispatchBoard(ctx.dispatch, ctx.incidents, ctx.runner, ctx.relay,
                                            resources=ctx.resources, author=ctx.operator, tz=ctx.tz,
                                            notices=ctx.notices, contacts=ctx.contacts, parent=self)
        self.tabs.addTab(self.dispatch_board, self.tr("Dispatch"))
        self.incident_log.sig_incident_selected.connect(self.dispatch_board.set_incident)
        self.dispatch_board.sig_overdue.connect(self._on_overdue_orders)
        self.conference_panel = ConferencePanel(ctx.conferences, ctx.incidents, ctx.contacts, ctx.runner, ctx.relay,
                                                author=ctx.operator, tz=ctx.tz, decoder=ctx.config.video_decoder,
                                                parent=self)
        self.tabs.addTab(self.conference_panel, self.tr("Conference"))
        self.incident_log.sig_incident_selected.connect(self.conference_panel.set_incident)
        self.setCentralWidget(self.tabs)
        for n, _ in enumerate(("incidents", "map", "video", "dispatch", "conference")):  # Ctrl+1..5, keyboard first
            QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self, lambda n=n: self.tabs.setCurrentIndex(n))

        self.overview = DutyOverview(ctx.incidents, tz=ctx.tz)
        self.overview.sig_incident_activated.connect(self.incident_log.select_incident)
        self.overview_dock = QDockWidget(self.tr("Duty overview"), self)
        self.overview_dock.setObjectName("dock_duty_overview")
        self.overview_dock.setWidget(self.overview)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.overview_dock)

        # 来电登记 must answer F2 wherever the focus is in the window.
        self.incident_log.action_new.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.rejected_view = RejectedOpsView(ctx.mirror, ctx.runner)
        self.rejected_dock = QDockWidget(self.tr("Refused operations"), self)
        self.rejected_dock.setObjectName("dock_rejected_ops")
        self.rejected_dock.setWidget(self.rejected_view)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.rejected_dock)
        self.tabifyDockWidget(self.overview_dock, self.rejected_dock)
        self.camera_catalog = CameraCatalogTree(ctx.cameras, ctx.runner, ctx.relay)
        self.camera_dock = QDockWidget(self.tr("Cameras"), self)
        self.camera_dock.setObjectName("dock_camera_catalog")
        self.camera_dock.setWidget(self.camera_catalog)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.camera_dock)
        self.tabifyDockWidget(self.rejected_dock, self.camera_dock)
        self.contacts_panel = ContactsPanel(ctx.contacts, ctx.runner, ctx.relay)
        self.contacts_dock = QDockWidget(self.tr("Contacts"), self)
        self.contacts_dock.setObjectName("dock_contacts")
        self.contacts_dock.setWidget(self.contacts_panel)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.contacts_dock)
        self.tabifyDockWidget(self.camera_dock, self.contacts_dock)
        self.camera_catalog.sig_camera_activated.connect(self.video_panel.show_camera)
        self.map_panel.sig_camera_to_wall.connect(self.show_camera_on_wall)
        self.map_panel.sig_incident_focused.connect(self.video_panel.set_incident_position)
        self.overview_dock.raise_()
        self._build_menus()
        self._build_status_bar()
        ctx.relay.sig_incident_changed.connect(self._on_data_changed)
        self.overview.refresh()
        self._refresh_status()

    def show_panel(self, name: str) -> None:
        panels = {"map": self.map_panel, "video": self.video_panel, "dispatch": self.dispatch_board,
                  "conference": self.conference_panel}
        self.tabs.setCurrentWidget(panels.get(name, self.incident_log))

    def issue_order(self):
        """F6 anywhere: the dispatch tab, and the order dialog for the selected incident."""
        self.tabs.setCurrentWidget(self.dispatch_board)
        dialog = self.dispatch_board.on_issue()
        if dialog is None:
            self.statusBar().showMessage(self.tr("Select an incident first, then issue the order."), 5000)
        return dialog

    def _on_overdue_orders(self, count: int) -> None:
        index = self.tabs.indexOf(self.dispatch_board)
        self.tabs.setTabText(index, self.tr("Dispatch (%1 overdue)").replace("%1", str(count)) if count
                             else self.tr("Dispatch"))
        self.tabs.tabBar().setTabTextColor(index, QColor("#b71c1c") if count else QColor())
        if count:
            QApplication.beep()

    def show_camera_on_wall(self, camera_id: str) -> None:
        self.video_panel.show_camera(camera_id)
        self.tabs.setCurrentWidget(self.video_panel)

    def import_cameras(self) -> ImportCamerasDialog:
        dialog = ImportCamerasDialog(self.ctx.cameras, self.ctx.runner, self)
        dialog.show()
        return dialog

    def new_incident_at(self, lat: float, lon: float) -> None:
        """Right-click on the map: 来电登记 with the position filled in."""
        self.incident_log.call_dialogs("new_incident", self, (lat, lon))

    def _build_menus(self) -> None:
        log = self.incident_log
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(log.action_export_pdf)
        import_cameras = QAction(self.tr("Import camera catalog…"), self, objectName="action_import_cameras")
        import_cameras.triggered.connect(self.import_cameras)
        file_menu.addAction(import_cameras)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        incident_menu = self.menuBar().addMenu(self.tr("&Incident"))
        for action in (log.action_new, log.action_follow_up, log.action_final, log.action_note,
                       log.action_status):
            incident_menu.addAction(action)
        issue = QAction(self.tr("Issue dispatch order…"), self, objectName="action_issue_order")
        issue.setShortcut(QKeySequence("F6"))
        issue.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        issue.triggered.connect(self.issue_order)
        incident_menu.addAction(issue)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.overview_dock.toggleViewAction())
        view_menu.addAction(self.rejected_dock.toggleViewAction())
        view_menu.addAction(self.camera_dock.toggleViewAction())
        view_menu.addAction(self.contacts_dock.toggleViewAction())
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Watchroom"), self)
        about.triggered.connect(self._on_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        # Honest network state; replaced by the sync engine's reports when configured.
        self.network_label = QLabel(self.tr("Offline: no platform configured — working from the local mirror"))
        self.network_label.setStyleSheet("color: #8a5a00")
        self.network_label.setObjectName("network_label")
        self.pending_label = QLabel()
        self.counts_label = QLabel()
        self.operator_label = QLabel(self.tr("Duty officer: %1").replace("%1", self.ctx.operator))
        self.clock_label = QLabel()
        bar.addWidget(self.network_label)
        bar.addWidget(self.pending_label)
        bar.addPermanentWidget(self.counts_label)
        bar.addPermanentWidget(self.operator_label)
        bar.addPermanentWidget(self.clock_label)
        self.clock_timer = QTimer(self)
        self.clock_timer.timeout.connect(self._tick)
        self.clock_timer.start(1000)
        self._tick()

    def attach_sync(self, sync) -> None:
        """Adds 登录 / 注销 for the platform (only when endpoints are configured)."""
        if not sync.configured:
            return
        menu = self.menuBar().addMenu(self.tr("&Platform"))
        login = QAction(self.tr("Log &in…"), self)
        login.triggered.connect(sync.login)
        logout = QAction(self.tr("Log &out"), self)
        logout.triggered.connect(sync.logout)
        menu.addAction(login)
        menu.addAction(logout)

    def set_sync_status(self, status: SyncStatus) -> None:
        """在线 / 弱网 / 离线, with the last good exchange and what is waiting."""
        text, colour = {
            "online": (self.tr("Online"), "#1b7f2a"),
            "weak": (self.tr("Weak link"), "#b26b00"),
            "offline": (self.tr("Offline"), "#c00000"),
        }.get(status.state, (self.tr("Offline: no platform configured"), "#8a5a00"))
        if status.last_success is not None:
            when = status.last_success.astimezone(self.ctx.tz).strftime("%H:%M:%S")
            text += self.tr(" · last exchange %1").replace("%1", when)
        elif status.state != "unconfigured":
            text += self.tr(" · no exchange yet")
        problem = self._problem_text(status.problem)
        if problem and status.state == "offline":
            text += " · " + problem
        self.network_label.setText(text)
        self.network_label.setStyleSheet(f"color: {colour}; font-weight: bold")
        detail = status.last_error or status.endpoint
        self.network_label.setToolTip(f"{problem}\n{detail}" if problem else detail)
        self.pending_label.setText(self.tr("Pending sync: %1").replace("%1", str(status.pending)))
        if status.rejected != len(self.rejected_view.items):
            self.rejected_view.refresh()

    def _problem_text(self, problem: str) -> str:
        """Why the last exchange failed, in the officer's words (services/sync/engine.PROBLEMS)."""
        return {
            "unreachable": self.tr("platform unreachable"),
            "connection_lost": self.tr("connection lost during the exchange"),
            "server_error": self.tr("platform server error"),
            "bad_answer": self.tr("the platform sent data that cannot be used"),
            "refused_request": self.tr("the platform refused a request"),
            "not_authorised": self.tr("not authorised: log in again"),
            "login_refused": self.tr("log-in refused: check user name and password"),
            "login_throttled": self.tr("too many failed log-ins: wait a few minutes"),
            "not_logged_in": self.tr("not logged in"),
            "logged_out": self.tr("logged out"),
        }.get(problem, "")

    def _tick(self) -> None:
        now = self.ctx.incidents.clock.now().astimezone(self.ctx.tz)
        self.clock_label.setText(now.strftime("%Y-%m-%d %H:%M:%S"))

    def _refresh_status(self) -> None:
        pending = pending_count(self.ctx.mirror)
        self.pending_label.setText(self.tr("Pending sync: %1").replace("%1", str(pending)))
        total = self.ctx.incidents.count(IncidentQuery())
        self.counts_label.setText(self.tr("Mirror: %1 incidents").replace("%1", str(total)))

    def _on_data_changed(self, _incident_id: str, _reason: str) -> None:
        # Coalesce bursts (a report changes the incident and appends an entry).
        if not hasattr(self, "_status_timer"):
            self._status_timer = QTimer(self)
            self._status_timer.setSingleShot(True)
            self._status_timer.setInterval(300)
            self._status_timer.timeout.connect(self._refresh_status)
            self._status_timer.timeout.connect(self.overview.refresh)
        self._status_timer.start()

    def show_mirror_health(self) -> None:
        health = self.ctx.mirror.health
        if health.moved_aside_to is not None:
            QMessageBox.warning(
                self,
                self.tr("Local database replaced"),
                self.tr(
                    "The local database failed its integrity check and was moved aside to:\n%1\n\n"
                    "A fresh database was created. Nothing was deleted: give the old file to "
                    "support so the entries in it can be recovered."
                ).replace("%1", str(health.moved_aside_to)),
            )

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Watchroom"),
            self.tr("Watchroom — emergency duty and dispatch client.\nLocal database: %1")
            .replace("%1", str(self.ctx.mirror.path)),
        )
