"""The audit between a workstation and a live platform (issue 18, item 5): the
workstation keeps the signed checkpoints it has seen and catches a platform
whose history was rewritten (re-hashed and re-signed with the platform's own
key), a forged checkpoint, a dropped one and a swapped key; its own exports
and prints reach the platform's audit under the token's account."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from server import audit_sign
from services.audit import checkpoints
from services.audit.checkpoints import CheckpointWatch
from services.audit.local_events import LocalAudit
from services.sync import outbox_store
from tests.helpers import draft
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client


@pytest.fixture
def platform(tmp_path):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    yield live
    live.stop()


@pytest.fixture
def client(platform, tmp_path, clock):
    c = make_client(tmp_path / "a.db", [platform.url], clock)
    found: list[checkpoints.Finding] = []
    c.watch = CheckpointWatch(c.mirror, found.append, every_s=0)
    c.engine.after_exchange = (c.watch,)
    c.found = found
    yield c
    c.close()


def sign(platform) -> dict:
    made = audit_sign.make_checkpoint(platform.app.state.db, platform.app.state.audit_signer,
                                      "2026-11-22T08:00:00.000+00:00")
    assert made is not None
    return made


def write(platform, sql: str, **params) -> None:
    with platform.app.state.db.engine.begin() as conn:
        conn.execute(text(sql), params)


def kept(c) -> list[tuple[int, int, str]]:
    with c.mirror.read() as s:
        return [tuple(r) for r in s.execute(text("SELECT n, seq, hash FROM audit_checkpoints ORDER BY n"))]


def some_work(c, clock) -> None:
    c.incidents.create_incident(draft(clock), "duty")
    assert c.sync()


def test_checkpoints_are_kept_and_agree(platform, client, clock):
    some_work(client, clock)
    first = sign(platform)
    assert client.sync()
    some_work(client, clock)
    second = sign(platform)
    assert client.sync() and client.sync()
    assert kept(client) == [(1, first["seq"], first["hash"]), (2, second["seq"], second["hash"])]
    assert all(f.ok for f in client.found) and client.found
    key = client.mirror.meta(checkpoints.KEY_META + platform.app.state.cluster_id)
    assert key == "ed25519:" + platform.app.state.audit_signer.public_key


def test_a_rewritten_history_is_caught(platform, client, clock, caplog):
    """Whoever rewrote the log also holds the key and re-signed checkpoint 1: the
    signature is good, but this workstation kept the old hash."""
    some_work(client, clock)
    first = sign(platform)
    assert client.sync()
    signer = platform.app.state.audit_signer
    forged_hash = "f" * 64
    write(platform, "UPDATE audit_checkpoints SET hash = :h, signature = :s WHERE n = 1", h=forged_hash,
          s=signer.sign(audit_sign.message(1, first["seq"], forged_hash, first["at"])))
    assert client.sync()  # the exchange itself goes on: local work is never blocked
    assert client.found[-1].problem == checkpoints.REWRITTEN and client.found[-1].n == 1
    assert "AUDIT" in caplog.text and "rewritten" in caplog.text
    assert kept(client)[0][2] == first["hash"]  # what it kept is not overwritten


def test_a_forged_signature_is_caught(platform, client, clock):
    some_work(client, clock)
    sign(platform)
    assert client.sync()
    some_work(client, clock)
    second = sign(platform)
    write(platform, "UPDATE audit_checkpoints SET signature = :s WHERE n = 2",
          s=audit_sign.new_signer("ed25519").sign(audit_sign.message(2, second["seq"], second["hash"],
                                                                       second["at"])))
    assert client.sync()
    assert client.found[-1].problem == checkpoints.BAD_SIGNATURE and client.found[-1].n == 2
    assert [n for n, _s, _h in kept(client)] == [1]


def test_a_dropped_checkpoint_is_caught(platform, client, clock):
    some_work(client, clock)
    sign(platform)
    assert client.sync()
    write(platform, "DELETE FROM audit_checkpoints WHERE n = 1")
    assert client.sync()
    assert client.found[-1].problem == checkpoints.REWRITTEN


def test_a_swapped_key_is_caught(platform, client, clock):
    some_work(client, clock)
    sign(platform)
    assert client.sync()
    platform.app.state.audit_signer = audit_sign.new_signer("ed25519")
    assert client.sync()
    assert client.found[-1].problem == checkpoints.KEY_CHANGED


def test_exports_and_prints_reach_the_platforms_audit(platform, client, clock):
    local = LocalAudit(client.mirror, clock)
    local.record("export", "report_pdf", "incident", "i-1", "/home/duty/报告/首报.pdf", 1)
    local.record("print", "report", "incident", "i-1")
    assert client.sync()
    assert outbox_store.count_by_state(client.mirror).get("queued", 0) == 0
    with platform.app.state.db.engine.connect() as conn:
        rows = conn.execute(text("SELECT action, account, workstation, detail FROM audit_log "
                                 "WHERE action IN ('export', 'print') ORDER BY seq")).all()
    assert [(r[0], r[1]) for r in rows] == [("export", "duty"), ("print", "duty")]
    assert rows[0][2] == client.engine.client_id
    detail = json.loads(rows[0][3])
    assert detail["target"] == "首报.pdf" and detail["what"] == "report_pdf"  # the file's name, not its folder


def test_a_rotated_key_is_accepted_only_when_told(platform, client, clock):
    some_work(client, clock)
    sign(platform)
    assert client.sync()
    platform.app.state.audit_signer = audit_sign.new_signer("ed25519")  # the officer rotated it
    some_work(client, clock)
    sign(platform)
    assert client.sync()
    assert client.found[-1].problem == checkpoints.KEY_CHANGED
    cluster = platform.app.state.cluster_id
    assert checkpoints.pins(client.mirror)[cluster][0] == "ed25519"
    checkpoints.unpin(client.mirror)  # `watchroom audit-key --accept-new-key`
    assert client.sync() and client.sync()  # the old checkpoint is compared as kept, the new one verified
    assert client.found[-1].ok and [n for n, _s, _h in kept(client)] == [1, 2]
    assert checkpoints.pins(client.mirror)[cluster][1] == platform.app.state.audit_signer.public_key


def test_at_most_one_check_a_minute(platform, client, clock):
    """Exchanges come with every local write; the checkpoints are compared once a minute."""
    client.watch.every_s = 60
    some_work(client, clock)
    some_work(client, clock)
    assert client.sync()
    assert len(client.found) == 1
