"""A plaintext mirror converted to SQLCipher in place: copied, verified, swapped, the
plaintext removed only after; interrupted at any step, the next start finds one
consistent mirror with every record in it."""

from __future__ import annotations

import sqlite3

import pytest

from offline_cache.database import open_mirror
from offline_cache.errors import StorageError
from offline_cache.mirror_connect import connect, is_plaintext
from offline_cache.mirror_convert import (
    ConversionFailed,
    convert,
    copy_path,
    plaintext_path,
    table_counts,
)
from offline_cache.mirror_key import Encryption, KdfParams, mirror_key
from services.incidents.deadlines import load_rules
from services.incidents.service import IncidentService
from services.incidents.taxonomy import load_taxonomy
from tests.helpers import draft

FAST = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
ENC = Encryption("passphrase", ask_passphrase=lambda new: "correct horse battery", kdf=FAST)
STEPS = ["take", "export", "verify", "link", "swap", "remove"]


class Stop(Exception):
    """The power failing at a step."""


def plaintext_mirror(path, clock, n=30) -> list[str]:
    m = open_mirror(path)
    svc = IncidentService(m, load_taxonomy(), load_rules(), site_code="CQ", clock=clock)
    ids = [svc.create_incident(draft(clock, title=f"明文事件 {k} 号"), "a").id for k in range(n)]
    m.close()
    return ids


def assert_whole(path, clock, ids) -> None:
    m = open_mirror(path, encryption=ENC)
    try:
        assert m.encrypted and not is_plaintext(path)
        svc = IncidentService(m, load_taxonomy(), load_rules(), site_code="CQ", clock=clock)
        assert {svc.get(i).id for i in ids} == set(ids)
        assert len(svc.search("明文事件")) == len(ids)
    finally:
        m.close()
    assert not copy_path(path).exists() and not plaintext_path(path).exists()
    assert "明文事件".encode() not in path.read_bytes()


def test_plaintext_mirror_is_converted_at_start(tmp_path, clock):
    path = tmp_path / "m.db"
    ids = plaintext_mirror(path, clock)
    con = sqlite3.connect(path)
    counts = table_counts(con)
    con.close()
    assert_whole(path, clock, ids)
    key = mirror_key(path, ENC)
    enc = connect(path, key)
    assert table_counts(enc) == counts
    enc.close()


@pytest.mark.parametrize("step", STEPS)
def test_interrupted_at_each_step_the_next_start_is_consistent(tmp_path, clock, step):
    path = tmp_path / "m.db"
    ids = plaintext_mirror(path, clock)
    key = mirror_key(path, ENC)  # the key record is written before any encrypted byte

    def stop_at(name):
        if name == step:
            raise Stop(name)

    with pytest.raises(Stop):
        convert(path, key, on_step=stop_at)
    # whatever it left, one of the two names holds all of it
    assert path.exists()
    assert_whole(path, clock, ids)


