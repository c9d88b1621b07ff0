"""Dispatch orders in the watch room: the lifecycle rule (shared with the
platform), issuing and stepping with the timeline and the outbox, overdue
orders under an injected clock, and platform records checked on the way in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from services.dispatch.lifecycle import OrderStatus as S
from services.dispatch.lifecycle import Priority, can_move, entry_id
from services.dispatch.record_kinds import order_values
from services.dispatch.service import DispatchService
from services.events import RecordsChanged
from services.incidents.model import EntryKind
from services.incidents.validation import ValidationError
from services.records.feed_checks import FeedError
from services.sync import outbox_store
from tests.helpers import KINDS, draft, order_draft


@pytest.mark.parametrize("current,to,ok", [
    (S.ISSUED, S.ACKNOWLEDGED, True), (S.ISSUED, S.ARRIVED, True), (S.ACKNOWLEDGED, S.DEPARTED, True),
    (S.ARRIVED, S.COMPLETED, True), (S.DEPARTED, S.ACKNOWLEDGED, False), (S.ARRIVED, S.ARRIVED, False),
    (S.ISSUED, S.REFUSED, True), (S.ACKNOWLEDGED, S.REFUSED, True), (S.DEPARTED, S.REFUSED, False),
    (S.ARRIVED, S.WITHDRAWN, True), (S.COMPLETED, S.WITHDRAWN, False), (S.REFUSED, S.ACKNOWLEDGED, False),
    (S.WITHDRAWN, S.COMPLETED, False), (S.ACKNOWLEDGED, S.ISSUED, False),
])
def test_orders_only_move_forward(current, to, ok):
    assert can_move(current, to) is ok


@pytest.fixture
def dispatch(mirror, events, clock):
    return DispatchService(mirror, events, clock)


def test_an_order_and_its_steps_are_on_the_timeline_and_go_out_first(incident_service, dispatch, clock, events,
                                                                      mirror):
    seen = []
    events.subscribe(lambda e: seen.append(e) if isinstance(e, RecordsChanged) else None)
    incident = incident_service.create_incident(draft(clock), "陈晓")
    for n in range(20):  # ordinary work already waiting
        incident_service.append_entry(incident.id, EntryKind.NOTE, f"备注{n}", "陈晓")
    other = incident_service.create_incident(draft(clock), "陈晓")
    order = dispatch.issue(order_draft(other.id), "陈晓")
    assert order.status == S.ISSUED and order.pending_sync and seen
    assert order.ack_deadline == clock.now() + timedelta(minutes=5)  # urgent: five minutes to acknowledge
    clock.advance(timedelta(minutes=1))
    moved = dispatch.advance(order.id, S.ACKNOWLEDGED, "陈晓")
    assert moved.steps[S.ACKNOWLEDGED] == clock.now()
    timeline = incident_service.timeline(other.id)
    assert [e.id for e in timeline if e.kind == EntryKind.DISPATCH] == [
        entry_id(order.id, S.ISSUED), entry_id(order.id, S.ACKNOWLEDGED)]
    assert "调度指令已下达：渝中区消防救援站" in timeline[-2].body
    batch = outbox_store.next_batch(mirror, 100)
    # new incidents first (the order's must exist on the platform), then the order and its step,
    # and only then the twenty notes queued before them
    kinds = [(op.entity, op.op) for op in batch]
    assert kinds[:4] == [("incident", "create"), ("incident", "create"), ("order", "create"), ("order", "advance")]
    notes = [n for n, op in enumerate(batch) if op.payload.get("body", "").startswith("备注")]
    assert len(notes) == 20 and min(notes) > kinds.index(("order", "advance"))


def test_what_is_refused_changes_nothing(incident_service, dispatch, clock):
    incident = incident_service.create_incident(draft(clock), "a")
    with pytest.raises(ValidationError) as empty:
        dispatch.issue(order_draft(incident.id, content=" ", target_name=""), "a")
    assert {p.field for p in empty.value.problems} == {"content", "target"}
    with pytest.raises(ValidationError):
        dispatch.issue(order_draft(incident.id, required_arrival=clock.now() - timedelta(hours=1)), "a")
    order = dispatch.issue(order_draft(incident.id), "a")
    dispatch.advance(order.id, S.ARRIVED, "a")
    with pytest.raises(ValidationError) as backwards:
        dispatch.advance(order.id, S.DEPARTED, "a")
    assert backwards.value.problems[0].code == "invalid_transition"
    with pytest.raises(ValidationError) as no_reason:
        dispatch.advance(order.id, S.WITHDRAWN, "a")
    assert no_reason.value.problems[0].field == "reason"
    assert dispatch.get(order.id).status == S.ARRIVED


def test_overdue_under_an_injected_clock(incident_service, dispatch, clock):
    incident = incident_service.create_incident(draft(clock), "a")
    urgent = dispatch.issue(order_draft(incident.id), "a")  # 5 minutes
    normal = dispatch.issue(order_draft(incident.id, priority=Priority.NORMAL), "a")  # 30 minutes
    custom = dispatch.issue(order_draft(incident.id, ack_minutes=2), "a")
    assert dispatch.overdue() == []
    clock.advance(timedelta(minutes=3))
    assert [o.id for o in dispatch.overdue()] == [custom.id]
    clock.advance(timedelta(minutes=3))
    assert {o.id for o in dispatch.overdue()} == {custom.id, urgent.id}
    dispatch.advance(urgent.id, S.ACKNOWLEDGED, "a")  # acknowledged late: no longer chased
    assert [o.id for o in dispatch.overdue()] == [custom.id]
    assert not dispatch.get(normal.id).overdue(clock.now())
    assert len(dispatch.active()) == 3 and dispatch.active_count() == 3


def test_platform_order_records_are_checked(dispatch):
    good = {"id": "o1", "incident_id": "i1", "target_kind": "team", "target_id": "", "target_name": "一中队",
            "content": "前往", "priority": "high", "required_arrival": "", "status": "acknowledged",
            "ack_deadline": "2026-11-22T08:05:00+00:00", "issued_by": "duty", "issued_at": "2026-11-22T08:00:00",
            "acknowledged_at": "2026-11-22T16:02:00+08:00", "reason": "", "updated_at": "2026-11-22T08:02:00Z"}
    with pytest.raises(FeedError):
        order_values(good, 2)  # issued_at without a time zone
    good["issued_at"] = "2026-11-22T08:00:00+00:00"
    values = order_values(good, 2)
    assert values["acknowledged_at"] == "2026-11-22T08:02:00.000+00:00"  # one format for comparisons
    for bad in ({"status": "teleported"}, {"priority": 1}, {"target_name": "x" * 201}, {"ack_deadline": "soon"},
                {"id": ""}):
        with pytest.raises(FeedError):
            order_values({**good, **bad}, 2)


def test_feed_orders_land_in_the_mirror_and_never_over_queued_steps(incident_service, dispatch, clock, mirror):
    from services.sync.apply import apply_page
    from services.sync.wire import Change

    incident = incident_service.create_incident(draft(clock), "a")
    order = dispatch.issue(order_draft(incident.id), "a")
    record = {"id": order.id, "incident_id": incident.id, "target_kind": "team", "target_id": "r-1",
              "target_name": "渝中区消防救援站", "content": "x", "priority": "urgent", "required_arrival": "",
              "status": "issued", "ack_deadline": "2026-11-22T08:05:00+00:00", "issued_by": "a",
              "issued_at": "2026-11-22T08:00:00+00:00", "reason": "", "updated_at": "2026-11-22T08:00:00+00:00"}
    dispatch.advance(order.id, S.ACKNOWLEDGED, "a")  # queued, not yet sent
    apply_page(mirror, KINDS, "c1", [Change(seq=1, entity="order", entity_id=order.id, version=1, data=record)], 1,
               clock.now())
    assert dispatch.get(order.id).status == S.ACKNOWLEDGED  # our step is kept until the platform has it
    with mirror.write() as s:
        s.execute(text("UPDATE outbox SET state = 'acked'"))
    apply_page(mirror, KINDS, "c1", [Change(seq=2, entity="order", entity_id=order.id, version=3,
                                     data={**record, "status": "arrived",
                                           "arrived_at": "2026-11-22T08:09:00+00:00"})], 2, clock.now())
    assert dispatch.get(order.id).status == S.ARRIVED
