"""The warning records at a workstation: imports with repeats and Update/Cancel
chains (in order and out of order), drafts through approval forward only, the
store's active list, colours and references, and what lies inside an area."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from offline_cache.schema import OutboxRow
from services.errors import NotFound
from services.events import RecordsChanged
from services.incidents.model import Status
from services.warnings.model import Area, Reference
from services.warnings.service import WarningRefused, WarningService
from services.warnings.store import WarningStore
from services.warnings.wire import RecordProblem, triplet_id
from tests.helpers import draft
from tests.warnings.records_helpers import T0, Checked, alert, circle_area


@pytest.fixture
def service(mirror, clock, events):
    clock.set(T0 + timedelta(minutes=5))
    return WarningService(mirror, events, clock, region_code="500000", agency_code="410")


@pytest.fixture
def store(mirror):
    return WarningStore(mirror)


def test_an_import_adds_each_alert_once_and_a_repeat_adds_nothing(service, store, mirror, events, clock):
    seen = []
    events.subscribe(lambda e: seen.append(e) if isinstance(e, RecordsChanged) else None)
    first = Checked([alert("A"), alert("B", colour="orange")])
    outcome = service.import_checked(first, "feed.xml")
    assert (outcome.added, outcome.repeated) == (2, 0)
    again = service.import_checked(Checked([alert("A"), alert("B", colour="orange")]), "feed.xml")
    assert (again.added, again.repeated) == (0, 2)
    assert len(store.all(include_expired=True)) == 2
    assert store.counts_by_colour(clock.now()) == {"red": 1, "orange": 1, "yellow": 0, "blue": 0}
    got = store.get(triplet_id("cq.weather@cma", "A", T0))
    assert got.origin == "external" and got.issue_state == "received" and got.source_name == "feed.xml"
    assert got.description == "<b>不是标记</b>"  # text kept as text
    with mirror.read() as s:
        ops = s.scalars(select(OutboxRow).where(OutboxRow.entity == "warning")).all()
    assert [o.op for o in ops] == ["create", "create"]
    assert seen and seen[0].entity == "warning" and len(seen[0].ids) == 2


def test_an_invalid_document_adds_nothing(service, store):
    assert service.import_checked(Checked([alert()], valid=False), "bad.xml").added == 0
    assert store.all(include_expired=True) == []


def test_an_update_replaces_and_a_cancel_ends(service, store, clock):
    original = alert("A")
    service.import_checked(Checked([original]), "f")
    update = alert("A2", sent=T0 + timedelta(hours=1), msg_type="Update", refs=(original,), colour="orange")
    out = service.import_checked(Checked([update]), "f")
    assert out.replaced == 1
    old = store.by_reference(Reference(original.sender, "A", T0))
    assert old.standing == "superseded" and old.replaced_by == triplet_id(update.sender, "A2", update.sent)
    assert [w.identifier for w in store.active(clock.now())] == ["A2"]
    cancel = alert("A3", sent=T0 + timedelta(hours=2), msg_type="Cancel", refs=(update,))
    assert service.import_checked(Checked([cancel]), "f").cancelled == 1
    assert store.active(clock.now()) == []
    assert {w.standing for w in store.all(include_expired=True)} == {"superseded", "cancelled"}


def test_an_update_arriving_before_its_original_still_ends_it(service, store, clock):
    original = alert("A")
    update = alert("A2", sent=T0 + timedelta(hours=1), msg_type="Update", refs=(original,))
    service.import_checked(Checked([update]), "f")
    service.import_checked(Checked([original]), "f")
    assert [w.identifier for w in store.active(clock.now())] == ["A2"]


def test_expired_warnings_are_not_active(service, store, clock):
    service.import_checked(Checked([alert("old", sent=T0 - timedelta(days=2), expires=T0 - timedelta(days=1))]), "f")
    assert store.active(clock.now()) == []
    assert len(store.all(include_expired=True)) == 1
    with pytest.raises(NotFound):
        store.get("nope")


def test_drafts_move_forward_only_and_only_an_approver_issues(mirror, events, clock, store):
    roles = {"now": "duty_officer"}
    service = WarningService(mirror, events, clock, role=lambda: roles["now"], region_code="500000",
                             agency_code="410")
    saved = service.save_draft(replace(alert("50000041000000_20261206160000_1"), origin="local", issue_state="draft"))
    assert saved.identifier and saved.issue_state == "draft" and store.active(clock.now()) == []
    with pytest.raises(WarningRefused) as refused:
        service.approve(saved.id)
    assert refused.value.code == "not_approver"
    service.submit(saved.id)
    with pytest.raises(WarningRefused):
        service.save_draft(replace(saved, headline="改"))
    roles["now"] = "commander"
    with pytest.raises(WarningRefused):
        service.return_draft(saved.id, "  ")
    back = service.return_draft(saved.id, "区域不准")
    assert back.issue_state == "draft"
    service.save_draft(replace(saved, headline="暴雨红色预警（修订）"))
    service.submit(saved.id)
    issued = service.approve(saved.id)
    assert issued.issue_state == "issued" and [w.id for w in store.active(clock.now())] == [saved.id]
    with pytest.raises(WarningRefused) as again:
        service.submit(saved.id)
    assert again.value.code == "bad_move"


def test_a_draft_gets_a_gb_identifier_each_its_own(service):
    from services.warnings.identifiers import is_gb_identifier

    first = service.save_draft(replace(alert(""), origin="local", issue_state="draft"))
    second = service.save_draft(replace(alert(""), origin="local", issue_state="draft"))
    assert is_gb_identifier(first.identifier) and first.identifier.startswith("500000")
    assert first.identifier != second.identifier and first.identifier.endswith("_0")


def test_a_draft_is_checked_by_the_contract(service):
    bad_ring = ((29.5, 106.5), (29.6, 106.5), (29.6, 106.6), (29.5, 106.6))  # not closed
    with pytest.raises(RecordProblem):
        service.save_draft(replace(alert("D1"), areas=(Area("x", polygons=(bad_ring,)),)))
    with pytest.raises(RecordProblem):
        service.save_draft(replace(alert("D1"), headline="x" * 301))


def test_link_incident(service, store):
    service.import_checked(Checked([alert("A")]), "f")
    wid = triplet_id("cq.weather@cma", "A", T0)
    assert service.link_incident(wid, "0" * 36).incident_id == "0" * 36


def test_inside_lists_incidents_resources_shelters_and_cameras(service, store, incident_service, clock, mirror):
    inside = incident_service.create_incident(draft(clock, lat=29.56, lon=106.56), "张三")
    incident_service.create_incident(draft(clock, lat=30.5, lon=107.5), "张三")  # far away
    by_code = incident_service.create_incident(replace(draft(clock, lat=30.9, lon=108.3), division="重庆市渝中区"), "张三")
    from offline_cache.schema import ResourceRow
    from services.records.writer import RecordTable, save_records

    table = RecordTable("resource", ResourceRow, ("kind", "name", "lat", "lon", "division"))
    save_records(mirror, table, [
        {"id": "r1", "kind": "team", "name": "救援队", "lat": 29.55, "lon": 106.55, "division": ""},
        {"id": "r2", "kind": "shelter", "name": "避难所", "lat": 29.57, "lon": 106.52, "division": ""},
        {"id": "r3", "kind": "team", "name": "远处", "lat": 31.0, "lon": 108.0, "division": ""}], clock.now())
    service.import_checked(Checked([alert("P"), alert("C", areas=circle_area()),
                                    alert("G", areas=(Area("渝中", geocodes=("500103",)),))]), "f")
    found = store.inside(triplet_id("cq.weather@cma", "P", T0))
    assert [i[0] for i in found.incidents] == [inside.id]
    assert [r[0] for r in found.resources] == ["r1"] and [r[0] for r in found.shelters] == ["r2"]
    assert [i[0] for i in store.inside(triplet_id("cq.weather@cma", "C", T0)).incidents] == [inside.id]
    assert [i[0] for i in store.inside(triplet_id("cq.weather@cma", "G", T0)).incidents] == [by_code.id]
    # A closed incident is no longer listed (incident_rtree holds the open ones).
    incident_service.change_status(inside.id, Status.RESPONDING, "张三")
    incident_service.change_status(inside.id, Status.CLOSED, "张三", "处置完毕")
    assert store.inside(triplet_id("cq.weather@cma", "P", T0)).incidents == []
