"""Where an encrypted mirror's key comes from: the OS keyring, or a passphrase.

Beside the mirror lies `<mirror>.key.json` (0600, not secret): which way the key
is kept, the keyring entry's id or the passphrase's salt and Argon2id parameters,
and a check value (an HMAC under the key) that tells a wrong key from a damaged
file before SQLCipher is asked anything. The key itself is 32 random bytes (keyring)
or Argon2id's 32-byte output (passphrase); it is never written to disk."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from offline_cache.errors import StorageError, StorageProblem
from offline_cache.mirror_connect import KEY_BYTES

MODES = ("off", "keyring", "passphrase")
KEYRING_SERVICE = "Watchroom mirror"
MIN_PASSPHRASE = 8
_CHECK_LABEL = b"watchroom mirror key check v1"


class MirrorKeyError(StorageError):
    """The mirror could not be opened for want of its key; the file is untouched.

    `reason` says why, for the entry points' messages: wrong_key, no_passphrase,
    weak_passphrase, no_keyring, keyring_missing, encrypted_but_off, mode_mismatch,
    no_key_record, bad_key_record, not_encrypted, missing_features."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(StorageProblem.KEY, detail or reason)
        self.reason = reason


@dataclass(frozen=True)
class KdfParams:
    """Argon2id's cost, RFC 9106's second choice (t=3, 64 MiB, 4 lanes): about
    0.3 s on a duty laptop, so each guess at a stolen mirror costs as much."""

    time_cost: int = 3
    memory_kib: int = 65536
    parallelism: int = 4


@dataclass(frozen=True)
class Encryption:
    """[mirror] encryption, and how to ask for a passphrase (new=True: choose one)."""

    mode: str = "off"
    ask_passphrase: Callable[[bool], str | None] | None = None
    keyring_service: str = KEYRING_SERVICE
    kdf: KdfParams = field(default_factory=KdfParams)

    @property
    def on(self) -> bool:
        return self.mode != "off"


def record_path(mirror: Path) -> Path:
    return Path(mirror).with_name(Path(mirror).name + ".key.json")


def derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """The raw key from a passphrase: Argon2id, memory-hard."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(passphrase.encode("utf-8"), salt, time_cost=params.time_cost,
                           memory_cost=params.memory_kib, parallelism=params.parallelism,
                           hash_len=KEY_BYTES, type=Type.ID)


def check_value(key: bytes) -> str:
    return hmac.new(key, _CHECK_LABEL, hashlib.sha256).hexdigest()


def load_record(mirror: Path) -> dict | None:
    try:
        doc = json.loads(record_path(mirror).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise MirrorKeyError("bad_key_record", f"{record_path(mirror)}: {exc}") from exc
    if not isinstance(doc, dict) or doc.get("mode") not in ("keyring", "passphrase"):
        raise MirrorKeyError("bad_key_record", f"{record_path(mirror)}: not a key record")
    return doc


def pending_record_path(mirror: Path) -> Path:
    """The record of a new key while a re-key swaps files (offline_cache/mirror_rekey.py)."""
    return Path(mirror).with_name(Path(mirror).name + ".key.json.new")


def save_record(mirror: Path, doc: dict, target: Path | None = None) -> None:
    """Written whole (temporary file, fsync, rename) before any encrypted byte exists."""
    target = target or record_path(mirror)
    tmp = target.with_name(target.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(doc, fh, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    sync_dir(target.parent)


def sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def forget_record(mirror: Path) -> None:
    record_path(mirror).unlink(missing_ok=True)


def _keyring():
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    return keyring, KeyringError, NoKeyringError


def _keyring_get(service: str, key_id: str) -> bytes:
    keyring, keyring_error, no_keyring = _keyring()
    try:
        stored = keyring.get_password(service, key_id)
    except no_keyring as exc:
        raise MirrorKeyError("no_keyring", str(exc)) from exc
    except keyring_error as exc:
        raise MirrorKeyError("no_keyring", str(exc)) from exc
    if not stored:
        raise MirrorKeyError("keyring_missing", f"{service}/{key_id}")
    try:
        key = bytes.fromhex(stored)
    except ValueError as exc:
        raise MirrorKeyError("keyring_missing", "the keyring entry is not a key") from exc
    if len(key) != KEY_BYTES:
        raise MirrorKeyError("keyring_missing", "the keyring entry is not a key")
    return key


def _keyring_new(service: str) -> tuple[str, bytes]:
    keyring, keyring_error, no_keyring = _keyring()
    key_id = str(uuid.uuid4())
    key = secrets.token_bytes(KEY_BYTES)
    try:
        keyring.set_password(service, key_id, key.hex())
    except no_keyring as exc:
        raise MirrorKeyError("no_keyring", str(exc)) from exc
    except keyring_error as exc:
        raise MirrorKeyError("no_keyring", str(exc)) from exc
    return key_id, key


def _ask(enc: Encryption, new: bool) -> str:
    passphrase = enc.ask_passphrase(new) if enc.ask_passphrase is not None else None
    if passphrase is None:
        raise MirrorKeyError("no_passphrase")
    if new and len(passphrase) < MIN_PASSPHRASE:
        raise MirrorKeyError("weak_passphrase")
    return passphrase


def new_key(mirror: Path, enc: Encryption) -> bytes:
    """A key for a mirror that has none yet; its record is on disk when this returns."""
    key, doc = make_key(enc)
    save_record(mirror, doc)
    return key


def make_key(enc: Encryption) -> tuple[bytes, dict]:
    """A new key and the record that finds it again (not yet saved)."""
    if enc.mode == "keyring":
        key_id, key = _keyring_new(enc.keyring_service)
        doc = {"version": 1, "mode": "keyring", "service": enc.keyring_service, "key_id": key_id}
    else:
        passphrase = _ask(enc, new=True)
        salt = secrets.token_bytes(16)
        params = enc.kdf
        key = derive(passphrase, salt, params)
        doc = {"version": 1, "mode": "passphrase",
               "kdf": {"name": "argon2id", "salt": salt.hex(), "time_cost": params.time_cost,
                       "memory_kib": params.memory_kib, "parallelism": params.parallelism}}
    doc["check"] = check_value(key)
    return key, doc


def _sane(params: KdfParams, salt: bytes) -> bool:
    return (1 <= params.time_cost <= 20 and 8 * params.parallelism <= params.memory_kib <= 1 << 20
            and 1 <= params.parallelism <= 16 and 8 <= len(salt) <= 64)


def existing_key(mirror: Path, enc: Encryption, doc: dict) -> bytes:
    """The key the record describes, checked against its check value."""
    if doc["mode"] != enc.mode:
        raise MirrorKeyError("mode_mismatch", f"{doc['mode']} != {enc.mode}")
    if doc["mode"] == "keyring":
        key = _keyring_get(str(doc.get("service") or enc.keyring_service), str(doc.get("key_id", "")))
    else:
        try:
            kdf = doc["kdf"]
            params = KdfParams(int(kdf["time_cost"]), int(kdf["memory_kib"]), int(kdf["parallelism"]))
            salt = bytes.fromhex(kdf["salt"])
        except (KeyError, TypeError, ValueError) as exc:
            raise MirrorKeyError("bad_key_record", f"{record_path(mirror)}: {exc}") from exc
        if not _sane(params, salt):  # an edited record must not make the start take all memory
            raise MirrorKeyError("bad_key_record", f"{record_path(mirror)}: KDF parameters out of range")
        key = derive(_ask(enc, new=False), salt, params)
    if not hmac.compare_digest(check_value(key), str(doc.get("check", ""))):
        raise MirrorKeyError("wrong_key")
    return key


def mirror_key(mirror: Path, enc: Encryption) -> bytes:
    """The key of the mirror at `mirror`, made on first use."""
    doc = load_record(mirror)
    return new_key(mirror, enc) if doc is None else existing_key(mirror, enc, doc)
