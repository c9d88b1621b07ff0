"""The incident contract both ends keep (services/incidents/contract.py): one
set of fields, values, limits and lifecycle, saying in English what is wrong."""

from __future__ import annotations

import math

import pytest

from services.incidents import contract, validation
from services.incidents.model import (
    ALLOWED_TRANSITIONS,
    Category,
    EntryKind,
    Severity,
    Source,
    Status,
)

NOW = "2026-11-22T08:00:00+00:00"


def new_incident(**fields) -> dict:
    payload = {"id": "i-1", "site_code": "CQ", "code": "CQ-2026-0001", "title": "滑坡", "category": "natural",
               "severity": "III", "status": "received", "occurred_at": NOW, "reported_at": NOW, "source": "phone"}
    return payload | fields


def entry(**fields) -> dict:
    return {"id": "e-1", "incident_id": "i-1", "kind": "note", "body": "", "data": {}, "author": "",
            "created_at": NOW} | fields


def test_values_and_lifecycle_are_the_models():
    assert contract.CATEGORIES == {c.value for c in Category}
    assert contract.SEVERITIES == {s.value for s in Severity}
    assert contract.STATUSES == {s.value for s in Status}
    assert contract.SOURCES == {s.value for s in Source}
    assert contract.ENTRY_KINDS >= {"dispatch", "conference", "minutes", "decision", "system", "status_change"}
    assert contract.REPORT_KINDS == {"initial_report", "follow_up_report", "final_report"}
    for old, targets in ALLOWED_TRANSITIONS.items():
        for new in Status:
            assert contract.can_move(old.value, new.value) == (new in targets)


def test_limits_are_the_issues_and_validation_takes_them():
    assert (contract.TITLE_MAX, contract.PLACE_MAX, contract.DIVISION_MAX, contract.REPORTER_MAX,
            contract.PHONE_MAX, contract.TYPE_MAX, contract.BODY_MAX, contract.CASUALTY_MAX, contract.ID_MAX,
            contract.SITE_CODE_MAX, contract.CODE_MAX, contract.AUTHOR_MAX) == (
        200, 500, 100, 100, 40, 64, 20_000, 1_000_000, 36, 32, 32, 100)  # fmt: skip
    assert (validation.TITLE_MAX, validation.PLACE_MAX, validation.DIVISION_MAX, validation.NAME_MAX,
            validation.BODY_MAX, validation.CASUALTY_MAX) == (
        contract.TITLE_MAX, contract.PLACE_MAX, contract.DIVISION_MAX, contract.REPORTER_MAX,
        contract.BODY_MAX, contract.CASUALTY_MAX)  # fmt: skip
    assert validation.PHONE_RE.match("1" * contract.PHONE_MAX)
    assert not validation.PHONE_RE.match("1" * (contract.PHONE_MAX + 1))


@pytest.mark.parametrize(("name", "value", "words"), [
    ("severity", "V", "severity: 'V' is not one of I, II, III, IV, ungraded"),
    ("status", None, "status"),
    ("category", "flood", "category"),
    ("title", "x" * 201, "title is longer than 200 characters"),
    ("title", "   ", "title must not be empty"),
    ("reporter_phone", "1" * 41, "longer than 40"),
    ("place", 5, "place must be text"),
    ("occurred_at", "yesterday", "occurred_at is not an ISO-8601 time"),
    ("occurred_at", "2026-11-22T08:00:00", "occurred_at has no time zone"),
    ("reported_at", "2" * 41, "reported_at must be an ISO-8601 time text"),
    ("lat", 91, "lat is out of range"),
    ("lon", math.nan, "lon must be a number or null"),
    ("lat", True, "lat must be a number or null"),
    ("injured", -1, "injured must be between 0 and 1000000"),
    ("deaths", 1_000_001, "deaths must be between 0 and 1000000"),
    ("missing", 1.5, "missing must be a whole number"),
    ("exercise", "yes", "exercise must be true or false"),
    ("last_report_kind", "note", "last_report_kind"),
    ("last_report_at", "soon", "last_report_at is not an ISO-8601 time"),
    ("updated_at", None, "updated_at must be an ISO-8601 time text"),
    ("version", 0, "version"),
    ("colour", "red", "unknown incident field 'colour'"),
])  # fmt: skip
def test_a_hostile_field_value_is_named_in_english(name, value, words):
    problem = contract.incident_field_problem(name, value)
    assert problem is not None and words in problem


@pytest.mark.parametrize(("name", "value"), [
    ("severity", "I"), ("title", "x" * 200), ("lat", None), ("lon", 106.5), ("injured", 1_000_000),
    ("exercise", False), ("last_report_kind", None), ("last_report_kind", "final_report"),
    ("last_report_at", None), ("last_report_at", NOW), ("version", 3), ("occurred_at", NOW),
])  # fmt: skip
def test_good_values_have_no_problem(name, value):
    assert contract.incident_field_problem(name, value) is None


def test_whole_incidents_and_changes():
    assert contract.new_incident_problem(new_incident()) is None
    assert contract.new_incident_problem(new_incident(surprise=1)) == "unknown incident field(s): surprise"
    missing = {k: v for k, v in new_incident().items() if k != "title"}
    assert contract.new_incident_problem(missing) == "missing incident field(s): title"
    assert "severity" in contract.new_incident_problem(new_incident(severity="V"))
    # Derived fields are the platform's: a client cannot create them.
    assert "last_report_kind" in contract.new_incident_problem(new_incident(last_report_kind="initial_report"))
    assert contract.incident_change_problem("code", "X") == "code cannot be changed"
    assert contract.incident_change_problem("version", 3) == "unknown incident field 'version'"
    assert contract.incident_change_problem("injured", 3) is None


def test_entries_appended_and_from_the_feed():
    assert contract.entry_problem(entry()) is None
    for kind in ("dispatch", "conference", "minutes", "decision", "system", "status_change", "final_report"):
        assert contract.entry_problem(entry(kind=kind)) is None
    assert "kind: 'gossip' is not one of" in contract.entry_problem(entry(kind="gossip"))
    assert "body must be text of at most 20000" in contract.entry_problem(entry(body="x" * 20_001))
    assert "author must be text of at most 100" in contract.entry_problem(entry(author="x" * 101))
    assert contract.entry_problem(entry(data=[1])) == "data must be a JSON object"
    assert "incident_id must be an id" in contract.entry_problem(entry(incident_id=""))
    assert "created_at has no time zone" in contract.entry_problem(entry(created_at="2026-11-22T08:00:00"))
    # The feed's entries carry the platform's seq; a client's append does not.
    assert contract.entry_problem(entry(seq=7)) == "unknown entry field(s): seq"
    assert contract.entry_problem(entry(seq=7), from_feed=True) is None
    assert "seq" in contract.entry_problem(entry(seq=-1), from_feed=True)


def test_a_final_report_stays_the_last_report():
    assert contract.report_moves(None, EntryKind.INITIAL_REPORT.value)
    assert contract.report_moves("initial_report", "follow_up_report")
    assert contract.report_moves("follow_up_report", "final_report")
    assert not contract.report_moves("final_report", "follow_up_report")
    assert contract.report_moves("final_report", "final_report")
    assert not contract.report_moves("initial_report", "note")
