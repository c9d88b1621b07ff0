"""Incident numbers name one incident across the platform (issue 13, defect 2):
a legacy number from an old client gets its site code, a number is unique on
the platform, and an older platform database is renumbered when it is opened,
once, even by two replicas starting together. SQLite and PostgreSQL."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import create_engine, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from server.app import build_registry
from server.apply import apply_one
from server.db import ChangeRow, IncidentRow, open_database
from tests.server.conftest import all_changes, create_op, incident_payload, send

NOW = "2026-11-22T08:00:00.000+00:00"


def feed_codes(client, headers) -> dict[str, str]:
    return {c["entity_id"]: c["data"]["code"] for c in all_changes(client, headers) if c["entity"] == "incident"}


def test_legacy_numbers_of_two_sites_stay_apart_and_a_taken_number_is_refused(client, tokens, app):
    duty = tokens["duty_officer"]
    cq, wz = incident_payload(code="2026-0001"), incident_payload(code="2026-0001", site_code="WZ")
    # Old clients' queued creates, through the set-based path ...
    assert [r["status"] for r in send(client, duty, [create_op(cq), create_op(wz, site="WZ")])] == [
        "applied", "applied"]
    # ... and one by one.
    per_op = incident_payload(code="2026-0002", site_code="WZ")
    with Session(app.state.db.write) as s, s.begin():
        assert apply_one(s, build_registry(), create_op(per_op, site="WZ"), NOW).status == "applied"
    codes = feed_codes(client, tokens["viewer"])
    assert codes == {cq["id"]: "CQ-2026-0001", wz["id"]: "WZ-2026-0001", per_op["id"]: "WZ-2026-0002"}
    # A new client's number that another incident holds already, on either path.
    taken = incident_payload(code="CQ-2026-0001")
    [answer] = send(client, duty, [create_op(taken)])
    assert answer["status"] == "rejected" and "CQ-2026-0001 is already used" in answer["reason"]
    with Session(app.state.db.write) as s, s.begin():
        answer = apply_one(s, build_registry(), create_op(incident_payload(code="WZ-2026-0002")), NOW)
    assert answer.status == "rejected" and "already used" in answer.reason


# ---- an older platform database --------------------------------------------

OLD_ROWS = [  # (id, site_code, code) as wave 1 stored them: unique per site only
    ("inc-a", "CQ", "2026-0001"),
    ("inc-b", "WZ", "2026-0001"),
    ("inc-c", "CQ", "CQ-2026-0002"),  # a new client's number: kept
    ("inc-d", "CQ", "2026-0002"),  # its site-code form is inc-c's: keeps its legacy number
    ("inc-e", "", "2026-0003"),  # no site code to add
    ("inc-f", "", "HQ-7"),  # the same number at two sites, never made by a client:
    ("inc-g", "ZZ", "HQ-7"),  # the later id gets a distinct one
]
EXPECTED = {"inc-a": "CQ-2026-0001", "inc-b": "WZ-2026-0001", "inc-c": "CQ-2026-0002",
            "inc-d": "2026-0002", "inc-e": "2026-0003", "inc-f": "HQ-7", "inc-g": "HQ-7-inc-g"}
RENUMBERED = {"inc-a", "inc-b", "inc-g"}


def make_old_platform(url: str) -> None:
    """A platform database as wave 1 left it: legacy numbers, unique per site,
    no schema version, no Alembic."""
    db = open_database(url)
    db.dispose()
    # The schema's owner (the platform itself works as a role that owns nothing: server/pg_rls.py).
    owner = create_engine(url)
    with owner.begin() as conn:
        conn.execute(text("DROP INDEX IF EXISTS uq_incident_code"))
        if db.is_postgres:
            conn.execute(text("ALTER TABLE incidents DROP CONSTRAINT IF EXISTS uq_incident_site_code"))
            conn.execute(text("ALTER TABLE incidents ADD CONSTRAINT uq_incident_site_code UNIQUE (site_code, code)"))
        else:
            conn.execute(text("CREATE UNIQUE INDEX IF NOT EXISTS uq_incident_site_code ON incidents (site_code, code)"))
        conn.execute(text("DELETE FROM server_meta WHERE key = 'schema_version'"))
        conn.execute(text("DROP TABLE alembic_version"))
        conn.execute(insert(IncidentRow.__table__), [
            {"id": iid, "site_code": site, "code": code, "title": "旧事件", "category": "natural",
             "severity": "IV", "status": "received", "occurred_at": NOW, "reported_at": NOW,
             "source": "phone", "updated_at": NOW, "version": 3}
            for iid, site, code in OLD_ROWS
        ])  # fmt: skip
    owner.dispose()


def platform_state(url: str) -> tuple[dict[str, tuple[str, int]], list[str]]:
    db = open_database(url)
    try:
        with Session(db.engine) as s:
            incidents = {r.id: (r.code, r.version) for r in s.scalars(select(IncidentRow))}
            changes = list(s.scalars(select(ChangeRow.entity_id).where(ChangeRow.entity == "incident")))
        return incidents, changes
    finally:
        db.dispose()


def test_an_old_platform_is_renumbered_once_when_opened(db_url):
    make_old_platform(db_url)
    db = open_database(db_url)
    try:
        with Session(db.engine) as s:
            rows = {r.id: r for r in s.scalars(select(IncidentRow))}
            assert {iid: r.code for iid, r in rows.items()} == EXPECTED
            # Renumbered incidents are new revisions, announced in the feed.
            assert {iid for iid, r in rows.items() if r.version == 4} == RENUMBERED
            changes = s.scalars(select(ChangeRow.entity_id).where(ChangeRow.entity == "incident")).all()
            assert sorted(changes) == sorted(RENUMBERED)
        # The number is unique across the platform now, whatever the site.
        with pytest.raises(IntegrityError), db.write.begin() as conn:
            conn.execute(insert(IncidentRow.__table__), {
                "id": "inc-z", "site_code": "XX", "code": "CQ-2026-0001", "title": "重号", "category": "natural",
                "severity": "IV", "status": "received", "occurred_at": NOW, "reported_at": NOW,
                "source": "phone", "updated_at": NOW})  # fmt: skip
        if db.is_postgres:  # the per-site constraint went with the legacy numbers
            with db.engine.connect() as conn:
                assert conn.scalar(text("SELECT count(*) FROM pg_constraint WHERE conname = 'uq_incident_site_code'")) == 0
    finally:
        db.dispose()
    incidents, changes = platform_state(db_url)  # opened again: nothing more to do
    assert {iid: code for iid, (code, _v) in incidents.items()} == EXPECTED
    assert sorted(changes) == sorted(RENUMBERED)


def test_two_replicas_opening_an_old_platform_together_migrate_it_once(db_url):
    make_old_platform(db_url)
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def replica() -> None:
        try:
            start.wait(10)
            open_database(db_url).dispose()
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=replica) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not any(t.is_alive() for t in threads), "a replica never finished opening"
    assert failures == []
    incidents, changes = platform_state(db_url)
    assert {iid: code for iid, (code, _v) in incidents.items()} == EXPECTED
    assert {iid for iid, (_c, version) in incidents.items() if version == 4} == RENUMBERED
    assert sorted(changes) == sorted(RENUMBERED)
