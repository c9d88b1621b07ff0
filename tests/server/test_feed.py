"""The change feed, snapshots and health: paging, resumption, current state."""

from __future__ import annotations

import gzip
import uuid

from services.sync.wire import API_PREFIX, ChangePage, Health, SnapshotPage
from tests.server.conftest import create_op, entry_op, incident_payload, send, update_op


def seed(client, headers, incidents: int = 3, entries: int = 2) -> list[str]:
    ids = []
    for n in range(incidents):
        payload = incident_payload(code=f"2026-{n + 1:04d}")
        ops = [create_op(payload)] + [entry_op(payload["id"], "note", f"note {k}") for k in range(entries)]
        send(client, headers, ops)
        ids.append(payload["id"])
    return ids


def page(client, headers, after: int, limit: int) -> ChangePage:
    response = client.get(API_PREFIX + "/changes", params={"after": after, "limit": limit},
                          headers=headers)  # fmt: skip
    assert response.status_code == 200, response.text
    return ChangePage.model_validate(response.json())


def test_changes_page_by_after_and_limit(client, tokens, app):
    duty = tokens["duty_officer"]
    seed(client, duty)  # 3 incidents + 6 entries = seq 1..9
    seen, after, pages = [], 0, 0
    while True:
        p = page(client, duty, after, 4)
        assert p.cluster_id == app.state.cluster_id
        seen += [c.seq for c in p.changes]
        pages += 1
        if not p.has_more:
            break
        assert p.next_after == p.changes[-1].seq
        after = p.next_after
    assert seen == list(range(1, 10)) and pages == 3
    empty = page(client, duty, 9, 4)
    assert (empty.changes, empty.next_after, empty.has_more) == ([], 9, False)
    exact = page(client, duty, 0, 9)
    assert len(exact.changes) == 9 and not exact.has_more


def test_changes_give_the_current_state_once_per_change(client, tokens):
    duty = tokens["duty_officer"]
    [incident_id] = seed(client, duty, incidents=1, entries=0)
    send(client, duty, [update_op(incident_id, 1, {"injured": 3})])
    send(client, duty, [update_op(incident_id, 2, {"injured": 4})])
    changes = page(client, duty, 0, 100).changes
    assert [c.seq for c in changes] == [1, 2, 3]
    assert {(c.version, c.data["injured"]) for c in changes} == {(3, 4)}
    data = changes[0].data
    assert set(data) == {
        "id", "site_code", "code", "title", "category", "type_code", "type_name", "severity",
        "status", "occurred_at", "reported_at", "place", "lat", "lon", "division", "deaths",
        "injured", "missing", "trapped", "source", "reporter", "reporter_phone", "exercise",
        "summary", "created_by", "updated_at", "last_report_at", "last_report_kind", "version",
        "created_by_account", "created_workstation", "updated_by_account", "updated_workstation",
        "level",  # 密级 (services/clearance.py)
    }  # fmt: skip
    assert (data["created_by_account"], data["updated_workstation"]) == ("duty", "site-a")


def test_changes_limit_is_bounded(client, tokens):
    duty = tokens["duty_officer"]
    assert client.get(API_PREFIX + "/changes", params={"limit": 5001}, headers=duty).status_code == 422
    assert client.get(API_PREFIX + "/changes", params={"after": -1}, headers=duty).status_code == 422
    assert client.get(API_PREFIX + "/changes", params={"limit": 5000}, headers=duty).status_code == 200


def test_changes_are_gzipped_when_asked(client, tokens):
    duty = tokens["duty_officer"]
    seed(client, duty, incidents=5)
    response = client.get(API_PREFIX + "/changes", headers={**duty, "Accept-Encoding": "gzip"})
    assert response.headers.get("content-encoding") == "gzip"
    assert ChangePage.model_validate(response.json()).changes  # httpx decodes it
    raw = client.get(API_PREFIX + "/changes", headers={**duty, "Accept-Encoding": "identity"})
    assert "content-encoding" not in raw.headers
    assert len(gzip.compress(raw.content)) < len(raw.content)


def snapshot(client, headers, entity: str, **params) -> SnapshotPage:
    response = client.get(API_PREFIX + "/snapshot", params={"entity": entity, **params}, headers=headers)
    assert response.status_code == 200, response.text
    return SnapshotPage.model_validate(response.json())


def test_snapshot_pages_resume_and_keep_as_of(client, tokens):
    duty, viewer = tokens["duty_officer"], tokens["viewer"]
    ids = seed(client, duty, incidents=5, entries=1)  # seq 1..10
    first = snapshot(client, viewer, "incident", limit=2)
    assert first.as_of == 10 and len(first.records) == 2
    assert first.next_after_id == first.records[-1]["id"]
    # Writes during the snapshot do not move as_of: the feed continues from it.
    send(client, duty, [create_op(incident_payload(code="2026-0099"))])
    records, after, as_of = list(first.records), first.next_after_id, first.as_of
    while after is not None:
        p = snapshot(client, viewer, "incident", limit=2, after_id=after, as_of=as_of)
        assert p.as_of == 10
        records += p.records
        after = p.next_after_id
    assert [r["id"] for r in records] == sorted(records_id := [r["id"] for r in records])
    assert set(ids) <= set(records_id) and len(records_id) in (5, 6)
    entries = snapshot(client, viewer, "entry", limit=100)
    assert len(entries.records) == 5 and entries.next_after_id is None
    assert set(entries.records[0]) == {"id", "incident_id", "kind", "body", "data", "author",
                                       "created_at", "seq", "author_account", "author_workstation",
                                       "level"}  # fmt: skip
    assert snapshot(client, viewer, "entry", limit=5).next_after_id is None


def test_snapshot_rejects_unknown_entity(client, tokens):
    response = client.get(API_PREFIX + "/snapshot", params={"entity": "user"},
                          headers=tokens["viewer"])  # fmt: skip
    assert response.status_code == 422


def test_health_needs_no_token_and_reports_the_cluster(client, tokens, app):
    send(client, tokens["duty_officer"], [create_op(incident_payload())])
    health = Health.model_validate(client.get(API_PREFIX + "/health").json())
    assert health.cluster_id == app.state.cluster_id and health.latest_seq == 1
    assert health.server_time == "2026-11-22T08:00:00.000+00:00"
    uuid.UUID(health.cluster_id)


def test_cluster_id_and_secret_survive_a_restart(db_url, app, key_file):
    from server.app import create_app

    again = create_app(db_url, key_file=key_file)
    assert again.state.cluster_id == app.state.cluster_id
    assert again.state.token_secret == app.state.token_secret


def test_openapi_names_the_contract(client):
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {API_PREFIX + p for p in ("/health", "/auth/login", "/ops", "/changes", "/snapshot",
                                     "/events")} <= paths  # fmt: skip
    body = spec["paths"][API_PREFIX + "/ops"]["post"]["requestBody"]
    ref = body["content"]["application/json"]["schema"]["$ref"]
    assert ref == "#/components/schemas/OpBatch" and spec["components"]["schemas"]["OpBatch"]["title"] == "OpBatch"
