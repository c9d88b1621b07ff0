"""The tamper-evident audit (issue 18, item 5): what is appended, in the same
transaction as the change; the chain and its signed checkpoints; the first
break named for an altered, deleted or reordered record and a forged
checkpoint; `watchroom-server audit verify`; a workstation's uploaded exports
under the token's account; the admin-only read."""

from __future__ import annotations

import itertools
import threading
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from server import audit, audit_sign, audit_verify
from server.app import add_user, create_app
from server.main import main as server_main
from server.notifications import LogGateway
from services.audit.contract import ENTITY, OP
from services.audit.wire import CHECKPOINTS_URL, RECORDS_URL
from services.sync.wire import API_PREFIX
from tests.pg import owner_engine
from tests.server.conftest import PASSWORD, create_op, entry_op, incident_payload, login, op, send


def rows(app) -> list[dict]:
    with app.state.db.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(text("SELECT * FROM audit_log ORDER BY seq"))]


def verdict(app) -> audit_verify.Verdict:
    with app.state.db.engine.connect() as conn:
        return audit_verify.verify(conn, audit_verify.trusted_keys(app.state.audit_signer, []))


def checkpoint(app, at: str = "2026-11-22T08:00:00.000+00:00") -> dict | None:
    return audit_sign.make_checkpoint(app.state.db, app.state.audit_signer, at)


def tamper(app, sql: str, **params) -> None:
    """An edit by someone with the owner's rights: the platform's own role may
    only append (on PostgreSQL the database refuses it, tests/server/test_audit_append_only.py)."""
    with owner_engine(app.state.db.engine) as engine, engine.begin() as conn:
        conn.execute(text(sql), params)


CODES = itertools.count(1)  # incident numbers never repeat (a repeated one is renumbered, not a new change)


def fill(client, tokens, n: int = 4) -> None:
    for _ in range(n):
        incident = incident_payload(code=f"2026-{next(CODES):04d}")
        send(client, tokens["duty_officer"], [create_op(incident), entry_op(incident["id"])])


def test_changes_logins_and_failures_are_chained(client, tokens, app):
    assert login(client, "duty", "wrong password").status_code == 401
    fill(client, tokens, 2)
    records = rows(app)
    actions = [r["action"] for r in records]
    assert actions.count("login") == len(tokens) and actions.count("login_failed") == 1
    changes = [r for r in records if r["action"] == "change"]
    assert [(r["entity"], r["account"]) for r in changes] == [("incident", "duty"), ("entry", "duty")] * 2
    assert [r["seq"] for r in records] == list(range(1, len(records) + 1))
    assert records[0]["prev_hash"] == audit.GENESIS
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(records, records[1:], strict=False))
    assert verdict(app).ok and verdict(app).records == len(records)


def test_a_rejected_op_leaves_no_record(client, tokens, app):
    before = len(rows(app))
    results = send(client, tokens["duty_officer"], [op("incident", str(uuid.uuid4()), "create", {"id": "x"})])
    assert results[0]["status"] == "rejected"
    assert len(rows(app)) == before


def test_bulk_apply_is_audited_in_order(client, tokens, app):
    incidents = [incident_payload(code=f"2026-{n:04d}") for n in range(1, 60)]
    send(client, tokens["duty_officer"], [create_op(i) for i in incidents])
    changes = [r for r in rows(app) if r["action"] == "change"]
    assert [r["entity_id"] for r in changes] == [i["id"] for i in incidents]
    assert verdict(app).ok


def _break(app) -> audit_verify.Verdict:
    result = verdict(app)
    assert not result.ok
    return result


def test_an_altered_record_is_named(client, tokens, app):
    fill(client, tokens)
    tamper(app, "UPDATE audit_log SET account = 'someone' WHERE seq = 7")
    result = _break(app)
    assert result.break_seq == 7 and "record 7 was altered" in result.first_break


