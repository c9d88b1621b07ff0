"""The client half of the sync contract without a network: batch order and
applying the change feed."""

from __future__ import annotations

import json

from sqlalchemy import text

from services.incidents.model import EntryKind, Severity
from services.sync import apply, outbox_store, refusals
from services.sync.wire import Change, OpResult
from tests.helpers import KINDS, draft, remote_incident


def test_batch_puts_new_incidents_first_but_keeps_each_records_order(incident_service, mirror, clock):
    a = incident_service.create_incident(draft(clock), "a")
    incident_service.append_entry(a.id, EntryKind.NOTE, "备注一", "a")
    b = incident_service.create_incident(draft(clock, title="另一起"), "a")
    ops = outbox_store.next_batch(mirror, 100, "CQ")
    kinds = [(op.entity, op.op, op.payload.get("incident_id", op.entity_id)) for op in ops]
    # both creates (priority 1) before any entry; a's ops keep their order
    assert [k[:2] for k in kinds[:2]] == [("incident", "create")] * 2
    a_ops = [k for k in kinds if k[2] == a.id]
    assert a_ops[0][:2] == ("incident", "create")
    assert {op.site_code for op in ops} == {"CQ"}
    assert b.id in {k[2] for k in kinds}


def test_urgent_op_pulls_earlier_ops_of_its_record_forward(incident_service, mirror, clock):
    a = incident_service.create_incident(draft(clock), "a")
    b = incident_service.create_incident(draft(clock), "a")
    incident_service.append_entry(a.id, EntryKind.NOTE, "早的备注", "a")
    incident_service.append_entry(b.id, EntryKind.NOTE, "别的事件", "a")
    with mirror.write() as s:  # make a's later op urgent (as a dispatch order will be)
        s.execute(text("UPDATE outbox SET priority = 0 WHERE seq = (SELECT max(seq) FROM outbox "
                       "WHERE record_key = :k)"), {"k": a.id})
    order = [op.payload.get("incident_id", op.entity_id) for op in outbox_store.next_batch(mirror, 100)]
    last_a = max(i for i, key in enumerate(order) if key == a.id)
    first_b_entry = [i for i, key in enumerate(order) if key == b.id][-1]
    assert last_a < first_b_entry


def test_results_mark_synced_and_rejections_are_kept(incident_service, mirror, clock):
    a = incident_service.create_incident(draft(clock), "a")
    ops = outbox_store.next_batch(mirror, 100)
    results = [OpResult(op_id=op.op_id, status="applied", seq=n) for n, op in enumerate(ops, 1)]
    results[-1] = OpResult(op_id=ops[-1].op_id, status="rejected", reason="bad")
    outbox_store.record_results(mirror, KINDS, results, clock.now())
    assert incident_service.get(a.id).pending_sync is False
    assert outbox_store.count_by_state(mirror) == {"acked": len(ops) - 1, "rejected": 1}
    [rej] = outbox_store.rejected(mirror)
    assert rej.reason == "bad"
    outbox_store.discard_rejected(mirror, rej.op_id)
    assert outbox_store.rejected(mirror) == []


def remote_entry(n: int, incident: Change, seq: int) -> Change:
    data = {"id": f"e-{n}", "incident_id": incident.entity_id, "kind": "note", "body": f"远程备注{n}",
            "data": {}, "author": "万州值班员", "created_at": "2026-11-22T07:06:00.000+00:00"}
    return Change(seq=seq, entity="entry", entity_id=data["id"], version=1, data=data)


def test_feed_page_applies_once_and_advances_cursor(incident_service, mirror, clock, events):
    seen = []
    events.subscribe(seen.append)
    inc = remote_incident(1)
    page = [inc, remote_entry(1, inc, 2)]
    assert apply.apply_page(mirror, KINDS, "cluster-a", page, 2, clock.now(), events) == 2
    assert apply.apply_page(mirror, KINDS, "cluster-a", page, 2, clock.now(), events) == 0
    assert apply.cursor(mirror, "cluster-a") == 2
    assert apply.cursor(mirror, "cluster-b") == 0
    got = incident_service.get(inc.entity_id)
    assert got.title == "万州区远程事件1" and not got.pending_sync
    assert [e.body for e in incident_service.timeline(inc.entity_id)] == ["远程备注1"]
    assert len(seen) == 2
    assert incident_service.search("远程事件")  # the FTS triggers indexed it


