"""Panels declare themselves (views/*/spec.py, listed in views/panels.py) and
the main window loops over them: every panel docked with its title and
shortcut, every offered signal connected to every panel that needs its topic;
a new panel is one spec, with no edit of the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel

from tests.helpers import draft
from tests.map.helpers import wait_until
from views.common.panels import INCIDENT_SELECTED, SIDE, PanelSpec

pytestmark = pytest.mark.gui

# What app/main_window.py used to connect by hand, as (offering panel, topic, receiver).
WIRED_BY_HAND = {
    ("incidents", "incident_selected", "map"), ("incidents", "incident_selected", "video"),
    ("incidents", "incident_selected", "dispatch"), ("incidents", "incident_selected", "conference"),
    ("map", "incident_wanted", "incidents"), ("dashboard", "incident_wanted", "incidents"),
    ("overview", "incident_wanted", "incidents"), ("map", "new_incident_at", "incidents"),
    ("map", "incident_position", "video"), ("map", "camera_wanted", "video"), ("map", "camera_wanted", "show:video"),
    ("cameras", "camera_wanted", "video"), ("dispatch", "overdue_orders", "window"),
}
# The warnings panel (views/warnings/spec.py): the map asks for a card, the card for what lies inside.
WARNINGS_WIRED = {
    ("map", "warning_wanted", "warnings"), ("map", "warning_wanted", "show:warnings"),
    ("warnings", "incident_wanted", "incidents"), ("warnings", "camera_wanted", "video"),
    ("warnings", "resource_wanted", "map"), ("incidents", "incident_selected", "warnings"),
}


class Extra(QLabel):
    """A panel added later: it only declares what it needs."""

    sig_nothing = Signal()

    def __init__(self):
        super().__init__("extra")
        self.incidents: list[str] = []

    def set_incident(self, incident_id: str) -> None:
        self.incidents.append(incident_id)


@pytest.fixture
def window_with(qtbot, tmp_path, monkeypatch):
    from app.composition import build_context
    from app.config import AppConfig

    made = []

    def make(extra_specs=()):
        import app.main_window as main_window
        from views.panels import PANELS

        monkeypatch.setattr(main_window, "PANELS", (*PANELS, *extra_specs))
        cfg = AppConfig()
        cfg.mirror_path, cfg.log_file = tmp_path / "m.db", tmp_path / "w.log"
        ctx = build_context(cfg)
        window = main_window.MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        made.append((window, ctx))
        return window, ctx

    yield make
    for window, ctx in made:
        window.video_panel.wall.stop_all()
        window.conference_panel.stop_video()
        window.close()
        ctx.close()


def test_the_window_loops_over_the_declared_panels(window_with):
    from views.panels import MAIN_PANELS, PANELS

    window, _ctx = window_with()
    assert list(window.docks) == [spec.name for spec in PANELS]
    for spec in PANELS:
        assert window.docks[spec.name].widget() is window.panels[spec.name]
        assert window.docks[spec.name].windowTitle() == spec.title()
    keys = [s.shortcut for s in PANELS if s.name in MAIN_PANELS]
    assert keys[:10] == [f"Ctrl+{n}" for n in (*range(1, 10), 0)]
    # 监测预警: the alarm list, the station charts, 监测站管理
    assert keys[10:] == ["Ctrl+Shift+A", "Ctrl+Shift+G", "Ctrl+Shift+T"]
    assert len(set(keys)) == len(keys)
    assert WIRED_BY_HAND <= set(window.connections)
    assert WARNINGS_WIRED <= set(window.connections)
    assert window.panels["warnings"].alert_watcher is not None
    assert [s.shortcut for s in PANELS if s.name == "warnings"] == ["Ctrl+Shift+W"]
    assert window.incident_log is window.panels["incidents"] and window.camera_catalog is window.panels["cameras"]


def test_a_selected_incident_reaches_every_panel_that_needs_it(window_with, qtbot):
    window, ctx = window_with()
    incident = ctx.incidents.create_incident(draft(ctx.incidents.clock), "陈晓")
    assert wait_until(lambda: window.incident_log.model.row_for(incident.id) is not None, 5)
    window.incident_log.select_incident(incident.id)
    assert wait_until(lambda: window.dispatch_board.incident_id == incident.id, 5)
    assert window.conference_panel.incident_id == incident.id and window.video_panel.incident_id == incident.id
    assert window.plans_panel.incident_id == incident.id
    window.camera_catalog.sig_camera_activated.emit("no-such-camera")  # the wall comes to the front
    assert wait_until(lambda: window.current_panel() == "video", 5)


def test_a_new_panel_is_one_spec(window_with):
    extra = PanelSpec("extra", lambda: "Extra", lambda _ctx, _window: Extra(), area=SIDE,
                      needs={INCIDENT_SELECTED: "set_incident"})
    window, ctx = window_with((extra,))
    assert "extra" in window.docks and isinstance(window.docks["extra"].widget(), Extra)
    assert ("incidents", "incident_selected", "extra") in window.connections
    incident = ctx.incidents.create_incident(draft(ctx.incidents.clock), "陈晓")
    window.incident_log.select_incident(incident.id)
    assert wait_until(lambda: window.panels["extra"].incidents == [incident.id], 5)


def test_profiles_place_the_declared_panels():
    from app.workspace.profiles import placements

    assert [p.groups for p in placements("duty", 3)] == [
        (("incidents", "dispatch", "conference", "duty", "duty_log", "plans", "checklist", "alarms", "stations",
          "station_admin"),),
        (("map",),), (("video",), ("dashboard",))]
    assert [p.groups for p in placements("duty", 2)] == [
        (("incidents", "dispatch", "conference", "dashboard", "duty", "duty_log", "plans", "checklist", "alarms",
          "stations", "station_admin"),), (("map", "video"),)]
    assert placements("backup", 3)[0].side == ("overview", "cases", "rejected", "cameras", "contacts", "warnings")