def test_an_altered_and_rehashed_record_breaks_the_next_link(client, tokens, app):
    fill(client, tokens)
    row = rows(app)[6]
    row["account"] = "someone"
    tamper(app, "UPDATE audit_log SET account = 'someone', hash = :h WHERE seq = 7", h=audit.row_hash(row))
    result = _break(app)
    assert result.break_seq == 8 and "record 8 does not follow record 7" in result.first_break


def test_a_deleted_record_is_named(client, tokens, app):
    fill(client, tokens)
    tamper(app, "DELETE FROM audit_log WHERE seq = 9")
    result = _break(app)
    assert result.break_seq == 9 and "record 9 is missing" in result.first_break


def test_a_reordered_pair_is_named(client, tokens, app):
    fill(client, tokens)
    tamper(app, "UPDATE audit_log SET seq = -1 WHERE seq = 6")
    tamper(app, "UPDATE audit_log SET seq = 6 WHERE seq = 7")
    tamper(app, "UPDATE audit_log SET seq = 7 WHERE seq = -1")
    result = _break(app)
    assert result.break_seq == 6 and "record 6" in result.first_break


def test_the_last_record_deleted_is_caught_by_a_checkpoint(client, tokens, app):
    fill(client, tokens)
    made = checkpoint(app)
    tamper(app, "DELETE FROM audit_log WHERE seq = :s", s=made["seq"])
    result = _break(app)
    assert "checkpoint 1 covers record" in result.first_break and "no longer holds" in result.first_break


def test_a_rewritten_history_is_caught_by_its_checkpoint(client, tokens, app):
    """Everything re-hashed from record 3 on: the chain holds, the signed hash does not."""
    fill(client, tokens)
    checkpoint(app)
    records = rows(app)
    records[2]["account"] = "someone"
    prev = records[1]["hash"]
    for r in records[2:]:
        r["prev_hash"] = prev
        r["hash"] = prev = audit.row_hash(r)
        tamper(app, "UPDATE audit_log SET account = :a, prev_hash = :p, hash = :h WHERE seq = :s",
               a=r["account"], p=r["prev_hash"], h=r["hash"], s=r["seq"])
    result = _break(app)
    assert "history rewritten" in result.first_break and "checkpoint 1" in result.first_break


def test_a_forged_checkpoint_is_named(client, tokens, app):
    fill(client, tokens, 1)
    checkpoint(app)
    fill(client, tokens, 1)
    second = checkpoint(app, "2026-11-22T08:05:00.000+00:00")
    tamper(app, "UPDATE audit_checkpoints SET signature = :sig WHERE n = 2",
           sig=audit_sign.new_signer("ed25519").sign(audit_sign.message(2, second["seq"], second["hash"],
                                                                         second["at"])))
    result = _break(app)
    assert "checkpoint 2" in result.first_break and "signature does not verify" in result.first_break
    tamper(app, "UPDATE audit_checkpoints SET key_id = 'ffff' WHERE n = 2")
    assert "unknown key" in _break(app).first_break


def test_checkpoints_are_signed_only_when_the_chain_moved(client, tokens, app):
    fill(client, tokens, 1)
    assert checkpoint(app)["n"] == 1
    assert checkpoint(app) is None
    response = client.get(CHECKPOINTS_URL, headers=tokens["viewer"])
    page = response.json()
    assert response.status_code == 200 and page["public_key"] == app.state.audit_signer.public_key
    c = page["checkpoints"][0]
    assert audit_sign.verify(page["algorithm"], page["public_key"],
                             audit_sign.message(c["n"], c["seq"], c["hash"], c["at"]), c["signature"])
    assert client.get(CHECKPOINTS_URL, params={"after": 1}, headers=tokens["viewer"]).json()["checkpoints"] == []


