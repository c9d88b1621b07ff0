"""The audit in the main window: the status bar's warning when the platform's
audit checkpoints disagree with the ones kept here, and 平台 → 审计日志… for
admins only (the action is there only while an admin account is signed in; the
platform refuses the records to anyone else as well)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from app.wall.link import engine_request
from views.audit.alert import AuditAlert
from views.audit.panel import AuditPanel


class AuditWiring(QObject):
    def __init__(self, ctx, window, sync):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.sync = sync
        self.alert = AuditAlert(window)
        window.statusBar().insertPermanentWidget(0, self.alert)
        sync.sig_audit_finding.connect(self.alert.show_finding)
        self.action = QAction(self.tr("&Audit log…"), window)
        self.action.setObjectName("audit_log_action")
        self.action.triggered.connect(self.open_panel)
        self.action.setVisible(False)
        menu = getattr(window, "platform_menu", None)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.action)
        sync.sig_status.connect(self.on_status)
        self.panel_window: QMainWindow | None = None

    def on_status(self, status) -> None:
        admin = status.role == "admin"
        self.action.setVisible(admin)
        if not admin and self.panel_window is not None:
            self.panel_window.close()

    def open_panel(self) -> None:
        if self.panel_window is None:
            self.panel_window = QMainWindow(self.window)
            self.panel_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.panel_window.destroyed.connect(self._closed)
            self.panel_window.setWindowTitle(self.tr("Audit log"))
            panel = AuditPanel(engine_request(self.sync), self.ctx.tz, self.ctx.incidents.clock.now)
            self.panel_window.setCentralWidget(panel)
            self.panel_window.resize(1100, 640)
            panel.reload()
        self.panel_window.show()
        self.panel_window.raise_()

    def _closed(self) -> None:
        self.panel_window = None
