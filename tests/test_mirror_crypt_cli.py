"""The headless commands on an encrypted mirror: the passphrase from the environment
(a service unit's credential), a plaintext mirror converted when the config turns
encryption on, and the Chinese refusals of a wrong or missing passphrase."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TITLE = "江北区某小区燃气爆炸加密验证"


def run(cfg: Path, *args: str, passphrase: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "WATCHROOM_MIRROR_PASSPHRASE"}
    if passphrase is not None:
        env["WATCHROOM_MIRROR_PASSPHRASE"] = passphrase
    return subprocess.run([sys.executable, "-m", "app", "--config", str(cfg), *args], cwd=ROOT, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


def config(folder: Path, encryption: str) -> Path:
    cfg = folder / "c.toml"
    cfg.write_text(f'config_version = 1\n[site]\ncode = "CQ"\n[mirror]\npath = "{folder / "m.db"}"\n'
                   f'encryption = "{encryption}"\n[logging]\nfile = "{folder / "w.log"}"\n', encoding="utf-8")
    return cfg


def test_headless_commands_convert_and_use_an_encrypted_mirror(tmp_path):
    plain = run(config(tmp_path, "off"), "log", "incident", "--title", TITLE, "--category", "accident")
    assert plain.returncode == 0, plain.stderr
    assert TITLE.encode() in b"".join(p.read_bytes() for p in tmp_path.glob("m.db*") if p.is_file())
    cfg = config(tmp_path, "passphrase")
    status = run(cfg, "status", "--json", passphrase="shelter laptop 7")
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["pending"] >= 1 and json.loads(status.stdout)["encrypted"] is True
    data = b"".join(p.read_bytes() for p in tmp_path.glob("m.db*") if p.is_file())
    assert TITLE.encode() not in data
    second = run(cfg, "log", "incident", "--title", "第二起", "--category", "accident", passphrase="shelter laptop 7")
    assert second.returncode == 0, second.stderr
    assert json.loads(second.stdout)["code"] == "CQ-2026-0002"


def test_headless_wrong_or_missing_passphrase_is_refused_in_chinese(tmp_path):
    cfg = config(tmp_path, "passphrase")
    assert run(cfg, "status", passphrase="shelter laptop 7").returncode == 0
    before = (tmp_path / "m.db").read_bytes()
    wrong = run(cfg, "status", passphrase="shelter laptop 8")
    assert wrong.returncode == 3 and "口令或密钥错误" in wrong.stderr
    missing = run(cfg, "status")
    assert missing.returncode == 3 and "WATCHROOM_MIRROR_PASSPHRASE" in missing.stderr
    off = run(config(tmp_path, "off"), "status")
    assert off.returncode == 3 and "已加密" in off.stderr
    assert (tmp_path / "m.db").read_bytes() == before
    assert not list(tmp_path.glob("m.corrupt-*"))


def test_unknown_encryption_mode_is_a_config_error(tmp_path):
    bad = run(config(tmp_path, "aes"), "status")
    assert bad.returncode == 2 and "mirror.encryption" in bad.stderr


def test_rekey_command_changes_the_passphrase(tmp_path):
    cfg = config(tmp_path, "passphrase")
    assert run(cfg, "log", "incident", "--title", TITLE, "--category", "accident",
               passphrase="shelter laptop 7").returncode == 0
    env_new = dict(os.environ, WATCHROOM_MIRROR_PASSPHRASE="shelter laptop 7",
                   WATCHROOM_MIRROR_NEW_PASSPHRASE="rotated passphrase 2027")
    done = subprocess.run([sys.executable, "-m", "app", "--config", str(cfg), "rekey"], cwd=ROOT, env=env_new,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "重新加密" in done.stdout
    assert run(cfg, "status", passphrase="shelter laptop 7").returncode == 3
    status = run(cfg, "status", "--json", passphrase="rotated passphrase 2027")
    assert status.returncode == 0 and json.loads(status.stdout)["pending"] >= 1
