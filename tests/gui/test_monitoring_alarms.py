"""The alarm list (views/monitoring/alarm_panel.py) over a real mirror fed as the
platform's feed would: open alarms counted per colour (警戒 with 橙, 保证 with 红),
alarms per hour, and the officer's steps from the keyboard — each an outbox op
with the officer's name — forward only, 转为事件 through the intake form
pre-filled with the station, place and readings."""

from __future__ import annotations

import json
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from offline_cache.schema import OutboxRow
from services.incidents.model import Source
from services.monitoring.alarms_service import AlarmService, incident_id_for
from services.monitoring.store import StationStore
from tests.gui.monitoring_feed import alarm, feed, readings, station
from tests.helpers import wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.incident_log.intake_dialog import IntakeDialog
from views.monitoring.alarm_panel import AlarmPanel

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def desk(qtbot, mirror, events, clock, incident_service):
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    alarms = AlarmService(mirror, incident_service, events=events, clock=clock)
    opened: list[IntakeDialog] = []

    def intake(draft, parent):
        dialog = IntakeDialog(incident_service, runner, "陈晓", TZ, parent)
        dialog.prefill(draft)
        dialog.show()
        opened.append(dialog)
        return dialog

    panel = AlarmPanel(StationStore(mirror), alarms, runner, relay, tz=TZ, operator=lambda: "陈晓",
                       intake=intake, now=clock.now)
    qtbot.addWidget(panel)
    panel.resize(1100, 600)
    panel.show()
    yield panel, opened
    for dialog in opened:
        dialog.close()
    runner.shutdown()
    relay.detach(events)


def shown(panel, qtbot):
    """Refreshes and waits for the overview the panel then shows."""
    with qtbot.waitSignal(panel.sig_shown, timeout=5000):
        panel.refresh()
    return panel.overview


def outbox(mirror) -> list[dict]:
    with mirror.read() as s:
        return [json.loads(op.payload) | {"_id": op.entity_id}
                for op in s.scalars(select(OutboxRow).where(OutboxRow.entity == "alarm").order_by(OutboxRow.seq))]


def test_counts_per_colour_and_alarms_per_hour(desk, mirror, events, clock, qtbot):
    panel, _ = desk
    river, gas = station(name="嘉陵江北碚站"), station(name="化工园区3号", kind="gas", unit="%LEL",
                                                   thresholds={"yellow": 20.0, "orange": 25.0, "red": 40.0})
    feed(mirror, events, clock.now(), "station", [river, gas])
    now = clock.now()
    feed(mirror, events, now, "alarm", [
        alarm(river, now - timedelta(minutes=10), level="alert"),  # 警戒 counts as orange
        alarm(river, now - timedelta(hours=2), level="guarantee", state="acknowledged"),  # 保证 as red
        alarm(gas, now - timedelta(hours=1, minutes=55), level="yellow", value=21.0),
        alarm(gas, now - timedelta(hours=5), level="red", state="false", value=41.0),  # closed: not counted
    ])
    overview = shown(panel, qtbot)
    assert overview.open_by_colour == {"red": 1, "orange": 1, "yellow": 1, "blue": 0}
    assert [panel.tiles[k].value.text() for k in ("red", "orange", "yellow", "blue")] == ["1", "1", "1", "0"]
    assert sum(n for _, n in overview.per_hour) == 4 and overview.per_hour[-3][1] == 2
    assert panel.rate_chart.values == [n for _, n in overview.per_hour]
    assert panel.model.rowCount() == 3  # open only
    panel.open_only.setChecked(False)
    wait_until(lambda: panel.model.rowCount() == 4, 5, what="closed alarms listed too")