def test_sm2_signs_and_verifies():
    pytest.importorskip("gmssl")
    signer = audit_sign.new_signer("sm2")
    again = audit_sign.signer_from_text(f"sm2:{signer.private_hex}", "test")
    data = audit_sign.message(1, 5, "a" * 64, "2026-11-22T08:00:00.000+00:00")
    signature = signer.sign(data)
    assert again.public_key == signer.public_key
    assert audit_sign.verify("sm2", signer.public_key, data, signature)
    assert not audit_sign.verify("sm2", signer.public_key, data + b"x", signature)
    assert not audit_sign.verify("ed25519", signer.public_key, data, signature)


def test_the_key_file_is_private_and_kept(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.db'}"
    first = audit_sign.load_signer(url)
    path = audit_sign.default_key_file(url)
    assert path.stat().st_mode & 0o777 == 0o600
    assert audit_sign.load_signer(url, algorithm="sm2").public_key == first.public_key  # an existing key stays


def test_verify_command(client, tokens, app, db_url, tmp_path, capsys):
    fill(client, tokens, 2)
    checkpoint(app)
    key = ["--audit-key-file", str(audit_sign.default_key_file(db_url))]
    assert server_main(["audit", "verify", "--db", db_url, *key]) == 0
    assert "audit chain holds" in capsys.readouterr().out
    tamper(app, "UPDATE audit_log SET detail = '{}' WHERE seq = 5")
    assert server_main(["audit", "verify", "--db", db_url, *key]) == 1
    assert "AUDIT CHAIN BROKEN: record 5 was altered" in capsys.readouterr().out
    assert server_main(["audit", "public-key", "--db", db_url, *key]) == 0
    assert capsys.readouterr().out.startswith("ed25519:")


def event_op(payload: dict) -> dict:
    return op(ENTITY, str(uuid.uuid4()), OP, payload)


def test_a_workstations_exports_go_in_under_the_tokens_account(client, tokens, app):
    results = send(client, tokens["duty_officer"], [
        event_op({"action": "export", "what": "report_pdf", "entity": "incident", "entity_id": "i-1",
                  "target": "首报.pdf", "count": 1}),
        event_op({"action": "print", "what": "report", "account": "commander"}),
        event_op({"action": "login", "what": "x"}),
        event_op({"action": "print", "what": "bad\x00name"}),
    ])
    assert [r["status"] for r in results] == ["applied", "rejected", "rejected", "rejected"]
    exported = [r for r in rows(app) if r["action"] == "export"]
    assert len(exported) == 1 and exported[0]["account"] == "duty" and exported[0]["workstation"] == "site-a"
    assert "首报.pdf" in exported[0]["detail"]
    again = send(client, tokens["duty_officer"], [{**event_op({"action": "print", "what": "r"}),
                                                   "op_id": results[0]["op_id"]}])
    assert again[0]["status"] == "duplicate" and len([r for r in rows(app) if r["action"] == "export"]) == 1


def test_only_admins_read_the_records(client, tokens, app):
    fill(client, tokens, 2)
    assert client.get(RECORDS_URL, headers=tokens["duty_officer"]).status_code == 403
    assert client.get(RECORDS_URL).status_code == 401
    page = client.get(RECORDS_URL, params={"action": "change", "limit": 3}, headers=tokens["admin"]).json()
    assert [r["action"] for r in page["records"]] == ["change"] * 3 and page["next_before"] is not None
    seqs = [r["seq"] for r in page["records"]]
    assert seqs == sorted(seqs, reverse=True)
    rest = client.get(RECORDS_URL, params={"action": "change", "before": page["next_before"]},
                      headers=tokens["admin"]).json()
    assert len(rest["records"]) == 1 and rest["next_before"] is None
    by_viewer = client.get(RECORDS_URL, params={"account": "view", "action": "login"}, headers=tokens["admin"])
    assert [r["account"] for r in by_viewer.json()["records"]] == ["view"]
    later = client.get(RECORDS_URL, params={"since": "2100-01-01T00:00:00"}, headers=tokens["admin"]).json()
    assert later["records"] == []
    assert client.get(RECORDS_URL, params={"since": "<script>"}, headers=tokens["admin"]).status_code == 422


def test_admin_commands_are_audited(db_url, app, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("A long password 1\n"))  # the password policy's 3 kinds
    assert server_main(["--db", db_url, "--set-password", "view"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert server_main(["--db", db_url, "--set-role", "view", "--role", "commander"]) == 0
    admin = [r for r in rows(app) if r["action"] == "admin"]
    assert [(r["entity_id"], r["account"].startswith("cli:")) for r in admin] == [("view", True)] * 2
    assert "A long password 1" not in str(admin) and '"role":"commander"' in admin[1]["detail"]


def test_replicas_append_one_chain(db_url, app, tmp_path, key_file, server_clock):
    """Two platform instances on one database, writing at once: one unbroken chain."""
    # replicas share a clock (sessions older than a token's life are pruned by either)
    other = create_app(db_url, key_file=key_file, gateway=LogGateway(tmp_path / "n2.log"), clock=server_clock)
    add_user(other.state.db, "duty2", PASSWORD, "duty_officer")
    errors: list[BaseException] = []

    def writer(instance, name: str) -> None:
        try:
            with TestClient(instance) as c:
                token = login(c, name).json()["access_token"]
                headers = {"Authorization": "Bearer " + token}
                for _ in range(15):
                    incident = incident_payload(code=f"2026-{next(CODES):04d}")
                    results = send(c, headers, [create_op(incident), entry_op(incident["id"])])
                    assert [r["status"] for r in results] == ["applied", "applied"], results
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(app, "duty")),
               threading.Thread(target=writer, args=(other, "duty2"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    result = verdict(app)
    assert result.ok and len([r for r in rows(app) if r["action"] == "change"]) == 60
    other.state.db.dispose()


def test_platform_routes_answer_on_the_api(client, tokens):
    assert client.get(API_PREFIX + "/audit/checkpoints", headers=tokens["duty_officer"]).status_code == 200


def test_roll_call_answers_and_wall_commands_are_audited(client, tokens, app):
    posted = client.post(API_PREFIX + "/rollcalls", json={"site_code": "CQ"}, headers=tokens["commander"]).json()
    result = send(client, tokens["duty_officer"], [op("rollcall", posted["id"], "advance",
                                                      {"step": "answer", "by": "陈晓"})])
    assert result[0]["status"] == "applied"
    pushed = client.post(API_PREFIX + "/walls/main/commands", headers=tokens["commander"],
                         json={"id": str(uuid.uuid4()), "kind": "focus_incident", "incident_id": "inc-1"})
    assert pushed.status_code == 200
    records = rows(app)
    [answered] = [r for r in records if r["action"] == "rollcall_answer"]
    assert (answered["account"], answered["entity_id"]) == ("duty", posted["id"]) and "陈晓" in answered["detail"]
    [wall] = [r for r in records if r["action"] == "wall_command"]
    assert (wall["account"], wall["entity_id"]) == ("cmd", "main") and "inc-1" in wall["detail"]
    assert verdict(app).ok


def test_the_platform_signs_checkpoints_on_its_timer(db_url, key_file, tmp_path):
    from tests.helpers import wait_until

    app = create_app(db_url, key_file=key_file, gateway=LogGateway(tmp_path / "n.log"), audit_every_s=0.1)
    add_user(app.state.db, "duty", PASSWORD, "duty_officer")
    with TestClient(app) as c:
        assert login(c, "duty").status_code == 200

        def signed():
            with app.state.db.engine.connect() as conn:
                return conn.execute(text("SELECT n, seq FROM audit_checkpoints")).all()

        wait_until(signed, 20, what="a checkpoint signed by the timer")
        assert signed()[0] == (1, 1)
        assert verdict(app).checkpoints == 1 and verdict(app).ok
