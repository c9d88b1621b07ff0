"""Refusals in the audit (issue 18, "Bad input and attacks": each refused with
a reason, logged in the audit): every 401/403 of require() and the log-in's
429 is one `refused` record naming status, reason, route, address and what
the token claimed; nothing leaked or changed; the flood bound; the chain
still verifies. TLS handshakes and certificate binding: test_refusals_tls.py."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from server import audit_verify, refusals, workstations
from server.auth import issue_token
from server.refusals import RefusalLog
from server.throttle import MAX_ADDRESS_FAILURES
from services.accounts.wire import LOGOUT_PATH
from services.sync.wire import API_PREFIX
from tests.helpers import wait_until
from tests.server.conftest import (
    PASSWORD,
    T0,
    ServerClock,
    create_op,
    incident_payload,
    login,
    post_ops,
)

CHANGES = API_PREFIX + "/changes"


def refused(app) -> list[dict]:
    with app.state.db.engine.connect() as conn:
        found = conn.execute(text("SELECT account, workstation, detail FROM audit_log WHERE action = 'refused' "
                                  "ORDER BY seq")).all()
    return [{"account": r[0], "workstation": r[1], **json.loads(r[2])} for r in found]


def verifies(app) -> bool:
    with app.state.db.engine.connect() as conn:
        return audit_verify.verify(conn, audit_verify.trusted_keys(app.state.audit_signer, [])).ok


def incidents(app) -> int:
    with app.state.db.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM incidents")).scalar_one()


def test_missing_forged_and_expired_tokens_are_recorded(client, app):
    assert client.get(CHANGES, params={"q": "secret-query"}).status_code == 401
    body = base64.urlsafe_b64encode(json.dumps({"u": "cmd", "r": "admin", "w": "ws-x", "exp": 9e9}).encode())
    forged = client.get(CHANGES, headers={"Authorization": f"Bearer {body.decode().rstrip('=')}.c2lnbmF0dXJl"})
    assert forged.status_code == 401 and "cmd" not in forged.text
    expired = issue_token(app.state.token_secret, "duty", "duty_officer", T0 - timedelta(minutes=1))
    assert client.get(CHANGES, headers={"Authorization": f"Bearer {expired}"}).status_code == 401
    missing, fake, old = refused(app)
    assert missing["status"] == 401 and missing["reason"] == "missing bearer token"
    assert missing["method"] == "GET" and missing["path"] == CHANGES and "secret-query" not in json.dumps(missing)
    assert missing["address"] == "testclient" and missing["account"] == ""
    # what the token claimed is kept as a claim, never as the principal
    assert fake["claimed_account"] == "cmd" and fake["claimed_workstation"] == "ws-x" and fake["account"] == ""
    assert fake["reason"] == "invalid or expired token"
    assert old["claimed_account"] == "duty" and old["account"] == ""
    assert verifies(app)


def test_a_logged_out_session_and_a_revoked_account_are_recorded(client, app, tokens):
    assert client.post(LOGOUT_PATH, headers=tokens["commander"]).status_code == 204
    assert client.get(CHANGES, headers=tokens["commander"]).status_code == 401
    with app.state.db.write.begin() as conn:
        conn.execute(text("UPDATE users SET token_version = token_version + 1 WHERE username = 'duty'"))
    app.state.accounts.forget("duty")
    assert client.get(CHANGES, headers=tokens["duty_officer"]).status_code == 401
    ended, changed = refused(app)
    assert ended["claimed_account"] == "cmd" and "session ended" in ended["reason"]
    assert changed["claimed_account"] == "duty" and "account changed" in changed["reason"]
    assert ended["account"] == changed["account"] == ""
    assert verifies(app)


def test_a_viewer_writing_is_refused_recorded_and_changes_nothing(client, app, tokens):
    before = incidents(app)
    response = post_ops(client, tokens["viewer"], [create_op(incident_payload())])
    assert response.status_code == 403
    assert incidents(app) == before
    (record,) = refused(app)
    assert record["status"] == 403 and record["account"] == "view"  # the token verified: the principal
    assert record["method"] == "POST" and record["path"] == API_PREFIX + "/ops"
    assert "claimed_account" not in record
    assert verifies(app)


def test_throttled_log_ins_are_refusals_not_more_failed_log_ins(app):
    sprayer = TestClient(app, client=("10.0.0.66", 4000))
    for i in range(MAX_ADDRESS_FAILURES):
        assert login(sprayer, f"guess-{i}", "hunter22").status_code == 401
    assert login(sprayer, "duty").status_code == 429
    with app.state.db.engine.connect() as conn:
        failed = conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'login_failed'")).scalar_one()
    assert failed == MAX_ADDRESS_FAILURES
    (record,) = refused(app)
    assert record["status"] == 429 and record["address"] == "10.0.0.66" and record["claimed_account"] == "duty"
    assert verifies(app)


def test_a_flood_is_bounded_per_address_and_summarised(app):
    clock = ServerClock()
    log = RefusalLog(app.state.db, clock, per_minute=3, total_per_minute=5, max_peers=3)
    assert [log.record(401, "x", address="10.0.0.1") for _ in range(5)] == [True] * 3 + [False] * 2
    assert log.record(401, "y", address="10.0.0.2") and log.record(401, "y", address="10.0.0.2")
    assert not log.record(401, "y", address="10.0.0.3")  # five from everyone together
    assert len(refused(app)) == 5
    clock.advance(seconds=61)
    assert log.record(401, "z", address="10.0.0.1")  # the window ended: the summaries, then this one
    records = refused(app)
    summaries = {r["address"]: r["suppressed"] for r in records if "suppressed" in r}
    assert summaries == {"10.0.0.1": 2, "*": 1}
    assert records[-1]["reason"] == "z"
    clock.advance(seconds=61)
    for i in range(8):  # more addresses than the limiter keeps: the oldest go, their counts to "*"
        log.record(401, "w", address=f"10.0.1.{i}")
    assert len(log._peers) <= 3
    clock.advance(seconds=61)
    log.flush()
    assert refused(app)[-1] == {"account": "", "workstation": "", "address": "*", "suppressed": 3,
                                "reason": "refusals over the limit, not recorded one by one"}
    assert verifies(app)


def test_the_summary_is_written_when_the_window_ends_without_another_refusal(app, monkeypatch):
    monkeypatch.setattr(refusals, "WINDOW_S", 0.2)
    log = RefusalLog(app.state.db, lambda: datetime.now(UTC), per_minute=1)
    assert log.record(401, "x", address="10.0.0.9") and not log.record(401, "x", address="10.0.0.9")
    summary = wait_until(lambda: [r for r in refused(app) if "suppressed" in r], what="the summary")
    assert summary[0]["address"] == "10.0.0.9" and summary[0]["suppressed"] == 1
    assert verifies(app)


def test_a_deactivated_workstation_is_recorded(client, app, server_clock):
    response = client.post(API_PREFIX + "/auth/login", json={"username": "cmd", "password": PASSWORD,
                                                             "workstation": "ws-7"})
    headers = {"Authorization": "Bearer " + response.json()["access_token"]}
    with Session(app.state.db.write) as s, s.begin():
        workstations.set_active(s, "ws-7", False)
    server_clock.advance(seconds=6)  # past the workstation cache
    assert client.get(CHANGES, headers=headers).status_code == 401
    (record,) = refused(app)
    assert record["claimed_account"] == "cmd" and record["claimed_workstation"] == "ws-7"
    assert "workstation deactivated" in record["reason"] and record["account"] == record["workstation"] == ""
    assert verifies(app)


def test_the_route_is_its_template_never_the_ids_sent(client, app, tokens):
    response = client.post(API_PREFIX + "/orders/secret-order-id/status", json={"status": "签收"},
                           headers=tokens["viewer"])
    assert response.status_code == 403
    (record,) = refused(app)
    assert record["path"] == API_PREFIX + "/orders/{order_id}/status" and "secret-order-id" not in json.dumps(record)
