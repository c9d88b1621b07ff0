"""Panels declare themselves (Spyder's plugins are the model, kept small): each
feature in views/ exports a PanelSpec saying what the main window needs to know
of it — its name, title, shortcut, where it goes, how it is built, the signals
it offers and the slots it needs, by topic. The window loops over the specs
(views/panels.py) and connects every offer of a topic to every need of it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QWidget

# Topics: what panels tell each other.
INCIDENT_SELECTED = "incident_selected"  # (incident id) the officer opened an incident in the log
INCIDENT_WANTED = "incident_wanted"  # (incident id) a panel asks the log to open this incident
INCIDENT_POSITION = "incident_position"  # (lat, lon) where the selected incident is (WGS-84)
NEW_INCIDENT_AT = "new_incident_at"  # (lat, lon) 来电登记 with the position filled in
CAMERA_WANTED = "camera_wanted"  # (camera id) show this camera on the video wall
OVERDUE_ORDERS = "overdue_orders"  # (count) orders not acknowledged by their deadline
WARNING_WANTED = "warning_wanted"  # (warning id) show this warning's card (views/warnings)
RESOURCE_WANTED = "resource_wanted"  # (resource id) show this resource on the map
STATION_WANTED = "station_wanted"  # (station id) show this monitoring station's chart

MAIN, SIDE = "main", "side"  # the big tabs; the narrow column on the right


@dataclass(frozen=True)
class PanelSpec:
    name: str  # the dock's key: layouts, profiles and the Window menu use it
    title: Callable[[], str]  # translated when the window is built
    create: Callable[[Any, QWidget], QWidget]  # (the application's services, the window) -> the panel
    area: str = MAIN
    shortcut: str = ""  # brings the panel to the front from any window of the workspace
    # On a duty workstation with 2 or 3+ screens: screen count -> (screen index, column on it).
    # Unlisted: the primary screen's first column. A backup laptop has every main panel as a tab.
    placement: Mapping[int, tuple[int, int]] = field(default_factory=dict)
    offers: Mapping[str, str] = field(default_factory=dict)  # topic -> the panel's signal
    needs: Mapping[str, str] = field(default_factory=dict)  # topic -> the panel's slot
    raised_by: tuple[str, ...] = ()  # topics that bring this panel to the front


def connect_panels(specs: Iterable[PanelSpec], panels: Mapping[str, QWidget],
                   extra_needs: Mapping[str, Iterable[Callable[..., Any]]] = (),
                   show: Callable[[str], None] | None = None) -> list[tuple[str, str, str]]:
    """Every offer of a topic to every other panel's need of it (and to `extra_needs`,
    the window's own slots); `show(name)` for the panels a topic brings to the front.
    Returns (offering panel, topic, receiver) for each connection made."""
    specs = list(specs)
    extra = dict(extra_needs)
    made = []
    for spec in specs:
        for topic, signal_name in spec.offers.items():
            signal = getattr(panels[spec.name], signal_name)
            for other in specs:
                if other is spec:
                    continue
                if topic in other.needs:
                    signal.connect(getattr(panels[other.name], other.needs[topic]))
                    made.append((spec.name, topic, other.name))
                if topic in other.raised_by and show is not None:
                    signal.connect(lambda *_args, name=other.name: show(name))
                    made.append((spec.name, topic, f"show:{other.name}"))
            for slot in extra.get(topic, ()):
                signal.connect(slot)
                made.append((spec.name, topic, "window"))
    return made
