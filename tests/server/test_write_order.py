"""The feed's no-skip property under concurrent writers on two replicas of one
PostgreSQL database (issue 20): seqs drawn at once for a whole batch
(server/pg_bulk.py next_seqs) and ops checked before the write lock
(server/apply.py parse_batch) must still commit in seq order, so a reader that
follows the feed with its cursor while they write reads every change, once."""

from __future__ import annotations

import json
import threading
import uuid

from sqlalchemy import text
from sqlalchemy.orm import Session

from server import pg_rls
from server.actor import Actor
from server.app import create_app
from server.feed import change_page_json
from services.clearance import TOP

AT = "2026-11-22T08:00:00.000+00:00"
WRITERS, BATCHES, NOTES = 4, 6, 39  # per writer: 6 batches of an incident and 39 notes


def batch(site: str, number: int) -> list[dict]:
    incident = str(uuid.uuid4())
    ops = [{"op_id": str(uuid.uuid4()), "entity": "incident", "entity_id": incident, "op": "create",
            "base_version": 0, "priority": 1, "created_at": AT, "site_code": site,
            "payload": {"id": incident, "site_code": site, "code": f"2026-{number:05d}", "title": f"并发{number}",
                        "category": "natural", "severity": "IV", "status": "received", "occurred_at": AT,
                        "reported_at": AT, "source": "phone"}}]
    for k in range(NOTES):
        entry = str(uuid.uuid4())
        ops.append({"op_id": str(uuid.uuid4()), "entity": "entry", "entity_id": entry, "op": "append",
                    "base_version": 0, "priority": 1, "created_at": AT, "site_code": site,
                    "payload": {"id": entry, "incident_id": incident, "kind": "note", "body": f"续报{k}",
                                "data": {}, "author": "并发", "created_at": AT}})
    return ops


def test_concurrent_batches_on_two_replicas_never_let_the_feed_skip(postgres, tmp_path):
    db_url = postgres.create_database("order_" + uuid.uuid4().hex[:8])
    replicas = [create_app(db_url, key_file=tmp_path / "token.key", audit_key_file=tmp_path / f"audit{n}.key")
                for n in range(2)]
    failures: list[BaseException] = []
    done = threading.Event()

    def write(n: int) -> None:
        app = replicas[n % 2]
        actor = Actor(account=f"w{n}", role="duty_officer", workstation=f"ws{n}", site_code=f"S{n}")
        try:
            for b in range(BATCHES):
                result = app.state.write_batch(batch(f"S{n}", b + 1), None, actor)
                assert all(r.status == "applied" for r in result.results), result.results[:3]
        except BaseException as exc:  # noqa: BLE001 - reported by the test's thread
            failures.append(exc)

    read: list[int] = []

    def follow() -> None:
        """As a mirror does: pages after its cursor, the cursor the page's end."""
        app, after = replicas[1], 0
        try:
            while True:
                finished = done.is_set()  # read before the page: a page after the end sees everything
                with pg_rls.scope(TOP), Session(app.state.db.engine) as s:
                    page = json.loads(change_page_json(s, app.state.registry, app.state.cluster_id, after, 50))
                read.extend(c["seq"] for c in page["changes"])
                after = page["next_after"]
                if finished and not page["has_more"]:
                    return
        except BaseException as exc:  # noqa: BLE001
            failures.append(exc)

    writers = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    reader = threading.Thread(target=follow)
    reader.start()
    for t in writers:
        t.start()
    for t in writers:
        t.join(120)
    done.set()
    reader.join(120)
    try:
        assert not failures, failures
        with replicas[0].state.db.engine.connect() as con:
            written = con.execute(text("SELECT seq FROM changes ORDER BY seq")).scalars().all()
        assert len(written) == WRITERS * BATCHES * (NOTES + 1)
        assert read == sorted(set(read)), "the feed sent a change twice or out of order"
        assert read == written, f"{len(set(written) - set(read))} changes skipped by the reader"
    finally:
        for app in replicas:
            app.state.db.dispose()
