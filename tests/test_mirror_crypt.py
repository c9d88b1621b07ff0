"""The encrypted mirror: SQLCipher under a raw key from the keyring or a passphrase,
search (FTS5) and the map's R*Tree on it, no record's text in the file's bytes,
a wrong key told apart from a damaged file and never moved aside."""

from __future__ import annotations

import json
import random

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from offline_cache.database import open_mirror
from offline_cache.file_check import WrongKey, check_file
from offline_cache.mirror_connect import connect, key_pragma, missing_options
from offline_cache.mirror_key import Encryption, KdfParams, MirrorKeyError, record_path
from services.incidents.deadlines import load_rules
from services.incidents.service import IncidentService
from services.incidents.taxonomy import load_taxonomy
from services.resources.store import ResourceStore
from tests.helpers import draft
from tests.helpers import resource_record as record

FAST = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)  # the real cost is in the benchmark
TITLE = "沙坪坝区某化工厂氯气泄漏密级测试"


def passphrase(value: str = "correct horse battery", asked: list | None = None) -> Encryption:
    def ask(new: bool) -> str:
        if asked is not None:
            asked.append(new)
        return value

    return Encryption("passphrase", ask_passphrase=ask, kdf=FAST)


class MemoryKeyring(KeyringBackend):
    """A keyring for the tests: this machine has no backend of its own."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def incidents(mirror, clock) -> IncidentService:
    return IncidentService(mirror, load_taxonomy(), load_rules(), site_code="CQ", clock=clock)


def test_encrypted_mirror_reads_and_writes_and_hides_its_text(tmp_path, clock):
    path = tmp_path / "m.db"
    m = open_mirror(path, encryption=passphrase())
    assert m.encrypted
    inc = incidents(m, clock).create_incident(draft(clock, title=TITLE), "值班员")
    with m.engine.connect() as con:
        assert con.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert con.exec_driver_sql("PRAGMA cipher_version").scalar()
    m.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("m.db") and p.is_file())
    assert TITLE.encode("utf-8") not in raw and "氯气".encode() not in raw
    assert not path.read_bytes().startswith(b"SQLite format 3")
    m2 = open_mirror(path, encryption=passphrase())
    assert incidents(m2, clock).get(inc.id).title == TITLE
    m2.close()


def test_full_text_search_and_rtree_work_encrypted(tmp_path, clock, events):
    m = open_mirror(tmp_path / "m.db", encryption=passphrase())
    svc = incidents(m, clock)
    inc = svc.create_incident(draft(clock, title=TITLE), "值班员")
    assert [i.id for i in svc.search("氯气泄漏")] == [inc.id]
    store = ResourceStore(m, events, clock)
    rng = random.Random(5)
    store.save_many([record(rng, n) for n in range(200)])
    near = store.nearest(29.6, 106.5, limit=5)
    assert len(near) == 5 and [d for _, d in near] == sorted(d for _, d in near)
    with m.engine.connect() as con:
        assert con.exec_driver_sql("SELECT count(*) FROM resource_rtree").scalar() == 200
        assert missing_options(con.connection.dbapi_connection) == []
    raw = m.raw_connection()  # the bulk path is keyed too
    assert raw.execute("SELECT count(*) FROM incidents").fetchone()[0] == 1
    raw.close()
    m.close()


def test_wrong_passphrase_is_told_and_the_file_stays(tmp_path, clock):
    path = tmp_path / "m.db"
    m = open_mirror(path, encryption=passphrase())
    incidents(m, clock).create_incident(draft(clock, title=TITLE), "a")
    m.close()
    before = path.read_bytes()
    with pytest.raises(MirrorKeyError) as err:
        open_mirror(path, encryption=passphrase("not the passphrase"))
    assert err.value.reason == "wrong_key"
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if "corrupt" in p.name]


def test_a_key_record_from_another_mirror_is_a_wrong_key_not_damage(tmp_path):
    """Even past the check value (a record copied from another mirror), a page 1 that does not
    decrypt is a wrong key: the file stays where it is."""
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    open_mirror(a, encryption=passphrase()).close()
    open_mirror(b, encryption=passphrase()).close()
    record_path(a).write_text(record_path(b).read_text())  # b's salt: the check passes, a's pages do not open
    with pytest.raises(MirrorKeyError) as err:
        open_mirror(a, encryption=passphrase())
    assert err.value.reason == "wrong_key"
    assert a.exists() and not [p for p in tmp_path.iterdir() if "corrupt" in p.name]


def test_check_file_tells_wrong_key_from_damage(tmp_path):
    path = tmp_path / "m.db"
    key = bytes(range(32))
    con = connect(path, key)
    con.execute("CREATE TABLE t(x)")
    con.executemany("INSERT INTO t VALUES (?)", [("x" * 500,)] * 200)
    con.commit()
    con.close()
    assert check_file(path, key) == ""
    with pytest.raises(WrongKey):
        check_file(path, bytes(32))
    data = bytearray(path.read_bytes())
    data[4096 * 3 + 100: 4096 * 3 + 200] = b"\0" * 100  # a page past the first: real damage
    path.write_bytes(bytes(data))
    assert check_file(path, key) != ""


def test_encryption_off_refuses_an_encrypted_mirror(tmp_path):
    path = tmp_path / "m.db"
    open_mirror(path, encryption=passphrase()).close()
    with pytest.raises(MirrorKeyError) as err:
        open_mirror(path)
    assert err.value.reason == "encrypted_but_off"
    assert not [p for p in tmp_path.iterdir() if "corrupt" in p.name]


def test_no_key_record_beside_an_encrypted_mirror(tmp_path):
    path = tmp_path / "m.db"
    open_mirror(path, encryption=passphrase()).close()
    record_path(path).unlink()
    with pytest.raises(MirrorKeyError) as err:
        open_mirror(path, encryption=passphrase())
    assert err.value.reason == "no_key_record"
    assert path.exists()


def test_passphrase_is_asked_new_then_existing_and_kept_as_argon2id(tmp_path):
    path = tmp_path / "m.db"
    asked: list[bool] = []
    open_mirror(path, encryption=passphrase(asked=asked)).close()
    open_mirror(path, encryption=passphrase(asked=asked)).close()
    assert asked == [True, False]
    doc = json.loads(record_path(path).read_text())
    assert doc["mode"] == "passphrase" and doc["kdf"]["name"] == "argon2id"
    assert len(bytes.fromhex(doc["kdf"]["salt"])) == 16
    assert "correct horse" not in record_path(path).read_text()
    assert record_path(path).stat().st_mode & 0o777 == 0o600


def test_cancelled_or_short_passphrase(tmp_path):
    with pytest.raises(MirrorKeyError) as err:
        open_mirror(tmp_path / "m.db", encryption=Encryption("passphrase", ask_passphrase=lambda new: None, kdf=FAST))
    assert err.value.reason == "no_passphrase"
    with pytest.raises(MirrorKeyError) as err:
        open_mirror(tmp_path / "m.db", encryption=passphrase("short"))
    assert err.value.reason == "weak_passphrase"
    assert not (tmp_path / "m.db").exists()


def test_keyring_keeps_a_random_raw_key(tmp_path, clock, memory_keyring):
    path = tmp_path / "m.db"
    m = open_mirror(path, encryption=Encryption("keyring"))
    inc = incidents(m, clock).create_incident(draft(clock, title=TITLE), "a")
    m.close()
    doc = json.loads(record_path(path).read_text())
    stored = memory_keyring.items[(doc["service"], doc["key_id"])]
    assert len(bytes.fromhex(stored)) == 32
    assert stored not in record_path(path).read_text()
    m = open_mirror(path, encryption=Encryption("keyring"))
    assert incidents(m, clock).get(inc.id).title == TITLE
    m.close()
    memory_keyring.items.clear()
    with pytest.raises(MirrorKeyError) as err:
        open_mirror(path, encryption=Encryption("keyring"))
    assert err.value.reason == "keyring_missing"


def test_no_keyring_backend_is_a_clear_refusal(tmp_path):
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(MirrorKeyError) as err:
            open_mirror(tmp_path / "m.db", encryption=Encryption("keyring"))
    finally:
        keyring.set_keyring(before)
    assert err.value.reason == "no_keyring"
    assert not (tmp_path / "m.db").exists()


def test_mode_changed_in_the_config_is_refused(tmp_path, memory_keyring):
    path = tmp_path / "m.db"
    open_mirror(path, encryption=passphrase()).close()
    with pytest.raises(MirrorKeyError) as err:
        open_mirror(path, encryption=Encryption("keyring"))
    assert err.value.reason == "mode_mismatch"


def test_key_pragma_is_a_raw_hex_key_only():
    assert key_pragma(bytes(range(32))) == "PRAGMA key = \"x'" + bytes(range(32)).hex() + "'\""
    for bad in (b"short", "correct horse battery staple 12", bytes(33)):
        with pytest.raises(ValueError):
            key_pragma(bad)


def test_rekey_from_the_keyring_to_a_passphrase_forgets_the_keyring_entry(tmp_path, clock, memory_keyring):
    from offline_cache.mirror_rekey import rekey

    path = tmp_path / "m.db"
    m = open_mirror(path, encryption=Encryption("keyring"))
    inc = incidents(m, clock).create_incident(draft(clock, title=TITLE), "a")
    m.close()
    assert len(memory_keyring.items) == 1
    rekey(path, Encryption("keyring"), passphrase("moved to a passphrase"))
    assert memory_keyring.items == {}
    m = open_mirror(path, encryption=passphrase("moved to a passphrase"))
    assert incidents(m, clock).get(inc.id).title == TITLE
    m.close()


def test_an_edited_key_record_is_refused_not_obeyed(tmp_path):
    """A record asking Argon2id for 2 TiB must not take the machine's memory at start."""
    path = tmp_path / "m.db"
    open_mirror(path, encryption=passphrase()).close()
    doc = json.loads(record_path(path).read_text())
    doc["kdf"]["memory_kib"] = 2**31
    record_path(path).write_text(json.dumps(doc))
    with pytest.raises(MirrorKeyError) as err:
        open_mirror(path, encryption=passphrase())
    assert err.value.reason == "bad_key_record"
    record_path(path).write_text("{not json")
    with pytest.raises(MirrorKeyError) as err:
        open_mirror(path, encryption=passphrase())
    assert err.value.reason == "bad_key_record"
    assert path.exists() and not list(tmp_path.glob("m.corrupt-*"))
