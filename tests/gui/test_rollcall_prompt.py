"""The roll-call prompt on the duty workstation: a roll call of this room
arriving from the platform (applied as a feed page) pops it up with the alert
sound and a countdown; Enter answers it (an operation queued for the
platform, with the officer's name); closing it does not, and it comes back with
the sound; answered at another workstation of the room, it goes away; past the
deadline it says an answer now is late."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from offline_cache.schema import OutboxRow
from services.rollcall.service import RollCallService
from services.sync.apply import apply_page
from services.sync.wire import Change
from services.timefmt import to_db
from tests.helpers import KINDS, wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.rollcall.watcher import RollCallWatcher

pytestmark = pytest.mark.gui
TZ = __import__("zoneinfo").ZoneInfo("Asia/Shanghai")


class CountingAlert:
    def __init__(self):
        self.played = 0

    def play(self) -> None:
        self.played += 1


def rollcall_change(seq: int, clock, *, site: str = "CQ", state: str = "pending", allowed_s: int = 180,
                    rollcall_id: str | None = None, **extra) -> Change:
    posted = clock.now() - timedelta(seconds=5)
    data = {"id": rollcall_id or str(uuid.uuid4()), "site_code": site, "message": "市应急局查岗：请报告在岗情况",
            "allowed_s": allowed_s, "posted_at": to_db(posted), "deadline": to_db(posted + timedelta(seconds=allowed_s)),
            "state": state, "answered_at": "", "answered_by": "", "answered_by_account": "",
            "answered_workstation": "", "created_by_account": "cmd", "created_workstation": "hq",
            "updated_at": to_db(posted), "version": 1, **extra}
    return Change(seq=seq, entity="rollcall", entity_id=data["id"], version=data["version"], data=data)


@pytest.fixture
def watched(qtbot, mirror, events, clock):
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    service = RollCallService(mirror, events, clock, site_code="CQ")
    alert = CountingAlert()
    watcher = RollCallWatcher(service, runner, relay, operator=lambda: "陈晓", tz=TZ, alert=alert)
    yield watcher, service, alert
    if watcher.prompt is not None:
        watcher.prompt.close()
    runner.shutdown()
    relay.detach(events)


def arrive(mirror, events, clock, changes: list[Change]) -> None:
    apply_page(mirror, KINDS, "cluster", changes, changes[-1].seq, clock.now(), events)


def test_a_roll_call_pops_up_with_the_sound_and_enter_answers_it(watched, mirror, events, clock, qtbot):
    watcher, service, alert = watched
    change = rollcall_change(1, clock)
    arrive(mirror, events, clock, [change])
    prompt = wait_until(lambda: watcher.prompt if watcher.prompt is not None and watcher.prompt.isVisible() else None,
                        5, what="the roll-call prompt")
    assert alert.played == 1
    assert prompt.message.text() == "市应急局查岗：请报告在岗情况"
    assert "02:55" in prompt.countdown.text()
    assert prompt.answer_button.hasFocus() or prompt.answer_button.isDefault()
    with qtbot.waitSignal(watcher.sig_answered, timeout=5000) as answered:
        qtbot.keyClick(prompt, Qt.Key.Key_Return)
    assert answered.args == [change.entity_id]
    assert watcher.prompt is None and service.to_answer() == []
    with mirror.read() as s:
        [op] = s.scalars(select(OutboxRow).where(OutboxRow.entity == "rollcall")).all()
    assert (op.op, op.entity_id, json.loads(op.payload)) == ("advance", change.entity_id,
                                                            {"step": "answer", "by": "陈晓"})
    assert op.priority == 1  # urgent: before anything else waiting to go
    assert service.get(change.entity_id).answered_here_at == clock.now()


def test_closing_the_prompt_does_not_answer_it_and_it_comes_back(watched, mirror, events, clock, qtbot):
    watcher, service, alert = watched
    change = rollcall_change(1, clock)
    arrive(mirror, events, clock, [change])
    prompt = wait_until(lambda: watcher.prompt, 5, what="the roll-call prompt")
    qtbot.keyClick(prompt, Qt.Key.Key_Escape)
    assert not prompt.isVisible() and [r.id for r in service.to_answer()] == [change.entity_id]
    watcher._remind()  # the nag timer's turn (every 15 s)
    assert prompt.isVisible() and alert.played == 2
    with mirror.read() as s:
        assert s.scalars(select(OutboxRow)).all() == []


def test_answered_at_another_workstation_the_prompt_goes_away(watched, mirror, events, clock):
    watcher, service, _alert = watched
    change = rollcall_change(1, clock)
    arrive(mirror, events, clock, [change])
    wait_until(lambda: watcher.prompt, 5, what="the roll-call prompt")
    answered = rollcall_change(2, clock, rollcall_id=change.entity_id, state="answered", version=2,
                               answered_at=to_db(clock.now()), answered_by="李娜", answered_by_account="duty2")
    arrive(mirror, events, clock, [answered])
    wait_until(lambda: watcher.prompt is None, 5, what="the prompt to close")
    assert service.to_answer() == []


def test_other_rooms_and_old_roll_calls_do_not_pop_up(watched, mirror, events, clock, qtbot):
    watcher, _service, alert = watched
    clock.advance(timedelta(hours=5))
    old = rollcall_change(1, clock)
    clock.advance(timedelta(hours=3))  # posted 3 hours ago: a workstation started now does not dig it up
    arrive(mirror, events, clock, [old, rollcall_change(2, clock, site="WZ")])
    watcher.refresh()
    qtbot.wait(300)
    assert watcher.prompt is None and alert.played == 0


def test_past_the_deadline_the_prompt_says_the_answer_is_late(watched, mirror, events, clock):
    watcher, _service, _alert = watched
    arrive(mirror, events, clock, [rollcall_change(1, clock, allowed_s=60)])
    prompt = wait_until(lambda: watcher.prompt, 5, what="the roll-call prompt")
    assert prompt.note.text() == ""
    clock.advance(timedelta(seconds=70))
    prompt.tick()
    assert "00:15" in prompt.countdown.text() and prompt.note.text()
