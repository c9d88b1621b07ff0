"""Records the platform sent that the mirror could not use are listed with the
reason in the refused dock, as they arrive (issue 19, class 7)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from services.sync import apply
from tests.helpers import KINDS, remote_incident, wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.sync_panel.rejected_view import RejectedOpsView


def test_a_refused_platform_record_is_listed_with_its_reason(qtbot, mirror, events, clock):
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    view = RejectedOpsView(mirror, runner, relay, ZoneInfo("Asia/Shanghai"))
    qtbot.addWidget(view)
    assert view.refused_list.count() == 0
    hostile = remote_incident(3, severity="<img src=x onerror=alert(1)>")
    apply.apply_page(mirror, KINDS, "c", [remote_incident(1), hostile], 3, clock.now(), events)
    wait_until(lambda: view.refused_list.count() == 1, 5, what="the refused record to be listed")
    text = view.refused_list.item(0).text()
    assert hostile.entity_id in text and "severity" in text
    runner.shutdown()
