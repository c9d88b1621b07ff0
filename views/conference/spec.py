"""协同会商 as the main window sees it (views/common/panels.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from views.common.panels import INCIDENT_SELECTED, PanelSpec


def _create(ctx, window):
    from views.conference.panel import ConferencePanel

    return ConferencePanel(ctx.conferences, ctx.incidents, ctx.contacts, ctx.runner, ctx.relay,
                           author=ctx.operator, tz=ctx.tz, decoder=ctx.config.video_decoder, parent=window)


PANEL = PanelSpec(
    "conference", lambda: QCoreApplication.translate("MainWindow", "Conference"), _create, shortcut="Ctrl+5",
    placement={2: (0, 0), 3: (0, 0)},
    needs={INCIDENT_SELECTED: "set_incident"},
)