def test_a_half_written_copy_is_discarded(tmp_path, clock):
    path = tmp_path / "m.db"
    ids = plaintext_mirror(path, clock)
    key = mirror_key(path, ENC)

    def cut(name):
        if name == "verify":
            data = copy_path(path).read_bytes()
            copy_path(path).write_bytes(data[: len(data) // 2])
            raise Stop(name)

    with pytest.raises(Stop):
        convert(path, key, on_step=cut)
    assert is_plaintext(path)
    assert_whole(path, clock, ids)


def test_a_copy_that_does_not_match_is_refused_and_the_plaintext_stays(tmp_path, clock):
    path = tmp_path / "m.db"
    ids = plaintext_mirror(path, clock)
    key = mirror_key(path, ENC)

    def lose_a_row(name):
        if name == "verify":
            con = connect(copy_path(path), key)
            con.execute("DELETE FROM mirror_meta WHERE key = 'created_at'")
            con.commit()
            con.close()

    with pytest.raises(ConversionFailed):
        convert(path, key, on_step=lose_a_row)
    assert is_plaintext(path) and not copy_path(path).exists() and not plaintext_path(path).exists()
    assert_whole(path, clock, ids)


def test_swapped_but_the_encrypted_copy_damaged_falls_back_to_the_plaintext(tmp_path, clock):
    path = tmp_path / "m.db"
    ids = plaintext_mirror(path, clock)
    key = mirror_key(path, ENC)

    def stop(name):
        if name == "remove":
            raise Stop(name)

    with pytest.raises(Stop):
        convert(path, key, on_step=stop)
    data = bytearray(path.read_bytes())
    data[4096 * 2: 4096 * 2 + 64] = b"\xff" * 64  # a page of the encrypted copy ruined
    path.write_bytes(bytes(data))
    m = open_mirror(path, encryption=ENC)
    assert m.health.moved_aside_to is not None  # the damaged encrypted file, kept
    m.close()
    assert_whole(path, clock, ids)


def test_conversion_waits_for_no_other_program(tmp_path, clock):
    path = tmp_path / "m.db"
    plaintext_mirror(path, clock, n=2)
    other = sqlite3.connect(path)  # another process's reader, in WAL mode
    other.execute("PRAGMA journal_mode=WAL")
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM incidents").fetchone()
    try:
        with pytest.raises(StorageError):
            convert(path, mirror_key(path, ENC))
        assert is_plaintext(path) and not copy_path(path).exists()
    finally:
        other.close()


REKEY_STEPS = ["take", "export", "verify", "record", "swap", "promote"]
NEW = Encryption("passphrase", ask_passphrase=lambda new: "a new passphrase 2027", kdf=FAST)


def encrypted_mirror(path, clock) -> list[str]:
    ids = plaintext_mirror(path, clock, n=10)
    open_mirror(path, encryption=ENC).close()
    return ids


def opens_with(path, enc, clock, ids) -> bool:
    from offline_cache.mirror_key import MirrorKeyError

    try:
        m = open_mirror(path, encryption=enc)
    except MirrorKeyError:
        return False
    try:
        svc = IncidentService(m, load_taxonomy(), load_rules(), site_code="CQ", clock=clock)
        assert {svc.get(i).id for i in ids} == set(ids)
    finally:
        m.close()
    return True


def test_rekey_changes_the_passphrase(tmp_path, clock):
    from offline_cache.mirror_rekey import rekey

    path = tmp_path / "m.db"
    ids = encrypted_mirror(path, clock)
    rekey(path, ENC, NEW)
    assert not opens_with(path, ENC, clock, ids)
    assert opens_with(path, NEW, clock, ids)
    assert not copy_path(path).exists()


@pytest.mark.parametrize("step", REKEY_STEPS)
def test_rekey_interrupted_leaves_the_old_key_or_the_new(tmp_path, clock, step):
    from offline_cache.mirror_rekey import rekey

    path = tmp_path / "m.db"
    ids = encrypted_mirror(path, clock)

    def stop_at(name):
        if name == step:
            raise Stop(name)

    with pytest.raises(Stop):
        rekey(path, ENC, NEW, on_step=stop_at)
    swapped = REKEY_STEPS.index(step) > REKEY_STEPS.index("swap")
    assert opens_with(path, NEW if swapped else ENC, clock, ids)
    assert not opens_with(path, ENC if swapped else NEW, clock, ids)
    assert not copy_path(path).exists()


def test_the_entry_points_early_check_does_not_block_the_conversion(tmp_path, clock):
    from offline_cache.file_check import EarlyCheck

    path = tmp_path / "m.db"
    ids = plaintext_mirror(path, clock)
    (tmp_path / "m.db.clean").unlink(missing_ok=True)  # as after a crash: the early check reads it all
    m = open_mirror(path, early_check=EarlyCheck(path), encryption=ENC)
    m.close()
    assert_whole(path, clock, ids)


def test_a_stale_unreadable_key_record_beside_a_plaintext_mirror_is_kept_aside(tmp_path, clock):
    from offline_cache.mirror_key import record_path

    path = tmp_path / "m.db"
    ids = plaintext_mirror(path, clock, n=3)
    record_path(path).write_text("{half a record")
    assert_whole(path, clock, ids)
    assert [p.name for p in tmp_path.glob("m.db.key.json.*")]  # the old one, renamed
