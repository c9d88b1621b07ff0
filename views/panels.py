"""Every panel of the main window, in the order of its tabs and menus: one line
per panel, each declared by its feature (views/common/panels.py)."""

from __future__ import annotations

from views.cases.spec import PANEL as CASES
from views.common.panels import MAIN, SIDE, PanelSpec
from views.conference.spec import PANEL as CONFERENCE
from views.contacts.spec import PANEL as CONTACTS
from views.dashboard.spec import PANEL as DASHBOARD
from views.dispatch.spec import PANEL as DISPATCH
from views.duty.spec import PANEL as DUTY
from views.duty_log.spec import PANEL as DUTY_LOG
from views.duty_overview.spec import PANEL as OVERVIEW
from views.incident_log.spec import PANEL as INCIDENTS
from views.map.spec import PANEL as MAP
from views.monitoring.spec import ALARMS, STATION_ADMIN, STATIONS
from views.plans.checklist_spec import PANEL as CHECKLIST
from views.plans.spec import PANEL as PLANS
from views.sync_panel.spec import PANEL as REJECTED
from views.video.spec import CATALOG as CAMERAS
from views.video.spec import WALL as VIDEO
from views.warnings.spec import PANEL as WARNINGS

PANELS: tuple[PanelSpec, ...] = (
    INCIDENTS, MAP, VIDEO, DISPATCH, CONFERENCE, DASHBOARD, DUTY, DUTY_LOG,
    OVERVIEW, CASES, PLANS, CHECKLIST, REJECTED, CAMERAS, CONTACTS, WARNINGS, ALARMS, STATIONS,
    STATION_ADMIN,
)
MAIN_PANELS = tuple(p.name for p in PANELS if p.area == MAIN)
SIDE_PANELS = tuple(p.name for p in PANELS if p.area == SIDE)
