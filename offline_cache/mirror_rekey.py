"""A new key for an encrypted mirror (a passphrase changed, a keyring key rotated,
one mode for the other), the same way as the conversion: copy under the new key,
verify, then swap. The new key's record waits as `.key.json.new` beside the
verified copy and follows the file at the swap, so an interruption leaves either
the old file and record or the new ones (offline_cache.mirror_convert.recover)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from offline_cache.database import creation_lock
from offline_cache.file_check import forget_clean
from offline_cache.mirror_convert import (
    Step,
    copy_path,
    export,
    recover,
    remove_with_sidecars,
    take,
    verify,
)
from offline_cache.mirror_key import (
    Encryption,
    MirrorKeyError,
    existing_key,
    load_record,
    make_key,
    pending_record_path,
    record_path,
    save_record,
    sync_dir,
)
from offline_cache.mirror_unlock import is_encrypted

log = logging.getLogger(__name__)


def _forget_keyring_entry(doc: dict) -> None:
    """The old key's keyring entry, once nothing needs it (best effort)."""
    if doc.get("mode") != "keyring":
        return
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.delete_password(str(doc.get("service")), str(doc.get("key_id")))
    except (ImportError, KeyringError) as exc:
        log.warning("the old mirror key's keyring entry was not removed: %s", exc)


def rekey(path: Path, old: Encryption, new: Encryption, on_step: Step | None = None) -> None:
    """The encrypted mirror at `path` re-encrypted under a key made as `new` says."""
    step = on_step or (lambda _name: None)
    path = Path(path)
    with creation_lock(path):
        recover(path)
        if not is_encrypted(path):
            raise MirrorKeyError("not_encrypted", str(path))
        old_doc = load_record(path)
        old_key = existing_key(path, old, old_doc)
        new_key, new_doc = make_key(new)
        copy = copy_path(path)
        remove_with_sidecars(copy)
        step("take")
        counts, user_version = take(path, old_key)
        step("export")
        export(path, copy, new_key, user_version, source_key=old_key)
        step("verify")
        try:
            verify(copy, new_key, counts, user_version)
        except BaseException:
            remove_with_sidecars(copy)
            raise
        os.chmod(copy, 0o600)
        step("record")
        save_record(path, new_doc, pending_record_path(path))
        step("swap")
        forget_clean(path)
        os.replace(copy, path)
        sync_dir(path.parent)
        step("promote")
        os.replace(pending_record_path(path), record_path(path))
        sync_dir(path.parent)
    _forget_keyring_entry(old_doc)
    log.info("mirror %s: re-encrypted under a new key (%s)", path, new.mode)
