"""应急通讯录 as the main window sees it (views/common/panels.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import SIDE, PanelSpec


def _create(ctx, _window):
    from views.contacts.panel import ContactsPanel

    return ContactsPanel(ctx.contacts, ctx.runner, ctx.relay)


PANEL = PanelSpec("contacts", lambda: QCoreApplication.translate("MainWindow", "Contacts"), _create, area=SIDE)
