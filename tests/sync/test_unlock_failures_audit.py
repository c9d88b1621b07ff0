"""Failed unlocks of an encrypted mirror reach the platform's audit (issue 18): kept
beside the mirror while it is locked (0600, bounded), queued after the next good
unlock with their times and count, uploaded under the token's account; the file
is cleared only after the mirror's commit. A garbled or huge file is ignored."""

from __future__ import annotations

import json
import logging
import stat
from datetime import timedelta

import pytest
from sqlalchemy import text

from offline_cache.database import open_mirror
from offline_cache.mirror_key import Encryption, KdfParams, MirrorKeyError
from offline_cache.unlock_failures import (
    MAX_BYTES,
    MAX_KEPT,
    failures_path,
    pending_failures,
    record_failure,
)
from services.audit.contract import MIRROR_UNLOCK_FAILED, payload_problem
from services.audit.unlock_failures import QUEUED_META, queue_unlock_failures
from tests.server.live_server import start_live_server
from tests.sync.livesync import add_users, make_client

CHEAP = KdfParams(1, 1024, 1)  # Argon2id at its cheapest: the tests are about the audit, not the KDF


def enc(passphrase: str) -> Encryption:
    return Encryption("passphrase", ask_passphrase=lambda new: passphrase, kdf=CHEAP)


RIGHT, WRONG = enc("the right passphrase"), enc("a wrong passphrase")


@pytest.fixture
def platform(tmp_path):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    yield live
    live.stop()


def made(tmp_path, clock):
    path = tmp_path / "a.db"
    open_mirror(path, encryption=RIGHT, now=clock.now()).close()
    return path


def fail(path, clock, times: int) -> None:
    for _ in range(times):
        clock.advance(timedelta(minutes=1))
        with pytest.raises(MirrorKeyError) as caught:
            open_mirror(path, encryption=WRONG, now=clock.now())
        assert caught.value.reason == "wrong_key"


def outbox_events(mirror) -> list[dict]:
    with mirror.read() as s:
        rows = s.execute(text("SELECT payload FROM outbox WHERE entity = 'audit_event' ORDER BY created_at")).all()
    return [json.loads(r[0]) for r in rows]


def test_wrong_passphrases_reach_the_platforms_audit(platform, tmp_path, clock):
    path = made(tmp_path, clock)
    first = clock.now() + timedelta(minutes=1)
    fail(path, clock, 3)
    kept = failures_path(path)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert [f.at for f in pending_failures(path)] == [first + timedelta(minutes=k) for k in range(3)]
    client = make_client(path, [platform.url], clock, encryption=RIGHT)
    try:
        assert queue_unlock_failures(client.mirror, clock) == 3
        assert not kept.exists()  # cleared after the commit
        assert queue_unlock_failures(client.mirror, clock) == 0
        assert client.sync()
        with platform.app.state.db.engine.begin() as conn:
            rows = conn.execute(text("SELECT action, account, detail FROM audit_log WHERE action = :a ORDER BY seq"),
                                {"a": MIRROR_UNLOCK_FAILED}).all()
    finally:
        client.close()
    assert [(r[0], r[1]) for r in rows] == [(MIRROR_UNLOCK_FAILED, "duty")] * 3
    details = [json.loads(r[2]) for r in rows]
    assert [d["what"] for d in details] == ["wrong_key"] * 3
    assert [d["count"] for d in details] == [1, 1, 1]
    assert sorted(d["client_at"] for d in details) == [
        (first + timedelta(minutes=k)).isoformat(timespec="milliseconds") for k in range(3)]


def test_the_file_is_bounded_and_counts_what_it_folded(tmp_path, clock):
    path = made(tmp_path, clock)
    first = clock.now()
    for k in range(MAX_KEPT + 7):
        record_failure(path, "wrong_key", first + timedelta(seconds=k))
    kept = pending_failures(path)
    assert len(kept) == MAX_KEPT and sum(f.count for f in kept) == MAX_KEPT + 7
    assert kept[0].at == first and kept[0].count == 8 and kept[-1].at == first + timedelta(seconds=MAX_KEPT + 6)
    assert failures_path(path).stat().st_size < MAX_BYTES
    mirror = open_mirror(path, encryption=RIGHT, now=clock.now())
    try:
        assert queue_unlock_failures(mirror, clock) == MAX_KEPT
        assert sum(e["count"] for e in outbox_events(mirror)) == MAX_KEPT + 7
        assert all(payload_problem(e) is None for e in outbox_events(mirror))
    finally:
        mirror.close()


def test_a_crash_before_the_clean_up_does_not_queue_twice(tmp_path, clock, monkeypatch):
    path = made(tmp_path, clock)
    fail(path, clock, 2)
    mirror = open_mirror(path, encryption=RIGHT, now=clock.now())
    try:
        import services.audit.unlock_failures as module

        monkeypatch.setattr(module, "forget_failures", lambda *a: None)  # the process died after the commit
        assert queue_unlock_failures(mirror, clock) == 2
        monkeypatch.undo()
        assert queue_unlock_failures(mirror, clock) == 0
        assert len(outbox_events(mirror)) == 2 and not failures_path(path).exists()
        assert len(json.loads(mirror.meta(QUEUED_META))) == 2
    finally:
        mirror.close()


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe garbage", b'{"failures": [{"id": "x"}]}',
                                     b'{"failures": "many"}', b"[" * 20_000, b" " * (MAX_BYTES + 1)])
def test_a_garbled_or_huge_file_is_ignored_with_a_log_line(tmp_path, clock, caplog, content):
    path = made(tmp_path, clock)
    failures_path(path).write_bytes(content)
    caplog.set_level(logging.WARNING)
    mirror = open_mirror(path, encryption=RIGHT, now=clock.now())
    try:
        assert queue_unlock_failures(mirror, clock) == 0
        assert outbox_events(mirror) == []
    finally:
        mirror.close()
    assert "unlock failures file" in caplog.text
    fail(path, clock, 1)  # a new failure starts a sound file again
    assert len(pending_failures(path)) == 1


def test_the_platform_refuses_a_malformed_unlock_event():
    good = {"action": MIRROR_UNLOCK_FAILED, "what": "wrong_key", "at": "2026-11-22T08:00:00.000+00:00", "count": 2}
    assert payload_problem(good) is None
    assert payload_problem({**good, "what": "anything"})
    assert payload_problem({**good, "count": 0})
    assert payload_problem({**good, "entity": "incident", "entity_id": "i-1"})


def test_the_encrypted_mirror_keeps_hmac_and_skips_memory_wiping(tmp_path, clock):
    """cipher_memory_security off for speed (the key lives in this process anyway), HMAC on."""
    mirror = open_mirror(made(tmp_path, clock), encryption=RIGHT, now=clock.now())
    try:
        with mirror.engine.connect() as con:
            assert str(con.exec_driver_sql("PRAGMA cipher_memory_security").scalar()) == "0"
            assert str(con.exec_driver_sql("PRAGMA cipher_use_hmac").scalar()) == "1"
            assert str(con.exec_driver_sql("PRAGMA secure_delete").scalar()) == "1"  # purged records stay gone
    finally:
        mirror.close()
