"""The real client's operations go through the server, and the server's feed
applies cleanly to another site's mirror (services.sync.apply)."""

from __future__ import annotations

from dataclasses import asdict

from offline_cache.database import open_mirror
from services.incidents.deadlines import load_rules
from services.incidents.model import Casualties, EntryKind, IncidentChanges, Severity, Status
from services.incidents.service import IncidentService
from services.incidents.taxonomy import load_taxonomy
from services.sync import apply as client_apply
from services.sync import outbox_store
from services.sync.wire import API_PREFIX, ChangePage, OpBatch, OpBatchResult
from tests.helpers import KINDS, draft
from tests.server.conftest import send, update_op


def test_client_ops_apply_and_feed_round_trips_to_another_mirror(
    client, tokens, app, incident_service, mirror, clock, tmp_path
):
    incident = incident_service.create_incident(draft(clock), "duty")
    incident_service.append_entry(incident.id, EntryKind.INITIAL_REPORT, "two trapped", "duty",
                                  casualties=Casualties(injured=2, trapped=2))  # fmt: skip
    incident_service.change_status(incident.id, Status.RESPONDING, "duty")
    incident_service.update_incident(incident.id, IncidentChanges(severity=Severity.II), "duty")

    ops = outbox_store.next_batch(mirror, 100, "CQ")
    body = OpBatch(client_id="cq-1", ops=ops).model_dump_json()
    response = client.post(API_PREFIX + "/ops", content=body, headers=tokens["duty_officer"])
    result = OpBatchResult.model_validate_json(response.content)
    assert {r.status for r in result.results} == {"applied"}, result.results
    outbox_store.record_results(mirror, KINDS, result.results, clock.now())

    page = ChangePage.model_validate_json(
        client.get(API_PREFIX + "/changes", headers=tokens["viewer"]).content
    )
    other = open_mirror(tmp_path / "other-site.db")
    try:
        client_apply.apply_page(other, KINDS, page.cluster_id, page.changes, page.next_after, clock.now())
        there = IncidentService(other, load_taxonomy(), load_rules(), site_code="WL", clock=clock)
        here, copy = asdict(incident_service.get(incident.id)), asdict(there.get(incident.id))
        assert here["status"] == Status.RESPONDING and here["severity"] == Severity.II
        for key in ("title", "severity", "status", "casualties", "code", "site_code", "place",
                    "occurred_at", "reported_at", "last_report_kind"):  # fmt: skip
            assert copy[key] == here[key], key
        # The platform counts each change it announces (a report moves the last
        # report, then its figures); the sending mirror counts its own edits.
        [platform] = [c for c in page.changes if c.entity == "incident"][-1:]
        assert copy["version"] == platform.version
        assert [e.id for e in there.timeline(incident.id)] == [
            e.id for e in incident_service.timeline(incident.id)
        ]
    finally:
        other.close()


def test_report_without_figures_then_another_sites_edit_converges(client, tokens, incident_service, mirror, clock):
    incident = incident_service.create_incident(draft(clock), "duty")
    incident_service.append_entry(incident.id, EntryKind.INITIAL_REPORT, "no figures yet", "duty")
    # The client bumped its local version (2) without an update op; the server is at 1.
    ops = outbox_store.next_batch(mirror, 100, "CQ")
    body = OpBatch(client_id="cq-1", ops=ops).model_dump_json()
    result = OpBatchResult.model_validate_json(
        client.post(API_PREFIX + "/ops", content=body, headers=tokens["duty_officer"]).content
    )
    outbox_store.record_results(mirror, KINDS, result.results, clock.now())
    # Another site re-grades the incident from the server's version.
    send(client, tokens["commander"], [update_op(incident.id, 1, {"severity": "I"}, site="HQ")])
    page = ChangePage.model_validate_json(
        client.get(API_PREFIX + "/changes", headers=tokens["viewer"]).content
    )
    client_apply.apply_page(mirror, KINDS, page.cluster_id, page.changes, page.next_after, clock.now())
    assert incident_service.get(incident.id).severity == Severity.I
