"""A wrong passphrase given to a headless command is kept beside the mirror, and
the next command that unlocks it queues it for the platform's audit (issue 18)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(cfg: Path, *args: str, passphrase: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, WATCHROOM_MIRROR_PASSPHRASE=passphrase)
    return subprocess.run([sys.executable, "-m", "app", "--config", str(cfg), *args], cwd=ROOT, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


def test_a_wrong_passphrase_is_queued_by_the_next_unlock(tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text(f'config_version = 1\n[site]\ncode = "CQ"\n[mirror]\npath = "{tmp_path / "m.db"}"\n'
                   f'encryption = "passphrase"\n[logging]\nfile = "{tmp_path / "w.log"}"\n', encoding="utf-8")
    first = run(cfg, "status", "--json", passphrase="shelter laptop 7")
    assert first.returncode == 0, first.stderr
    assert run(cfg, "status", passphrase="shelter laptop 8").returncode == 3
    kept = tmp_path / "m.db.unlock-failures"
    assert [f["reason"] for f in json.loads(kept.read_text())["failures"]] == ["wrong_key"]
    after = run(cfg, "status", "--json", passphrase="shelter laptop 7")
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout)["pending"] == json.loads(first.stdout)["pending"] + 1
    assert not kept.exists()
