"""Applying operations: at most once, merged field by field, malformed ones
rejected with a reason while the rest of the batch goes through."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from server.db import AppliedOpRow, ChangeRow, EntryRow, IncidentRow
from services.sync.wire import API_PREFIX, MAX_BATCH_OPS, MAX_OP_BYTES
from tests.server.conftest import (
    T0,
    all_changes,
    create_op,
    entry_op,
    incident_payload,
    op,
    post_ops,
    send,
    update_op,
)


def counts(app) -> tuple[int, int, int, int]:
    with Session(app.state.db.engine) as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t))
            for t in (IncidentRow, EntryRow, ChangeRow, AppliedOpRow)
        )


def incident(client, headers, incident_id: str) -> dict:
    changes = [c for c in all_changes(client, headers) if c["entity_id"] == incident_id]
    return changes[-1]["data"]


def timeline(client, headers, incident_id: str) -> list[dict]:
    return [c["data"] for c in all_changes(client, headers)
            if c["entity"] == "entry" and c["data"]["incident_id"] == incident_id]  # fmt: skip


def test_same_batch_twice_is_duplicate_and_nothing_doubles(client, tokens, app):
    duty = tokens["duty_officer"]
    payload = incident_payload()
    batch = [create_op(payload), entry_op(payload["id"], "initial_report", "first report")]
    first = send(client, duty, batch)
    assert [r["status"] for r in first] == ["applied", "applied"]
    before = counts(app)
    second = send(client, duty, batch)
    assert [r["status"] for r in second] == ["duplicate", "duplicate"]
    assert [r["seq"] for r in second] == [r["seq"] for r in first]
    assert counts(app) == before == (1, 1, 3, 2)  # the report's change of the incident too


def test_create_of_an_existing_incident_by_another_op_is_idempotent(client, tokens, app):
    duty = tokens["duty_officer"]
    payload = incident_payload()
    [first] = send(client, duty, [create_op(payload)])
    [again] = send(client, duty, [create_op(payload)])  # a new op_id, same record
    assert again["status"] == "duplicate" and again["seq"] == first["seq"]
    assert counts(app)[0] == 1


def test_code_clash_with_another_incident_is_rejected(client, tokens, app):
    duty = tokens["duty_officer"]
    send(client, duty, [create_op(incident_payload(code="2026-0007"))])
    [result] = send(client, duty, [create_op(incident_payload(code="2026-0007"))])
    assert result["status"] == "rejected"
    assert "already used" in result["reason"]
    assert counts(app)[0] == 1


def test_entry_append_appears_in_the_feed_with_its_fields(client, tokens, server_clock):
    duty, viewer = tokens["duty_officer"], tokens["viewer"]
    server_clock.advance(minutes=2)  # received after it was written: its own time is kept
    payload = incident_payload()
    send(client, duty, [create_op(payload)])
    entry = entry_op(payload["id"], "initial_report", "two injured", at=T0 + timedelta(minutes=1))
    [result] = send(client, duty, [entry])
    assert result["status"] == "applied"
    [change] = [c for c in all_changes(client, viewer) if c["entity"] == "entry"]
    assert change["seq"] == result["seq"] and change["entity_id"] == entry["entity_id"]
    assert change["data"] == {
        "id": entry["entity_id"], "incident_id": payload["id"], "kind": "initial_report",
        "body": "two injured", "data": {"x": 1}, "author": "duty",
        "created_at": "2026-11-22T08:01:00.000+00:00", "seq": result["seq"],
        "author_account": "duty", "author_workstation": "site-a",  # the token's, beside the display name
        "level": 1,  # 密级: 内部 unless marked (services/clearance.py)
    }  # fmt: skip
    record = incident(client, viewer, payload["id"])
    assert record["last_report_kind"] == "initial_report"
    assert record["last_report_at"] == "2026-11-22T08:01:00.000+00:00"
    assert record["version"] == 2  # the report moved the incident's last report


def test_a_late_follow_up_does_not_undo_the_final_report(client, tokens):
    duty = tokens["duty_officer"]
    payload = incident_payload()
    send(client, duty, [create_op(payload), entry_op(payload["id"], "initial_report"),
                        entry_op(payload["id"], "final_report")])  # fmt: skip
    send(client, duty, [entry_op(payload["id"], "follow_up_report")])
    assert incident(client, duty, payload["id"])["last_report_kind"] == "final_report"


def test_entry_for_an_unknown_incident_is_rejected(client, tokens, app):
    [result] = send(client, tokens["commander"], [entry_op(str(uuid.uuid4()))])
    assert result == {**result, "status": "rejected", "reason": "incident unknown", "seq": None}
    assert counts(app) == (0, 0, 0, 0)


def test_update_from_the_current_version_applies_and_bumps_version(client, tokens):
    duty = tokens["duty_officer"]
    payload = incident_payload()
    send(client, duty, [create_op(payload)])
    [result] = send(client, duty, [update_op(payload["id"], 1, {"severity": "II", "injured": 5})])
    assert result["status"] == "applied" and result["reason"] == ""
    record = incident(client, duty, payload["id"])
    assert (record["severity"], record["injured"], record["version"]) == ("II", 5, 2)
    assert "field_clock" not in record


def test_concurrent_edits_merge_field_by_field_and_note_the_loss(client, tokens, server_clock):
    server_clock.advance(hours=2)  # the platform receives the ops after the sites wrote them
    duty, cmd = tokens["duty_officer"], tokens["commander"]
    payload = incident_payload()
    send(client, duty, [create_op(payload)])
    # Site HQ edits severity and injured at 08:10 (online) ...
    send(client, cmd, [update_op(payload["id"], 1, {"severity": "II", "injured": 4},
                                 at=T0 + timedelta(minutes=10), site="HQ")])  # fmt: skip
    # ... site CQ, offline, edited severity earlier (08:05) and place, from version 1.
    [result] = send(client, duty, [update_op(payload["id"], 1, {"severity": "I", "place": "Xiangkou"},
                                             at=T0 + timedelta(minutes=5), site="CQ")])  # fmt: skip
    assert result["status"] == "merged"
    assert "severity" in result["reason"]
    record = incident(client, duty, payload["id"])
    assert record["severity"] == "II"  # the later write (HQ, 08:10) wins
    assert record["place"] == "Xiangkou"  # nobody else touched it
    assert record["injured"] == 4
    assert record["version"] == 3
    [note] = [e for e in timeline(client, duty, payload["id"]) if e["kind"] == "system"]
    assert note["data"] == {"event": "conflict", "field": "severity", "kept": "II", "lost": "I",
                            "from_site": "CQ", "op_id": result["op_id"]}  # fmt: skip
    assert note["author"] == "server"


def test_a_later_offline_edit_wins_and_the_earlier_value_is_noted(client, tokens, server_clock):
    server_clock.advance(hours=2)  # the platform receives the ops after the sites wrote them
    duty = tokens["duty_officer"]
    payload = incident_payload()
    send(client, duty, [create_op(payload)])
    send(client, duty, [update_op(payload["id"], 1, {"severity": "II"}, at=T0 + timedelta(minutes=5),
                                  site="HQ")])  # fmt: skip
    [result] = send(client, duty, [update_op(payload["id"], 1, {"severity": "I"},
                                             at=T0 + timedelta(minutes=9), site="CQ")])  # fmt: skip
    assert result["status"] == "merged"
    assert incident(client, duty, payload["id"])["severity"] == "I"
    [note] = [e for e in timeline(client, duty, payload["id"]) if e["kind"] == "system"]
    assert (note["data"]["kept"], note["data"]["lost"], note["data"]["from_site"]) == ("I", "II", "HQ")


def test_backwards_status_is_recorded_not_applied(client, tokens, server_clock):
    server_clock.advance(hours=2)  # the platform receives the ops after the sites wrote them
    duty = tokens["duty_officer"]
    payload = incident_payload()
    send(client, duty, [create_op(payload)])
    send(client, duty, [update_op(payload["id"], 1, {"status": "responding"})])
    send(client, duty, [update_op(payload["id"], 2, {"status": "closed"})])
    # A site that was offline still thinks it is "received" and moves it to responding.
    [result] = send(client, duty, [update_op(payload["id"], 1, {"status": "responding", "summary": "x"},
                                             at=T0 + timedelta(hours=1), site="WL")])  # fmt: skip
    assert result["status"] == "merged"
    record = incident(client, duty, payload["id"])
    assert record["status"] == "closed"
    assert record["summary"] == "x"
    [note] = [e for e in timeline(client, duty, payload["id"]) if e["kind"] == "system"]
    assert note["data"]["event"] == "late_status"
    assert (note["data"]["kept"], note["data"]["lost"], note["data"]["from_site"]) == (
        "closed", "responding", "WL")


def test_status_moves_forward_even_from_an_old_base(client, tokens):
    duty = tokens["duty_officer"]
    payload = incident_payload()
    send(client, duty, [create_op(payload)])
    send(client, duty, [update_op(payload["id"], 1, {"injured": 3})])
    [result] = send(client, duty, [update_op(payload["id"], 1, {"status": "cancelled"})])
    assert result["status"] == "applied"
    assert incident(client, duty, payload["id"])["status"] == "cancelled"


def _good_and_bad(incident_id: str) -> list[tuple[dict, str]]:
    """(op, expected words of the reason) for malformed operations."""
    bad_types = update_op(incident_id, 1, {"injured": "many"})
    return [
        (bad_types, "injured must be a whole number"),
        (update_op(incident_id, 1, {"deaths": True}), "deaths must be a whole number"),
        (update_op(incident_id, 1, {"colour": "red"}), "unknown incident field 'colour'"),
        (update_op(incident_id, 1, {"code": "X"}), "code cannot be changed"),
        (update_op(incident_id, 1, {}), "at least one field"),
        (update_op(incident_id, 1, {"lat": 123.0}), "lat is out of range"),
        (update_op(incident_id, 1, {"severity": "V"}), "severity"),
        (update_op(incident_id, 1, {"title": "x" * 201}), "longer than 200"),
        (op("incident", incident_id, "update", {"severity": "I"}), '{"fields"'),
        (op("weather", incident_id, "update", {"fields": {}}), "entity"),
        (op("incident", incident_id, "append", {}), "not supported"),
        (op("incident", incident_id, "delete", {}), "op"),
        (create_op({k: v for k, v in incident_payload().items() if k != "title"}), "missing incident field(s): title"),
        (create_op(incident_payload(surprise=1)), "unknown incident field(s): surprise"),
        (create_op(incident_payload(occurred_at="yesterday")), "occurred_at is not an ISO-8601 time"),
        (create_op(incident_payload(occurred_at="2026-11-22T08:00:00")), "occurred_at has no time zone"),
        (entry_op(incident_id, "gossip"), "kind"),
        ({**entry_op(incident_id), "created_at": "soon"}, "created_at is not an ISO-8601 time"),
        ({**entry_op(incident_id), "op_id": "short"}, "op_id"),
        ({**entry_op(incident_id), "extra": 1}, "extra"),
        (entry_op(incident_id, body="x" * (MAX_OP_BYTES + 10)), f"limit of {MAX_OP_BYTES}"),
        ("not an object", "JSON object"),
    ]  # fmt: skip


def test_malformed_ops_are_rejected_with_reasons_and_the_rest_applies(client, tokens, app):
    duty = tokens["duty_officer"]
    payload = incident_payload()
    send(client, duty, [create_op(payload)])
    before = counts(app)
    cases = _good_and_bad(payload["id"])
    good_entry = entry_op(payload["id"], "note", "still here")
    good_update = update_op(payload["id"], 1, {"injured": 7})
    batch = [good_entry] + [case for case, _ in cases] + [good_update]
    results = send(client, duty, batch)
    assert len(results) == len(batch)
    assert results[0]["status"] == "applied" and results[-1]["status"] == "applied"
    for (case, words), result in zip(cases, results[1:-1], strict=True):
        assert result["status"] == "rejected", (case, result)
        assert words in result["reason"], (words, result["reason"])
        expected_id = case.get("op_id", "") if isinstance(case, dict) else ""
        assert result["op_id"] == expected_id
    assert counts(app) == (before[0], before[1] + 1, before[2] + 2, before[3] + 2)
    record = incident(client, duty, payload["id"])
    assert (record["injured"], record["severity"], record["title"]) == (7, "III", payload["title"])


def test_a_rejected_op_can_be_fixed_and_resent_under_the_same_op_id(client, tokens):
    duty = tokens["duty_officer"]
    payload = incident_payload()
    send(client, duty, [create_op(payload)])
    bad = update_op(payload["id"], 1, {"injured": -1})
    assert send(client, duty, [bad])[0]["status"] == "rejected"
    fixed = {**bad, "payload": {"fields": {"injured": 1}}}
    assert send(client, duty, [fixed])[0]["status"] == "applied"


def test_batch_envelope_problems_are_4xx_with_a_reason(client, tokens, app):
    duty = tokens["duty_officer"]
    url = API_PREFIX + "/ops"
    assert client.post(url, content=b"{not json", headers=duty).status_code == 422
    response = client.post(url, json={"ops": []}, headers=duty)
    assert response.status_code == 422 and "client_id" in response.json()["detail"]
    response = client.post(url, json={"client_id": "a", "ops": {}}, headers=duty)
    assert response.status_code == 422
    too_many = [entry_op(str(uuid.uuid4())) for _ in range(MAX_BATCH_OPS + 1)]
    response = post_ops(client, duty, too_many)
    assert response.status_code == 413 and str(MAX_BATCH_OPS) in response.json()["detail"]
    huge = b'{"client_id": "a", "ops": ["' + b"x" * (17 * MAX_OP_BYTES) + b'"]}'
    response = client.post(url, content=huge, headers=duty)
    assert response.status_code == 413
    assert counts(app) == (0, 0, 0, 0)


def test_ops_accept_a_body_without_content_type(client, tokens):
    """The client engine posts `content=batch.model_dump_json()`."""
    import json

    body = json.dumps({"client_id": "a", "ops": [create_op(incident_payload())]})
    response = client.post(API_PREFIX + "/ops", content=body.encode(), headers=tokens["commander"])
    assert response.status_code == 200
    assert response.json()["results"][0]["status"] == "applied"
    assert response.json()["latest_seq"] == 1


def test_a_site_clock_running_ahead_does_not_win_every_conflict(client, tokens, server_clock):
    """A site whose clock is a day fast counts as writing when the platform got its op."""
    duty = tokens["duty_officer"]
    payload = incident_payload()
    send(client, duty, [create_op(payload)])
    server_clock.advance(minutes=5)
    send(client, duty, [update_op(payload["id"], 1, {"severity": "II"}, at=T0 + timedelta(days=1),
                                  site="FAST")])  # fmt: skip
    server_clock.advance(minutes=5)
    [result] = send(client, duty, [update_op(payload["id"], 1, {"severity": "I"},
                                             at=T0 + timedelta(minutes=9), site="CQ")])  # fmt: skip
    assert result["status"] == "merged"
    assert incident(client, duty, payload["id"])["severity"] == "I"


def test_the_platform_refuses_with_the_incident_contracts_reasons(client, tokens):
    """Creates (set-based path), updates and entries (per-op path) alike."""
    from services.incidents import contract

    duty = tokens["duty_officer"]
    payload = incident_payload()
    send(client, duty, [create_op(payload)])
    cases = [
        (create_op(incident_payload(severity="V")), contract.incident_field_problem("severity", "V")),
        (create_op(incident_payload(title="x" * 201)), contract.incident_field_problem("title", "x" * 201)),
        (update_op(payload["id"], 1, {"deaths": 1_000_001}), contract.incident_field_problem("deaths", 1_000_001)),
        (update_op(payload["id"], 1, {"site_code": "WZ"}), contract.incident_change_problem("site_code", "WZ")),
        (entry_op(payload["id"], "gossip"), contract.entry_problem({**entry_op(payload["id"])["payload"],
                                                                    "kind": "gossip"})),
    ]  # fmt: skip
    results = send(client, duty, [case for case, _ in cases])
    assert [(r["status"], r["reason"]) for r in results] == [("rejected", reason) for _, reason in cases]
