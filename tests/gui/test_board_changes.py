"""调度台 applies the orders an event names: it reads only those (on a reader
thread), inserts, updates or removes their rows without resetting the model,
keeps the officer's selection, and places a new incident's orders where a full
read would; a catch-up page (many orders at once) is read in full."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from services.dispatch.lifecycle import OrderStatus, TargetKind
from services.dispatch.service import DispatchService, OrderDraft
from services.events import RecordsChanged
from tests.helpers import draft
from tests.map.helpers import wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.dispatch.board import FULL_RELOAD_FROM, DispatchBoard

pytestmark = pytest.mark.gui


class CountingDispatch(DispatchService):
    """The real service, counting full reads and where single orders are read."""

    def __init__(self, *args):
        super().__init__(*args)
        self.full_reads = 0
        self.writing = False
        self.read_threads: list[str] = []

    def active(self):
        self.full_reads += 1
        return super().active()

    def get(self, order_id):
        if not self.writing:  # (issue and advance read their order back: the test's own thread)
            self.read_threads.append(threading.current_thread().name)
        return super().get(order_id)

    def issue(self, *args):
        self.writing = True
        try:
            return super().issue(*args)
        finally:
            self.writing = False

    def advance(self, *args):
        self.writing = True
        try:
            return super().advance(*args)
        finally:
            self.writing = False


@pytest.fixture
def board(qtbot, mirror, events, clock, incident_service):
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    dispatch = CountingDispatch(mirror, events, clock)
    b = DispatchBoard(dispatch, incident_service, runner, relay, author="陈晓")
    qtbot.addWidget(b)
    b.resize(1200, 600)
    b.show()
    yield b
    runner.shutdown()
    relay.detach(events)


def issue(dispatch, incident_id: str, name: str):
    return dispatch.issue(OrderDraft(incident_id, TargetKind.TEAM, name, "前往现场"), "陈晓")


def shown_order_ids(board) -> list[str]:
    return [o.id for _iid, _label, orders in board.model.groups for o in orders]


def test_changed_orders_are_applied_row_by_row(board, incident_service, clock):
    dispatch, model = board.dispatch, board.model
    older = incident_service.create_incident(draft(clock, title="綦江内涝"), "陈晓")
    clock.advance(timedelta(minutes=1))
    newer = incident_service.create_incident(draft(clock, title="解放碑火灾"), "陈晓")
    first = issue(dispatch, older.id, "綦江排涝队")
    second = issue(dispatch, older.id, "綦江消防中队")
    assert wait_until(lambda: model.order_count() == 2, 5)
    board.reload()  # a full read, as at the start
    assert wait_until(lambda: not board._reading and model.order_count() == 2, 5)
    reads = dispatch.full_reads
    board.view.setCurrentIndex(model.index(model.row_of(second.id), 0))
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    dispatch.read_threads.clear()

    clock.advance(timedelta(minutes=1))
    third = issue(dispatch, newer.id, "渝中消防一中队")  # a newer incident: its heading goes on top
    assert wait_until(lambda: model.row_of(third.id) >= 0, 5)
    dispatch.advance(first.id, OrderStatus.ACKNOWLEDGED, "陈晓")
    assert wait_until(lambda: board.model.order_at(model.index(model.row_of(first.id), 0)).status
                      == OrderStatus.ACKNOWLEDGED, 5)
    dispatch.advance(second.id, OrderStatus.WITHDRAWN, "陈晓", "重复下达")
    assert wait_until(lambda: model.row_of(second.id) < 0, 5)  # no longer active: its row goes

    assert resets == [] and dispatch.full_reads == reads  # never read everything again
    assert dispatch.read_threads and threading.main_thread().name not in dispatch.read_threads
    assert model.group_ids() == [newer.id, older.id]  # as DispatchService.active orders them
    assert shown_order_ids(board) == [o.id for o in dispatch.active()]
    assert board.current_order() is None or board.current_order().id != second.id
    assert "2" in board.summary.text()


def test_the_selection_stays_on_its_order(board, incident_service, clock):
    dispatch, model = board.dispatch, board.model
    incident = incident_service.create_incident(draft(clock), "陈晓")
    orders = [issue(dispatch, incident.id, f"救援{n}队") for n in range(5)]
    assert wait_until(lambda: model.order_count() == 5, 5)
    board.view.setCurrentIndex(model.index(model.row_of(orders[3].id), 0))
    clock.advance(timedelta(minutes=1))
    other = incident_service.create_incident(draft(clock, title="新事件"), "陈晓")
    issue(dispatch, other.id, "增援队")  # rows inserted above the selection
    assert wait_until(lambda: model.order_count() == 6, 5)
    assert board.current_order().id == orders[3].id


def test_a_catch_up_page_is_read_in_full(board, incident_service, clock, events):
    dispatch, model = board.dispatch, board.model
    incident = incident_service.create_incident(draft(clock), "陈晓")
    ids = [issue(dispatch, incident.id, f"救援{n}队").id for n in range(FULL_RELOAD_FROM)]
    assert wait_until(lambda: model.order_count() == FULL_RELOAD_FROM and not board._reading, 10)
    reads = dispatch.full_reads
    events.publish(RecordsChanged("order", tuple(ids)))  # what a catch-up page announces
    assert wait_until(lambda: dispatch.full_reads == reads + 1 and not board._reading, 5)
    assert model.order_count() == FULL_RELOAD_FROM
