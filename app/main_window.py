"""The main window: the incident log in the centre, docks around it, a status bar
that says plainly whether this workstation is exchanging data."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from app.composition import AppContext
from app.duty_wiring import DutyWiring
from app.monitoring_wiring import MonitoringWiring
from app.workspace.manager import Workspace, prepare_dock_window
from app.workspace.profiles import MAIN_PANELS, SIDE_PANELS
from app.workspace.screens import screens_in_order
from services.incidents.repository import IncidentQuery
from services.outbox import pending_count
from services.sync.engine import SyncStatus
from views.common.clearance_labels import purge_notice
from views.common.gui_op import GuiOp
from views.common.panels import OVERDUE_ORDERS, connect_panels
from views.duty.spec import DUTY_SIGNED_IN
from views.monitoring.alarm_prompt import AlarmWatcher
from views.panels import PANELS
from views.rollcall.watcher import RollCallWatcher
from views.sync_panel.tls_problems import tls_problem_text
from views.video.import_dialog import ImportCamerasDialog
from widgets.plain_text import make_plain, message_box, tooltip

log = logging.getLogger(__name__)
# The panels by the names the rest of the program (and the tests) use for them.
PANEL_ATTRIBUTES = {
    "incident_log": "incidents", "map_panel": "map", "video_panel": "video", "dispatch_board": "dispatch",
    "conference_panel": "conference", "dashboard": "dashboard", "overview": "overview",
    "rejected_view": "rejected", "camera_catalog": "cameras", "contacts_panel": "contacts", "duty_panel": "duty",
    "duty_log": "duty_log", "plans_panel": "plans",
}
STATUS_COALESCE_MS = 300


def status_counts(mirror, incidents) -> tuple[int, int]:
    """On a reader: operations waiting to be sent, incidents in the mirror."""
    return pending_count(mirror), incidents.count(IncidentQuery())


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext):
        super().__init__()
        self.ctx = ctx
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("Watchroom — emergency duty and dispatch"))
        self.resize(1600, 960)

        prepare_dock_window(self)
        # Every panel declares itself (views/panels.py): built, docked and connected in one loop.
        self.panels: dict[str, QWidget] = {}
        self.docks: dict[str, QDockWidget] = {}
        for spec in PANELS:
            self.panels[spec.name] = spec.create(ctx, self)
            self.docks[spec.name] = self._dock(spec.name, spec.title(), self.panels[spec.name])
            if spec.shortcut:  # from any window of the workspace, keyboard first
                QShortcut(QKeySequence(spec.shortcut), self, lambda name=spec.name: self.show_panel(name),
                          context=Qt.ShortcutContext.ApplicationShortcut)
        self.connections = connect_panels(PANELS, self.panels, {OVERDUE_ORDERS: [self._on_overdue_orders],
                                                                DUTY_SIGNED_IN: [self._on_signed_in]},
                                          show=self.show_panel)
        self.overview_dock, self.rejected_dock = self.docks["overview"], self.docks["rejected"]
        self.camera_dock, self.contacts_dock = self.docks["cameras"], self.docks["contacts"]
        # Without a workspace, every panel a tab of this window, made when it is first
        # shown (a layout built and then rebuilt before Qt lays it out leaves stale
        # tab bars: Workspace.take_all).
        self._docks_laid_out = False
        self.workspace: Workspace | None = None

        # 来电登记 must answer F2 wherever the focus is in the window.
        self.incident_log.action_new.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.overview_dock.raise_()
        self._build_menus()
        self._build_status_bar()
        self.duty_wiring = DutyWiring(self)
        self.monitoring_wiring = MonitoringWiring(self)
        self._status_timer = QTimer(self, singleShot=True, interval=STATUS_COALESCE_MS)
        self._status_timer.timeout.connect(self._refresh_status)
        ctx.relay.sig_incident_changed.connect(lambda *_: self._status_timer.start())
        self._refresh_status()
        # 查岗: this room's roll calls pop up here with a sound; only the officer's Enter answers one.
        self.rollcall_watcher = RollCallWatcher(ctx.rollcalls, ctx.runner, ctx.relay, operator=lambda: ctx.operator,
                                                tz=ctx.tz, window=self)
        QTimer.singleShot(0, self.rollcall_watcher.refresh)
        # 监测预警: a new 红/橙 alarm pops up once with the sound; Enter acknowledges it.
        self.alarm_watcher = AlarmWatcher(ctx.stations, ctx.alarms, ctx.runner, ctx.relay, tz=ctx.tz,
                                          operator=lambda: ctx.operator, window=self)
        self.alarm_watcher.sig_open_list.connect(lambda: self.show_panel("alarms"))
        QTimer.singleShot(0, self.alarm_watcher.refresh)

    def __getattr__(self, name: str):
        panel = PANEL_ATTRIBUTES.get(name)
        if panel is not None and "panels" in self.__dict__:
            return self.__dict__["panels"][panel]
        raise AttributeError(name)

    def _dock(self, name: str, title: str, widget) -> QDockWidget:
        dock = QDockWidget(title, self, objectName=f"panel_{name}")
        dock.setWidget(widget)
        return dock

    def showEvent(self, event) -> None:  # noqa: N802
        if not self._docks_laid_out:
            self._docks_laid_out = True
            self.workspace_default()
        super().showEvent(event)

    def workspace_default(self) -> None:
        first = self.docks["incidents"]
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first)
        for name in MAIN_PANELS[1:]:
            self.tabifyDockWidget(first, self.docks[name])
        side = self.docks["overview"]
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, side)
        for name in SIDE_PANELS[1:]:
            self.tabifyDockWidget(side, self.docks[name])
        first.raise_()
        side.raise_()

    def show_panel(self, name: str) -> None:
        """The panel to the front, on whichever screen it is."""
        dock = self.docks.get(name) or self.docks["incidents"]
        dock.show()
        dock.raise_()
        window = dock.window()
        window.raise_()
        window.activateWindow()
        dock.widget().setFocus()

    def attach_workspace(self, workspace: Workspace) -> None:
        """The workspace lays the panels out from now on."""
        self.workspace = workspace
        self._docks_laid_out = True

    def closeEvent(self, event) -> None:  # noqa: N802
        """The layout is kept for next time; the other windows of the workspace close too."""
        if self.workspace is not None and not self.workspace.closing:
            self.workspace.save()
            self.workspace.closing = True
            for window in self.workspace.windows():
                if window is not self:
                    window.close()
        super().closeEvent(event)

    def _fill_window_menu(self) -> None:
        menu = self.window_menu
        menu.clear()
        if self.workspace is None:
            return
        save = menu.addAction(self.tr("Save this layout"))
        save.triggered.connect(self._save_layout)
        reset = menu.addAction(self.tr("Default layout for this station"))
        reset.triggered.connect(self.workspace.apply_profile)
        menu.addSeparator()
        screens = screens_in_order()
        for name in self.docks:
            sub = menu.addMenu(self.tr("Move “%1” to").replace("%1", self.docks[name].windowTitle()))
            for n, screen in enumerate(screens):
                size = screen.geometry()
                action = sub.addAction(self.tr("Screen %1: %2 (%3×%4)").replace("%1", str(n + 1))
                                       .replace("%2", screen.name()).replace("%3", str(size.width()))
                                       .replace("%4", str(size.height())))
                action.triggered.connect(lambda _=False, name=name, screen=screen:
                                         self.workspace.move_panel(name, screen))

    def _save_layout(self) -> None:
        if self.workspace.save():
            self.statusBar().showMessage(self.tr("Layout saved for this station"), 4000)
        else:
            self.statusBar().showMessage(self.tr("The layout could not be saved (disk full or read-only?)"), 8000)

    def current_panel(self) -> str:
        """The main panel the officer is looking at in this window (tests, the View menu)."""
        for name in MAIN_PANELS:
            dock = self.docks[name]
            if dock.isVisible() and not dock.visibleRegion().isEmpty():
                return name
        return ""

    def issue_order(self):
        """F6 anywhere: the dispatch tab, and the order dialog for the selected incident."""
        self.show_panel("dispatch")
        dialog = self.dispatch_board.on_issue()
        if dialog is None:
            self.statusBar().showMessage(self.tr("Select an incident first, then issue the order."), 5000)
        return dialog

    def _on_overdue_orders(self, count: int) -> None:
        self.docks["dispatch"].setWindowTitle(self.tr("Dispatch (%1 overdue)").replace("%1", str(count)) if count
                                              else self.tr("Dispatch"))
        if count:
            QApplication.beep()

    def _on_signed_in(self, signin, account: str, password: str) -> None:
        self.duty_wiring.signed_in(signin, account, password)

    def show_camera_on_wall(self, camera_id: str) -> None:
        self.video_panel.show_camera(camera_id)
        self.show_panel("video")

    def import_cameras(self) -> ImportCamerasDialog:
        dialog = ImportCamerasDialog(self.ctx.cameras, self.ctx.runner, self)
        dialog.show()
        return dialog

    def import_contacts(self):
        """File ▸ Import contacts…: the contacts panel's import, with the panel in front."""
        self.show_panel("contacts")
        return self.contacts_panel.open_import()

    def new_incident_at(self, lat: float, lon: float) -> None:
        """Right-click on the map: 来电登记 with the position filled in."""
        self.incident_log.new_incident_at(lat, lon)

    def _build_menus(self) -> None:
        log = self.incident_log
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(log.action_export_pdf)
        import_cameras = QAction(self.tr("Import camera catalog…"), self, objectName="action_import_cameras")
        import_cameras.triggered.connect(self.import_cameras)
        file_menu.addAction(import_cameras)
        import_contacts = QAction(self.tr("Import contacts…"), self, objectName="action_import_contacts")
        import_contacts.triggered.connect(self.import_contacts)
        file_menu.addAction(import_contacts)
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
        duty_menu = self.menuBar().addMenu(self.tr("&Duty"))
        duty = self.duty_panel
        for name, text, slot in (("sign_in", self.tr("Take over (sign in)…"), duty.on_sign_in),
                                 ("hand_over", self.tr("Hand over…"), duty.on_hand_over),
                                 ("confirm", self.tr("Confirm the handover…"), duty.on_confirm),
                                 ("history", self.tr("Handover records…"), duty.on_history),
                                 ("swaps", self.tr("Swaps…"), duty.on_swaps),
                                 ("import", self.tr("Import the roster…"), duty.on_import)):
            action = QAction(text, self, objectName=f"action_duty_{name}")
            action.triggered.connect(lambda _=False, slot=slot, name=name: (self.show_panel("duty"), slot()))
            duty_menu.addAction(action)
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        self.window_menu = self.menuBar().addMenu(self.tr("&Window"))
        self.window_menu.aboutToShow.connect(self._fill_window_menu)
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
        # The operator's name and what the platform said are quoted: plain text.
        make_plain(self.network_label, self.pending_label, self.counts_label, self.operator_label, self.clock_label)
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
        self.duty_wiring.sync = sync
        if not sync.configured:
            return
        self.network_label.setText(self.tr("Connecting to the platform…"))  # until the engine's first report
        menu = self.menuBar().addMenu(self.tr("&Platform"))
        self.platform_menu = menu  # others add to it (app/audit_wiring.py)
        login = QAction(self.tr("Log &in…"), self)
        login.triggered.connect(sync.login)
        logout = QAction(self.tr("Log &out"), self)
        logout.triggered.connect(sync.logout)
        everywhere = QAction(self.tr("Log out &everywhere"), self)
        everywhere.setToolTip(self.tr("Ends every session of this account, on every workstation"))
        everywhere.triggered.connect(sync.logout_everywhere)
        accounts = QAction(self.tr("&User management…"), self)
        accounts.setShortcut("Ctrl+Shift+U")
        accounts.triggered.connect(sync.manage_accounts)
        menu.addAction(login)
        menu.addAction(logout)
        menu.addAction(everywhere)
        menu.addSeparator()
        menu.addAction(accounts)

    def set_sync_status(self, status: SyncStatus) -> None:
        """在线 / 弱网 / 离线, with the last good exchange and what is waiting."""
        self.duty_wiring.identity_from(status)
        self.last_sync_status = status
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
        problem = self.problem_text(status.problem)
        if problem and status.state == "offline":
            text += " · " + problem
        purged = purge_notice(status.purged, status.purged_at, self.ctx.tz)  # 密级 lowered: the mirror says so
        if purged:
            text += " · " + purged
        self.network_label.setText(text)
        self.network_label.setStyleSheet(f"color: {colour}; font-weight: bold")
        detail = status.last_error or status.endpoint
        self.network_label.setToolTip(tooltip(f"{problem}\n{detail}" if problem else detail))
        self.pending_label.setText(self.tr("Pending sync: %1").replace("%1", str(status.pending)))
        if status.rejected != len(self.rejected_view.items):
            self.rejected_view.refresh()

    def problem_text(self, problem: str) -> str:
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
            "server_busy": self.tr("the platform is busy: trying again soon"),
            "not_logged_in": self.tr("not logged in"),
            "logged_out": self.tr("logged out"),
        }.get(problem) or tls_problem_text(problem)

    def _tick(self) -> None:
        now = self.ctx.incidents.clock.now().astimezone(self.ctx.tz)
        self.clock_label.setText(now.strftime("%Y-%m-%d %H:%M:%S"))

    def _refresh_status(self) -> None:
        """Counted on a reader (coalesced: a report changes the incident and appends an entry)."""
        GuiOp(self, self.ctx.runner, status_counts, self.ctx.mirror, self.ctx.incidents).as_read() \
            .success(self._show_status).failure(self._status_failed).run()

    def _status_failed(self, exc: BaseException) -> None:
        log.warning("status counts could not be read: %s", exc)

    def _show_status(self, counts: tuple[int, int]) -> None:
        pending, total = counts
        self.pending_label.setText(self.tr("Pending sync: %1").replace("%1", str(pending)))
        self.counts_label.setText(self.tr("Mirror: %1 incidents").replace("%1", str(total)))

    def show_mirror_health(self) -> None:
        health = self.ctx.mirror.health
        if health.moved_aside_to is not None:
            message_box(
                QMessageBox.Icon.Warning,
                self.tr("Local database replaced"),
                self.tr(
                    "The local database failed its integrity check and was moved aside to:\n%1\n\n"
                    "A fresh database was created. Nothing was deleted: give the old file to "
                    "support so the entries in it can be recovered."
                ).replace("%1", str(health.moved_aside_to)),
                self,
            ).exec()

    def _on_about(self) -> None:
        message_box(
            QMessageBox.Icon.Information,
            self.tr("About Watchroom"),
            self.tr("Watchroom — emergency duty and dispatch client.\nLocal database: %1")
            .replace("%1", str(self.ctx.mirror.path)),
            self,
        ).exec()