def test_the_latest_page_is_the_servers_current_state(incident_service, mirror, clock):
    apply.apply_page(mirror, KINDS, "c", [remote_incident(1, version=2, severity="II")], 1, clock.now())
    assert incident_service.get(remote_incident(1).entity_id).severity == Severity.II
    apply.apply_page(mirror, KINDS, "c", [remote_incident(1, version=3, severity="I")], 3, clock.now())
    got = incident_service.get(remote_incident(1).entity_id)
    assert got.severity == Severity.I and got.version == 3


def test_local_pending_changes_are_not_overwritten(incident_service, mirror, clock):
    local = incident_service.create_incident(draft(clock), "a")
    change = remote_incident(9, version=5, id=local.id, code=local.code, site_code="CQ", title="旧")
    apply.apply_page(mirror, KINDS, "c", [change], 9, clock.now())
    assert incident_service.get(local.id).title == local.title


def test_a_bad_record_is_refused_with_its_reason_and_the_rest_of_the_page_applies(incident_service, mirror, clock):
    good = remote_incident(1)
    broken = Change(seq=2, entity="incident", entity_id="x", version=1, data={"id": "x"})
    hostile = remote_incident(3, severity="<img src=x onerror=alert(1)>")
    orphan = Change(seq=4, entity="entry", entity_id="e", version=1,
                    data={"id": "e", "incident_id": "nope", "kind": "note", "created_at": "2026-11-22T08:00:00+00:00"})
    apply.apply_page(mirror, KINDS, "c", [good, broken, hostile, orphan], 4, clock.now())
    assert apply.cursor(mirror, "c") == 4  # the feed goes on
    with mirror.read() as s:
        assert s.execute(text("SELECT id FROM incidents")).scalars().all() == [good.entity_id]
    refused = {(r.entity, r.record_id, r.seq): r.reason for r in refusals.recent(mirror)}
    assert set(refused) == {("incident", "x", 2), ("incident", hostile.entity_id, 3), ("entry", "e", 4)}
    assert "severity" in refused[("incident", hostile.entity_id, 3)]
    assert "incident" in refused[("entry", "e", 4)]


def test_entry_payloads_in_outbox_carry_their_incident(incident_service, mirror, clock):
    a = incident_service.create_incident(draft(clock), "a")
    with mirror.read() as s:
        rows = s.execute(text("SELECT entity, record_key, payload FROM outbox")).all()
    assert {r[1] for r in rows} == {a.id}
    assert all(json.loads(r[2]).get("incident_id", a.id) == a.id for r in rows)


def test_urgent_op_deep_in_a_long_queue_goes_first(incident_service, mirror, clock, monkeypatch):
    monkeypatch.setattr(outbox_store, "CANDIDATES", 5)
    a = incident_service.create_incident(draft(clock), "a")
    for n in range(12):
        incident_service.append_entry(a.id, EntryKind.NOTE, f"积压{n}", "a")
    b = incident_service.create_incident(draft(clock, title="新的紧急事件"), "a")
    batch = outbox_store.next_batch(mirror, 3)
    assert (batch[0].entity, batch[0].op) == ("incident", "create")
    assert b.id in {op.entity_id for op in batch}


def test_request_sizes_follow_the_link():
    from services.sync.engine import adapt

    assert adapt(100, 0.2, 10, 500) == 200
    assert adapt(400, 0.2, 10, 500) == 500
    assert adapt(100, 2.0, 10, 500) == 100
    assert adapt(100, 9.0, 10, 500) == 50
    assert adapt(15, None, 10, 500) == 10
