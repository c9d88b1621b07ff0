"""Incident use cases against a real mirror."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from services.events import EntryAppended, IncidentChanged
from services.incidents.model import Casualties, EntryKind, IncidentChanges, Severity, Status
from services.incidents.service import NotFound
from services.incidents.validation import ValidationError
from tests.helpers import KINDS, draft


def codes(problems):
    return {(p.field, p.code) for p in problems}


def test_create_assigns_code_and_queues_high_priority_op(incident_service, mirror, clock):
    inc = incident_service.create_incident(draft(clock), "陈晓")
    assert inc.code == "CQ-2026-0001"
    assert inc.type_name == "火灾"
    assert inc.status == Status.RECEIVED and inc.pending_sync
    second = incident_service.create_incident(draft(clock), "陈晓")
    assert second.code == "CQ-2026-0002"
    with mirror.read() as s:
        ops = s.execute(text("SELECT entity, op, priority, payload FROM outbox ORDER BY seq")).all()
    assert ops[0][:3] == ("incident", "create", 1)
    assert json.loads(ops[0][3])["title"] == "渝中区解放碑某商场火灾"


def test_same_draft_twice_creates_one_incident(incident_service, mirror, clock):
    d = draft(clock)
    a = incident_service.create_incident(d, "陈晓")
    b = incident_service.create_incident(d, "陈晓")
    assert a.id == b.id and a.code == b.code
    with mirror.read() as s:
        assert s.execute(text("SELECT count(*) FROM incidents")).scalar() == 1


def test_events_published_after_commit(incident_service, events, clock):
    seen = []
    events.subscribe(seen.append)
    inc = incident_service.create_incident(draft(clock), "陈晓")
    assert IncidentChanged(inc.id, "created") in seen
    assert any(isinstance(e, EntryAppended) for e in seen)


@pytest.mark.parametrize(
    "overrides, expected",
    [
        ({"title": "   "}, ("title", "required")),
        ({"title": "火" * 201}, ("title", "too_long")),
        ({"lat": 106.5, "lon": 29.5}, ("coordinates", "swapped")),
        ({"lat": 95.0, "lon": 200.0}, ("coordinates", "out_of_range")),
        ({"lat": 29.5, "lon": None}, ("coordinates", "incomplete")),
        ({"lat": 48.85, "lon": 2.35}, ("coordinates", "outside_region")),
        ({"type_code": "earthquake"}, ("type", "wrong_category")),
        ({"type_code": "no_such_type"}, ("type", "unknown")),
        ({"summary": "x" * 100_000}, ("summary", "too_long")),
        ({"reporter_phone": "call me"}, ("reporter_phone", "invalid")),
    ],
)
def test_bad_input_is_refused_and_nothing_written(incident_service, mirror, clock, overrides, expected):
    with pytest.raises(ValidationError) as err:
        incident_service.create_incident(draft(clock, **overrides), "陈晓")
    assert expected in codes(err.value.problems)
    with mirror.read() as s:
        assert s.execute(text("SELECT count(*) FROM incidents")).scalar() == 0
        assert s.execute(text("SELECT count(*) FROM outbox")).scalar() == 0


def test_time_far_in_future_is_refused_but_small_skew_allowed(incident_service, clock):
    with pytest.raises(ValidationError) as err:
        incident_service.create_incident(draft(clock, occurred_at=clock.now() + timedelta(days=2)), "a")
    assert ("occurred_at", "in_future") in codes(err.value.problems)
    ok = incident_service.create_incident(draft(clock, occurred_at=clock.now() + timedelta(minutes=3)), "a")
    assert ok.code


def test_control_characters_and_whitespace_are_cleaned(incident_service, clock):
    inc = incident_service.create_incident(draft(clock, title="  江北区\x00火灾\n现场  "), "a")
    assert inc.title == "江北区火灾 现场"


def test_report_order_and_casualty_update(incident_service, clock):
    inc = incident_service.create_incident(draft(clock), "陈晓")
    with pytest.raises(ValidationError) as err:
        incident_service.append_entry(inc.id, EntryKind.FOLLOW_UP_REPORT, "续报", "陈晓")
    assert ("kind", "initial_missing") in codes(err.value.problems)
    incident_service.append_entry(inc.id, EntryKind.INITIAL_REPORT, "首报内容", "陈晓")
    with pytest.raises(ValidationError):
        incident_service.append_entry(inc.id, EntryKind.INITIAL_REPORT, "再次首报", "陈晓")
    clock.advance(timedelta(minutes=30))
    incident_service.append_entry(
        inc.id, EntryKind.FOLLOW_UP_REPORT, "续报：伤亡增加", "陈晓",
        casualties=Casualties(deaths=1, injured=4), severity=Severity.II,
    )
    updated = incident_service.get(inc.id)
    assert updated.casualties == Casualties(deaths=1, injured=4)
    assert updated.severity == Severity.II
    assert updated.last_report_kind == EntryKind.FOLLOW_UP_REPORT
    incident_service.append_entry(inc.id, EntryKind.FINAL_REPORT, "终报", "陈晓")
    with pytest.raises(ValidationError) as err:
        incident_service.append_entry(inc.id, EntryKind.FOLLOW_UP_REPORT, "太迟了", "陈晓")
    assert ("kind", "final_reported") in codes(err.value.problems)
    kinds = [e.kind for e in incident_service.timeline(inc.id)]
    assert kinds == [EntryKind.SYSTEM, EntryKind.INITIAL_REPORT, EntryKind.FOLLOW_UP_REPORT,
                     EntryKind.FINAL_REPORT]


def test_entry_is_idempotent_on_its_id(incident_service, clock):
    inc = incident_service.create_incident(draft(clock), "a")
    a = incident_service.append_entry(inc.id, EntryKind.NOTE, "备注", "a", entry_id="e-1")
    b = incident_service.append_entry(inc.id, EntryKind.NOTE, "备注", "a", entry_id="e-1")
    assert a.id == b.id
    assert len(incident_service.timeline(inc.id)) == 2


def test_entries_are_append_only_in_the_mirror(incident_service, mirror, clock):
    inc = incident_service.create_incident(draft(clock), "a")
    incident_service.append_entry(inc.id, EntryKind.NOTE, "原文", "a")
    with pytest.raises(Exception, match="append-only"):
        with mirror.engine.begin() as con:
            con.execute(text("UPDATE entries SET body='改写'"))
    assert [e.body for e in incident_service.timeline(inc.id)][-1] == "原文"


def test_oversized_paste_as_entry_is_refused(incident_service, clock):
    inc = incident_service.create_incident(draft(clock), "a")
    with pytest.raises(ValidationError) as err:
        incident_service.append_entry(inc.id, EntryKind.NOTE, "字" * 100_000, "a")
    assert ("body", "too_long") in codes(err.value.problems)
    assert len(incident_service.timeline(inc.id)) == 1


def test_status_moves_only_forward(incident_service, clock):
    inc = incident_service.create_incident(draft(clock), "a")
    incident_service.change_status(inc.id, Status.RESPONDING, "a")
    with pytest.raises(ValidationError):
        incident_service.change_status(inc.id, Status.RECEIVED, "a")
    with pytest.raises(ValidationError):  # cancelling needs a reason
        incident_service.change_status(inc.id, Status.CANCELLED, "a")
    done = incident_service.change_status(inc.id, Status.CANCELLED, "a", reason="误报")
    assert done.status == Status.CANCELLED
    last = incident_service.timeline(inc.id)[-1]
    assert last.kind == EntryKind.STATUS_CHANGE and last.data == {"from": "responding", "to": "cancelled"}


def test_update_records_changed_fields(incident_service, clock):
    inc = incident_service.create_incident(draft(clock), "a")
    after = incident_service.update_incident(inc.id, IncidentChanges(severity=Severity.I, place="新地点"), "b")
    assert after.severity == Severity.I and after.version == 2
    entry = incident_service.timeline(inc.id)[-1]
    assert entry.data["fields"] == ["place", "severity"]
    assert entry.data["before"]["severity"] == "III"
    same = incident_service.update_incident(inc.id, IncidentChanges(place="新地点"), "b")
    assert same.version == 2


def test_unknown_incident(incident_service):
    with pytest.raises(NotFound):
        incident_service.append_entry("nope", EntryKind.NOTE, "x", "a")


def test_codes_taken_by_synced_incidents_are_skipped(incident_service, mirror, clock):
    from services.sync import apply
    from tests.helpers import remote_incident

    synced = remote_incident(7, site_code="CQ", code="CQ-2026-0007")
    apply.apply_page(mirror, KINDS, "c", [synced], 1, clock.now())
    assert incident_service.create_incident(draft(clock), "a").code == "CQ-2026-0008"
    assert incident_service.create_incident(draft(clock), "a").code == "CQ-2026-0009"
