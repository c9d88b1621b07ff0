"""What a frozen build (packaging/) relies on, checked from the checkout: resources
found under the bundle's folder, the bounded import child started through the
program itself, the machine's config used when the user has none. The packages
themselves are built and run by `make package package-test`, never by `make test`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from app import config as config_module
from services import paths
from services.imports import bounded

REPO = Path(__file__).resolve().parents[2]


def test_resources_are_the_checkouts_when_not_frozen():
    assert paths.app_root() == REPO
    assert (paths.RESOURCES_DIR / "taxonomy.toml").is_file()


def test_resources_are_the_bundles_when_frozen(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.app_root() == tmp_path


def test_the_frozen_child_is_the_program_itself(monkeypatch):
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert bounded.child_command() == [sys.executable, bounded.FROZEN_CHILD_ARG]
    monkeypatch.setattr(sys, "frozen", False)
    assert bounded.child_command()[1:3] == ["-I", "-c"]


def test_the_client_entry_runs_the_child(tmp_path):
    """packaging/entry_client.py with the child's argument answers one request, imports no Qt."""
    request = {"target": "json:dumps", "args": ["值守"], "memory_bytes": 1 << 30, "cpu_seconds": 10,
               "file_bytes": 1 << 20}
    done = subprocess.run([sys.executable, str(REPO / "packaging" / "entry_client.py"), bounded.FROZEN_CHILD_ARG],
                          input=json.dumps(request).encode(), capture_output=True, timeout=60, cwd=REPO,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"value": json.dumps("值守")}


def test_the_machines_config_when_the_user_has_none(monkeypatch, tmp_path):
    system = tmp_path / "etc" / "config.toml"
    system.parent.mkdir()
    system.write_text('config_version = 1\n[site]\ncode = "XA"\n', encoding="utf-8")
    monkeypatch.setattr(config_module, "SYSTEM_CONFIG", system)
    monkeypatch.setattr(config_module, "user_config_dir", lambda name: str(tmp_path / "home" / name))
    assert config_module.load_config().site_code == "XA"
    own = tmp_path / "home" / "watchroom" / "config.toml"
    own.parent.mkdir(parents=True)
    own.write_text('config_version = 1\n[site]\ncode = "CQ"\n', encoding="utf-8")
    assert config_module.default_config_path() == own  # the user's own file wins, whole


def test_the_packaged_configs_load(monkeypatch):
    """/etc/watchroom/config.toml and mirror.toml as shipped are valid configs."""
    monkeypatch.delenv("WATCHROOM_MIRROR_PLATFORM_PASSWORD", raising=False)
    root = REPO / "packaging" / "deb" / "client" / "root" / "etc" / "watchroom"
    workstation = config_module.load_config(root / "config.toml", must_exist=True)
    assert workstation.mirror_encryption == "passphrase" and workstation.sync_auth_mode == "both"
    assert str(workstation.sync_tls.ca_file) == "/etc/watchroom/tls/ca.crt"
    mirror = config_module.load_config(root / "mirror.toml", must_exist=True)
    assert mirror.profile == "backup" and str(mirror.mirror_path) == "/var/lib/watchroom/mirror/mirror.db"
