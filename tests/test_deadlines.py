"""Reporting deadlines from the rule table, under an injected clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from services.incidents.deadlines import DeadlineKind, DeadlineState, RulesError, load_rules
from services.incidents.model import EntryKind, Severity, Status
from tests.helpers import draft


def test_defaults_follow_the_two_hour_rule_for_I_to_III():
    rules = load_rules()
    for sev in (Severity.I, Severity.II, Severity.III):
        assert rules.rule(sev).initial_minutes == 120


def test_initial_deadline_goes_near_then_overdue(incident_service, clock):
    inc = incident_service.create_incident(
        draft(clock, severity=Severity.II, occurred_at=clock.now()), "a"
    )
    d = incident_service.deadline(inc)
    assert d.kind == DeadlineKind.INITIAL and d.state == DeadlineState.OK
    assert d.due_at == inc.occurred_at + timedelta(minutes=120)
    clock.advance(timedelta(minutes=95))
    assert incident_service.deadline(inc).state == DeadlineState.NEAR
    clock.advance(timedelta(minutes=30))
    d = incident_service.deadline(inc)
    assert d.state == DeadlineState.OVERDUE and d.remaining < timedelta(0)


def test_follow_up_rhythm_after_initial_report_and_none_after_final(incident_service, clock):
    inc = incident_service.create_incident(draft(clock, severity=Severity.I), "a")
    clock.advance(timedelta(minutes=10))
    incident_service.append_entry(inc.id, EntryKind.INITIAL_REPORT, "首报", "a")
    d = incident_service.deadline(incident_service.get(inc.id))
    assert d.kind == DeadlineKind.FOLLOW_UP
    assert d.due_at == clock.now() + timedelta(minutes=60)
    incident_service.append_entry(inc.id, EntryKind.FINAL_REPORT, "终报", "a")
    assert incident_service.deadline(incident_service.get(inc.id)) is None


def test_closed_incident_has_no_deadline(incident_service, clock):
    inc = incident_service.create_incident(draft(clock), "a")
    closed = incident_service.change_status(inc.id, Status.CLOSED, "a")
    assert incident_service.deadline(closed) is None


def test_centre_override_of_thirty_minutes():
    rules = load_rules().with_overrides({"II": {"initial_minutes": 30}})
    assert rules.rule(Severity.II).initial_minutes == 30
    assert rules.rule(Severity.II).follow_up_minutes == 120


@pytest.mark.parametrize(
    "override",
    [{"V": {"initial_minutes": 5}}, {"II": {"initial_minutes": -1}}, {"II": {"bogus": 3}},
     {"II": {"initial_minutes": "30"}}],
)
def test_bad_overrides_are_refused(override):
    with pytest.raises(RulesError):
        load_rules().with_overrides(override)


def test_broken_rules_file(tmp_path: Path):
    bad = tmp_path / "rules.toml"
    bad.write_text("[I]\ninitial_minutes = 120\n", encoding="utf-8")
    with pytest.raises(RulesError):
        load_rules(bad)
