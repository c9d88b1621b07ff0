"""The new-alarm prompt (views/monitoring/alarm_prompt.py): a new 红/橙 alarm (保证
and 警戒 count as these) arriving from the feed pops up with the sound once; the
same alarm updated again does not; escalated to red it does; yellow and blue,
old alarms, and alarms acknowledged elsewhere do not; Enter acknowledges with
the officer's name; several together share one prompt and one sound."""

from __future__ import annotations

import json
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from offline_cache.schema import OutboxRow
from services.monitoring.alarms_service import AlarmService
from services.monitoring.store import StationStore
from tests.gui.monitoring_feed import alarm, feed, station
from tests.helpers import wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.monitoring.alarm_prompt import AlarmWatcher

pytestmark = pytest.mark.gui
TZ = ZoneInfo("Asia/Shanghai")


class CountingAlert:
    def __init__(self):
        self.played = 0

    def play(self) -> None:
        self.played += 1


@pytest.fixture
def watched(qtbot, mirror, events, clock, incident_service):
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    alert = CountingAlert()
    watcher = AlarmWatcher(StationStore(mirror), AlarmService(mirror, incident_service, events=events, clock=clock),
                           runner, relay, tz=TZ, operator=lambda: "陈晓", now=clock.now, alert=alert)
    yield watcher, alert
    if watcher.prompt is not None:
        watcher.prompt.close()
    runner.shutdown()
    relay.detach(events)


def settle(qtbot, watcher) -> None:
    """The watcher has read what the feed just applied (the relay started its timer
    on this thread as the page was applied, so waiting for it to go idle is enough)."""
    wait_until(lambda: not watcher._reading and not watcher._soon.isActive(), 5, what="the watcher's read")


def test_a_new_orange_alarm_prompts_once_and_escalation_to_red_again(watched, mirror, events, clock, qtbot):
    watcher, alert = watched
    river = station(name="嘉陵江北碚站")
    feed(mirror, events, clock.now(), "station", [river])
    first = alarm(river, clock.now() - timedelta(minutes=1), level="alert")
    with qtbot.waitSignal(watcher.sig_prompted, timeout=5000) as prompted:
        feed(mirror, events, clock.now(), "alarm", [first])
    assert prompted.args == [[first["id"]]] and alert.played == 1
    prompt = watcher.prompt
    assert prompt.isVisible() and "嘉陵江北碚站" in prompt.heading.text()
    # The platform updates it (a new peak, the condition repeating): no second prompt.
    feed(mirror, events, clock.now(), "alarm", [dict(first, peak_value=186.9, repeats=1, version=2)])
    settle(qtbot, watcher)
    assert alert.played == 1
    # Escalated to 保证 (red): once more.
    clock.advance(timedelta(minutes=5))
    with qtbot.waitSignal(watcher.sig_prompted, timeout=5000):
        feed(mirror, events, clock.now(), "alarm", [dict(first, level="guarantee", first_level="alert", value=189.2,
                                                         escalated_at=clock.now().isoformat(), version=3)])
    assert alert.played == 2 and prompt.list.count() == 1 and "189.2" in prompt.list.item(0).text()


def test_enter_acknowledges_with_the_officers_name(watched, mirror, events, clock, qtbot):
    watcher, _alert = watched
    gas = station(name="化工园区3号", kind="gas", unit="%LEL", thresholds={"orange": 25.0, "red": 40.0})
    feed(mirror, events, clock.now(), "station", [gas])
    a, b = alarm(gas, clock.now(), level="red", value=41.0), alarm(gas, clock.now(), level="orange", value=26.0)
    with qtbot.waitSignal(watcher.sig_prompted, timeout=5000):
        feed(mirror, events, clock.now(), "alarm", [a, b])
    prompt = watcher.prompt
    assert prompt.list.count() == 2 and watcher.alert.played == 1  # together: one prompt, one sound
    assert "2" in prompt.heading.text()
    qtbot.keyClick(prompt, Qt.Key.Key_Return)
    wait_until(lambda: not prompt.isVisible(), 5, what="the prompt to close once both are acknowledged")
    with mirror.read() as s:
        ops = [json.loads(o.payload) for o in s.scalars(select(OutboxRow).where(OutboxRow.entity == "alarm"))]
    assert sorted(o["state"] for o in ops) == ["acknowledged", "acknowledged"] and {o["by"] for o in ops} == {"陈晓"}


def test_yellow_old_and_acknowledged_alarms_do_not_prompt(watched, mirror, events, clock, qtbot):
    watcher, alert = watched
    river = station()
    feed(mirror, events, clock.now(), "station", [river])
    feed(mirror, events, clock.now(), "alarm", [
        alarm(river, clock.now(), level="yellow"),
        alarm(river, clock.now() - timedelta(hours=3), level="guarantee"),  # caught up late: in the list only
        alarm(river, clock.now(), level="alert", state="acknowledged", acknowledged_by="李娜"),
    ])
    settle(qtbot, watcher)
    watcher.refresh()
    settle(qtbot, watcher)
    assert alert.played == 0 and watcher.prompt is None


def test_acknowledged_at_another_workstation_the_prompt_goes_away(watched, mirror, events, clock, qtbot):
    watcher, _alert = watched
    river = station()
    feed(mirror, events, clock.now(), "station", [river])
    first = alarm(river, clock.now(), level="alert")
    with qtbot.waitSignal(watcher.sig_prompted, timeout=5000):
        feed(mirror, events, clock.now(), "alarm", [first])
    feed(mirror, events, clock.now(), "alarm", [dict(first, state="acknowledged", acknowledged_by="李娜", version=2)])
    wait_until(lambda: not watcher.prompt.isVisible(), 5, what="the prompt to go")
    with mirror.read() as s:
        assert s.scalars(select(OutboxRow).where(OutboxRow.entity == "alarm")).all() == []


def test_a_restart_does_not_pop_an_alarm_shown_before(qtbot, mirror, events, clock, incident_service):
    """Once per alarm outlives the session: the mirror remembers what was shown;
    an escalation still pops up after the restart."""
    river = station(name="寸滩站")
    feed(mirror, events, clock.now(), "station", [river])
    first = alarm(river, clock.now() - timedelta(minutes=1), level="alert")

    def session():
        relay, runner = DomainEventRelay(), TaskRunner()
        relay.attach(events)
        alert = CountingAlert()
        watcher = AlarmWatcher(StationStore(mirror), AlarmService(mirror, incident_service, events=events,
                                                                  clock=clock),
                               runner, relay, tz=TZ, operator=lambda: "陈晓", now=clock.now, alert=alert)
        return watcher, alert, lambda: (watcher.prompt and watcher.prompt.close(), runner.shutdown(),
                                        relay.detach(events))

    watcher, alert, end = session()
    with qtbot.waitSignal(watcher.sig_prompted, timeout=5000):
        feed(mirror, events, clock.now(), "alarm", [first])
    wait_until(lambda: StationStore(mirror).open_alarms_and_prompted()[1] == {(first["id"], "orange")}, 5,
               what="the pop-up remembered in the mirror")
    end()
    watcher, alert, end = session()  # the workstation restarted
    try:
        watcher.refresh()
        settle(qtbot, watcher)
        assert alert.played == 0 and watcher.prompt is None
        with qtbot.waitSignal(watcher.sig_prompted, timeout=5000):
            feed(mirror, events, clock.now(), "alarm", [dict(first, level="guarantee", first_level="alert",
                                                             escalated_at=clock.now().isoformat(), version=2)])
        assert alert.played == 1
    finally:
        end()