def test_enter_acknowledges_and_the_step_goes_out_with_the_officers_name(desk, mirror, events, clock, qtbot):
    panel, _ = desk
    river = station()
    feed(mirror, events, clock.now(), "station", [river])
    first = alarm(river, clock.now() - timedelta(minutes=3))
    feed(mirror, events, clock.now(), "alarm", [first])
    shown(panel, qtbot)
    assert panel.buttons["ack"].isEnabled() and panel.buttons["incident"].isEnabled()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    wait_until(lambda: outbox(mirror), 5, what="the acknowledgement queued")
    assert outbox(mirror) == [{"state": "acknowledged", "by": "陈晓", "note": "", "incident_id": "",
                               "_id": first["id"]}]
    wait_until(lambda: panel.model.alarms and panel.model.alarms[0].state == "acknowledged", 5,
               what="the list to show the step")
    assert not panel.buttons["ack"].isEnabled() and panel.buttons["resolve"].isEnabled()
    panel.note.setText("传感器被漂浮物遮挡，已通知维护")
    qtbot.keyClick(panel.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    wait_until(lambda: len(outbox(mirror)) == 2, 5, what="the false-alarm step queued")
    assert outbox(mirror)[1] == {"state": "false", "by": "陈晓", "note": "传感器被漂浮物遮挡，已通知维护",
                                 "incident_id": "", "_id": first["id"]}
    wait_until(lambda: panel.model.rowCount() == 0, 5, what="the closed alarm to leave the open list")
    assert panel.status.text() and panel.note.text() == ""


def test_a_step_the_alarm_no_longer_allows_is_told_and_not_made(desk, mirror, events, clock, qtbot):
    panel, _ = desk
    river = station()
    feed(mirror, events, clock.now(), "station", [river])
    first = alarm(river, clock.now() - timedelta(minutes=3))
    feed(mirror, events, clock.now(), "alarm", [first])
    shown(panel, qtbot)
    panel.refresh = lambda: None  # the list stays as the officer saw it, before the feed catches up
    # Another workstation handled it meanwhile: the feed brings it closed.
    feed(mirror, events, clock.now(), "alarm", [dict(first, state="resolved", closed_by="李娜", version=2)])
    panel.on_acknowledge()
    box = wait_until(lambda: next((w for w in QApplication.topLevelWidgets()
                                   if isinstance(w, QMessageBox) and w.isVisible()), None), 5,
                     what="the message that the alarm moved on")
    assert "already moved on" in box.text()
    box.close()
    assert outbox(mirror) == []
    assert StationStore(mirror).alarm(first["id"]).state == "resolved"


def test_turning_an_alarm_into_an_incident_opens_the_intake_form_filled_in(desk, mirror, events, clock, qtbot,
                                                                          incident_service):
    panel, opened = desk
    river = station(name="嘉陵江北碚站")
    feed(mirror, events, clock.now(), "station", [river])
    feed(mirror, events, clock.now(), "reading", readings(river["id"], clock.now() - timedelta(minutes=5),
                                                           [185.6, 185.9, 186.1, 186.3, 186.4]))
    first = alarm(river, clock.now() - timedelta(minutes=2), value=186.4)
    feed(mirror, events, clock.now(), "alarm", [first])
    shown(panel, qtbot)
    assert panel.buttons["incident"].isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_until(lambda: opened[0] if opened else None, 5, what="the intake form")
    assert "嘉陵江北碚站" in dialog.title_edit.text()
    assert dialog.source_combo.currentData() == Source.SYSTEM
    assert dialog.place_edit.text() == river["place"]
    assert dialog.lat_edit.text() == "29.826100" and dialog.lon_edit.text() == "106.435200"
    assert "186.4" in dialog.summary_edit.toPlainText() and "185.9" in dialog.summary_edit.toPlainText()
    dialog.title_edit.setText("嘉陵江北碚站超警戒水位")  # the officer edits before logging
    with qtbot.waitSignal(panel.sig_incident_activated, timeout=5000) as activated:
        dialog.on_submit()
    incident = incident_service.get(activated.args[0])
    assert incident.id == incident_id_for(first["id"])
    assert incident.title == "嘉陵江北碚站超警戒水位" and incident.source == Source.SYSTEM
    assert StationStore(mirror).alarm(first["id"]).state == "incident"
    assert StationStore(mirror).alarm(first["id"]).incident_id == incident.id
    assert outbox(mirror)[-1]["state"] == "incident"


def test_hostile_station_names_are_text(desk, mirror, events, clock, qtbot):
    panel, _ = desk
    river = station(name="<b>北碚</b><img src=x>")
    feed(mirror, events, clock.now(), "station", [river])
    feed(mirror, events, clock.now(), "alarm", [alarm(river, clock.now() - timedelta(minutes=1),
                                                      note="<a href='x'>点我</a>")])
    shown(panel, qtbot)
    index = panel.model.index(0, 1)
    assert panel.model.data(index) == "<b>北碚</b><img src=x>"
    tip = panel.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "<a href" not in tip


def test_empty_list_says_so(desk, qtbot):
    panel, _ = desk
    shown(panel, qtbot)
    assert panel.model.rowCount() == 0 and panel.status.text()
    assert not any(b.isEnabled() for b in panel.buttons.values())


def test_the_dashboard_tile_counts_open_alarms_and_names_the_newest(qtbot, mirror, events, clock):
    from views.monitoring.alarm_tile import AlarmTile

    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    tile = AlarmTile(StationStore(mirror), runner, relay, tz=TZ)
    qtbot.addWidget(tile)
    with qtbot.waitSignal(tile.sig_shown, timeout=5000):
        tile.refresh()
    assert tile.figures.by_colour == {"red": 0, "orange": 0, "yellow": 0, "blue": 0} and tile.detail.text()
    river = station(name="嘉陵江北碚站")
    feed(mirror, events, clock.now(), "station", [river])
    with qtbot.waitSignal(tile.sig_shown, timeout=5000):  # the alarm's change refreshes the tile
        feed(mirror, events, clock.now(), "alarm", [
            alarm(river, clock.now() - timedelta(minutes=1), level="guarantee"),
            alarm(river, clock.now() - timedelta(minutes=9), level="alert", state="acknowledged")])
    assert tile.figures.by_colour["red"] == 1 and tile.figures.by_colour["orange"] == 1
    assert tile.figures.unacknowledged == 1 and "嘉陵江北碚站" in tile.detail.text()
    runner.shutdown()
    relay.detach(events)


def test_ctrl_e_twice_is_one_form_and_an_alarm_closed_meanwhile_is_told(desk, mirror, events, clock, qtbot,
                                                                          incident_service):
    panel, opened = desk
    river = station(name="嘉陵江北碚站")
    feed(mirror, events, clock.now(), "station", [river])
    first = alarm(river, clock.now() - timedelta(minutes=2), value=186.4)
    feed(mirror, events, clock.now(), "alarm", [first])
    shown(panel, qtbot)
    qtbot.keyClick(panel.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = wait_until(lambda: opened[0] if opened else None, 5, what="the intake form")
    panel.on_to_incident()
    qtbot.waitUntil(lambda: not panel.runner.busy, timeout=5000)
    assert len(opened) == 1  # raised again, not a second form
    panel.refresh = lambda: None  # the list as the officer saw it
    feed(mirror, events, clock.now(), "alarm", [dict(first, state="false", closed_by="李娜", version=2)])
    with qtbot.waitSignal(panel.sig_incident_activated, timeout=5000) as activated:
        dialog.on_submit()
    assert incident_service.get(activated.args[0]) is not None  # logged all the same
    box = wait_until(lambda: next((w for w in QApplication.topLevelWidgets()
                                   if isinstance(w, QMessageBox) and w.isVisible()), None), 5, what="the message")
    assert "not marked" in box.text()
    box.close()
    assert StationStore(mirror).alarm(first["id"]).state == "false"
