"""packaging/vm_api.py (what `make package-vm-test` runs inside its VM) against a live platform:
CI never boots the VM, so the API calls it makes are kept working here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from server.app import add_user
from tests.server.live_server import start_live_server

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "vm_api.py"
PASSWORD = "Vm-test-Password-0001"


def run(env: dict, *args: str) -> str:
    done = subprocess.run([sys.executable, str(SCRIPT), *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_health_seed_and_codes_through_the_api(tmp_path):
    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    try:
        add_user(live.app.state.db, "admin", PASSWORD, "admin")
        (tmp_path / "admin-password").write_text(PASSWORD + "\n", encoding="utf-8")
        env = {"PATH": "/usr/bin:/bin", "WATCHROOM_VM_API": live.url + "/api/v1",
               "WATCHROOM_VM_ADMIN_PASSWORD_FILE": str(tmp_path / "admin-password")}
        assert json.loads(run(env, "health", "10"))["health"]["status"] == "ok"
        assert json.loads(run(env, "seed", "3", "t")) == {"posted": 3, "statuses": ["applied"]}
        assert json.loads(run(env, "codes")) == ["VM-t-00", "VM-t-01", "VM-t-02"]
    finally:
        live.stop()


def test_the_vm_scripts_parse():
    """`make package-vm-test` runs only by hand: at least its shell scripts must stay valid bash."""
    for name in ("vm_test.sh", "vm_image.sh"):
        done = subprocess.run(["bash", "-n", str(SCRIPT.parent / name)], capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
