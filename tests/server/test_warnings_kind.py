"""The warning kind on the platform (SQLite and PostgreSQL): an external warning
stored once (a repeat is a duplicate), its id bound to its CAP triplet; every
field checked by the shared contract; drafts saved by any writer and issued or
returned only by a commander or admin, forward only; an issued warning never
edited (only incident_id is tied); authorship from the token; the feed sends
the record as the client's kind reads it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from services.records.feed_checks import FeedError
from services.sync.wire import API_PREFIX
from services.warnings.model import Area, EarlyWarning
from services.warnings.record_kind import warning_values
from services.warnings.wire import record_of, triplet_id
from tests.server.conftest import op, send

SENT = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
RING = ((29.5, 106.5), (29.5, 106.6), (29.6, 106.6), (29.5, 106.5))


def external(identifier: str = "A", **fields) -> dict:
    w = EarlyWarning(id="", identifier=identifier, sender="cq@cma", sent=SENT, colour="red", event="暴雨",
                     headline="暴雨红色预警", areas=(Area("主城", polygons=(RING,), geocodes=("500103",)),))
    w = replace(w, id=triplet_id(w.sender, w.identifier, w.sent), **fields)
    return record_of(w)


def local(wid: str = "11111111-1111-4111-8111-111111111111", **fields) -> dict:
    return {**external("D"), "id": wid, "origin": "local", "issue_state": "draft", **fields}


def feed(client, headers) -> dict[str, dict]:
    page = client.get(API_PREFIX + "/changes", params={"after": 0}, headers=headers).json()
    return {c["entity_id"]: c["data"] for c in page["changes"] if c["entity"] == "warning"}


def test_external_warnings_are_stored_once_with_the_tokens_account(client, tokens):
    record = external()
    [first] = send(client, tokens["duty_officer"], [op("warning", record["id"], "create", record)])
    [again] = send(client, tokens["commander"], [op("warning", record["id"], "create", record)])
    assert (first["status"], again["status"]) == ("applied", "duplicate")
    rows = feed(client, tokens["viewer"])
    got = rows[record["id"]]
    assert got["created_by_account"] == "duty" and got["areas"][0]["geocodes"] == ["500103"]
    values = warning_values(got, 1)  # the client's kind reads what the feed sends
    assert values["id"] == record["id"] and values["created_by_account"] == "duty"


def test_the_contract_refuses_bad_fields(client, tokens):
    bad = [
        {**external("B1"), "id": "0" * 36},  # not its triplet's id
        {**external("B2"), "colour": "purple"},
        {**external("B3"), "headline": "x" * 301},
        {**external("B4"), "description": "bell\x07"},
        {**external("B5"), "areas": [{**external()["areas"][0], "polygons": [[[29.5, 106.5], [29.6, 106.5],
                                                                                 [29.6, 106.6], [29.5, 106.6]]]}]},
        {**external("B6"), "areas": [{**external()["areas"][0], "geocodes": ["5001"]}]},
        {**external("B7"), "areas": [{**external()["areas"][0], "polygons": [[[95, 106.5]] * 4]}]},
        {**external("B8"), "extra": 1},
        {**external("B9"), "issue_state": "issued"},
        {**external("B10"), "sent": "yesterday"},
    ]
    results = send(client, tokens["duty_officer"], [op("warning", r["id"], "create", r) for r in bad])
    assert [r["status"] for r in results] == ["rejected"] * len(bad), results
    assert feed(client, tokens["viewer"]) == {}


def test_drafts_move_forward_only_and_only_commanders_issue(client, tokens):
    draft = local()
    wid = draft["id"]
    duty, chief = tokens["duty_officer"], tokens["commander"]
    assert send(client, duty, [op("warning", wid, "create", draft)])[0]["status"] == "applied"
    assert send(client, duty, [op("warning", wid, "advance", {"to": "issued"})])[0]["status"] == "rejected"
    assert send(client, duty, [op("warning", wid, "advance", {"to": "pending"})])[0]["status"] == "applied"
    [no_reason] = send(client, chief, [op("warning", wid, "advance", {"to": "draft"})])
    assert no_reason["status"] == "rejected" and "reason" in no_reason["reason"]
    [returned] = send(client, chief, [op("warning", wid, "advance", {"to": "draft", "reason": "范围不准"})])
    assert returned["status"] == "applied"
    send(client, duty, [op("warning", wid, "create", {**draft, "headline": "修订"}),
                        op("warning", wid, "advance", {"to": "pending"})])
    [issued] = send(client, chief, [op("warning", wid, "advance", {"to": "issued", "at": "2026-12-06T08:30:00+00:00"})])
    assert issued["status"] == "applied"
    [late] = send(client, duty, [op("warning", wid, "advance", {"to": "pending"})])
    assert late["status"] == "merged"  # a late move backwards is answered, not applied
    [edit] = send(client, duty, [op("warning", wid, "create", {**draft, "headline": "改"})])
    assert edit["status"] == "rejected" and "only by a new Update or Cancel" in edit["reason"]
    [tie] = send(client, duty, [op("warning", wid, "update", {"fields": {"incident_id": "i" * 36}})])
    [retitle] = send(client, duty, [op("warning", wid, "update", {"fields": {"headline": "x"}})])
    assert tie["status"] == "applied" and retitle["status"] == "rejected"
    row = feed(client, tokens["viewer"])[wid]
    assert row["issue_state"] == "issued" and row["headline"] == "修订" and row["approved_by_account"] == "cmd"
    assert row["created_by_account"] == "duty" and row["incident_id"] == "i" * 36
    assert row["return_reason"] == ""


def test_an_update_supersedes_and_a_cancel_ends_on_the_platform(client, tokens):
    original = external("A")
    update = external("A2", msg_type="Update", sent=SENT.replace(hour=9))
    update["references"] = [["cq@cma", "A", original["sent"]]]
    update["id"] = triplet_id("cq@cma", "A2", SENT.replace(hour=9))
    cancel = external("A3", msg_type="Cancel", sent=SENT.replace(hour=10))
    cancel["references"] = [["cq@cma", "A2", update["sent"]]]
    cancel["id"] = triplet_id("cq@cma", "A3", SENT.replace(hour=10))
    send(client, tokens["duty_officer"], [op("warning", r["id"], "create", r) for r in (original, update, cancel)])
    rows = feed(client, tokens["viewer"])
    assert rows[original["id"]]["standing"] == "superseded" and rows[original["id"]]["replaced_by"] == update["id"]
    assert rows[update["id"]]["standing"] == "cancelled" and rows[cancel["id"]]["standing"] == "cancelled"


def test_the_client_kind_refuses_a_hostile_feed_record():
    good = {**external(), "return_reason": "", "updated_at": "2026-12-06T08:00:00+00:00"}
    assert warning_values(good, 3)["version"] == 3
    for bad in ({**good, "headline": "\x00"}, {**good, "areas": "[]"}, {**good, "colour": "<b>"},
                {**good, "references": [["a", "b"]]}, {**good, "return_reason": "x" * 501}):
        try:
            warning_values(bad, 1)
        except FeedError:
            continue
        raise AssertionError(f"accepted {bad}")
