"""The workstation's command-line side of the audit: `watchroom cot-export`
queues its export for the platform's audit, and `watchroom audit-key` shows and
(only when told) forgets the pinned checkpoint key."""

from __future__ import annotations

import json

from sqlalchemy import text

from app.cli import main as cli_main
from offline_cache.database import open_mirror
from services.audit import checkpoints
from tests.helpers import headless_config


def audit_ops(path) -> list[dict]:
    mirror = open_mirror(path)
    try:
        with mirror.read() as s:
            return [json.loads(p) for (p,) in s.execute(text(
                "SELECT payload FROM outbox WHERE entity = 'audit_event' ORDER BY seq"))]
    finally:
        mirror.close()


def test_a_cot_export_is_queued_for_the_audit(tmp_path, mirror):
    path = mirror.path
    mirror.close()
    config = headless_config(tmp_path / "k.toml", path, "http://127.0.0.1:9")
    out = tmp_path / "secret folder" / "room.cot"
    out.parent.mkdir()
    assert cli_main(["--config", str(config), "cot-export", "--file", str(out)]) == 0
    [op] = audit_ops(path)
    assert (op["action"], op["what"], op["target"]) == ("export", "cot", "room.cot")  # the name, not the folder


def test_the_pinned_key_is_shown_and_forgotten_only_when_told(tmp_path, mirror, capsys):
    mirror.set_meta([(checkpoints.KEY_META + "cluster-1", "ed25519:" + "ab" * 32)])
    path = mirror.path
    mirror.close()
    config = headless_config(tmp_path / "k.toml", path, "http://127.0.0.1:9")
    assert cli_main(["--config", str(config), "audit-key"]) == 0
    assert "cluster-1: ed25519:" + "ab" * 32 in capsys.readouterr().out
    assert cli_main(["--config", str(config), "audit-key", "--accept-new-key"]) == 0
    mirror = open_mirror(path)
    try:
        assert checkpoints.pins(mirror) == {}
    finally:
        mirror.close()
    from app.main import main as watchroom

    assert watchroom(["--config", str(config), "audit-key"]) == 0  # `watchroom audit-key`, as typed
    assert "no key pinned yet" in capsys.readouterr().out
