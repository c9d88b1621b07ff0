"""调度台: orders grouped under their incident, steps recorded from the board,
overdue orders in red with the alert, and the issue dialog offering the
nearest teams."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QCoreApplication

from services.dispatch.lifecycle import OrderStatus, Priority, TargetKind
from services.dispatch.service import DispatchService, OrderDraft
from services.resources.store import ResourceStore
from tests.helpers import draft, wait_until
from views.common.event_relay import DomainEventRelay
from views.common.task_runner import TaskRunner
from views.dispatch.board import DispatchBoard
from views.dispatch.board_model import OVERDUE_BG
from views.dispatch.names import status_name


@pytest.fixture
def setup(qtbot, mirror, events, clock, incident_service):
    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    dispatch = DispatchService(mirror, events, clock)
    resources = ResourceStore(mirror, events, clock)
    board = DispatchBoard(dispatch, incident_service, runner, relay, resources=resources, author="陈晓")
    qtbot.addWidget(board)
    board.resize(1200, 600)
    board.show()
    yield board, dispatch, resources
    runner.shutdown()
    relay.detach(events)


def test_orders_grouped_stepped_and_chased_when_late(setup, incident_service, clock, qtbot):
    board, dispatch, _ = setup
    fire = incident_service.create_incident(draft(clock, title="解放碑火灾"), "陈晓")
    flood = incident_service.create_incident(draft(clock, title="綦江内涝"), "陈晓")
    first = dispatch.issue(OrderDraft(fire.id, TargetKind.TEAM, "渝中消防一中队", "灭火救援", priority=Priority.URGENT), "陈晓")
    dispatch.issue(OrderDraft(fire.id, TargetKind.RESOURCE, "市急救中心", "派两辆救护车"), "陈晓")
    dispatch.issue(OrderDraft(flood.id, TargetKind.TEAM, "綦江排涝队", "排水", priority=Priority.NORMAL), "陈晓")
    model = board.model
    assert wait_until(lambda: len(model.groups) == 2 and model.order_count() == 3, 5)
    headings = [model.index(r, 0).data() for r in range(model.rowCount()) if model.order_at(model.index(r, 0)) is None]

    def heading(incident, orders: int) -> str:
        return QCoreApplication.translate("Dispatch", "%1 (%2 orders)").replace(
            "%1", f"{incident.code}  {incident.title}").replace("%2", str(orders))

    assert sorted(headings) == sorted([heading(fire, 2), heading(flood, 1)])
    late = []
    board.sig_overdue.connect(late.append)
    clock.advance(timedelta(minutes=6))  # the urgent order's five minutes are up
    board.tick()
    assert late == [1] and board.alert.text() == board.tr("%1 orders not acknowledged in time").replace("%1", "1")
    index = model.index(model.row_of(first.id), 0)
    assert model.data(index, 8).color() == OVERDUE_BG  # BackgroundRole
    assert model.index(model.row_of(first.id), 3).data() == QCoreApplication.translate(
        "Dispatch", "%1 — overdue").replace("%1", status_name(OrderStatus.ISSUED)) + QCoreApplication.translate(
        "Dispatch", " (pending sync)")  # never synced: no platform here
    board.view.setCurrentIndex(index)
    assert board.step_buttons[OrderStatus.ACKNOWLEDGED].isEnabled()
    assert board.record_step(first.id, OrderStatus.ACKNOWLEDGED)
    assert wait_until(lambda: late[-1] == 0, 5)  # acknowledged: no longer late
    board.overdue_only.setChecked(True)
    assert model.order_count() == 0
    board.overdue_only.setChecked(False)
    board.filter_edit.setText("排涝")
    assert model.order_count() == 1
    assert dispatch.get(first.id).status == OrderStatus.ACKNOWLEDGED


def test_the_issue_dialog_offers_the_nearest_teams(setup, incident_service, clock, qtbot):
    board, dispatch, resources = setup
    resources.save_many([
        {"id": "far", "kind": "team", "name": "远处救援队", "lat": 29.90, "lon": 106.57},
        {"id": "near", "kind": "team", "name": "近处救援队", "lat": 29.561, "lon": 106.571},
        {"id": "med", "kind": "medical", "name": "急救站", "lat": 29.57, "lon": 106.58},
    ])
    incident = incident_service.create_incident(draft(clock, lat=29.56, lon=106.57), "陈晓")
    board.set_incident(incident.id)
    dialog = board.on_issue()
    qtbot.addWidget(dialog)
    assert dialog.target_combo.count() == 2 and dialog.target_combo.itemText(0).startswith("近处救援队")
    dialog.on_issue()
    assert wait_until(lambda: dialog.message.text(), 5)  # nothing written yet
    dialog.content_edit.setPlainText("前往现场搜救")
    with qtbot.waitSignal(dialog.sig_issued) as issued:  # written on the mirror writer
        dialog.on_issue()
    order = issued.args[0]
    assert order.target_id == "near" and order.target_name == "近处救援队"
    assert wait_until(lambda: board.model.order_count() == 1, 5)
    timeline = incident_service.timeline(incident.id)
    assert "调度指令已下达：近处救援队" in timeline[-1].body


def test_notify_a_group_from_the_board(qtbot, mirror, events, clock, incident_service):
    from PySide6.QtCore import Qt

    from services.contacts.store import ContactStore
    from services.notifications.service import NotificationService

    relay, runner = DomainEventRelay(), TaskRunner()
    relay.attach(events)
    contacts = ContactStore(mirror, events, clock)
    contacts.save_many([{"id": "p1", "kind": "person", "name": "王建国", "mobile": "13900001111"},
                        {"id": "p2", "kind": "person", "name": "李晓梅", "mobile": "13800002222"},
                        {"id": "g1", "kind": "group", "name": "防汛值班群", "members": ["p1", "p2"]}])
    notices = NotificationService(mirror, contacts, events, clock)
    board = DispatchBoard(DispatchService(mirror, events, clock), incident_service, runner, relay,
                          notices=notices, contacts=contacts)
    qtbot.addWidget(board)
    board.show()
    try:
        incident = incident_service.create_incident(draft(clock), "陈晓")
        board.set_incident(incident.id)
        dialog = board.on_notify()
        qtbot.addWidget(dialog)
        assert dialog.found.count() == 3  # everyone who can be notified, before any search
        dialog.search.setText("wjg")
        assert wait_until(lambda: dialog.found.count() == 1 and "王建国" in dialog.found.item(0).text(), 5)
        dialog.on_send()
        assert wait_until(lambda: dialog.message.text(), 5)  # nobody chosen, no text
        dialog.found.item(0).setCheckState(Qt.CheckState.Checked)
        dialog.choose(["g1"])
        dialog.text_edit.setPlainText("请立即到指挥中心集合")
        with qtbot.waitSignal(dialog.sig_sent) as done:
            dialog.on_send()
        sent = done.args[0]
        assert [r.name for r in sent.recipients] == ["王建国", "李晓梅"]
        assert wait_until(lambda: board.notice_log.rowCount() == 2, 5)
        assert board.notice_log.item(0, 4).text() == QCoreApplication.translate("Notices", "Waiting to be sent")
    finally:
        runner.shutdown()
        relay.detach(events)


def test_orders_to_people_and_groups_come_from_the_contacts(qtbot, mirror, events, clock, incident_service):
    from services.contacts.store import ContactStore
    from views.dispatch.issue_dialog import IssueOrderDialog

    contacts = ContactStore(mirror, events, clock)
    contacts.save_many([{"id": "p1", "kind": "person", "name": "王建国", "role": "主任", "mobile": "13900001111"},
                        {"id": "g1", "kind": "group", "name": "防汛值班群", "members": ["p1"]}])
    incident = incident_service.create_incident(draft(clock), "陈晓")
    dialog = IssueOrderDialog(DispatchService(mirror, events, clock), incident.id, "x", "陈晓", contacts=contacts)
    qtbot.addWidget(dialog)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(TargetKind.GROUP.value))
    assert dialog.target_combo.count() == 1 and dialog.target_combo.currentData() == "g1"
    dialog.content_edit.setPlainText("全员到岗")
    with qtbot.waitSignal(dialog.sig_issued) as issued:
        dialog.on_issue()
    order = issued.args[0]
    assert order.target_kind == TargetKind.GROUP and order.target_name == "防汛值班群" and order.target_id == "g1"
